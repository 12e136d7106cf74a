"""Shared helpers for the review tests (no tests here): report folders, fake validator/renderer."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrator.facts import Facts, load_facts, save_facts
from narrator.review import write_drafts

FIXTURE = Path(__file__).parent / "fixtures" / "facts_example.json"

DASHBOARD = "# Dashboard november 2026\n\nDrie KPI's staan op rood; churn vraagt direct actie.\n"
ANALYSE = """# Analyse november 2026

## Conclusie

Churn en storingen in regio Oost bepalen de maand.

## Trends

De beschikbaarheid daalde naar 99,87%.

## Afwijkingen en oorzaken

### Opzeggingen (churn)

Opzeggingen stegen in regio Oost.

## Acties

| Wat | Wie | Wanneer | Verwacht effect |
|---|---|---|---|
| Retentieteam belt klanten in Oost | Ahmed Hassan | 15 december 2026 | Churn als in oktober |
| Extra monteurs inzetten in Oost | Pieter van Dijk | 1 december 2026 | Hersteltijd onder 4 uur |
| Wachtrij-informatie op de website | Hoofd Customer Service | januari 2027 | Kortere wachttijd |
| Kennisbank opschonen | Sarah Mensink | Q1 2027 | Minder herhaalvragen |
"""
SAMENVATTING = """# Executive summary november 2026

Churn in Oost vraagt een besluit van het MT.

## Top 3 prioriteiten

1. Retentieaanbod Oost.
2. Monteurs Oost.
3. Wachttijd omlaag.
"""
TEXTS = {"dashboard": DASHBOARD, "analyse": ANALYSE, "samenvatting": SAMENVATTING}


def example_facts(month: str = "2026-11", **updates: Any) -> Facts:
    """The fixture Facts, optionally moved to another month or with fields replaced."""
    facts = load_facts(FIXTURE)
    if month != facts.month:
        updates.setdefault("month", month)
    return facts.model_copy(update=updates)


def make_report(root: Path, month: str = "2026-11", texts: dict[str, str] | None = None,
                facts: Facts | None = None) -> Path:
    """``root/reports/<month>`` with facts.json, generated drafts and a small calls.jsonl."""
    report_dir = root / "reports" / month
    report_dir.mkdir(parents=True)
    save_facts(facts or example_facts(month), report_dir / "facts.json")
    write_drafts(report_dir, texts or TEXTS)
    calls = [{"template": "analyse.j2", "template_sha256": "ab" * 32, "model": "gpt-4o-mini",
              "backend": "openai", "tokens_in": 10},
             {"template": "analyse.j2", "template_sha256": "ab" * 32, "model": "gpt-4o-mini",
              "backend": "openai", "tokens_in": 12},
             {"template": "template", "template_sha256": "", "prompt_sha256": "", "model": None,
              "backend": "template"}]
    (report_dir / "calls.jsonl").write_text(
        "\n".join(json.dumps(c) for c in calls) + "\nnot json\n", encoding="utf-8")
    return report_dir


@dataclass
class FakeFinding:
    severity: str
    rule: str = "handmatig-controleren"
    category: str = "structuur"
    message: str = "Sectie handmatig controleren"

    def format_text(self) -> str:
        return f"draft/analyse.md:3:1: {self.severity} {self.category}/{self.rule} {self.message}"

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        return {"severity": self.severity, "rule": self.rule, "category": self.category,
                "message": self.message}


@dataclass
class FakeValidator:
    findings: list[FakeFinding] = field(default_factory=list)
    seen: list[Path] = field(default_factory=list)

    def __call__(self, report_dir: Path) -> list[FakeFinding]:
        self.seen.append(report_dir)
        return list(self.findings)


@dataclass
class FakeRenderer:
    """Writes one small 'PDF' per part plus rapport.pdf; remembers the concept flag."""

    concept_flags: list[bool] = field(default_factory=list)
    fail: bool = False
    overflows: dict[str, str] = field(default_factory=dict)

    def __call__(self, facts: Facts, texts: dict[str, str], out_dir: Path, *,
                 concept: bool = True) -> FakeRenderer:
        self.concept_flags.append(concept)
        out_dir.mkdir(parents=True, exist_ok=True)
        for part, text in texts.items():
            (out_dir / f"{part}.pdf").write_bytes(b"%PDF-1.7\n" + text.encode("utf-8"))
        if self.fail:
            raise RuntimeError("opmaak mislukt")
        (out_dir / "rapport.pdf").write_bytes(b"%PDF-1.7\nrapport " + facts.month.encode())
        return self  # like RenderResult, it carries .overflows


def copy_fixture(dst: Path) -> Path:
    shutil.copyfile(FIXTURE, dst)
    return dst
