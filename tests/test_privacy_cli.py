"""`narrator scrub [FILE|-] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from narrator.cli import app

runner = CliRunner()
TEXT = "Dhr. Jansen belde over INC0012345, terugbellen op 06-12345678.\n"


def test_scrub_stdin() -> None:
    res = runner.invoke(app, ["scrub", "-"], input=TEXT)
    assert res.exit_code == 0
    assert res.output == "Dhr. [NAAM-1] belde over INC0012345, terugbellen op [TELEFOON-1].\n"


def test_scrub_file_json(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = runner.invoke(app, ["scrub", str(f), "--json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert [(e["entity_type"], e["start"], e["end"]) for e in data["entities"]] == [
        ("PERSON", 5, 11), ("PHONE_NUMBER", 50, 61)]
    assert "Jansen" not in res.output


def test_scrub_missing_file_is_dutch_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["scrub", str(tmp_path / "weg.txt")])
    assert res.exit_code == 2
    assert "bestand niet gevonden" in res.output
