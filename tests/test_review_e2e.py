"""End to end with the real validator, renderer and template drafts: accept, force, verify."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from test_review_support import example_facts, make_report
from typer.testing import CliRunner

from narrator.cli import app
from narrator.drafting import draft_report
from narrator.review import load_previous_actions

MARKER = "> **Handmatig controleren:** controleer de oorzaak\n"


@pytest.fixture(scope="module")
def template_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    run_dir = tmp_path_factory.mktemp("run")
    return dict(draft_report(example_facts(), backend="template", run_dir=run_dir).texts)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_accept_verify_and_follow_up_with_real_stages(
    tmp_path: Path, template_texts: dict[str, str]
) -> None:
    report = make_report(tmp_path, texts=template_texts)
    runner = CliRunner()
    result = runner.invoke(app, ["accept", str(report), "--reviewer", "Linda Bakker"])
    assert result.exit_code == 0, result.output
    assert "versie 1" in result.output
    v1 = report / "final" / "v1"
    assert "concept" not in _pdf_text(v1 / "rapport.pdf").lower()
    manifest = json.loads((v1 / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["findings"]["errors"] == 0 and manifest["findings"]["validated"]
    assert runner.invoke(app, ["verify", str(report)]).exit_code == 0
    december = example_facts("2026-12")
    followed = load_previous_actions(tmp_path / "reports", "2026-12", december)
    assert followed, "de acties uit de template-analyse horen volgende maand terug te komen"
    assert {a.owner.name for a in followed} <= {m.name for m in december.organisation.mt}
    pdf = v1 / "analyse.pdf"
    os.chmod(v1, stat.S_IRWXU)
    os.chmod(pdf, stat.S_IRUSR | stat.S_IWUSR)
    pdf.write_bytes(pdf.read_bytes() + b"\n%gewijzigd")
    tampered = runner.invoke(app, ["verify", str(report)])
    assert tampered.exit_code == 1
    assert "final/v1/analyse.pdf" in tampered.output


def test_marker_blocks_accept_until_forced(
    tmp_path: Path, template_texts: dict[str, str]
) -> None:
    analyse = template_texts["analyse"].replace("## Conclusie\n", "## Conclusie\n" + MARKER, 1)
    assert MARKER in analyse
    report = make_report(tmp_path, texts={**template_texts, "analyse": analyse})
    runner = CliRunner()
    refused = runner.invoke(app, ["accept", str(report), "--reviewer", "Linda Bakker"])
    assert refused.exit_code == 2
    assert "niet geaccepteerd" in refused.output
    assert not (report / "final" / "v1").exists()
    forced = runner.invoke(app, ["accept", str(report), "--reviewer", "Linda Bakker", "--force",
                                 "--reden", "MT akkoord met handmatige controle"])
    assert forced.exit_code == 0, forced.output
    assert "GEFORCEERD" in forced.output
    manifest = json.loads((report / "final" / "v1" / "manifest.json").read_text("utf-8"))
    assert manifest["override"]["reason"] == "MT akkoord met handmatige controle"
    assert manifest["override"]["errors_overridden"] >= 1
