"""Month-over-month decomposition of a KPI's change by one dimension.

Three cases, each summing EXACTLY (up to float rounding) to the KPI's total change:

* additive KPI (no denominator, e.g. klant-uren): contribution = segment total now - then.
* ratio KPI whose denominator has the dimension (e.g. churn by region): the KPI is the
  weighted mean of segment rates, V = sum_s w_s * r_s with w_s = den_s / sum(den) and
  r_s = scale * num_s / den_s. Per segment, with bars for the average of both months:

      rate effect = w̄_s * (r1_s - r0_s)          the KPI moved inside the segment
      mix effect  = (r̄_s - V̄) * (w1_s - w0_s)    the segment's share moved

  Because w1 r1 - w0 r0 = w̄ Δr + r̄ Δw exactly and sum_s Δw_s = 0 (so subtracting V̄ adds
  nothing over all segments), sum_s (rate + mix) = V1 - V0 exactly. Subtracting V̄ makes a
  segment's mix effect positive only if its share grew while its rate is above the average.
  A segment absent in one month takes its other month's rate there (its move is all mix).
* ratio KPI whose denominator lacks the dimension (contacts per channel over the whole
  customer base): contribution = scale * (num1_s / D1 - num0_s / D0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from narrator.kpis.compute import Measure


@dataclass(frozen=True)
class SegmentChange:
    """One segment's part of the change (the engine's view; build.py makes Contributions)."""

    dimension: str
    segment: str
    value: float | None
    previous: float | None
    contribution: float
    rate_effect: float | None
    mix_effect: float | None


def _by_segment(frame: pd.DataFrame, column: str, dim: str, month: str) -> pd.Series:
    rows = frame[frame["month"] == month]
    return rows.groupby(dim)[column].sum()


def decompose(measure: Measure, dim: str, month: str, previous: str) -> list[SegmentChange]:
    """Contributions of each segment of ``dim`` to the change from ``previous`` to ``month``."""
    if dim not in measure.num.columns:
        return []
    n1 = _by_segment(measure.num, "num", dim, month)
    n0 = _by_segment(measure.num, "num", dim, previous)
    segments = sorted(set(n1.index) | set(n0.index))
    n1, n0 = n1.reindex(segments, fill_value=0.0), n0.reindex(segments, fill_value=0.0)
    if measure.den is None:
        return [SegmentChange(dim, s, float(n1[s]), float(n0[s]), float(n1[s] - n0[s]),
                              None, None) for s in segments]
    if dim in measure.den.columns:
        d1 = _by_segment(measure.den, "den", dim, month)
        d0 = _by_segment(measure.den, "den", dim, previous)
        segments = sorted(set(segments) | set(d1.index) | set(d0.index))
        n1, n0 = n1.reindex(segments, fill_value=0.0), n0.reindex(segments, fill_value=0.0)
        d1, d0 = d1.reindex(segments, fill_value=0.0), d0.reindex(segments, fill_value=0.0)
        if not (((d1 == 0) & (n1 != 0)).any() or ((d0 == 0) & (n0 != 0)).any()):
            return _rate_mix(measure.scale, dim, n1, n0, d1, d0)
    big_d1, big_d0 = measure.den_total(month), measure.den_total(previous)
    return [_share_change(measure.scale, dim, s, float(n1[s]), float(n0[s]), big_d1, big_d0)
            for s in segments]


def _share_change(scale: float, dim: str, seg: str, n1: float, n0: float, d1: float,
                  d0: float) -> SegmentChange:
    now = scale * n1 / d1 if d1 else 0.0
    then = scale * n0 / d0 if d0 else 0.0
    return SegmentChange(dim, seg, now, then, now - then, None, None)


def _rate_mix(scale: float, dim: str, n1: pd.Series, n0: pd.Series, d1: pd.Series,
              d0: pd.Series) -> list[SegmentChange]:
    total1, total0 = float(d1.sum()), float(d0.sum())
    w1 = d1 / total1 if total1 else d1 * 0.0
    w0 = d0 / total0 if total0 else d0 * 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        r1 = scale * n1 / d1.where(d1 != 0)
        r0 = scale * n0 / d0.where(d0 != 0)
    r1_filled, r0_filled = r1.fillna(r0).fillna(0.0), r0.fillna(r1).fillna(0.0)
    v1 = float((w1 * r1_filled).sum())
    v0 = float((w0 * r0_filled).sum())
    v_bar = (v1 + v0) / 2.0
    rate = (w1 + w0) / 2.0 * (r1_filled - r0_filled)
    mix = ((r1_filled + r0_filled) / 2.0 - v_bar) * (w1 - w0)
    return [SegmentChange(dim, str(s), _opt(r1[s]), _opt(r0[s]), float(rate[s] + mix[s]),
                          float(rate[s]), float(mix[s])) for s in n1.index]


def _opt(value: float) -> float | None:
    return None if value is None or math.isnan(value) else float(value)


def share_of_change(contribution: float, total: float) -> float:
    """contribution / total change in %; 0 when the KPI did not change."""
    return contribution / total * 100.0 if total else 0.0


def top_driver(changes: list[SegmentChange], dims: list[str], total: float,
               concentration_pct: float) -> SegmentChange | None:
    """The headline driver: the largest segment of the first concentrated dimension.

    A dimension is concentrated when its largest segment (by share of the change) carries at
    least ``concentration_pct`` %. Without any concentrated dimension: the largest share overall.
    """
    if not changes or not total:
        return None
    best_overall: SegmentChange | None = None
    for dim in dims:
        in_dim = [c for c in changes if c.dimension == dim]
        if not in_dim:
            continue
        best = max(in_dim, key=lambda c: c.contribution / total)
        if share_of_change(best.contribution, total) >= concentration_pct:
            return best
        if best_overall is None or best.contribution / total > best_overall.contribution / total:
            best_overall = best
    return best_overall
