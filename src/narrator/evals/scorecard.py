"""The scorecard: per-case results, the aggregate metrics, and how they are printed.

Metric names are flat dotted keys (``findings_per_1000_words.jargon``, ``validator.jargon.recall``)
so that the baseline can give each a tolerance with a glob pattern (see ``baseline.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import Field, computed_field

from narrator.strict import StrictModel
from narrator.validation.findings import CATEGORIES

Severity = Literal["error", "warning", "info"]



class FindingRecord(StrictModel):
    """A validator finding on one part of a case's draft."""

    part: str
    line: int
    column: int
    rule: str
    category: str
    severity: Severity
    message: str
    match: str = ""


class Coverage(StrictModel):
    """Whether a rood KPI's section gives a cause, an action and the owner."""

    kpi: str
    section: bool
    cause: bool
    action: bool
    owner: bool

    @computed_field  # type: ignore[prop-decorator]
    @property
    def covered(self) -> bool:
        return self.section and self.cause and self.action and self.owner

    def missing(self) -> list[str]:
        """Dutch names of what is missing."""
        names = {"section": "sectie", "cause": "oorzaak", "action": "actie", "owner": "eigenaar"}
        return [nl for key, nl in names.items() if not getattr(self, key)]


class CaseResult(StrictModel):
    """What one case produced and which of its expectations failed."""

    name: str
    description: str = ""
    words: dict[str, int] = Field(default_factory=dict)
    findings: list[FindingRecord] = Field(default_factory=list)
    numbers_total: int = 0
    numbers_untraceable: int = 0
    coverage: list[Coverage] = Field(default_factory=list)
    priorities: int | None = None
    pages: dict[str, int] | None = None
    overflows: dict[str, str] | None = None
    flagged: dict[str, str] = Field(default_factory=dict)
    sections: int = 0
    calls: int = 0
    fallbacks: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float = 0.0
    pii_leaks: list[str] = Field(default_factory=list)
    failures: list[str] = Field(default_factory=list)
    known: list[str] = Field(default_factory=list, description="failures listed as known gaps")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        return not self.failures

    def count(self, category: str | None = None, severities: Iterable[str] = ("error",)) -> int:
        """Findings of ``category`` (None = all) with one of ``severities``."""
        sev = set(severities)
        return sum(1 for f in self.findings
                   if f.severity in sev and (category is None or f.category == category))


class Scorecard(StrictModel):
    """The eval suite's result for one back end."""

    backend: str
    model: str | None = None
    created_at: str
    seconds: float = 0.0
    cases: list[CaseResult]
    metrics: dict[str, float | None]
    validator_corpus: dict[str, Any] | None = None
    pii_set: dict[str, Any] | None = None
    notes: list[str] = Field(default_factory=list)
    baseline: str | None = None
    regressions: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)

    @property
    def failed_cases(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.passed]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        return not self.failed_cases and not self.regressions


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def case_metrics(cases: list[CaseResult]) -> dict[str, float | None]:
    """Aggregate metrics over all cases (the figures the baseline compares)."""
    words = sum(sum(c.words.values()) for c in cases)
    per_k = 1000 / words if words else 0.0
    sev = ("error", "warning")
    metrics: dict[str, float | None] = {"cases": len(cases),
                                        "cases_passed": sum(c.passed for c in cases),
                                        "known_failures": sum(len(c.known) for c in cases),
                                        "words": words}
    for cat in CATEGORIES:
        metrics[f"findings_per_1000_words.{cat}"] = round(
            sum(c.count(cat, sev) for c in cases) * per_k, 3)
    metrics["findings_per_1000_words.total"] = round(sum(c.count(None, sev) for c in cases)
                                                     * per_k, 3)
    metrics["errors"] = sum(c.count(None) for c in cases)
    metrics.update(_truth_metrics(cases))
    metrics.update(_cost_metrics(cases))
    return metrics


def _truth_metrics(cases: list[CaseResult]) -> dict[str, float | None]:
    numbers = sum(c.numbers_total for c in cases)
    untraceable = sum(c.numbers_untraceable for c in cases)
    rood = [cov for c in cases for cov in c.coverage]
    with_top3 = [c for c in cases if c.priorities is not None]
    rendered = [c for c in cases if c.pages is not None]
    parts = sum(len(c.pages or {}) for c in rendered)
    over = sum(len(c.overflows or {}) for c in rendered)
    return {
        "numbers": numbers,
        "numbers_traceable_share": _ratio(numbers - untraceable, numbers),
        "rood_kpis": len(rood),
        "rood_coverage": _ratio(sum(cov.covered for cov in rood), len(rood)),
        "top3_share": _ratio(sum(c.priorities == 3 for c in with_top3), len(cases)),
        "page_budgets_met": _ratio(parts - over, parts),
        "pii_leaks": sum(len(c.pii_leaks) for c in cases),
    }


def _cost_metrics(cases: list[CaseResult]) -> dict[str, float | None]:
    latencies = [c.latency_s for c in cases]
    return {
        "fallback_rate": _ratio(sum(c.fallbacks for c in cases), sum(c.sections for c in cases)),
        "flagged_sections": sum(len(c.flagged) for c in cases),
        "calls": sum(c.calls for c in cases),
        "tokens_in": sum(c.tokens_in for c in cases),
        "tokens_out": sum(c.tokens_out for c in cases),
        "latency_s_mean": round(sum(latencies) / len(latencies), 3) if latencies else None,
        "latency_s_max": round(max(latencies), 3) if latencies else None,
    }


def flatten(prefix: str, node: Any) -> dict[str, float]:
    """Numeric leaves of a nested dict as ``prefix.key.key``; bools and non-numbers skipped."""
    out: dict[str, float] = {}
    if isinstance(node, bool):
        return out
    if isinstance(node, int | float):
        if not math.isnan(float(node)):
            out[prefix] = round(float(node), 4)
    elif isinstance(node, dict):
        for key, value in node.items():
            out.update(flatten(f"{prefix}.{key}" if prefix else str(key), value))
    return out
