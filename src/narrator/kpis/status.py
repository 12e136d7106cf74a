"""Deviation, status and norm check of a KPI (rules documented in config/kpis.yaml)."""

from __future__ import annotations

import math

from narrator.config import Thresholds
from narrator.facts import STATUS_SEVERITY, Basis, Direction, Status


def change_pct(value: float | None, previous: float | None) -> float | None:
    """Relative change in % (signed, not direction-adjusted); None when undefined."""
    if value is None or previous is None or previous == 0:
        return None
    return (value - previous) / abs(previous) * 100.0


def deviation(value: float | None, previous: float | None, direction: Direction,
              basis: Basis) -> float | None:
    """Unfavourable deviation per basis (>0 is worse, <0 is better).

    relative  : change / |previous| in %, sign flipped for 'higher is better'
    complement: relative change of (100 - value), e.g. 99,95 -> 99,90 gives +100%
    points    : change in points (NPS), sign flipped for 'higher is better'
    Returns +inf when the base is zero and the KPI got worse, None without data.
    """
    if value is None or previous is None:
        return None
    worse = 1.0 if direction == "lower" else -1.0
    if basis == "points":
        return worse * (value - previous) + 0.0
    if basis == "complement":
        base, now, worse = 100.0 - previous, 100.0 - value, -worse
    else:
        base, now = previous, value
    diff = worse * (now - base)
    if base == 0:
        return 0.0 if diff == 0 else math.copysign(math.inf, diff)
    return diff / abs(base) * 100.0 + 0.0


def norm_met(value: float | None, norm: float | None, direction: Direction) -> bool | None:
    """Whether ``value`` meets ``norm`` (None when no norm is set or there is no value)."""
    if norm is None or value is None:
        return None
    return value >= norm if direction == "higher" else value <= norm


def classify(dev: float | None, thresholds: Thresholds, met: bool | None) -> Status:
    """> rood -> rood, > oranje -> oranje, else groen; a missed norm makes it at least oranje."""
    status: Status = "groen"
    if dev is not None and dev > thresholds.rood:
        status = "rood"
    elif dev is not None and dev > thresholds.oranje:
        status = "oranje"
    if met is False and STATUS_SEVERITY[status] < STATUS_SEVERITY["oranje"]:
        status = "oranje"
    return status
