"""Row lineage: every canonical row names the export file it came from (``source_file``),
also after de-duplication and latest-state-per-number, and the KPI stage names those files.

The fixture spreads October and November 2026 over two files per source, with names that do
not tell the month (sn_*_a.csv) or tell the wrong one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sources_helpers import INCIDENTS, cases_text, netmonitor_text

from narrator.kpis import build_facts
from narrator.sources import load_sources

OCT = [f"2026-10-{d:02d}" for d in range(1, 32)]
NOV = [f"2026-11-{d:02d}" for d in range(1, 31)]
OCT_INCIDENT = ("INC0011111,2026-10-03 09:00:00,2026-10-03 12:00:00,Resolved,2 - High,NOC,"
                "West,?,tv,1000,stroomstoring,Stroomstoring,Opgelost.,2026-10-03 12:00:00")
ACC_HEAD = ("Period__c;Region__c;Product__c;Active_Customers_Start__c;Active_Customers_End__c;"
            "New_Customers__c;Churned__c;Churn_Rate__c")
REASON_HEAD = "Period__c;Region__c;Product__c;Cancellation_Reason__c;Record Count"
NPS_HEAD = "Id;CreatedDate;Region__c;Product__c;Score__c;Comment__c"


def _incident_rows() -> tuple[str, list[str]]:
    """INCIDENTS has logical rows that span physical lines; re-split it per record."""
    text = INCIDENTS.replace("\\\n", "")
    lines = text.strip("\n").split("\n")
    return lines[0], lines[1:]


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    header, inc = _incident_rows()
    files = {
        # cases: October in a file without month; November plus one repeated October day in a
        # file named after November (an exact duplicate: kept from the first file by name)
        "sn_cases_a.csv": cases_text(days=OCT),
        "servicenow_cases_2026-11.csv": cases_text(days=[*NOV, OCT[-1]]),
        # incidents: the last audit row of INC0012345 (Resolved) comes in a later export
        "servicenow_incidents_2026-11.csv": "\n".join([header, OCT_INCIDENT, *inc[:2]]) + "\n",
        "sn_incidents_late.csv": "\n".join([header, *inc[2:]]) + "\n",
        "netmonitor_beschikbaarheid_2026-09.csv": netmonitor_text(OCT),   # misleading name
        "netmonitor_beschikbaarheid_b.csv": netmonitor_text(NOV),
        "salesforce_accounts_okt.csv": f"{ACC_HEAD}\n01-10-2026;West;Mobiel;315000;315000;"
                                       "4000;4000;1,27\n",
        "salesforce_accounts_nov.csv": f"{ACC_HEAD}\n01-11-2026;West;Mobiel;315000;314500;"
                                       "3500;4000;1,27\n",
        "salesforce_cancellations_1.csv": f"{REASON_HEAD}\n01-10-2026;West;Mobiel;Te duur;4000\n",
        "salesforce_cancellations_2.csv": f"{REASON_HEAD}\n01-11-2026;West;Mobiel;Te duur;4000\n",
        "salesforce_nps_x.csv": f"{NPS_HEAD}\nr1;14-10-2026 09:15;Oost;Internet;9;\n"
                                "r2;15-10-2026 09:15;Oost;Internet;8;\n",
        "salesforce_nps_y.csv": f"{NPS_HEAD}\nr3;14-11-2026 09:15;Oost;Internet;2;Slecht\n"
                                "r4;15-11-2026 09:15;Oost;Internet;9;\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory):
    return load_sources(_write(tmp_path_factory.mktemp("two_files") / "exports"))


def _files(frame: pd.DataFrame, month_of: pd.Series) -> dict[str, set[str]]:
    return {m: set(frame.loc[month_of == m, "source_file"].astype(str)) for m in ("2026-10",
                                                                              "2026-11")}


def test_source_file_is_categorical_in_reading_order(bundle) -> None:
    cases = bundle.tables["cases"]["source_file"]
    assert isinstance(cases.dtype, pd.CategoricalDtype)
    assert list(cases.cat.categories) == [f.path for f in bundle.files["cases"]]
    assert list(cases.cat.categories) == ["servicenow_cases_2026-11.csv", "sn_cases_a.csv"]


def test_each_row_names_its_file(bundle) -> None:
    av = bundle.tables["availability"]
    assert _files(av, av["date"].dt.strftime("%Y-%m")) == {
        "2026-10": {"netmonitor_beschikbaarheid_2026-09.csv"},
        "2026-11": {"netmonitor_beschikbaarheid_b.csv"}}
    acc = bundle.tables["accounts"]
    assert _files(acc, acc["month"]) == {"2026-10": {"salesforce_accounts_okt.csv"},
                                         "2026-11": {"salesforce_accounts_nov.csv"}}
    nps = bundle.tables["surveys"].set_index("response_id")["source_file"].astype(str)
    assert nps.to_dict() == {"r1": "salesforce_nps_x.csv", "r2": "salesforce_nps_x.csv",
                             "r3": "salesforce_nps_y.csv", "r4": "salesforce_nps_y.csv"}


def test_exact_duplicate_keeps_the_first_file_by_name(bundle) -> None:
    cases = bundle.tables["cases"]
    last_oct = cases[cases["date"] == pd.Timestamp(OCT[-1])]
    assert len(last_oct) == 2   # two segments, the repeated day counted once
    assert set(last_oct["source_file"].astype(str)) == {"servicenow_cases_2026-11.csv"}
    other_oct = cases[(cases["date"].dt.month == 10) & (cases["date"] != pd.Timestamp(OCT[-1]))]
    assert set(other_oct["source_file"].astype(str)) == {"sn_cases_a.csv"}


def test_latest_audit_row_names_the_later_export(bundle) -> None:
    inc = bundle.tables["incidents"].set_index("number")
    assert inc.loc["INC0012345", "state"] == "Resolved"
    assert inc.loc["INC0012345", "source_file"] == "sn_incidents_late.csv"
    assert inc.loc["INC0012346", "source_file"] == "sn_incidents_late.csv"
    assert inc.loc["INC0011111", "source_file"] == "servicenow_incidents_2026-11.csv"


def test_kpi_lineage_and_refs_name_the_real_files(bundle) -> None:
    facts = build_facts(bundle, "2026-11")
    avail = facts.kpi("beschikbaarheid").lineage
    assert avail.files == ["netmonitor_beschikbaarheid_2026-09.csv",
                           "netmonitor_beschikbaarheid_b.csv"]
    hashes = {f.path: f.sha256 for f in bundle.files["availability"]}
    assert avail.sha256 == [hashes[p] for p in avail.files]
    assert avail.rows == len(OCT) + len(NOV)
    contacts = facts.kpi("contacten").lineage
    assert contacts.rows == 2 * (len(OCT) + len(NOV)) + 2   # case rows + one account row each
    incidents = {i.number: i.source_ref.file for i in facts.incidents}
    assert incidents["INC0012345"] == "sn_incidents_late.csv"
