"""The committed data_samples/ must show the built-in anomalies of November 2026."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.cli import app
from narrator.config import project_root
from narrator.kpis import build_facts
from narrator.sources import load_sources

DATA = project_root() / "data_samples"


@pytest.fixture(scope="module")
def bundle():
    return load_sources(Path(DATA))


@pytest.fixture(scope="module")
def facts(bundle):
    return build_facts(bundle, "2026-11")


@pytest.fixture
def cached(monkeypatch, bundle):
    """Let the CLI reuse the bundle read once (reading data_samples takes seconds)."""
    import narrator.sources

    monkeypatch.setattr(narrator.sources, "load_sources", lambda *_a, **_k: bundle)


@pytest.mark.parametrize(("kpi_id", "dimension", "segments"), [
    ("beschikbaarheid", "region", {"Oost"}),
    ("storingsimpact", "region", {"Oost"}),
    ("contacten", "region", {"Oost"}),
    ("churn", None, {"West", "Mobiel"}),
    ("wachttijd", "channel", {"telefoon"}),
])
def test_anomalies_are_rood_with_the_right_top_driver(facts, kpi_id, dimension, segments):
    kpi = facts.kpi(kpi_id)
    assert kpi.status == "rood"
    top = kpi.drivers[0]
    assert top.segment in segments and (dimension is None or top.dimension == dimension)


def test_churn_reason_competitor_offer(facts):
    reasons = [e for e in facts.kpi("churn").evidence if e.kind == "churn_reason"]
    assert reasons[0].title.startswith("Concurrent aanbod, regio West")


def test_outage_linked_across_sources(facts):
    incident = facts.incidents[0]
    assert incident.region == "Oost" and incident.priority.startswith("1")
    spikes = [e for e in facts.kpi("contacten").evidence if e.kind == "cross_source"]
    assert spikes and incident.number in spikes[0].source_ref.ids
    assert facts.kpi("nps").status in ("oranje", "rood")


def test_lineage_and_refs_name_only_the_months_files(facts, bundle):
    contacts = facts.kpi("contacten")
    names = [Path(p).name for p in contacts.lineage.files]
    assert names == ["servicenow_cases_2026-10.csv", "servicenow_cases_2026-11.csv",
                     "salesforce_accounts.csv"]
    hashes = {f.path: f.sha256 for files in bundle.files.values() for f in files}
    assert contacts.lineage.sha256 == [hashes[p] for p in contacts.lineage.files]
    # the top driver's rows: cases of both months in its segment, and the customer base
    assert contacts.drivers[0].source_ref.file == ", ".join(names)


def test_lineage_rows_are_the_rows_of_both_months(facts, bundle):
    t = bundle.tables
    months = ("2026-10", "2026-11")
    cases = t["cases"]["date"].dt.strftime("%Y-%m").isin(months).sum()
    accounts = t["accounts"]["month"].isin(months).sum()
    assert facts.kpi("contacten").lineage.rows == cases + accounts
    inc = t["incidents"]
    both = inc["opened_at"].dt.strftime("%Y-%m").isin(months)
    assert facts.kpi("storingsimpact").lineage.rows == both.sum()
    assert facts.kpi("hersteltijd").lineage.rows == (both & inc["resolved_at"].notna()).sum()


def test_incident_refs_name_the_file_of_the_kept_row(facts, bundle):
    inc = bundle.tables["incidents"].set_index("number")["source_file"]
    assert facts.incidents
    for incident in facts.incidents:
        assert incident.source_ref.file == inc[incident.number]


def test_calm_kpis_stay_groen(facts):
    assert {k.id for k in facts.kpis if k.status == "groen"} >= {"fcr", "sla_techniek",
                                                                  "hersteltijd"}


def test_contributions_add_up_to_the_change(facts):
    for kpi in facts.kpis:
        for dim in {d.dimension for d in kpi.drivers}:
            total = math.fsum(d.contribution for d in kpi.drivers if d.dimension == dim)
            assert total == pytest.approx(kpi.change_abs, rel=1e-9, abs=1e-9), (kpi.id, dim)


def test_cli_table_and_json(cached, monkeypatch):
    import narrator.privacy

    calls = []

    def fake_scrub(facts):
        calls.append(facts.month)
        return facts.model_copy(update={"scrubbed": True})

    monkeypatch.setattr(narrator.privacy, "scrub_facts", fake_scrub)
    runner = CliRunner()
    table = runner.invoke(app, ["kpis", "--data", str(DATA), "--month", "2026-11"])
    assert table.exit_code == 0, table.output
    assert "rood" in table.output and "regio Oost" in table.output and "99,9" in table.output
    as_json = runner.invoke(app, ["kpis", "--data", str(DATA), "--month", "2026-11", "--json"])
    assert as_json.exit_code == 0
    payload = json.loads(as_json.stdout)
    assert payload["month"] == "2026-11" and payload["scrubbed"] is True
    assert calls == ["2026-11"]  # free text never leaves unscrubbed


def test_cli_month_absent(cached):
    result = CliRunner().invoke(app, ["kpis", "--data", str(DATA), "--month", "2027-03"])
    assert result.exit_code == 2
    assert "2027-03" in result.output and "t/m 2026-11" in result.output
    assert "Traceback" not in result.output
