"""The whole eval: cases -> scorecard, plus the validator's and scrubber's own scores."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from narrator.atomic import atomic_write_text
from narrator.errors import ConfigError
from narrator.evals.baseline import Baseline, compare
from narrator.evals.cases import Case
from narrator.evals.checks import unknown_categories
from narrator.evals.runner import RunOptions, run_cases
from narrator.evals.scorecard import Scorecard, case_metrics, flatten

# (module, function) candidates for the component scores, first importable one wins.
VALIDATOR_SCORER = [("narrator.validation", "score_corpus")]
PII_SCORER = [("narrator.privacy", "score_pii_set"), ("narrator.privacy.evaluate", "score_pii_set")]


def _scorer(candidates: list[tuple[str, str]]) -> Callable[[], dict[str, Any]] | None:
    for module, name in candidates:
        try:
            fn = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if fn is not None:
            return fn
    return None


def component_scores(notes: list[str]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The validator's scores on its labelled corpus and the scrubber's on its PII set."""
    results: list[dict[str, Any] | None] = []
    for label, candidates in (("validatorcorpus", VALIDATOR_SCORER), ("PII-set", PII_SCORER)):
        fn = _scorer(candidates)
        if fn is None:
            notes.append(f"score op de {label} niet beschikbaar (functie niet gevonden)")
            results.append(None)
            continue
        try:
            results.append(fn())
        except Exception as exc:  # a broken scorer is reported, never fatal
            notes.append(f"score op de {label} mislukt: {type(exc).__name__}: {exc}")
            results.append(None)
    return results[0], results[1]


def run_eval(cases: list[Case], options: RunOptions, *, components: bool = True,
             progress: Callable[[str], None] = lambda _s: None) -> Scorecard:
    """Run every case, aggregate the metrics and add the component scores."""
    for case in cases:
        bad = unknown_categories(case)
        if bad:
            raise ConfigError(f"onbekende categorie(ën): {', '.join(bad)}", file=str(case.source))
    start = time.perf_counter()
    results = run_cases(cases, options, progress)
    metrics = case_metrics(results)
    notes: list[str] = []
    corpus, pii = component_scores(notes) if components else (None, None)
    metrics.update(flatten("validator", corpus))
    metrics.update(flatten("pii", pii))
    return Scorecard(
        backend=options.backend, model=options.model,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(time.perf_counter() - start, 2), cases=results, metrics=metrics,
        validator_corpus=corpus, pii_set=pii, notes=notes)


def apply_baseline(card: Scorecard, baseline: Baseline, path: Path) -> Scorecard:
    """The scorecard with the regressions/improvements against ``baseline``."""
    unmeasured = frozenset() if any(c.pages is not None for c in card.cases) \
        else frozenset({"page_budgets_met"})
    comparison = compare(baseline, card.metrics, unmeasured)
    return card.model_copy(update={"baseline": str(path),
                                   "regressions": comparison.regressions,
                                   "improvements": comparison.improvements})


def save_scorecard(card: Scorecard, out_dir: Path, *, gitignore: bool = False) -> Path:
    """Write ``scorecard_<backend>.json`` into ``out_dir``; with ``gitignore`` the folder gets a
    ``.gitignore`` holding ``*`` so that results never end up in a commit."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ignore = out_dir / ".gitignore"
    if gitignore and not ignore.exists():
        atomic_write_text(ignore, "*\n")
    path = out_dir / f"scorecard_{card.backend}.json"
    atomic_write_text(path, card.model_dump_json(indent=2) + "\n")
    return path
