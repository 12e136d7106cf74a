"""KPI computations, keyed by the ``formula`` name in config/kpis.yaml.

Every KPI is expressed as a :class:`Measure`: a numerator table (month, dimensions, ``num``)
and optionally a denominator table (month, dimensions, ``den``). The KPI value of a month is
``scale * sum(num) / sum(den)`` (ratio KPIs) or ``sum(num)`` (additive KPIs). The same
representation drives the month-over-month decomposition in :mod:`narrator.kpis.drivers`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from narrator.errors import ConfigError
from narrator.kpis.settings import EvidenceSettings
from narrator.kpis.tables import Tables
from narrator.sources.schema import SOURCE_FILE

MISSING = "onbekend"  # segment label for an empty dimension value ("?" or blank in the export)


@dataclass(frozen=True)
class Measure:
    """A KPI as numerator / denominator frames, both keyed by 'month' plus dimensions."""

    num: pd.DataFrame
    den: pd.DataFrame | None
    scale: float
    formula: str
    tables: tuple[str, ...]
    filter: str = ""
    # per table of ``tables``: the frame (num or den) whose rows are that table's rows used;
    # each has 'month', the dimensions and 'source_file' (lineage)
    used: tuple[pd.DataFrame, ...] = ()

    @property
    def additive(self) -> bool:
        return self.den is None

    def num_total(self, month: str) -> float:
        return float(self.num.loc[self.num["month"] == month, "num"].sum())

    def den_total(self, month: str) -> float:
        if self.den is None:
            return 1.0
        return float(self.den.loc[self.den["month"] == month, "den"].sum())

    def value(self, month: str) -> float | None:
        """The KPI value for ``month``; None when the month has no rows or no denominator."""
        if not (self.num["month"] == month).any():
            return None
        if self.den is None:
            return self.num_total(month)
        den = self.den_total(month)
        return self.scale * self.num_total(month) / den if den else None

    def values(self, months: list[str]) -> dict[str, float | None]:
        """Values for many months in one pass."""
        nums = self.num.groupby("month")["num"].sum()
        dens = self.den.groupby("month")["den"].sum() if self.den is not None else None
        out: dict[str, float | None] = {}
        for month in months:
            if month not in nums.index:
                out[month] = None
            elif dens is None:
                out[month] = float(nums[month])
            else:
                den = float(dens.get(month, 0.0))
                out[month] = self.scale * float(nums[month]) / den if den else None
        return out

    def parts(self) -> list[tuple[str, pd.DataFrame]]:
        """(table, rows used) pairs: the numerator's table, then the denominator's if other."""
        used = self.used or (self.num,)
        return list(zip(self.tables, used, strict=False))

    def rows(self, month: str) -> int:
        """Source rows of ``month`` that entered this KPI (all its tables)."""
        return int(sum((frame["month"] == month).sum() for _, frame in self.parts()))


def _frame(source: pd.DataFrame, dims: list[str], num: pd.Series,
           den: pd.Series | None = None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    keep = ["month", *[d for d in dims if d in source.columns]]
    base = source[[*keep, SOURCE_FILE]].copy()
    for col in keep[1:]:
        base[col] = base[col].astype(object).where(base[col].notna(), MISSING).astype(str)
    num_frame = base.assign(num=pd.to_numeric(num, errors="coerce").fillna(0.0).to_numpy(float))
    if den is None:
        return num_frame, None
    den_values = pd.to_numeric(den, errors="coerce").fillna(0.0).to_numpy(float)
    return num_frame, base.assign(den=den_values)


def availability_weighted(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
    """sum(availability_pct * customers) / sum(customers), per day x region x service."""
    a = t["availability"]
    num, den = _frame(a, dims, a["availability_pct"] * a["customers"], a["customers"])
    return Measure(num, den, 1.0, "sum(availability_pct * customers) / sum(customers)",
                   ("availability",), "maand van date")


def incident_customer_hours(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
    """sum(customers_affected * duration in hours) over incidents opened in the month."""
    inc = t["incidents"]
    num, _ = _frame(inc, dims, inc["customer_hours"])
    return Measure(num, None, 1.0,
                   "sum(customers_affected * (resolved_at - opened_at) in uren); open storingen "
                   "tot het einde van de gegevens", ("incidents",), "maand van opened_at")


def incident_mean_restore_hours(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
    """mean(resolved_at - opened_at) in hours over resolved incidents opened in the month."""
    inc = t["incidents"]
    resolved = inc[inc["is_resolved"]]
    num, den = _frame(resolved, dims, resolved["duration_hours"],
                      pd.Series(1.0, index=resolved.index))
    return Measure(num, den, 1.0, "mean(resolved_at - opened_at) in uren", ("incidents",),
                   "maand van opened_at, alleen opgeloste storingen (resolved_at gevuld)")


def contacts_per_1000(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
    """sum(contacts) / sum(customers_start) * 1000; the customer base comes from Salesforce."""
    cases, acc = t["cases"], t["accounts"]
    num, _ = _frame(cases, dims, cases["contacts"])
    _, den = _frame(acc, dims, acc["customers_start"], acc["customers_start"])
    return Measure(num, den, 1000.0, "sum(contacts) / sum(customers_start) * 1000",
                   ("cases", "accounts"), "maand van date (cases), month (accounts)", (num, den))


def _cases_ratio(column_num: str, column_den: str, scale: float, formula: str,
                 note: str) -> Callable[[Tables, list[str], EvidenceSettings], Measure]:
    def compute(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
        cases = t["cases"]
        num, den = _frame(cases, dims, cases[column_num], cases[column_den])
        return Measure(num, den, scale, formula, ("cases",), note)

    compute.__doc__ = formula
    return compute


mean_wait_seconds = _cases_ratio("wait_seconds_sum", "wait_contacts", 1.0,
                                 "sum(wait_seconds_sum) / sum(wait_contacts)",
                                 "maand van date, contacten met gemeten wachttijd")
first_contact_resolution = _cases_ratio("fcr_resolved", "contacts", 100.0,
                                        "sum(fcr_resolved) / sum(contacts) * 100",
                                        "maand van date")
technical_within_sla = _cases_ratio("tech_made_sla", "tech_tickets", 100.0,
                                    "sum(tech_made_sla) / sum(tech_tickets) * 100",
                                    "maand van date, technische tickets")


def churn_rate(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
    """sum(churned) / sum(customers_start) * 100."""
    acc = t["accounts"]
    num, den = _frame(acc, dims, acc["churned"], acc["customers_start"])
    return Measure(num, den, 100.0, "sum(churned) / sum(customers_start) * 100", ("accounts",),
                   "month")


def net_promoter_score(t: Tables, dims: list[str], s: EvidenceSettings) -> Measure:
    """% promotors - % criticasters: the mean of +100 / 0 / -100 per response."""
    srv = t["surveys"]
    score = pd.to_numeric(srv["score"], errors="coerce")
    points = np.where(score >= s.promoter_min, 100.0, np.where(score <= s.detractor_max, -100.0,
                                                                0.0))
    valid = score.notna()
    num, den = _frame(srv[valid], dims, pd.Series(points, index=srv.index)[valid],
                      pd.Series(1.0, index=srv.index)[valid])
    return Measure(num, den, 1.0,
                   f"% promotors (score >= {s.promoter_min}) - % criticasters "
                   f"(score <= {s.detractor_max})", ("surveys",), "maand van date")


FORMULAS: dict[str, Callable[[Tables, list[str], EvidenceSettings], Measure]] = {
    "availability_weighted": availability_weighted,
    "incident_customer_hours": incident_customer_hours,
    "incident_mean_restore_hours": incident_mean_restore_hours,
    "contacts_per_1000": contacts_per_1000,
    "mean_wait_seconds": mean_wait_seconds,
    "first_contact_resolution": first_contact_resolution,
    "technical_within_sla": technical_within_sla,
    "churn_rate": churn_rate,
    "net_promoter_score": net_promoter_score,
}


def build_measure(formula: str, tables: Tables, dims: list[str],
                  settings: EvidenceSettings) -> Measure:
    """Compute the :class:`Measure` for ``formula``; an unknown formula is a ConfigError."""
    try:
        compute = FORMULAS[formula]
    except KeyError:
        known = ", ".join(sorted(FORMULAS))
        raise ConfigError(f"onbekende formule '{formula}' in kpis.yaml; bekend: {known}") from None
    return compute(tables, dims, settings)
