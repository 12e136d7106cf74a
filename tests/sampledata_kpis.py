"""Rough KPI computation on canonical tables, to check the planted anomalies (tests only).

The real engine lives in narrator.kpis (brief B); this mirrors the formulas of
config/kpis.yaml just closely enough to verify the sample data.
"""

from __future__ import annotations

import pandas as pd

from narrator.sources.schema import SourceBundle


def _in(frame: pd.DataFrame, column: str, month: str) -> pd.DataFrame:
    return frame[frame[column].dt.strftime("%Y-%m") == month]


def kpis(bundle: SourceBundle, month: str, where: dict[str, str] | None = None) -> dict:
    """The 9 KPIs for ``month``; ``where`` filters every table that has those columns."""
    t = {name: _filter(frame, where or {}) for name, frame in bundle.tables.items()}
    av = _in(t["availability"], "date", month)
    inc = _in(t["incidents"], "opened_at", month)
    hours = (inc["resolved_at"] - inc["opened_at"]).dt.total_seconds() / 3600
    cases = _in(t["cases"], "date", month)
    acc = t["accounts"][t["accounts"]["month"] == month]
    sur = _in(t["surveys"], "date", month)
    return {
        "beschikbaarheid": (av["availability_pct"] * av["customers"]).sum()
        / av["customers"].sum(),
        "storingsimpact": float((inc["customers_affected"].astype(float) * hours).sum()),
        "hersteltijd": float(hours.mean()),
        "contacten": cases["contacts"].sum() / acc["customers_start"].sum() * 1000
        if len(acc) else float("nan"),
        "wachttijd": cases["wait_seconds_sum"].sum() / cases["wait_contacts"].sum(),
        "fcr": 100 * cases["fcr_resolved"].sum() / cases["contacts"].sum(),
        "sla_techniek": 100 * cases["tech_made_sla"].sum() / cases["tech_tickets"].sum(),
        "churn": 100 * acc["churned"].sum() / acc["customers_start"].sum() if len(acc) else None,
        "nps": 100 * ((sur["score"] >= 9).mean() - (sur["score"] <= 6).mean()),
    }


def _filter(frame: pd.DataFrame, where: dict[str, str]) -> pd.DataFrame:
    for column, value in where.items():
        if column in frame.columns:
            frame = frame[frame[column] == value]
    return frame


def deviation(kpi: str, value: float, previous: float) -> float:
    """Unfavourable deviation in % (points for nps, complement for availability)."""
    lower_better = kpi in {"storingsimpact", "hersteltijd", "contacten", "wachttijd", "churn"}
    if kpi == "nps":
        return previous - value
    if kpi == "beschikbaarheid":
        return 100 * ((100 - value) - (100 - previous)) / (100 - previous)
    change = 100 * (value - previous) / previous
    return change if lower_better else -change


def status(dev: float) -> str:
    return "rood" if dev > 5 else "oranje" if dev > 2 else "groen"
