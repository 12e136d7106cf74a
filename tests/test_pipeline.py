"""`narrator run` / `narrator demo` end to end, through the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from drafting_answers import as_json, good
from llm_server import FakeLLMServer, completion, section_of

from narrator.cli import app
from narrator.config import project_root
from narrator.facts import load_facts
from narrator.pipeline import RunRequest, run_report
from narrator.review.accept import accept_report
from narrator.review.verify import verify_report

DATA = project_root() / "data_samples"
PARTS = ("dashboard", "analyse", "samenvatting")


@pytest.fixture(scope="module")
def november(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template run for 2026-11 through the CLI."""
    out = tmp_path_factory.mktemp("reports")
    result = CliRunner().invoke(app, ["run", "--data", str(DATA), "--month", "2026-11",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 fouten" in result.output
    return out / "2026-11"


def test_run_writes_the_whole_report_folder(november: Path) -> None:
    for name in ["facts.json", "findings.json", "calls.jsonl",
                 *(f"draft/{p}.md" for p in PARTS),
                 *(f"concept/{p}.{ext}" for p in PARTS for ext in ("md", "html", "pdf")),
                 "concept/rapport.pdf"]:
        assert (november / name).is_file(), name
    assert json.loads((november / "findings.json").read_text(encoding="utf-8")) == []
    facts = load_facts(november / "facts.json")
    assert facts.scrubbed and facts.month == "2026-11" and len(facts.kpis) == 9


def test_rerun_keeps_a_reviewers_edit(november: Path, tmp_path: Path) -> None:
    report = tmp_path / "2026-11"
    shutil.copytree(november, report)
    edited = (report / "draft/samenvatting.md").read_text(encoding="utf-8") + "\nExtra zin.\n"
    (report / "draft/samenvatting.md").write_text(edited, encoding="utf-8")
    outcome = run_report(RunRequest(data_dir=DATA, month="2026-11", reports_root=tmp_path))
    assert (report / "draft/samenvatting.md").read_text(encoding="utf-8") == edited
    # the regenerated text equals what was offered before, so no new version is written
    assert not list((report / "draft").glob("samenvatting.v*.md"))
    assert any("samenvatting" in m for m in outcome.draft_messages)
    assert "Extra zin." in (report / "concept/samenvatting.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2031-01"], "2031-01"),
        (["--month", "2026-13"], "ongeldige maand"),
    ],
)
def test_bad_month_fails_closed(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["run", "--data", str(DATA), "--out", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_export_fails_closed(tmp_path: Path) -> None:
    data = tmp_path / "exports"
    shutil.copytree(DATA, data)
    for path in data.glob("netmonitor_*.csv"):
        path.unlink()
    out = tmp_path / "reports"
    result = CliRunner().invoke(app, ["run", "--data", str(data), "--month", "2026-11",
                                      "--out", str(out)])
    assert result.exit_code == 2
    assert "NetMonitor" in result.output or "netmonitor" in result.output
    assert not out.exists()


def test_last_months_actions_come_back(tmp_path: Path) -> None:
    october = run_report(RunRequest(data_dir=DATA, month="2026-10", reports_root=tmp_path))
    accepted = accept_report(october.report_dir, "Linda Bakker", force=True,
                             reason="test: opvolging", archive_root=tmp_path / "archief")
    assert accepted.version == 1
    run_report(RunRequest(data_dir=DATA, month="2026-11", reports_root=tmp_path))
    facts = load_facts(tmp_path / "2026-11" / "facts.json")
    assert facts.previous_actions, "October's accepted actions should reach November's facts"
    kpi_ids = {k.id for k in facts.kpis}
    assert all(a.kpi_id in kpi_ids for a in facts.previous_actions)


def test_openai_backend_via_environment(tmp_path: Path, november: Path) -> None:
    """`narrator run --backend openai` reads OPENAI_BASE_URL/OPENAI_API_KEY/NARRATOR_MODEL."""
    facts = load_facts(november / "facts.json")
    server = FakeLLMServer(
        lambda body, n: completion(as_json(good(facts, section_of(body))))).start()
    env = {**os.environ, "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "test",
           "NARRATOR_MODEL": "fake-model"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "narrator", "run", "--data", str(DATA), "--month", "2026-11",
             "--out", str(tmp_path), "--backend", "openai"],
            env=env, capture_output=True, text=True, timeout=300, check=False)
    finally:
        server.stop()
    assert done.returncode in (0, 1), done.stderr + done.stdout
    assert server.requests and all(r["model"] == "fake-model" for r in server.requests)
    calls = [json.loads(line) for line in
             (tmp_path / "2026-11/calls.jsonl").read_text(encoding="utf-8").splitlines()]
    assert calls and all(c["model"] == "fake-model" for c in calls)
    assert any(c["outcome"] == "goedgekeurd" for c in calls)
    # the scripted answers were written for another month: sections that cite its incident
    # are rejected, replaced by the template text and flagged; nothing else may remain
    findings = json.loads((tmp_path / "2026-11/findings.json").read_text(encoding="utf-8"))
    assert {f["rule"] for f in findings} <= {"handmatig-controleren"}
    assert done.returncode == (1 if findings else 0), "flagged sections need review: exit 1"


def test_run_without_month_reports_the_latest_month(tmp_path: Path) -> None:
    request = RunRequest(data_dir=DATA, reports_root=tmp_path)
    outcome = run_report(request)
    assert outcome.report_dir == tmp_path / "2026-11"
    assert load_facts(outcome.report_dir / "facts.json").month == "2026-11"
    assert request.month is None  # the caller's request is not changed


def test_run_record_lets_accept_and_verify_trace_the_inputs(november: Path,
                                                            tmp_path: Path) -> None:
    report = tmp_path / "2026-11"
    shutil.copytree(november, report)
    record = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert record["data_dir"] == str(DATA.resolve())
    assert record["backend"] == "template" and record["errors"] == 0
    accepted = accept_report(report, "Linda Bakker", archive_root=tmp_path / "archief")
    assert accepted.manifest.data_dir == str(DATA.resolve())
    checked = verify_report(report)
    inputs = [c for c in checked.checks if c.path.endswith(".csv")]
    assert inputs and all(c.status == "ok" for c in inputs), inputs
    assert not checked.failures


def test_page_budget_overflow_is_shortened_then_reported(tmp_path: Path) -> None:
    """An analysis over its budget is redrafted shorter; what still overflows exits 1."""
    home = tmp_path / "home"
    for name in ("config", "style_guide", "prompts"):
        shutil.copytree(project_root() / name, home / name)
    render_yaml = home / "config/render.yaml"
    text = render_yaml.read_text(encoding="utf-8")
    assert "min_pages: 2\n    max_pages: 4" in text
    render_yaml.write_text(text.replace("min_pages: 2\n    max_pages: 4",
                                        "min_pages: 1\n    max_pages: 1"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "narrator", "run", "--data", str(DATA), "--month", "2026-11",
         "--out", str(tmp_path / "reports")],
        env={**os.environ, "NARRATOR_HOME": str(home), "COLUMNS": "200"},
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr + done.stdout
    assert "tekst inkorten (paginabudget)" in done.stdout
    assert "paginabudget (analyse)" in done.stdout
    assert (tmp_path / "reports/2026-11/concept/analyse.pdf").is_file()
