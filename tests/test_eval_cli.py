"""`narrator eval` end to end: the template back end passes, a broken rule or wording fails.

The broken variants never touch the real files: a rule is broken in a temporary copy of the
project's data folders that NARRATOR_HOME points at (a fresh process, so no cached rules), and
template wording is broken in memory with monkeypatch.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from narrator.cli import app

ROOT = Path(__file__).resolve().parents[1]
DATA_PATHS = ["config", "style_guide", "prompts", "evals", "tests/corpus",
              "tests/fixtures/facts_example.json"]


def _home_copy(tmp_path: Path) -> Path:
    """A copy of the project's data folders (not src/) for NARRATOR_HOME."""
    home = tmp_path / "home"
    for rel in DATA_PATHS:
        source, target = ROOT / rel, home / rel
        if source.is_dir():
            shutil.copytree(source, target,
                            ignore=shutil.ignore_patterns("results", "__pycache__"))
        elif source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return home


def _eval_subprocess(home: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NARRATOR_HOME": str(home), "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "narrator", "eval", "--out", str(out), "--pages", "none", *args],
        env=env, capture_output=True, text=True, timeout=240, check=False)


def test_template_backend_passes_the_eval(tmp_path: Path) -> None:
    """What CI runs: every case meets its expectations and nothing regressed."""
    result = CliRunner().invoke(app, ["eval", "--backend", "template", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    card = json.loads((tmp_path / "scorecard_template.json").read_text(encoding="utf-8"))
    assert card["ok"] and not card["regressions"]
    assert card["metrics"]["numbers_traceable_share"] == 1.0
    assert card["metrics"]["rood_coverage"] == 1.0 and card["metrics"]["top3_share"] == 1.0
    assert card["metrics"]["pii_leaks"] == 0
    assert "eval geslaagd" in result.output


def test_inverted_terminology_rule_makes_eval_fail(tmp_path: Path) -> None:
    """A rule someone broke (it now forbids 'klanten') fails the template's cases."""
    home = _home_copy(tmp_path)
    broken = home / "style_guide" / "zz_kapot.yaml"
    broken.write_text(
        "rules:\n  - id: kapot\n    type: substitution\n    category: terminologie\n"
        "    severity: error\n    message: \"'{match}' wordt '{suggestion}'.\"\n"
        "    suggestion: users\n    swap: {klanten: users}\n"
        "    examples: {positive: [\"De klanten belden.\"], negative: [\"Het gebruik.\"]}\n",
        encoding="utf-8")
    result = _eval_subprocess(home, tmp_path / "out", "--case", "typische_maand")
    assert result.returncode == 1, result.stdout + result.stderr
    card = json.loads((tmp_path / "out" / "scorecard_template.json").read_text("utf-8"))
    failures = card["cases"][0]["failures"]
    assert any("fouten (totaal)" in f for f in failures)
    assert any(f["rule"] == "kapot" for f in card["cases"][0]["findings"])


def test_deleted_terminology_rule_is_a_regression(tmp_path: Path) -> None:
    """Deleting the 'klanten' rule lowers the validator's recall on its corpus: a regression
    against the committed baseline, although every case still passes."""
    home = _home_copy(tmp_path)
    path = home / "style_guide" / "terminologie.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rules"] = [r for r in data["rules"] if r["id"] != "klanten"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = _eval_subprocess(home, tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    card = json.loads((tmp_path / "out" / "scorecard_template.json").read_text("utf-8"))
    assert any(r.startswith("validator.terminologie.recall") for r in card["regressions"])
    assert all(r.startswith("validator.terminologie.") for r in card["regressions"])
    assert all(c["passed"] for c in card["cases"])  # the drafts themselves are still fine
    assert "achteruitgang" in result.stdout


def test_template_wording_with_forbidden_word_makes_eval_fail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Template wording that says 'gebruikers' is caught by the validator and the case."""
    from narrator.drafting.storyline import phrases

    action = phrases()["actions"]["by_kind"]["incident"]
    monkeypatch.setitem(action, "wat", "Informeer alle gebruikers over storing {ref}")
    result = CliRunner().invoke(app, ["eval", "--case", "typische_maand", "--pages", "none",
                                      "--json", "--out", str(tmp_path)])
    assert result.exit_code == 1, result.output
    card = json.loads(result.stdout)  # --json: the scorecard itself on stdout, tables on stderr
    assert card == json.loads((tmp_path / "scorecard_template.json").read_text("utf-8"))
    assert card["metrics"]["findings_per_1000_words.terminologie"] > 0
    assert not card["cases"][0]["passed"]
