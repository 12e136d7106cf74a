"""Integration: the template back end's drafts give no error findings (no false positives)."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator import drafting
from narrator.facts import load_facts
from narrator.validation import validate_text

ROOT = Path(__file__).resolve().parents[1]
FACTS = [ROOT / "tests/fixtures/facts_example.json",
         *sorted((ROOT / "evals/cases/facts").glob("*.json"))]


@pytest.mark.parametrize("facts_path", FACTS, ids=[p.stem for p in FACTS])
def test_template_draft_has_no_errors(facts_path: Path, tmp_path: Path) -> None:
    facts = load_facts(facts_path)
    result = drafting.draft_report(facts, backend="template", run_dir=tmp_path)
    errors = [f.format_text() for part, text in result.texts.items()
              for f in validate_text(text, facts=facts, part=part, file=part)
              if f.severity == "error"]
    assert errors == []
