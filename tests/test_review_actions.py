"""Accepted actions: parsed from '## Acties', and showing up in next month's Facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_review_support import TEXTS, FakeRenderer, FakeValidator, example_facts, make_report

from narrator.errors import DataError
from narrator.facts import Facts
from narrator.review import load_previous_actions, parse_actions
from narrator.review.accept import accept_report

HEADER = "# Analyse\n\n## Acties\n\n| Wat | Wie | Wanneer | Verwacht effect |\n|---|---|---|---|\n"


@pytest.mark.parametrize(("row", "kpi", "owner"), [
    ("| Belactie klanten Oost | Ahmed Hassan | 15-12 | Minder opzeggingen |", "churn",
     "Ahmed Hassan"),
    ("| Extra monteurs | Pieter van Dijk | 1-12 | Hersteltijd onder 4 uur |", "hersteltijd",
     "Pieter van Dijk"),
    ("| Extra monteurs | Pieter van Dijk | 1-12 | Sneller klaar |", None, "Pieter van Dijk"),
    ("| Wachtrij-informatie | Hoofd Customer Service | jan | Kortere wachttijd |", "wachttijd",
     "Marco de Jong"),
    ("| Enquête herzien | Linda Bakker | jan | Hogere NPS |", "nps", "Linda Bakker"),
    ("| Uptime bewaken | Pieter van Dijk | jan | Betere netwerkbeschikbaarheid |",
     "beschikbaarheid", "Pieter van Dijk"),
    ("| Kennisbank opschonen | Sarah Mensink | Q1 | Minder herhaalvragen |", None,
     "Sarah Mensink"),
    ("| Churn en NPS samen aanpakken | Linda Bakker | Q1 | beter |", "nps", "Linda Bakker"),
    ("| Belactie | Ahmed Hassan | Q1 | Hogere NPS \\| minder churn |", "churn", "Ahmed Hassan"),
    ("| Churn en NPS samen aanpakken | Sarah Mensink | Q1 | beter |", None, "Sarah Mensink"),
    ("| Hersteltijd en wachttijd | Ahmed Hassan | Q1 | beter |", None, "Ahmed Hassan"),
    ("| Iets | Onbekend Team | Q1 | - |", None, "Onbekend Team"),
])
def test_parse_action_row(row: str, kpi: str | None, owner: str) -> None:
    facts = example_facts()
    [action] = parse_actions(HEADER + row + "\n", facts)
    assert action.kpi_id == kpi
    assert action.owner.name == owner
    if kpi:
        assert action.kpi_status == facts.kpi(kpi).status


def test_owner_with_a_single_flagged_kpi_decides_the_kpi() -> None:
    """Ahmed Hassan owns only churn (rood): an action without KPI words is about churn."""
    row = "| Belactie regio Oost | Ahmed Hassan | 15-12 | Klanten behouden |\n"
    assert parse_actions(HEADER + row, example_facts())[0].kpi_id == "churn"


def test_explicit_kpi_column_wins() -> None:
    md = ("## Acties\n\n| Wat | Wie | Wanneer | Verwacht effect | KPI |\n|-|-|-|-|-|\n"
          "| Monteurs | Pieter van Dijk | 1-12 | Minder wachttijd | storingsimpact |\n")
    assert parse_actions(md, example_facts())[0].kpi_id == "storingsimpact"


def test_only_the_acties_section_is_read() -> None:
    md = (HEADER + "| A | Ahmed Hassan | 1-12 | churn |\n\n## Opvolging acties vorige maand\n\n"
          "| Wat | Wie | Wanneer | Verwacht effect |\n|---|---|---|---|\n| B | X | Y | Z |\n")
    assert [a.what for a in parse_actions(md, example_facts())] == ["A"]


def test_no_acties_section_gives_no_actions() -> None:
    assert parse_actions("# Analyse\n\n## Conclusie\n\nTekst.\n", example_facts()) == []


def test_fixture_analysis_actions() -> None:
    actions = parse_actions(TEXTS["analyse"], example_facts())
    assert [(a.kpi_id, a.owner.name, a.due) for a in actions] == [
        ("churn", "Ahmed Hassan", "15 december 2026"),
        ("hersteltijd", "Pieter van Dijk", "1 december 2026"),
        ("wachttijd", "Marco de Jong", "januari 2027"),
        (None, "Sarah Mensink", "Q1 2027"),
    ]


def _with_status(facts: Facts, **statuses: str) -> Facts:
    kpis = [k.model_copy(update={"status": statuses.get(k.id, k.status)}) for k in facts.kpis]
    return facts.model_copy(update={"kpis": kpis})


def _accept(report_dir: Path) -> None:
    accept_report(report_dir, "Linda Bakker", validator=FakeValidator(), renderer=FakeRenderer())


def test_last_months_actions_show_up_this_month(tmp_path: Path) -> None:
    _accept(make_report(tmp_path, "2026-11"))
    december = _with_status(example_facts("2026-12"), churn="groen", wachttijd="rood")
    actions = load_previous_actions(tmp_path / "reports", "2026-12", december)
    by_kpi = {a.kpi_id: a for a in actions}
    assert list(by_kpi) == ["churn", "hersteltijd", "wachttijd"]  # no-KPI action left out
    churn = by_kpi["churn"]
    assert (churn.kpi_status_then, churn.kpi_status_now, churn.recovered) == ("rood", "groen",
                                                                               True)
    assert churn.owner.role == "Hoofd Sales & Retention"
    assert churn.due == "15 december 2026"
    assert (by_kpi["hersteltijd"].kpi_status_now, by_kpi["hersteltijd"].recovered) == (
        "oranje", False)
    assert (by_kpi["wachttijd"].kpi_status_now, by_kpi["wachttijd"].recovered) == ("rood", False)
    # the pipeline puts them into this month's facts: they must fit the Facts model
    Facts.model_validate({**december.model_dump(), "previous_actions": actions})


def test_latest_accepted_version_is_used(tmp_path: Path) -> None:
    report = make_report(tmp_path, "2026-11")
    _accept(report)
    edited = TEXTS["analyse"].replace("| Extra monteurs inzetten in Oost | Pieter van Dijk | "
                                      "1 december 2026 | Hersteltijd onder 4 uur |\n", "")
    (report / "draft" / "analyse.md").write_text(edited, encoding="utf-8")
    _accept(report)
    actions = load_previous_actions(tmp_path / "reports", "2026-12")
    assert [a.kpi_id for a in actions] == ["churn", "wachttijd"]
    assert all(not a.recovered and a.kpi_status_now == a.kpi_status_then for a in actions)


def test_january_looks_back_to_december(tmp_path: Path) -> None:
    _accept(make_report(tmp_path, "2025-12", facts=example_facts("2025-12")))
    assert len(load_previous_actions(tmp_path / "reports", "2026-01")) == 3


def test_no_accepted_previous_month_gives_nothing(tmp_path: Path) -> None:
    make_report(tmp_path, "2026-11")  # drafts only, never accepted
    assert load_previous_actions(tmp_path / "reports", "2026-12") == []
    assert load_previous_actions(tmp_path / "nergens", "2026-12") == []


def test_corrupt_actions_file_is_a_data_error(tmp_path: Path) -> None:
    v1 = tmp_path / "reports" / "2026-11" / "final" / "v1"
    v1.mkdir(parents=True)
    (v1 / "actions.json").write_text(json.dumps({"month": "2026-11"}), encoding="utf-8")
    with pytest.raises(DataError, match=r"actions\.json"):
        load_previous_actions(tmp_path / "reports", "2026-12")
