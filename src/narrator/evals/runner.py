"""Runs eval cases through scrub -> drafting -> validator (-> render) and scores each draft.

The stages are injected (``Stages``) so the suite can be tested with fakes; the defaults call
the real public APIs: ``narrator.privacy.scrub_facts``, ``narrator.drafting.draft_report``,
``narrator.validation.validate_text`` and ``narrator.render.render_report``.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrator.evals import checks
from narrator.evals.cases import Case
from narrator.evals.scorecard import CaseResult, FindingRecord
from narrator.facts import REPORT_PARTS, Facts

Drafter = Callable[..., Any]


def _scrub(facts: Facts) -> Facts:
    from narrator.privacy import scrub_facts

    return scrub_facts(facts)


def _draft(facts: Facts, **kwargs: Any) -> Any:
    from narrator.drafting import draft_report

    return draft_report(facts, **kwargs)


def _validate(text: str, **kwargs: Any) -> list[Any]:
    from narrator.validation import validate_text

    return validate_text(text, **kwargs)


def _render(facts: Facts, texts: dict[str, str], out_dir: Path) -> Any:
    from narrator.render import render_report

    return render_report(facts, texts, out_dir, concept=True)


@dataclass
class Stages:
    """The pipeline stages the runner calls (real ones by default)."""

    scrub: Callable[[Facts], Facts] = _scrub
    draft: Drafter = _draft
    validate: Callable[..., list[Any]] = _validate
    render: Callable[[Facts, dict[str, str], Path], Any] = _render


@dataclass
class RunOptions:
    """How to run the cases."""

    backend: str = "template"
    model: str | None = None
    settings: Any = None
    work_dir: Path = Path("evals/results/runs")
    pages: str = "marked"  # "all" | "marked" | "none"
    stages: Stages = field(default_factory=Stages)

    def render_case(self, case: Case) -> bool:
        return self.pages == "all" or (self.pages == "marked" and case.check_pages)


_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def count_words(markdown: str) -> int:
    """Words (letters only) in a Markdown text; numbers and syntax do not count."""
    return len(_WORD.findall(markdown))


def run_case(case: Case, options: RunOptions) -> CaseResult:
    """Scrub, draft, validate (and optionally render) one case; score its expectations."""
    stages = options.stages
    facts = stages.scrub(case.load_facts())
    run_dir = options.work_dir / options.backend / case.name
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    draft = stages.draft(facts, backend=options.backend, model=options.model, run_dir=run_dir,
                         settings=options.settings)
    latency = time.perf_counter() - start
    texts = {part: draft.texts.get(part, "") for part in REPORT_PARTS}
    result = _score(case, facts, draft, texts, _findings(texts, facts, stages))
    result.latency_s = round(latency, 3)
    known = case.expectations.known_failures
    if options.render_case(case):
        rendered = stages.render(facts, texts, run_dir / "concept")
        result.pages = {p: n for p, n in rendered.pages.items() if p in REPORT_PARTS}
        result.overflows = {p: m for p, m in rendered.overflows.items() if p in REPORT_PARTS}
    else:  # page budgets not checked this run: a known page-budget gap cannot be judged
        known = [k for k in known if not k.startswith(checks.PAGE_BUDGET)]
    result.failures, result.known = checks.split_known(
        checks.failures(case, facts, texts, result), known)
    return result


def _score(case: Case, facts: Facts, draft: Any, texts: dict[str, str],
           findings: list[FindingRecord]) -> CaseResult:
    """The measurements of one draft (expectations are judged afterwards)."""
    return CaseResult(
        name=case.name, description=case.description,
        words={part: count_words(text) for part, text in texts.items()},
        findings=findings,
        numbers_total=sum(checks.count_numbers(t) for t in texts.values()),
        numbers_untraceable=sum(1 for f in findings if f.category == "cijfers"),
        coverage=checks.rood_coverage(facts, texts["analyse"]),
        priorities=checks.count_priorities(texts["samenvatting"]),
        flagged=dict(getattr(draft, "flagged", {}) or {}),
        sections=checks.count_sections(draft),
        calls=int(getattr(draft, "calls", 0)), fallbacks=int(getattr(draft, "fallbacks", 0)),
        tokens_in=int(getattr(draft, "tokens_in", 0)),
        tokens_out=int(getattr(draft, "tokens_out", 0)),
        pii_leaks=checks.pii_leaks(case.expectations.planted_pii, facts, texts),
    )


def _findings(texts: dict[str, str], facts: Facts, stages: Stages) -> list[FindingRecord]:
    out = []
    for part, text in texts.items():
        for f in stages.validate(text, facts=facts, part=part, file=f"{part}.md"):
            out.append(FindingRecord(part=part, line=f.line, column=f.column, rule=f.rule,
                                     category=f.category, severity=f.severity,
                                     message=f.message, match=f.match or ""))
    return out


def run_cases(cases: list[Case], options: RunOptions,
              progress: Callable[[str], None] = lambda _s: None) -> list[CaseResult]:
    """Run every case in order."""
    results = []
    for case in cases:
        progress(case.name)
        results.append(run_case(case, options))
    return results
