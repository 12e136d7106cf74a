"""The eval cases: valid facts, reproducible from the generator, meaningful expectations."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from narrator.errors import ConfigError
from narrator.evals.cases import load_case, load_cases
from narrator.evals.checks import unknown_categories

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "evals" / "cases"
SITUATIONS = {"alles_groen", "veel_rood", "rood_seizoen", "bron_ontbreekt", "extreme_getallen",
              "pii_incidenten", "prompt_injectie", "typische_maand"}


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_facts", CASES / "make_facts.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_every_situation_of_the_issue_has_a_case() -> None:
    cases = load_cases(CASES)
    assert {c.name for c in cases} == SITUATIONS
    assert all(not unknown_categories(c) for c in cases)


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_committed_facts_match_the_generator(name: str) -> None:
    committed = json.loads((CASES / "facts" / f"{name}.json").read_text(encoding="utf-8"))
    assert committed == json.loads(_generator().build(name).model_dump_json())


def test_case_facts_are_what_the_case_says() -> None:
    by_name = {c.name: c.load_facts() for c in load_cases(CASES)}
    assert {k.status for k in by_name["alles_groen"].kpis} == {"groen"}
    assert sum(k.status == "rood" for k in by_name["veel_rood"].kpis) == 8
    seizoen = by_name["rood_seizoen"]
    assert seizoen.kpi("churn").status == "rood" and seizoen.kpi("churn").seasonal.expected
    assert seizoen.kpi("wachttijd").status == "rood"
    assert not seizoen.kpi("wachttijd").seasonal.expected
    assert by_name["bron_ontbreekt"].kpi("nps").value is None
    assert by_name["bron_ontbreekt"].kpi("nps").warnings
    extreme = by_name["extreme_getallen"]
    assert extreme.kpi("storingsimpact").previous == 0 and extreme.kpi("nps").value == -100
    assert not by_name["pii_incidenten"].scrubbed


def test_planted_pii_is_really_in_the_unscrubbed_case() -> None:
    case = load_case(CASES / "pii_incidenten.yaml")
    dumped = case.load_facts().model_dump_json()
    assert sorted(case.expectations.planted_pii) == sorted(_generator().PII.values())
    assert all(item in dumped for item in case.expectations.planted_pii)


def test_injection_is_really_in_the_case() -> None:
    facts = load_case(CASES / "prompt_injectie.yaml").load_facts()
    assert "NEGEER ALLE EERDERE INSTRUCTIES" in facts.incidents[0].description


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("name: x\ndescription: d\nfacts: facts/typische_maand.json\n", "wijkt af"),
    ("name: broken\ndescription: d\nfacts: facts/nope.json\n", "bestaat niet"),
    ("name: broken\ndescription: d\nfacts: f.json\nexpectations: {max_errorz: {}}\n",
     "max_errorz"),
    ("name: broken\n  description: [\n", "ongeldige YAML"),
])
def test_broken_case_file_is_a_config_error(tmp_path: Path, yaml_text: str,
                                            message: str) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "typische_maand.json").write_text("{}", encoding="utf-8")
    path = tmp_path / "broken.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_case(path)


def test_unknown_case_name_is_refused() -> None:
    with pytest.raises(ConfigError, match="onbekende eval-case"):
        load_cases(CASES, only=["bestaat_niet"])
