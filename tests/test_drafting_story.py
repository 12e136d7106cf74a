"""Template wording that an MT member reads: actions, causes, termijn, follow-up, gaps."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from narrator import validation
from narrator.drafting import draft_report
from narrator.drafting.backends.template import actions
from narrator.errors import ConfigError
from narrator.facts import Facts, load_facts

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "fixtures" / "drafting"
CASES = ROOT / "evals" / "cases" / "facts"
NOV = SAMPLES / "facts_sample_2026-11.json"


def _draft(facts: Facts, tmp_path: Path, **kwargs: object) -> dict[str, str]:
    return draft_report(facts, run_dir=tmp_path / "run", **kwargs).texts


def _section(analyse: str, name: str) -> str:
    match = re.search(rf"^### {re.escape(name)}\n(.*?)(?=^##)", analyse, flags=re.M | re.S)
    assert match, name
    return match.group(1)


@pytest.mark.parametrize("path", [NOV, SAMPLES / "facts_sample_2026-01.json",
                                  CASES / "veel_rood.json", CASES / "typische_maand.json",
                                  ROOT / "tests" / "fixtures" / "facts_example.json"],
                         ids=lambda p: p.stem)
def test_every_rood_action_is_in_the_table(path: Path, tmp_path: Path) -> None:
    facts = load_facts(path)
    result = draft_report(facts, run_dir=tmp_path)
    table = result.texts["analyse"].split("## Acties", 1)[1].lower()
    assert 3 <= len(result.analysis.acties) <= 5
    for kpi in facts.kpis:
        if kpi.status == "rood":
            assert result.deviations[kpi.id].actie.lower() in table, kpi.id


def test_wachttijd_leads_with_the_telephony_channel(tmp_path: Path) -> None:
    facts = load_facts(NOV)
    dev = draft_report(facts, run_dir=tmp_path).deviations["wachttijd"]
    assert dev.oorzaak.startswith("Kanaal telefoon is goed voor 93% van de verandering")
    assert "kanaal telefoon" in dev.actie
    assert dev.oorzaak.index("telefoon") < dev.oorzaak.index("Contactpiek")


def test_shares_above_hundred_percent_are_told_in_words(tmp_path: Path) -> None:
    analyse = _draft(load_facts(NOV), tmp_path)["analyse"]
    contacten = _section(analyse, "Klantcontacten per 1.000 klanten")
    assert "De hele stijging komt uit regio Oost" in contacten
    assert "de andere regio's daalden samen" in contacten
    assert "145%" not in analyse and "goed voor 1" not in re.sub(r"goed voor 1\d%", "", analyse)
    nps = _section(analyse, "Klanttevredenheid (NPS)")
    assert "De hele daling komt uit regio Oost" in nps and "stegen samen" in nps


@pytest.mark.parametrize(("status", "rule", "expected"), [
    ("rood", {"rood": {"days_after_mt_meeting": 14}}, "uiterlijk 23 december 2026"),
    ("rood", {"rood": {"days_after_mt_meeting": 30}}, "uiterlijk 8 januari 2027"),
    ("oranje", {"oranje": {"months_ahead": 1}}, "eind december 2026"),
    ("oranje", {"oranje": {"months_ahead": 2}}, "eind januari 2027"),
])
def test_termijn_follows_config(status: str, rule: dict, expected: str, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    shutil.copytree(ROOT / "config", home / "config")
    path = home / "config" / "drafting.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["termijn"].update(rule)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("NARRATOR_HOME", str(home))
    facts = load_facts(NOV)
    kpi = next(k for k in facts.kpis if k.status == status)
    from narrator.drafting.narrative import deadline

    assert facts.deadline == "2026-12-09"
    assert deadline(kpi, facts) == expected


def test_broken_drafting_config_is_a_config_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    shutil.copytree(ROOT / "config", home / "config")
    (home / "config" / "drafting.yaml").write_text("termijn: {rood: {}}\n", encoding="utf-8")
    monkeypatch.setenv("NARRATOR_HOME", str(home))
    with pytest.raises(ConfigError, match=r"drafting\.yaml"):
        draft_report(load_facts(NOV), run_dir=tmp_path / "run")


def test_previous_actions_are_followed_up(tmp_path: Path) -> None:
    facts = load_facts(CASES / "veel_rood.json")
    texts = _draft(facts, tmp_path)
    follow = texts["analyse"].split("## Opvolging acties vorige maand", 1)[1]
    assert "Geen van beide acties van vorige maand heeft de KPI hersteld." in follow
    assert ("- **Gemiddelde wachttijd klantenservice**: Extra inzet flexpool op maandagochtend "
            "(Marco de Jong, termijn 15 november 2026): KPI van oranje naar rood, niet hersteld "
            "(verder verslechterd).") in follow
    assert "flexpool op maandagochtend, Marco de Jong; oranje naar rood" in texts["samenvatting"]
    assert "niet hersteld" in texts["samenvatting"]


def test_recovered_previous_action_is_not_in_the_summary(tmp_path: Path) -> None:
    data = load_facts(CASES / "veel_rood.json").model_dump()
    for item in data["previous_actions"]:
        item.update(recovered=True, kpi_status_now="groen")
    facts = Facts.model_validate(data)
    texts = _draft(facts, tmp_path)
    assert "Beide acties van vorige maand hebben hun KPI hersteld." in texts["analyse"]
    assert "KPI van oranje naar groen, hersteld." in texts["analyse"]
    assert "maandagochtend" not in texts["samenvatting"]
    assert "niet hersteld" not in texts["samenvatting"]


def test_no_follow_up_section_without_previous_actions(tmp_path: Path) -> None:
    assert "Opvolging" not in _draft(load_facts(NOV), tmp_path)["analyse"]


def test_missing_source_is_stated_in_the_kpi_section(tmp_path: Path) -> None:
    texts = _draft(load_facts(CASES / "bron_ontbreekt.json"), tmp_path)
    nps = _section(texts["analyse"], "Klanttevredenheid (NPS)")
    assert "de waarde ontbreekt deze maand, want de bron is niet aangeleverd" in nps
    assert "salesforce_nps_responses.csv is niet aangeleverd" in nps
    assert "onbekend" not in nps
    for part in ("dashboard", "samenvatting"):
        assert "Klanttevredenheid (NPS) ontbreekt deze maand" in texts[part], part


def test_all_green_month_gets_a_full_trend_analysis(tmp_path: Path) -> None:
    facts = load_facts(CASES / "alles_groen.json")
    analyse = _draft(facts, tmp_path)["analyse"]
    trends = analyse.split("## Trends", 1)[1].split("## Afwijkingen", 1)[0]
    for kpi in facts.kpis:
        assert f"- **{kpi.name}**: " in trends and "dertien maanden: van" in trends
    assert "Vooruitblik december 2026: klantcontacten per 1.000 klanten en gemiddelde " \
        "wachttijd klantenservice stijgen dan gewoonlijk door het seizoen" in trends
    assert "Dicht bij de norm: " in trends and "opgelost bij eerste contact (77,1%; norm" in trends
    assert analyse.count("](chart:") >= 2
    short = _draft(facts, tmp_path / "kort", shorten={"analyse"})["analyse"]
    assert len(short.split()) < len(analyse.split()) and "](chart:" not in short


ALL = sorted(CASES.glob("*.json")) + sorted(SAMPLES.glob("facts_sample_*.json"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_validator_findings_at_all(path: Path, tmp_path: Path) -> None:
    facts = load_facts(path)
    texts = _draft(facts, tmp_path)
    found = [f"{part}: {f.severity} {f.rule} {f.match!r}" for part, text in texts.items()
             for f in validation.validate_text(text, facts=facts, part=part)]
    assert found == []


def test_actions_merge_by_owner_when_more_than_five(tmp_path: Path) -> None:
    facts = load_facts(CASES / "veel_rood.json")
    acts = actions(facts)
    assert len(acts) <= 5
    assert [a.wie.split(" (")[0] for a in acts] == [
        "Pieter van Dijk", "Marco de Jong", "Linda Bakker", "Sarah Mensink", "Ahmed Hassan"]
    assert acts[0].wie == "Pieter van Dijk (Hoofd Network Operations)"
    assert "; analyseer de storingen met de langste hersteltijd" in acts[0].wat


def test_duration_kpi_action_is_not_the_biggest_incident(tmp_path: Path) -> None:
    result = draft_report(load_facts(SAMPLES / "facts_sample_2026-01.json"), run_dir=tmp_path)
    assert result.deviations["hersteltijd"].actie.startswith(
        "Analyseer de storingen met de langste hersteltijd")
    trend = next(t for t in result.analysis.trends if t.startswith("**Opzeggingen"))
    assert trend.count("januari 2025") == 1, trend
