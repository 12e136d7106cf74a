"""build_facts end to end on small hand-made canonical tables (tests/fixtures/kpis/builders)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from fixtures.kpis import builders as b

from narrator.errors import DataError
from narrator.kpis import build_facts

MONTHS = b.months_until("2026-11", 14)


def _facts(**tables: pd.DataFrame):
    return build_facts(b.bundle(**tables), "2026-11")


def test_baseline_bundle_is_complete_and_calm():
    facts = _facts()
    assert [k.id for k in facts.kpis] == ["beschikbaarheid", "storingsimpact", "hersteltijd",
                                          "contacten", "wachttijd", "fcr", "sla_techniek",
                                          "churn", "nps"]
    assert facts.previous_month == "2026-10" and facts.month_label == "november 2026"
    assert facts.deadline == "2026-12-09"
    churn = facts.kpi("churn")
    assert churn.value == pytest.approx(1.0) and churn.status == "groen"
    assert churn.owner.name == "Ahmed Hassan"
    assert [p.month for p in churn.trend] == MONTHS[1:]   # 13 months, oldest first
    assert churn.drivers == [] and churn.evidence == []   # groen: no root-cause work
    # 80% of technical tickets within SLA misses the 90% norm: oranje without any change
    sla = facts.kpi("sla_techniek")
    assert (sla.status, sla.norm_met, sla.deviation_pct) == ("oranje", False, 0.0)


def test_lineage_names_files_hashes_rows_and_formula():
    contacts = _facts().kpi("contacten")
    assert contacts.lineage.files == ["servicenow_cases.csv", "salesforce_accounts.csv"]
    assert contacts.lineage.sha256 == ["a" * 64, "a" * 64]
    # both months: per day 2 regions x 2 channels x 2 categories = 8 case rows;
    # October 31 x 8 = 248 + 4 account rows, November 30 x 8 = 240 + 4 account rows = 496
    assert contacts.lineage.rows == 496
    assert "sum(contacts)" in contacts.lineage.formula
    assert "2026-10, 2026-11" in contacts.lineage.filter


def test_trend_is_none_where_no_data():
    facts = build_facts(b.bundle(count=3), "2026-11")
    trend = facts.kpi("churn").trend
    assert len(trend) == 13 and trend[0].month == "2025-11" and trend[0].value is None
    assert trend[-1].value == pytest.approx(1.0)


def test_churn_anomaly_west_mobiel():
    acc, reasons = b.accounts(MONTHS), b.churn_reasons(MONTHS)
    hit = (acc["month"] == "2026-11") & (acc["region"] == "West") & (acc["product"] == "Mobiel")
    acc.loc[hit, "churned"] = 30
    # churn: 60 / 4.000 = 1,5% against 40 / 4.000 = 1,0%: +50%, rood
    why = ((reasons["month"] == "2026-11") & (reasons["region"] == "West")
           & (reasons["product"] == "Mobiel") & (reasons["reason"] == "Concurrent aanbod"))
    reasons.loc[why, "count"] = 25
    churn = _facts(accounts=acc, churn_reasons=reasons).kpi("churn")
    assert churn.value == pytest.approx(1.5) and churn.status == "rood"
    assert churn.deviation_pct == pytest.approx(50.0) and churn.norm_met is False
    top = churn.drivers[0]
    assert (top.dimension, top.segment) == ("region", "West")
    assert top.share_of_change == pytest.approx(100.0)
    for dim in ("region", "product"):
        parts = [d.contribution for d in churn.drivers if d.dimension == dim]
        assert math.fsum(parts) == pytest.approx(churn.change_abs, abs=1e-12)
    reason = next(e for e in churn.evidence if e.kind == "churn_reason")
    assert reason.title == "Concurrent aanbod, regio West, Mobiel"
    assert reason.figures == {"opzeggingen": 25.0, "vorige_maand": 5.0, "verschil": 20.0,
                              "verschil_pct": 400.0}
    assert "reason == 'Concurrent aanbod'" in reason.source_ref.filter
    assert any(e.kind == "concentration" and e.title == "regio West" for e in churn.evidence)


def _outage_tables():
    av, inc, cases = b.availability(MONTHS), b.incidents(MONTHS), b.cases(MONTHS)
    day = pd.Timestamp("2026-11-14")
    av.loc[(av["date"] == day) & (av["region"] == "Oost") & (av["service"] == "internet"),
           "availability_pct"] = 90.0
    cut = dict(number="INC0099999", opened_at=day + pd.Timedelta(hours=7),
               resolved_at=day + pd.Timedelta(hours=17), priority="1 - Critical", region="Oost",
               service="internet", cause="glasvezelbreuk", customers_affected=48000,
               assignment_group="Netwerk", state="Closed",
               description="Glasvezelbreuk, gemeld door Jan Jansen", close_notes="Gelast.")
    inc = pd.concat([inc, pd.DataFrame([cut])], ignore_index=True)
    spike = (cases["date"].isin([day, day + pd.Timedelta(days=1)]) & (cases["region"] == "Oost")
             & (cases["category"] == "storing"))
    cases.loc[spike, "contacts"] = 100
    return {"availability": av, "incidents": inc, "cases": cases}


def test_outage_drives_availability_impact_and_contacts_in_oost():
    facts = _facts(**_outage_tables())
    avail = facts.kpi("beschikbaarheid")
    # one of 30 x 4 equal-weight day-rows at 90% instead of 99,95%: 99,95 - 9,95/120 = 99,867
    assert avail.value == pytest.approx(99.95 - 9.95 / 120)
    assert avail.status == "rood" and avail.drivers[0].segment == "Oost"
    link = next(e for e in avail.evidence if e.kind == "cross_source")
    assert link.title == "beschikbaarheidsdaling regio Oost bij storing"
    assert link.source_ref.ids[0] == "INC0099999"
    impact = facts.kpi("storingsimpact")
    # 800 + 48.000 x 10 h = 480.800 klant-uren against 800
    assert impact.value == pytest.approx(480800.0) and impact.status == "rood"
    first_incident = next(e for e in impact.evidence if e.kind == "incident")
    assert first_incident.source_ref.ids == ["INC0099999"]
    assert first_incident.figures == {"klanten": 48000.0, "uren": 10.0, "klant_uren": 480000.0}
    contacts = facts.kpi("contacten")
    assert contacts.status == "rood" and contacts.drivers[0].segment == "Oost"
    spike = next(e for e in contacts.evidence if e.kind == "cross_source")
    assert spike.title == "contactpiek regio Oost bij storing"
    assert spike.figures["dagen"] == 2.0 and "INC0099999" in spike.source_ref.ids
    assert any(e.kind == "ticket_category" and e.title == "categorie storing, regio Oost"
               for e in contacts.evidence)
    assert facts.incidents[0].number == "INC0099999"
    assert "Jan Jansen" in facts.incidents[0].description  # unscrubbed at this stage
    assert facts.incidents[0].customer_hours == pytest.approx(480000.0)


def test_month_absent_names_file_and_months():
    with pytest.raises(DataError) as err:
        build_facts(b.bundle(), "2026-12")
    message = str(err.value)
    assert "2026-12" in message and "2025-10 t/m 2026-11" in message
    assert ".csv" in message


def test_no_previous_month_is_an_error():
    with pytest.raises(DataError, match="vorige maand"):
        build_facts(b.bundle(count=1), "2026-11")


def test_partial_month_is_a_warning():
    cases = b.cases(MONTHS)
    cases = cases[cases["date"] < pd.Timestamp("2026-11-21")]
    facts = _facts(cases=cases)
    assert any("gedeeltelijke maand" in w and "20 van de 30" in w for w in facts.warnings)
    assert facts.kpi("wachttijd").warnings and not facts.kpi("churn").warnings


def test_nps_drop_in_oost_gives_segments_and_comments_from_oost():
    srv = b.surveys(MONTHS)
    # Oost, November: 2 promotors -> 10 and 9 become 2 and 1; per Oost segment 2 pro, 4 crit
    hit = (srv["region"] == "Oost") & (srv["date"].dt.strftime("%Y-%m") == "2026-11")
    srv.loc[hit & srv["score"].isin([10]), "score"] = 2
    srv.loc[hit & srv["score"].isin([2]), "comment"] = "Slecht bereikbaar, bel Piet 0612345678"
    facts = _facts(surveys=srv)
    nps = facts.kpi("nps")
    # November: West 20 (x2 segments), Oost (2 - 4) / 10 = -20 (x2): NPS = 0; October 20
    assert nps.value == pytest.approx(0.0) and nps.deviation_pct == pytest.approx(20.0)
    assert nps.status == "rood" and nps.drivers[0].segment == "Oost"
    themes = [e for e in nps.evidence if e.kind == "survey_theme"]
    assert themes == [] or all("Oost" in e.title for e in themes)  # < 30 responses: none
    comments = facts.comments
    assert 0 < len(comments) <= 10
    # tier 0: Oost x the worst product (scores 2, 2, 3, 5); tier 1: the other Oost product and
    # the worst product in West, lowest scores first (Oost's 2, 2 before West's 3)
    assert comments[0].region == "Oost" and comments[0].score == 2
    assert [c.region for c in comments[:6]] == ["Oost"] * 6
    assert [c.score for c in comments[4:6]] == [2, 2]
    assert "0612345678" in comments[0].text  # unscrubbed at this stage


def test_perfect_previous_month_then_outage_is_rood_without_finite_deviation():
    av = b.availability(MONTHS)
    av.loc[av["date"].dt.strftime("%Y-%m") == "2026-10", "availability_pct"] = 100.0
    avail = _facts(availability=av).kpi("beschikbaarheid")
    # unavailability 0 -> 0,05: infinitely worse; JSON cannot hold inf, so None and rood
    assert avail.deviation_pct is None and avail.status == "rood"
    assert math.fsum(d.contribution for d in avail.drivers if d.dimension == "region") == \
        pytest.approx(-0.05)


def test_broken_evidence_settings_is_a_config_error(tmp_path):
    from narrator.errors import ConfigError
    from narrator.kpis.settings import load_evidence_settings

    bad = tmp_path / "evidence.yaml"
    bad.write_text("spike_factor: veel\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="spike_factor"):
        load_evidence_settings(bad)
    assert load_evidence_settings(tmp_path / "absent.yaml").spike_factor == 1.5


def test_partial_month_already_reported_by_the_readers_is_said_once():
    cases = b.cases(MONTHS)
    data = b.bundle(cases=cases[cases["date"] < pd.Timestamp("2026-11-21")])
    data.partial, data.warnings = {"cases": ["2026-11"]}, ["cases: november 2026 is onvolledig"]
    facts = build_facts(data, "2026-11")
    assert facts.warnings == ["cases: november 2026 is onvolledig"]
    assert "20 van de 30" in facts.kpi("fcr").warnings[0]
