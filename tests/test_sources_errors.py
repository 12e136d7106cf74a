"""Bad input: every case gives a Dutch DataError naming file, row and column (or a warning)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sources_helpers import DAYS, cases_text, netmonitor_text, write_minimal
from typer.testing import CliRunner

from narrator.errors import DataError
from narrator.sources import load_sources

CASES = "servicenow_cases_2026-11.csv"
INC = "servicenow_incidents_2026-11.csv"
NET = "netmonitor_beschikbaarheid_2026-11.csv"
ACC = "salesforce_accounts.csv"
NPS = "salesforce_nps_2026-11.csv"


def _edit(name: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / name
        encoding = "cp1252" if name in (NET, NPS) else "utf-8-sig"
        text = path.read_text(encoding=encoding)
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, count), encoding=encoding)
    return apply


def _write(name: str, text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(text, encoding="utf-8")


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _conflicting_copy(folder: Path) -> None:
    text = (folder / ACC).read_text(encoding="utf-8-sig").replace(";4000;", ";4100;")
    (folder / "salesforce_accounts_herzien.csv").write_text(text, encoding="utf-8-sig")


# (id, mutation, file, row, column, message fragment)
BAD_INPUT = [
    ("missing export", _remove(NET), None, None, None, "export ontbreekt: NetMonitor"),
    ("misnamed column", _edit(CASES, "contact_type", "contact_typ"), CASES, None,
     "contact_type", "bedoelt u 'contact_typ'?"),
    ("missing column", _edit(ACC, ";Churned__c", ";Iets_Anders__c"), ACC, None, "Churned__c",
     "kolom ontbreekt"),
    ("unreadable date", _edit(CASES, "2026-11-03,", "2026-13-03,"), CASES, 6, "opened_at",
     "datum '2026-13-03' kan niet worden gelezen"),
    ("unreadable day-first date", _edit(NPS, "15-11-2026 10:00", "31-11-2026 10:00"), NPS, 3,
     "CreatedDate", "kan niet worden gelezen"),
    ("unreadable number", _edit(NET, ";99,5;", ";99,5x;"), NET, 2, "Beschikbaarheid (%)",
     "getal '99,5x' kan niet worden gelezen"),
    ("fraction in a count", _edit(CASES, ",10,10,", ",10.5,10,"), CASES, 2, "count",
     "geen geheel getal"),
    ("empty file", _write(CASES, ""), CASES, None, None, "het bestand is leeg"),
    ("header only", _write(CASES, cases_text().splitlines()[0] + "\n"), CASES, None, None,
     "alleen een kopregel"),
    ("required value missing", _edit(ACC, ";315000;", ";;"), ACC, 2,
     "Active_Customers_Start__c", "waarde ontbreekt"),
    ("conflicting duplicate", _conflicting_copy, ACC, 2, "Period__c", "dubbel record"),
    ("duplicate audit timestamp", _edit(INC, "2026-11-14 08:07:00", "2026-11-14 07:44:00"),
     INC, 2, "number", "dubbel record"),
    ("score out of range", _edit(NPS, ";Internet;9;", ";Internet;11;"), NPS, 3, "Score__c",
     "buiten bereik"),
    ("availability out of range", _edit(NET, ";99,5;", ";100,5;"), NET, 2,
     "Beschikbaarheid (%)", "buiten bereik"),
    ("fcr above contacts", _edit(CASES, ",10,10,60.5,7,", ",10,10,60.5,11,"), CASES, 2,
     "u_first_contact_resolved_count",
     "'u_first_contact_resolved_count' is groter dan 'count'"),
    ("resolved before opened", _edit(INC, "gelast.,2026-11-14 17:1", "gelast.,2026-11-13 17:1"),
     INC, None, "resolved_at", "opgelost vóór"),
    ("wait average missing", _edit(CASES, ",60.5,", ",?,"), CASES, 2, "avg_u_wait_time",
     "gemiddelde wachttijd ontbreekt"),
]


@pytest.mark.parametrize(("mutate", "file", "row", "column", "fragment"),
                         [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_bad_input_names_file_row_and_column(tmp_path: Path, mutate: Callable[[Path], None],
                                             file: str | None, row: int | None,
                                             column: str | None, fragment: str) -> None:
    folder = write_minimal(tmp_path / "exports")
    mutate(folder)
    with pytest.raises(DataError) as info:
        load_sources(folder)
    err = info.value
    assert fragment in err.message
    assert err.message.startswith("Fout in invoer")
    if file is not None:
        assert err.file == file
    if row is not None:
        assert err.row == row
    if column is not None:
        assert err.column == column


def test_missing_data_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="bestaat niet"):
        load_sources(tmp_path / "nergens")


def test_partial_month_is_a_warning_not_an_error(tmp_path: Path) -> None:
    folder = write_minimal(tmp_path / "exports")
    (folder / CASES).write_text(cases_text(days=DAYS[:20]))
    (folder / NET).write_text(netmonitor_text(days=DAYS[:29]), encoding="cp1252")
    bundle = load_sources(folder)
    assert bundle.partial == {"cases": ["2026-11"], "availability": ["2026-11"]}
    assert len(bundle.warnings) == 2
    assert "Onvolledige maand 2026-11" in bundle.warnings[0]
    assert "20 van 30 dagen" in bundle.warnings[0]
    assert CASES in bundle.warnings[0]
    assert bundle.covers("cases", "2026-11")


def test_cli_reports_data_error_without_traceback(tmp_path: Path) -> None:
    from narrator.cli import app

    result = CliRunner().invoke(app, ["sample-data", "--out", str(tmp_path), "--months", "0"])
    assert result.exit_code == 2
    assert "--months moet tussen 1 en 120 liggen" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("edit", "fragment"), [
    (("key: [date, region, channel, category]", "key: [date, regio_x]"), "onbekende velden"),
    (("      tech_made_sla: int\n", ""), "zonder type"),
    (("table: cases", "table: [kapot"), "ongeldige YAML"),
])
def test_broken_mapping_is_a_config_error(tmp_path: Path, edit: tuple[str, str],
                                          fragment: str) -> None:
    from narrator.config import config_dir
    from narrator.errors import ConfigError

    text = (config_dir() / "columns.yaml").read_text(encoding="utf-8")
    assert edit[0] in text
    mapping = tmp_path / "columns.yaml"
    mapping.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment):
        load_sources(write_minimal(tmp_path / "exports"), mapping)
