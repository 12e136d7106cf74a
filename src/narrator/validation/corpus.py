"""Scoring the validator on the labelled sentence corpus: precision and recall per category.

The corpus is JSONL, one object a line: ``text``, ``categories`` (expected, [] for a clean
sentence), ``facts`` (check against the facts bundle) and optional ``part``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from narrator.config import project_root
from narrator.errors import DataError
from narrator.facts import Facts, load_facts
from narrator.validation.engine import validate_text
from narrator.validation.findings import CATEGORIES


class CorpusItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    categories: list[str] = Field(default_factory=list)
    facts: bool = False
    part: str | None = None


def default_corpus() -> Path:
    return project_root() / "tests" / "corpus" / "sentences.jsonl"


def default_facts() -> Path:
    return project_root() / "tests" / "fixtures" / "facts_example.json"


def load_corpus(path: Path | None = None) -> list[CorpusItem]:
    """Read the corpus; a bad line -> DataError naming file and line."""
    path = Path(path or default_corpus())
    items = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(CorpusItem.model_validate(json.loads(line)))
        except ValueError as exc:
            raise DataError(f"ongeldige corpusregel: {exc}", file=str(path), row=no) from exc
    return items


def predict(item: CorpusItem, facts: Facts | None) -> set[str]:
    """Categories the validator reports for one corpus item."""
    found = validate_text(item.text, facts=facts if item.facts else None, part=item.part)
    return {f.category for f in found}


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def score_corpus(corpus: Path | None = None, facts: Path | None = None) -> dict[str, dict]:
    """Per category: tp, fp, fn, precision, recall; plus the misclassified sentences."""
    items = load_corpus(corpus)
    bundle = load_facts(Path(facts or default_facts()))
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}
    errors: list[dict[str, object]] = []
    for item in items:
        got, want = predict(item, bundle), set(item.categories)
        for cat in CATEGORIES:
            key = "tp" if cat in got and cat in want else "fp" if cat in got else (
                "fn" if cat in want else None)
            if key:
                counts[cat][key] += 1
        if got != want:
            errors.append({"text": item.text, "expected": sorted(want), "got": sorted(got)})
    result: dict[str, dict] = {}
    for cat, c in counts.items():
        result[cat] = {**c, "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
                       "recall": _ratio(c["tp"], c["tp"] + c["fn"])}
    result["_totaal"] = {"zinnen": len(items), "fouten": errors}
    return result
