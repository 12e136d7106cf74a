"""Scorecard metrics, Markdown checks and the baseline comparison (table-driven)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.errors import ConfigError
from narrator.evals.baseline import (
    Baseline,
    Tolerance,
    compare,
    load_baseline,
    save_baseline,
    updated_baseline,
)
from narrator.evals.checks import _contains, count_priorities, sections
from narrator.evals.scorecard import (
    CaseResult,
    Coverage,
    FindingRecord,
    Scorecard,
    case_metrics,
    flatten,
)

ROOT = Path(__file__).resolve().parents[1]

TOL = {"share": Tolerance(better="higher", abs=0.01), "per_k.*": Tolerance(better="lower",
                                                                             abs=0.5),
       "tokens": Tolerance(better="lower", rel=0.25), "latency": Tolerance(ignore=True)}


@pytest.mark.parametrize(("metric", "base", "current", "regressed", "improved"), [
    ("share", 1.0, 1.0, False, False),
    ("share", 1.0, 0.995, False, False),
    ("share", 1.0, 0.98, True, False),
    ("share", 0.9, 0.95, False, True),
    ("per_k.jargon", 1.0, 1.4, False, False),
    ("per_k.jargon", 1.0, 1.6, True, False),
    ("per_k.jargon", 1.0, 0.2, False, True),
    ("tokens", 1000, 1240, False, False),
    ("tokens", 1000, 1260, True, False),
    ("latency", 1.0, 99.0, False, False),
    ("unlisted", 1.0, 99.0, False, False),
    ("share", 1.0, None, True, False),
])
def test_compare(metric: str, base: float, current: float | None, regressed: bool,
                 improved: bool) -> None:
    result = compare(Baseline(tolerances=TOL, metrics={metric: base}), {metric: current})
    assert bool(result.regressions) is regressed
    assert bool(result.improvements) is improved


def test_unmeasured_metrics_are_not_compared() -> None:
    baseline = Baseline(tolerances=TOL, metrics={"share": 1.0})
    assert compare(baseline, {"share": None}, frozenset({"share"})).regressions == []


def test_regression_line_is_dutch_notation() -> None:
    result = compare(Baseline(tolerances=TOL, metrics={"share": 0.975}), {"share": 0.5})
    assert result.regressions == ["share: 0,500 (baseline 0,975)"]


def test_committed_baseline_loads_and_update_keeps_tolerances(tmp_path: Path) -> None:
    committed = load_baseline(ROOT / "evals" / "baseline_template.json")
    assert committed.tolerance("numbers_traceable_share").better == "higher"
    assert committed.tolerance("latency_s_max").ignore
    assert committed.tolerance("validator.jargon.recall").abs == 0.01
    new = updated_baseline(committed, "openai", {"b": 2.0, "a": 1.0})
    save_baseline(new, tmp_path / "b.json")
    again = load_baseline(tmp_path / "b.json")
    assert again.tolerances == committed.tolerances and list(again.metrics) == ["a", "b"]


@pytest.mark.parametrize(("content", "message"), [
    ("{", "ongeldige JSON"), ('{"metrics": {"a": "x"}}', "metrics.a"),
    ('{"tolerances": {"a": {"better": "up"}}}', "tolerances.a.better")])
def test_broken_baseline_is_a_config_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_baseline(path)


def _finding(category: str, severity: str = "error") -> FindingRecord:
    return FindingRecord(part="analyse", line=1, column=1, rule="r", category=category,
                         severity=severity, message="m")


def test_case_metrics() -> None:
    a = CaseResult(name="a", words={"analyse": 1500, "samenvatting": 500},
                   findings=[_finding("jargon"), _finding("jargon", "warning"),
                             _finding("jargon", "info")],
                   numbers_total=10, numbers_untraceable=1, priorities=3, sections=4,
                   fallbacks=1, latency_s=1.0,
                   coverage=[Coverage(kpi="churn", section=True, cause=True, action=True,
                                      owner=False)],
                   pages={"dashboard": 1, "analyse": 5}, overflows={"analyse": "te lang"})
    b = CaseResult(name="b", words={"analyse": 2000}, numbers_total=10, priorities=2,
                   sections=4, latency_s=3.0, failures=["x"])
    m = case_metrics([a, b])
    assert m["findings_per_1000_words.jargon"] == 0.5  # info does not count
    assert m["findings_per_1000_words.total"] == 0.5 and m["errors"] == 1
    assert m["numbers_traceable_share"] == 0.95
    assert m["rood_coverage"] == 0.0 and m["top3_share"] == 0.5
    assert m["page_budgets_met"] == 0.5 and m["fallback_rate"] == 0.125
    assert m["cases_passed"] == 1 and m["latency_s_mean"] == 2.0
    assert json.loads(a.model_dump_json())["coverage"][0]["covered"] is False


def test_flatten_skips_non_numbers() -> None:
    node = {"jargon": {"precision": 1, "recall": 0.96, "n": 40}, "ok": True, "name": "x",
            "nan": float("nan")}
    assert flatten("v", node) == {"v.jargon.precision": 1.0, "v.jargon.recall": 0.96,
                                  "v.jargon.n": 40.0}


SUMMARY = """# Executive summary november 2026

Conclusie.

## Top 3 prioriteiten

1. Eerste
   vervolgregel
2. Tweede
3) Derde

## Verder

4. niet meetellen
"""


def test_sections_and_priorities() -> None:
    assert count_priorities(SUMMARY) == 3
    assert count_priorities("# Executive summary\n\n1. a\n") is None
    assert list(sections(SUMMARY, 2)) == ["Top 3 prioriteiten", "Verder"]


@pytest.mark.parametrize(("text", "needle", "hit"), [
    ("Meer informatie volgt", "inf", False),
    ("waarde inf bereikt", "inf", True),
    ("12 USERS klaagden", "users", True),
    ("waarde 1.2e+07", "re:\\d[eE][+-]?\\d", True),
    ("een NPS van 18 punten", "NPS van 18", True),
    ("(geen problemen)", "geen problemen", True),
])
def test_contains(text: str, needle: str, hit: bool) -> None:
    assert _contains(text, needle) is hit


def _card(failures: list[str]) -> Scorecard:
    case = CaseResult(name="a", failures=failures)
    return Scorecard(backend="openai", created_at="nu", cases=[case],
                     metrics={"errors": 0.0, "rood_coverage": 1.0})


def test_update_baseline_refused_while_a_case_fails(tmp_path: Path) -> None:
    from rich.console import Console

    from narrator.commands.evaluate import _write_baseline
    from narrator.errors import NarratorError

    with pytest.raises(NarratorError, match="cases mislukt \\(a\\)"):
        _write_baseline(_card(["x"]), tmp_path / "b.json", Console(file=None))
    assert not (tmp_path / "b.json").exists()


def test_new_backend_baseline_inherits_template_tolerances(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from narrator.commands.evaluate import _write_baseline

    (tmp_path / "evals").mkdir()
    template = ROOT / "evals" / "baseline_template.json"
    (tmp_path / "evals" / "baseline_template.json").write_text(template.read_text("utf-8"),
                                                                encoding="utf-8")
    monkeypatch.setenv("NARRATOR_HOME", str(tmp_path))
    target = tmp_path / "evals" / "baseline_openai.json"
    _write_baseline(_card([]), target, Console(quiet=True))
    written = load_baseline(target)
    assert written.backend == "openai" and written.metrics == {"errors": 0.0,
                                                               "rood_coverage": 1.0}
    assert written.tolerances == load_baseline(template).tolerances


@pytest.mark.parametrize(("args", "message"), [
    (["--backend", "llama"], "onbekende back end 'llama'"),
    (["--pages", "soms"], "ongeldige waarde 'soms' voor --pages"),
    (["--case", "alles_groen", "--update-baseline"], "--update-baseline kan alleen"),
    (["--case", "bestaat_niet"], "onbekende eval-case"),
])
def test_bad_options_exit_2_with_a_dutch_message(tmp_path: Path, args: list[str],
                                                 message: str) -> None:
    from typer.testing import CliRunner

    from narrator.cli import app

    result = CliRunner().invoke(app, ["eval", "--out", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "scorecard_template.json").exists()
