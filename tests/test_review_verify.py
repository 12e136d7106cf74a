"""narrator verify: an intact version passes; any tampered, missing or added file fails."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from test_review_support import FakeRenderer, FakeValidator, example_facts, make_report
from typer.testing import CliRunner

from narrator.cli import app
from narrator.errors import ReviewError
from narrator.facts import SourceFile
from narrator.review.accept import accept_report
from narrator.review.verify import verify_report

CSV = b"number;region\nINC0041877;Oost\n"


def _accepted(tmp_path: Path, with_input: bool = False) -> Path:
    data = tmp_path / "exports"
    facts = None
    if with_input:
        data.mkdir()
        (data / "incidents.csv").write_bytes(CSV)
        source = SourceFile(system="ServiceNow", path="incidents.csv",
                            sha256=hashlib.sha256(CSV).hexdigest(), rows=1)
        facts = example_facts(sources=[source])
    report = make_report(tmp_path, facts=facts)
    accept_report(report, "Linda Bakker", validator=FakeValidator(), renderer=FakeRenderer(),
                  data_dir=data if with_input else None)
    return report


def _tamper(path: Path, data: bytes) -> None:
    os.chmod(path.parent, stat.S_IRWXU)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(data)


def test_intact_version_verifies(tmp_path: Path) -> None:
    report = verify_report(_accepted(tmp_path))
    assert report.ok, [c.line() for c in report.failures]
    assert report.version == 1
    assert any(c.path.startswith("archief") and c.status == "ok" for c in report.checks)


@pytest.mark.parametrize("name", ["tekst/analyse.md", "rapport.pdf", "actions.json"])
def test_tampered_file_is_caught_and_named(tmp_path: Path, name: str) -> None:
    report_dir = _accepted(tmp_path)
    _tamper(report_dir / "final" / "v1" / name, b"vervalst")
    report = verify_report(report_dir)
    assert not report.ok
    assert [c.path for c in report.failures] == [f"final/v1/{name}"]
    assert report.failures[0].status == "gewijzigd"
    assert "sha256 verwacht" in report.failures[0].detail


def test_tampered_facts_is_caught(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path)
    path = report_dir / "final" / "v1" / "facts.json"
    _tamper(path, path.read_bytes().replace(b"99.87", b"99.97"))
    failed = {c.path for c in verify_report(report_dir).failures}
    assert failed == {"final/v1/facts.json", "final/v1/facts.json (feiten)"}


def test_missing_and_added_files_are_caught(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path)
    v1 = report_dir / "final" / "v1"
    os.chmod(v1, stat.S_IRWXU)
    (v1 / "analyse.pdf").unlink()
    (v1 / "extra.pdf").write_bytes(b"%PDF")
    statuses = {c.path: c.status for c in verify_report(report_dir).failures}
    assert statuses == {"final/v1/analyse.pdf": "ontbreekt", "final/v1/extra.pdf": "onverwacht"}


def test_tampered_manifest_is_caught_via_archive(tmp_path: Path) -> None:
    """Rewriting a hash inside the manifest is caught by the archive copy."""
    report_dir = _accepted(tmp_path)
    manifest = report_dir / "final" / "v1" / "manifest.json"
    _tamper(manifest, manifest.read_bytes().replace(b'"reviewer": "Linda Bakker"',
                                                    b'"reviewer": "Iemand Anders"'))
    failed = verify_report(report_dir).failures
    assert [c.path for c in failed] == ["final/v1/manifest.json"]
    assert "archiefkopie" in failed[0].detail


def test_tampered_archive_copy_is_caught(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path)
    _tamper(tmp_path / "archief" / "2026" / "11" / "v1" / "rapport.pdf", b"x")
    failed = [c.path for c in verify_report(report_dir).failures]
    assert failed == [f"archief {tmp_path / 'archief/2026/11/v1/rapport.pdf'}"]


def test_unreadable_manifest_fails(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path)
    _tamper(report_dir / "final" / "v1" / "manifest.json", b"{kapot")
    report = verify_report(report_dir)
    assert [c.path for c in report.failures] == ["final/v1/manifest.json"]


def test_input_files_are_checked_where_recorded(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path, with_input=True)
    assert verify_report(report_dir).ok
    (tmp_path / "exports" / "incidents.csv").write_bytes(CSV + b"INC0000001;West\n")
    failed = verify_report(report_dir).failures
    assert [c.path for c in failed] == [f"invoer {tmp_path / 'exports' / 'incidents.csv'}"]


def test_unfindable_input_is_reported_not_failed(tmp_path: Path) -> None:
    report = verify_report(_accepted(tmp_path))
    missing = [c for c in report.checks if c.status == "niet-gevonden"]
    assert [c.path for c in missing] == ["invoer servicenow_incidents_2026-11.csv"]
    assert "--data" in missing[0].detail
    assert report.ok


def test_older_version_can_be_verified(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path)
    accept_report(report_dir, "Linda Bakker", validator=FakeValidator(),
                  renderer=FakeRenderer())
    _tamper(report_dir / "final" / "v2" / "rapport.pdf", b"x")
    assert verify_report(report_dir, 1).ok
    assert not verify_report(report_dir).ok


def test_no_accepted_version_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="geen geaccepteerde versie"):
        verify_report(make_report(tmp_path))


def test_cli_verify_exit_codes_and_names_the_file(tmp_path: Path) -> None:
    report_dir = _accepted(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(app, ["verify", str(report_dir)])
    assert ok.exit_code == 0, ok.output
    assert "is ongewijzigd" in ok.output
    _tamper(report_dir / "final" / "v1" / "tekst" / "samenvatting.md", b"# anders\n")
    bad = runner.invoke(app, ["verify", str(report_dir)])
    assert bad.exit_code == 1
    assert "GEWIJZIGD" in bad.output and "final/v1/tekst/samenvatting.md" in bad.output
    missing = runner.invoke(app, ["verify", str(report_dir), "--version", "7"])
    assert missing.exit_code == 2 and "versie 7" in missing.output
