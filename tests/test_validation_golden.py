"""Golden tests: fixture drafts with known problems give exactly the expected findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.facts import load_facts
from narrator.validation import Finding, validate_report_dir, validate_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path("tests/golden/validation")


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_bad_draft_gives_exactly_the_expected_lines() -> None:
    found = [f.format_text() for f in validate_report_dir(GOLDEN / "bad")]
    expected = (GOLDEN / "bad" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert found == expected


def test_bad_draft_json_matches_golden() -> None:
    found = [f.model_dump() for f in validate_report_dir(GOLDEN / "bad")]
    assert found == json.loads((GOLDEN / "bad" / "expected.json").read_text(encoding="utf-8"))


def test_bad_draft_covers_every_category() -> None:
    cats = {f.category for f in validate_report_dir(GOLDEN / "bad")}
    assert cats == {"terminologie", "jargon", "marketingtaal", "getalnotatie",
                    "incident-impact", "privacy", "cijfers", "structuur"}


def test_good_draft_has_no_findings() -> None:
    assert validate_report_dir(GOLDEN / "good") == []


def test_missing_part_is_a_structure_error(tmp_path: Path) -> None:
    (tmp_path / "draft").mkdir()
    (tmp_path / "facts.json").write_text((ROOT / "tests/fixtures/facts_example.json").read_text())
    found = validate_report_dir(tmp_path)
    assert [f.rule for f in found] == ["ontbrekend-onderdeel"] * 3
    assert all(f.severity == "error" for f in found)


def test_positions_point_into_the_markdown_file() -> None:
    text = "# Titel\n\nEerste zin.\nDe **users** belden vaker op 12 november 2026.\n"
    [finding] = validate_text(text, file="x.md")
    assert (finding.line, finding.column, finding.end_column) == (4, 6, 11)
    assert finding.match == "users"
    assert isinstance(finding, Finding)


def test_nearest_fact_is_named_in_dutch_notation() -> None:
    facts = load_facts(ROOT / "tests/fixtures/facts_example.json")
    [finding] = validate_text("Er waren 612.500 klant-uren zonder dienst.", facts=facts)
    assert finding.rule == "getal-niet-in-facts"
    assert "kpis[storingsimpact].value = 612.400" in finding.message


def test_placeholders_chart_refs_and_ordinals_are_not_checked() -> None:
    facts = load_facts(ROOT / "tests/fixtures/facts_example.json")
    text = "## Top 3 prioriteiten\n\n1. [NAAM-2] belde.\n2. Zie ![Trend](chart:churn:trend).\n"
    assert [f.rule for f in validate_text(text, facts=facts)] == []
