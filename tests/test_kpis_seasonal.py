"""Seasonal judgement: config patterns plus the same month last year."""

from __future__ import annotations

import pytest
from fixtures.kpis import builders as b

from narrator.config import Thresholds, load_kpi_catalogue
from narrator.kpis import build_facts
from narrator.kpis.seasonality import Move, judge
from narrator.kpis.settings import EvidenceSettings
from narrator.kpis.status import deviation

TH, S = Thresholds(oranje=2.0, rood=5.0), EvidenceSettings()


def kpi(kpi_id: str):
    return next(k for k in load_kpi_catalogue().kpis if k.id == kpi_id)


def run(kpi_id: str, month: str, now: tuple[float, float], ly: tuple[float, float] | None):
    k = kpi(kpi_id)
    values = {}
    if ly:
        from narrator.calendar import previous_month, shift_month
        values = {previous_month(shift_month(month, -12)): ly[0], shift_month(month, -12): ly[1]}
    move = Move(now[1] - now[0], deviation(now[1], now[0], k.direction, k.basis))
    return judge(k, month, move, values, TH, S)


CASES = [
    # kpi, month, (previous, value) now, same move last year, expected, note fragment
    ("churn", "2026-01", (1.20, 1.32), (1.20, 1.30), True, "in lijn met het seizoen"),
    ("churn", "2026-01", (1.20, 1.80), (1.20, 1.30), False, "sterker dan het seizoenspatroon"),
    ("churn", "2026-01", (1.20, 1.10), (1.20, 1.30), False, "tegen het seizoenspatroon in"),
    ("churn", "2026-01", (1.20, 1.32), None, True, "in lijn met het seizoen"),
    ("churn", "2026-11", (1.20, 1.32), (1.20, 1.21), False, "niet verklaard"),
    ("churn", "2026-11", (1.20, 1.21), None, True, "geen afwijking van betekenis"),
    ("contacten", "2026-12", (120.0, 135.0), (118.0, 131.0), True, "piekbelasting"),
    ("contacten", "2026-07", (120.0, 110.0), (121.0, 109.0), True, "zomer"),
    # no pattern, but the same month last year moved the same way and as much
    ("storingsimpact", "2026-11", (1000.0, 1100.0), (1000.0, 1120.0), True,
     "dezelfde maand vorig jaar"),
]


@pytest.mark.parametrize(("kpi_id", "month", "now", "ly", "expected", "fragment"), CASES)
def test_judge(kpi_id, month, now, ly, expected, fragment):
    seasonal = run(kpi_id, month, now, ly)
    assert seasonal.expected is expected
    assert fragment in seasonal.note or fragment in (seasonal.pattern or "")


def test_last_year_figures_and_dutch_note():
    s = run("churn", "2026-01", (1.20, 1.32), (1.20, 1.30))
    assert s.same_month_last_year == 1.30
    assert s.change_last_year_pct == pytest.approx(100 / 12)
    assert s.pattern == "januari: hogere churn (klanten switchen na kerst)"
    assert "januari 2025: +8,3%" in s.note


def test_january_churn_rood_in_line_with_season_end_to_end():
    months = b.months_until("2026-01", 14)
    acc = b.accounts(months)
    for jan in ("2025-01", "2026-01"):   # 10 -> 11 churned per segment: +10%, rood
        acc.loc[acc["month"] == jan, "churned"] = 11
    churn = build_facts(b.bundle("2026-01", 14, accounts=acc), "2026-01").kpi("churn")
    assert churn.status == "rood"
    assert churn.seasonal.expected is True and "in lijn met het seizoen" in churn.seasonal.note
