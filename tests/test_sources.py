"""Reader quirks: separators, encodings, date and number formats, mapping, multi-file, audit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from sources_helpers import FIXTURES, INCIDENTS, NPS, cases_text, write_minimal

from narrator.sources import load_sources
from narrator.sources.csvio import read_csv_text, sniff_separator
from narrator.sources.schema import CANONICAL, DTYPES


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_minimal(tmp_path / "exports")


def test_tables_have_exactly_the_canonical_columns_and_dtypes(data: Path) -> None:
    bundle = load_sources(data)
    assert set(bundle.tables) == set(CANONICAL)
    for name, frame in bundle.tables.items():
        assert list(frame.columns) == list(CANONICAL[name]), name
        assert {c: str(t) for c, t in frame.dtypes.items()} == DTYPES[name], name
    assert bundle.warnings == []


def test_lineage_lists_every_file_with_hash_and_rows(data: Path) -> None:
    bundle = load_sources(data)
    (cases_file,) = bundle.files["cases"]
    assert cases_file.system == "ServiceNow"
    assert cases_file.path == "servicenow_cases_2026-11.csv"
    assert cases_file.rows == 60
    assert len(cases_file.sha256) == 64
    assert bundle.months["cases"] == ["2026-11"]
    assert bundle.covers("surveys", "2026-11") and not bundle.covers("surveys", "2026-10")


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x,y";b;c', ";"), ("single", ",")],
)
def test_separator_sniffing(header: str, expected: str) -> None:
    assert sniff_separator(header) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "nps.csv"
    path.write_bytes(NPS.encode(encoding))
    raw = read_csv_text(path)
    assert raw.frame.columns[0] == "Id"  # no BOM left in the first header
    assert raw.frame["Comment__c"].iloc[0].startswith("Eén hele dag")
    assert raw.frame["Comment__c"].iloc[2] == "Prima; snel geholpen"


@pytest.mark.parametrize(("sep", "day_first"), [(",", False), (";", False), (";", True),
                                                 ("\t", True)])
def test_cases_read_with_any_separator_and_date_style(data: Path, sep: str,
                                                      day_first: bool) -> None:
    (data / "servicenow_cases_2026-11.csv").write_text(cases_text(sep, day_first))
    cases = load_sources(data).tables["cases"]
    assert cases["date"].min() == pd.Timestamp("2026-11-01")
    assert cases["date"].max() == pd.Timestamp("2026-11-30")
    assert cases["contacts"].sum() == 30 * 15
    assert cases["wait_seconds_sum"].sum() == pytest.approx(30 * 605.0)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("99,5", 99.5), ("99.5", 99.5), ("99,9871", 99.9871), ("1.234,5", 1234.5)],
)
def test_decimal_comma_and_point(data: Path, cell: str, expected: float) -> None:
    path = data / "netmonitor_beschikbaarheid_2026-11.csv"
    text = path.read_text(encoding="cp1252").replace(";7,2", f";{cell}")
    path.write_text(text, encoding="cp1252")
    avail = load_sources(data).tables["availability"]
    assert avail["downtime_minutes"].iloc[0] == pytest.approx(expected)
    assert avail["customers"].iloc[0] == 1000  # "1.000": thousands separator in an int


def test_salesforce_day_first_period_becomes_month(data: Path) -> None:
    bundle = load_sources(data)
    assert bundle.tables["accounts"]["month"].tolist() == ["2026-11"]
    assert bundle.tables["churn_reasons"]["count"].sum() == 4000
    assert bundle.tables["surveys"]["date"].iloc[0] == pd.Timestamp("2026-11-14 09:15")


def test_audit_rows_keep_latest_state_per_number(data: Path) -> None:
    inc = load_sources(data).tables["incidents"].set_index("number")
    first = inc.loc["INC0012345"]
    assert first["state"] == "Resolved"
    assert first["priority"] == "1 - Critical"  # label kept as text
    assert first["customers_affected"] == 48000  # "?" in the first audit row is overwritten
    assert first["resolved_at"] == pd.Timestamp("2026-11-14 17:12")
    second = inc.loc["INC0012346"]
    assert pd.isna(second["customers_affected"]) and pd.isna(second["cause"])  # "?" and ""
    assert pd.isna(second["resolved_at"]) and pd.isna(second["assignment_group"])


def test_monthly_exports_are_combined_and_overlap_deduplicated(data: Path) -> None:
    # an October export that repeats the first November audit row (overlapping window)
    lines = INCIDENTS.splitlines()
    (data / "servicenow_incidents_2026-10.csv").write_text(
        "\n".join([lines[0], lines[1]]) + "\n", encoding="utf-8")
    # a second cases file for December adds rows
    (data / "servicenow_cases_2026-12.csv").write_text(
        cases_text(days=["2026-12-01"]), encoding="utf-8")
    bundle = load_sources(data)
    assert len(bundle.tables["incidents"]) == 2
    assert len(bundle.files["incidents"]) == 2
    assert len(bundle.tables["cases"]) == 62
    assert bundle.months["cases"] == ["2026-11", "2026-12"]


def test_identical_export_twice_is_deduplicated(data: Path) -> None:
    shutil.copy(data / "salesforce_accounts.csv", data / "salesforce_accounts_kopie.csv")
    bundle = load_sources(data)
    assert len(bundle.tables["accounts"]) == 1
    assert len(bundle.files["accounts"]) == 2


def test_other_instance_field_names_via_mapping_file(data: Path) -> None:
    """Another ServiceNow instance: different file name and field names, no code change."""
    (data / "servicenow_cases_2026-11.csv").unlink()
    shutil.copy(FIXTURES / "other_instance_cases.csv", data / "contacts_report_nov.csv")
    bundle = load_sources(data, FIXTURES / "other_instance_columns.yaml")
    cases = bundle.tables["cases"]
    assert cases["contacts"].sum() == 12 + 7
    assert cases["wait_seconds_sum"].sum() == pytest.approx(12 * 80.0)
    assert set(cases["channel"]) == {"telefoon", "chat"}


def test_aliases_and_header_spelling_are_tolerated(data: Path) -> None:
    path = data / "servicenow_cases_2026-11.csv"
    text = path.read_text().replace("u_region", "Region").replace("count,", "Record Count,", 1)
    path.write_text(text)
    assert load_sources(data).tables["cases"]["contacts"].sum() == 450
