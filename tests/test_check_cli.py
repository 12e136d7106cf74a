"""`narrator check`: text and JSON output, stdin, report folders, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.cli import app

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "tests" / "fixtures" / "facts_example.json"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_text_output_format_and_exit_1(tmp_path: Path) -> None:
    md = tmp_path / "tekst.md"
    md.write_text("De users belden.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(md)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{md}:1:4: error terminologie/klanten Schrijf altijd 'klanten': 'users' wordt "
        "'klanten'. (suggestie: klanten)"
    ]


def test_json_output_has_the_contract_fields() -> None:
    result = runner.invoke(app, ["check", "-", "--format", "json"], input="Dat is 1,25M.\n")
    assert result.exit_code == 1
    [item] = json.loads(result.stdout)
    assert set(item) == {"file", "line", "column", "end_column", "rule", "category", "severity",
                         "message", "suggestion", "match"}
    assert (item["file"], item["rule"], item["match"]) == ("<stdin>", "afkorting", "1,25M")
    assert item["suggestion"] == "1.250.000"


def test_clean_text_exits_0() -> None:
    result = runner.invoke(app, ["check", "-"], input="De churn steeg naar 1,31%.\n")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    md = tmp_path / "x.md"
    md.write_text("## Trends\n\nHieronder de cijfers.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(md)])
    assert result.exit_code == 0
    assert "warning structuur/conclusie-eerst" in result.stdout


def test_facts_option_checks_numbers() -> None:
    args = ["check", "-", "--facts", str(FACTS)]
    assert runner.invoke(app, args, input="De churn steeg naar 1,31%.\n").exit_code == 0
    bad = runner.invoke(app, args, input="De churn steeg naar 1,41%.\n")
    assert bad.exit_code == 1
    assert "cijfers/getal-niet-in-facts" in bad.stdout and "kpis[churn].value = 1,31" in bad.stdout


def test_report_folder_uses_its_facts() -> None:
    result = runner.invoke(app, ["check", "tests/golden/validation/bad"])
    assert result.exit_code == 1
    expected = Path("tests/golden/validation/bad/expected.txt").read_text(encoding="utf-8")
    assert result.stdout == expected


def test_good_report_folder_exits_0() -> None:
    result = runner.invoke(app, ["check", "tests/golden/validation/good"])
    assert result.exit_code == 0, result.stdout


def test_part_is_taken_from_the_file_name(tmp_path: Path) -> None:
    md = tmp_path / "samenvatting.md"
    md.write_text("# Executive summary\n\nDe churn steeg.\n\n## Top 3 prioriteiten\n\n1. Churn\n",
                  encoding="utf-8")
    result = runner.invoke(app, ["check", str(md)])
    assert "structuur/drie-prioriteiten" in result.stdout


def test_missing_file_is_a_dutch_error_without_traceback() -> None:
    result = runner.invoke(app, ["check", "bestaat-niet.md"])
    assert result.exit_code == 2
    assert "bestand niet gevonden" in result.output
    assert "Traceback" not in result.output


def test_unknown_format_is_refused() -> None:
    result = runner.invoke(app, ["check", "-", "--format", "xml"], input="x")
    assert result.exit_code == 2
    assert "onbekend formaat" in result.output
