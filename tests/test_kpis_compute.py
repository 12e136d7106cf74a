"""Each of the 9 KPI formulas on tiny hand-made canonical tables; answers worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from narrator.errors import ConfigError
from narrator.facts import SourceFile
from narrator.kpis.compute import build_measure
from narrator.kpis.settings import EvidenceSettings
from narrator.kpis.tables import prepare
from narrator.sources.schema import SourceBundle

S = EvidenceSettings()
T = pd.Timestamp


def measure(formula: str, **tables: pd.DataFrame):
    files = {n: [SourceFile(system="x", path=f"{n}.csv", sha256="0" * 64, rows=len(f))]
             for n, f in tables.items()}
    prepared = prepare(SourceBundle(tables=tables, files=files))
    return build_measure(formula, prepared, ["region"], S)


CASES = pd.DataFrame([
    # date, region, channel, category, contacts, wait_contacts, wait_seconds_sum, fcr, tech, sla
    (T("2026-11-02"), "Oost", "telefoon", "storing", 300, 200, 30000.0, 210, 100, 90),
    (T("2026-11-03"), "West", "chat", "factuur", 100, 50, 2500.0, 90, 20, 10),
    (T("2026-10-30"), "Oost", "telefoon", "storing", 999, 999, 999.0, 999, 999, 999),
], columns=["date", "region", "channel", "category", "contacts", "wait_contacts",
            "wait_seconds_sum", "fcr_resolved", "tech_tickets", "tech_made_sla"])

ACCOUNTS = pd.DataFrame([
    ("2026-11", "Oost", "Mobiel", 30000, 29900, 100, 200),
    ("2026-11", "West", "Internet", 10000, 10050, 100, 50),
    ("2026-10", "Oost", "Mobiel", 1, 1, 0, 1),
], columns=["month", "region", "product", "customers_start", "customers_end", "new", "churned"])


def test_contacts_per_1000():
    # November: (300 + 100) contacts / (30.000 + 10.000) klanten * 1000 = 10,0
    m = measure("contacts_per_1000", cases=CASES, accounts=ACCOUNTS)
    assert m.value("2026-11") == pytest.approx(10.0)


def test_mean_wait_seconds():
    # (30.000 + 2.500) s / (200 + 50) waits = 130 s
    assert measure("mean_wait_seconds", cases=CASES).value("2026-11") == pytest.approx(130.0)


def test_first_contact_resolution():
    # (210 + 90) / (300 + 100) * 100 = 75,0%
    m = measure("first_contact_resolution", cases=CASES)
    assert m.value("2026-11") == pytest.approx(75.0)


def test_technical_within_sla():
    # (90 + 10) / (100 + 20) * 100 = 83,33%
    m = measure("technical_within_sla", cases=CASES)
    assert m.value("2026-11") == pytest.approx(100 / 120 * 100)


def test_churn_rate():
    # (200 + 50) / (30.000 + 10.000) * 100 = 0,625%
    assert measure("churn_rate", accounts=ACCOUNTS).value("2026-11") == pytest.approx(0.625)


def test_availability_weighted_by_customers():
    # (99,90 * 3.000 + 100,00 * 1.000) / 4.000 = 99,925%  (unweighted mean would be 99,95)
    av = pd.DataFrame([(T("2026-11-01"), "Oost", "internet", 3000, 99.90, 1.44),
                       (T("2026-11-01"), "West", "internet", 1000, 100.0, 0.0)],
                      columns=["date", "region", "service", "customers", "availability_pct",
                               "downtime_minutes"])
    m = measure("availability_weighted", availability=av)
    assert m.value("2026-11") == pytest.approx(99.925)


def _incidents() -> pd.DataFrame:
    return pd.DataFrame([
        # 1.000 klanten x 3 h = 3.000 klant-uren
        ("INC0000001", T("2026-11-05 10:00"), T("2026-11-05 13:00"), "Oost", 1000),
        # 200 klanten x 1,5 h = 300 klant-uren
        ("INC0000002", T("2026-11-20 08:00"), T("2026-11-20 09:30"), "West", 200),
        # still open: counted up to the end of the data (2026-11-20 09:30) = 0,5 h x 10 = 5
        ("INC0000003", T("2026-11-20 09:00"), pd.NaT, "West", 10),
        # October: not in November's figure
        ("INC0000004", T("2026-10-31 22:00"), T("2026-11-01 02:00"), "Oost", 5000),
    ], columns=["number", "opened_at", "resolved_at", "region", "customers_affected"]).assign(
        priority="2 - High", service="internet", cause="x", assignment_group="g", state="s",
        description="", close_notes="")


def test_incident_customer_hours():
    # 3.000 + 300 + 5 = 3.305 klant-uren
    m = measure("incident_customer_hours", incidents=_incidents())
    assert m.value("2026-11") == pytest.approx(3305.0)


def test_incident_mean_restore_hours_ignores_open():
    # resolved incidents opened in November: (3 + 1,5) / 2 = 2,25 h
    m = measure("incident_mean_restore_hours", incidents=_incidents())
    assert m.value("2026-11") == pytest.approx(2.25)


def test_net_promoter_score():
    # 5 responses: 2 promotors (9, 10), 1 passive (8), 2 criticasters (6, 0)
    # NPS = (2 - 2) / 5 * 100 = 0;  with one more promotor: (3 - 2) / 6 * 100 = 16,67
    scores = [9, 10, 8, 6, 0]
    srv = pd.DataFrame({"response_id": [f"r{i}" for i in range(5)],
                        "date": [T("2026-11-10")] * 5, "region": "Oost", "product": "Mobiel",
                        "score": scores, "comment": ""})
    assert measure("net_promoter_score", surveys=srv).value("2026-11") == pytest.approx(0.0)
    more = pd.concat([srv, srv.iloc[[1]].assign(response_id="r5")])
    assert measure("net_promoter_score", surveys=more).value("2026-11") == pytest.approx(100 / 6)


def test_month_without_rows_is_none():
    assert measure("churn_rate", accounts=ACCOUNTS).value("2026-09") is None


def test_unknown_formula_is_config_error():
    with pytest.raises(ConfigError, match="onbekende formule"):
        measure("bogus", accounts=ACCOUNTS)
