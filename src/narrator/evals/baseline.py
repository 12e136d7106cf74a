"""The committed baseline and the regression check against it.

``evals/baseline_template.json`` holds the metrics of a known-good run and, per metric pattern,
a tolerance::

    {"tolerances": {"numbers_traceable_share": {"better": "higher", "abs": 0.0},
                    "findings_per_1000_words.*": {"better": "lower", "abs": 0.5},
                    "latency_*": {"ignore": true}},
     "metrics": {"numbers_traceable_share": 1.0, ...}}

A metric regresses when it moves in the worse direction by more than ``abs + rel * |baseline|``.
The first pattern (in file order, ``fnmatch`` syntax) that matches a metric name applies; a
metric without a matching pattern, or with ``better: info``, is reported but never compared.
A metric that the baseline has but the current run lacks (e.g. the PII set could not be scored)
is a regression unless its tolerance says ``ignore``.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from narrator.atomic import atomic_write_text
from narrator.config import project_root, validation_message
from narrator.errors import ConfigError
from narrator.numbers import format_number


class Tolerance(BaseModel):
    """How far a metric may move in its worse direction before it counts as a regression."""

    model_config = ConfigDict(extra="forbid")

    better: Literal["higher", "lower", "info"] = "info"
    abs: float = 0.0
    rel: float = 0.0
    ignore: bool = False

    def allowed(self, base: float) -> float:
        return self.abs + self.rel * abs(base)


class Baseline(BaseModel):
    """The committed baseline file."""

    model_config = ConfigDict(extra="forbid")

    backend: str = "template"
    note: str = ""
    tolerances: dict[str, Tolerance] = Field(default_factory=dict)
    metrics: dict[str, float | None] = Field(default_factory=dict)

    def tolerance(self, metric: str) -> Tolerance:
        """The first tolerance whose pattern matches ``metric``; 'info' when none does."""
        for pattern, tol in self.tolerances.items():
            if fnmatchcase(metric, pattern):
                return tol
        return Tolerance()


class Comparison(BaseModel):
    """Outcome of comparing current metrics with the baseline (Dutch lines for the user)."""

    regressions: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)


def default_baseline_path(backend: str) -> Path:
    """``evals/baseline_<backend>.json`` if it exists, else the template baseline."""
    evals = project_root() / "evals"
    own = evals / f"baseline_{backend}.json"
    return own if own.exists() else evals / "baseline_template.json"


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a broken one is a ConfigError naming the file."""
    try:
        return Baseline.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ConfigError("baseline-bestand niet gevonden", file=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"ongeldige JSON: {exc.msg}", file=str(path), line=exc.lineno) from exc
    except ValidationError as exc:
        raise ConfigError(validation_message(exc.errors()[0]), file=str(path)) from exc


def _fmt(value: float) -> str:
    decimals = 0 if float(value).is_integer() else 3
    return format_number(value, decimals)


def compare(baseline: Baseline, metrics: dict[str, float | None],
            unmeasured: frozenset[str] = frozenset()) -> Comparison:
    """Regressions and improvements of ``metrics`` against ``baseline``; metrics named in
    ``unmeasured`` (deliberately not measured this run, e.g. ``--pages none``) are skipped."""
    result = Comparison()
    for name, base in baseline.metrics.items():
        tol = baseline.tolerance(name)
        if tol.ignore or tol.better == "info" or name in unmeasured:
            continue
        current = metrics.get(name)
        if current is None or base is None:
            if current is None and base is not None:
                result.regressions.append(f"{name}: ontbreekt (baseline {_fmt(base)})")
            continue
        worse = base - current if tol.better == "higher" else current - base
        line = f"{name}: {_fmt(current)} (baseline {_fmt(base)})"
        if worse > tol.allowed(base) + 1e-9:
            result.regressions.append(line)
        elif -worse > tol.allowed(base) + 1e-9:
            result.improvements.append(line)
    return result


def updated_baseline(baseline: Baseline | None, backend: str,
                     metrics: dict[str, float | None]) -> Baseline:
    """The baseline with ``metrics`` as its new reference values, tolerances kept."""
    base = baseline or Baseline(backend=backend)
    return base.model_copy(update={"backend": backend, "metrics": dict(sorted(metrics.items()))})


def save_baseline(baseline: Baseline, path: Path) -> None:
    """Write the baseline atomically, pretty-printed for review in a diff."""
    atomic_write_text(path, baseline.model_dump_json(indent=2) + "\n")
