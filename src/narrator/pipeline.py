"""The monthly run: exports -> facts -> scrub -> drafts -> findings -> concept PDFs.

Data flows one way; each stage is called through its public function. Input errors surface
before anything is written, so a failed run leaves no half-written report folder behind.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from narrator.atomic import atomic_write_text
from narrator.calendar import MONTH_PATTERN
from narrator.facts import REPORT_PARTS, Facts, save_facts
from narrator.report_folder import ReportFolder


class RunRequest(BaseModel):
    """What `narrator run` was asked to do."""

    data_dir: Path
    month: str | None = Field(None, pattern=MONTH_PATTERN)
    reports_root: Path = Path("reports")
    backend: str = "template"
    model: str | None = None

    @property
    def report_dir(self) -> Path:
        if self.month is None:
            raise ValueError("month not resolved yet")
        return self.reports_root / self.month


def make_request(**fields: Any) -> RunRequest:
    """Build a RunRequest; an invalid month becomes a Dutch NarratorError."""
    from pydantic import ValidationError

    from narrator.errors import NarratorError

    try:
        return RunRequest(**fields)
    except ValidationError as exc:
        raise NarratorError(f"ongeldige maand '{fields.get('month')}': gebruik JJJJ-MM, "
                            "bijvoorbeeld 2026-11.") from exc


class RunOutcome(BaseModel):
    """What a run produced, for the CLI summary and the benchmark."""

    report_dir: Path
    errors: int
    warnings: int
    flagged: dict[str, str]
    pages: dict[str, int]
    overflows: dict[str, str]
    draft_messages: list[str]
    fact_warnings: list[str]
    timings: dict[str, float]


Progress = Callable[[str], None]


@contextmanager
def _timed(timings: dict[str, float], stage: str, progress: Progress) -> Iterator[None]:
    progress(stage)
    start = time.perf_counter()
    yield
    timings[stage] = round(timings.get(stage, 0.0) + time.perf_counter() - start, 3)


def build_scrubbed_facts(request: RunRequest, timings: dict[str, float],
                         progress: Progress) -> Facts:
    """Read the exports, compute the KPIs and evidence (for the latest month when the request
    names none), add last month's actions, scrub."""
    from narrator.kpis import build_facts
    from narrator.privacy import scrub_facts
    from narrator.review import load_previous_actions
    from narrator.sources import load_sources

    with _timed(timings, "bronnen inlezen", progress):
        bundle = load_sources(request.data_dir)
    month = request.month or latest_month(bundle)
    with _timed(timings, "KPI's en oorzaken berekenen", progress):
        facts = build_facts(bundle, month)
        actions = load_previous_actions(request.reports_root, month, facts)
        facts = facts.model_copy(update={"previous_actions": actions})
    with _timed(timings, "persoonsgegevens verwijderen", progress):
        return scrub_facts(facts)


def latest_month(bundle: Any) -> str:
    """The most recent month for which the Salesforce customer base has figures."""
    return str(bundle.tables["accounts"]["month"].max())


def run_report(request: RunRequest, progress: Progress = lambda _s: None) -> RunOutcome:
    """Produce the report folder for one month. Raises NarratorError on bad input.

    The page budget is checked on the generated text before anything is written, so one run
    writes the drafts once (a reviewer's edited draft gets at most one new version).
    """
    timings: dict[str, float] = {}
    facts = build_scrubbed_facts(request, timings, progress)
    request = request.model_copy(update={"month": facts.month})  # the latest month when unset
    report_dir = request.report_dir
    save_facts(facts, ReportFolder(report_dir).facts)
    draft = _draft(request, facts, timings, progress, shorten=None)
    render = _render(facts, draft.texts, report_dir, timings, progress)
    if render.overflows:
        progress("tekst inkorten (paginabudget)")
        draft = _draft(request, facts, timings, progress, shorten=set(render.overflows))
        render = _render(facts, draft.texts, report_dir, timings, progress)
    written = _write(report_dir, draft.texts)
    texts = current_texts(report_dir)
    if texts != draft.texts:  # the reviewer's edits were kept: the concept shows their text
        render = _render(facts, texts, report_dir, timings, progress)
    findings = _validate(report_dir, timings, progress)
    outcome = _outcome(request, facts, draft, written, render, findings, timings)
    _record_run(request, draft, outcome)
    return outcome


class RunRecord(BaseModel):
    """``run.json``: what produced this report folder (read by accept for the manifest)."""

    narrator_version: str
    data_dir: str
    month: str
    backend: str
    model: str | None
    finished_at: str
    errors: int
    warnings: int
    flagged: dict[str, str]
    timings: dict[str, float]


def _record_run(request: RunRequest, draft: Any, outcome: RunOutcome) -> None:
    from datetime import datetime

    from narrator import __version__

    record = RunRecord(
        narrator_version=__version__, data_dir=str(request.data_dir.resolve()),
        month=str(request.month), backend=request.backend,
        model=getattr(draft, "model", None) or request.model,
        finished_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        errors=outcome.errors, warnings=outcome.warnings, flagged=outcome.flagged,
        timings=outcome.timings)
    atomic_write_text(ReportFolder(request.report_dir).run_record,
                      record.model_dump_json(indent=2))


def _draft(request: RunRequest, facts: Facts, timings: dict[str, float], progress: Progress,
           shorten: set[str] | None) -> Any:
    from narrator.drafting import draft_report

    with _timed(timings, "tekst opstellen", progress):
        return draft_report(facts, backend=request.backend, model=request.model,
                            run_dir=request.report_dir, shorten=shorten)


def _write(report_dir: Path, texts: dict[str, str]) -> Any:
    from narrator.review import write_drafts

    return write_drafts(report_dir, texts)


def current_texts(report_dir: Path) -> dict[str, str]:
    """The drafts as they stand in ``draft/`` (the reviewer's copy when edited)."""
    folder = ReportFolder(report_dir)
    return {part: folder.draft(part).read_text(encoding="utf-8") for part in REPORT_PARTS}


def _render(facts: Facts, texts: dict[str, str], report_dir: Path, timings: dict[str, float],
            progress: Progress) -> Any:
    from narrator.render import render_report

    with _timed(timings, "PDF's opmaken", progress):
        return render_report(facts, texts, ReportFolder(report_dir).concept_dir, concept=True)


def _validate(report_dir: Path, timings: dict[str, float], progress: Progress) -> list[Any]:
    from narrator.validation import validate_report_dir

    with _timed(timings, "controleren", progress):
        findings = validate_report_dir(report_dir)
        payload = [f.model_dump() for f in findings]
        atomic_write_text(ReportFolder(report_dir).findings,
                          json.dumps(payload, ensure_ascii=False, indent=2))
    return findings


def _outcome(request: RunRequest, facts: Facts, draft: Any, written: Any, render: Any,
             findings: list[Any], timings: dict[str, float]) -> RunOutcome:
    return RunOutcome(
        report_dir=request.report_dir,
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        flagged=dict(draft.flagged),
        pages=dict(render.pages),
        overflows=dict(render.overflows),
        draft_messages=list(getattr(written, "messages", []) or []),
        fact_warnings=list(facts.warnings),
        timings=timings,
    )
