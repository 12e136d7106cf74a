"""The eval runner with fake stages: a good draft passes, a broken one fails, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from narrator.evals.baseline import Baseline, Tolerance, compare
from narrator.evals.cases import Case, Expectations, Phrase
from narrator.evals.checks import evidence_markers
from narrator.evals.runner import RunOptions, Stages, run_case
from narrator.evals.suite import run_eval
from narrator.facts import Facts
from narrator.numbers import format_number

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "evals" / "cases"


def good_texts(facts: Facts, word: str = "klanten", extra: str = "",
               grounded: bool = True) -> dict[str, str]:
    """A small draft in the contract's Markdown that meets the default expectations."""
    rood = [k for k in facts.kpis if k.status == "rood"]
    sections = []
    for k in rood:
        value = format_number(k.value, k.decimals) if k.value is not None else "onbekend"
        marks = evidence_markers(k)
        cause = marks[0] if grounded and marks else "iets"
        sections.append(f"### {k.name}\n\n{k.name} is rood met {value}. Oorzaak: {cause}, "
                        f"wat veel {word} trof.{extra} Actie: herstelplan, eigenaar "
                        f"{k.owner.name}.\n")
    analyse = (f"# Analyse {facts.month_label}\n\n## Conclusie\n\nDe maand vraagt actie.\n\n"
               "## Afwijkingen en oorzaken\n\n" + "\n".join(sections) + "\n## Acties\n\n"
               "| Wat | Wie | Wanneer | Verwacht effect |\n|---|---|---|---|\n"
               "| Herstelplan | Pieter van Dijk | december | minder storingen |\n")
    summary = (f"# Executive summary {facts.month_label}\n\nDe conclusie eerst.\n\n"
               "## Top 3 prioriteiten\n\n1. Eerste\n2. Tweede\n3. Derde\n")
    return {"dashboard": f"# Dashboard {facts.month_label}\n\nDe maand in een zin.\n",
            "analyse": analyse, "samenvatting": summary}


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d{3})*(?:,\d+)?")


def fake_validate(text: str, *, facts: Facts, part: str, file: str) -> list[Any]:
    """Flags 'gebruikers' (terminologie) and numbers that are no KPI value (cijfers)."""
    allowed = {format_number(k.value, k.decimals) for k in facts.kpis if k.value is not None}
    allowed |= {"1", "2", "3", "1.000"}
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if "gebruikers" in line:
            out.append(SimpleNamespace(line=lineno, column=1, rule="klanten", match="gebruikers",
                                       category="terminologie", severity="error", message="x"))
        for m in _NUMBER.finditer(line):
            if m.group(0) not in allowed and not re.fullmatch(r"20\d\d", m.group(0)):
                out.append(SimpleNamespace(line=lineno, column=m.start() + 1, rule="cijfer",
                                           category="cijfers", severity="error",
                                           message="niet herleidbaar", match=m.group(0)))
    return out


@dataclass
class FakeDrafter:
    word: str = "klanten"
    extra: str = ""
    grounded: bool = True
    seen: list[Facts] = field(default_factory=list)

    def __call__(self, facts: Facts, **kwargs: Any) -> Any:
        self.seen.append(facts)
        assert kwargs["run_dir"].is_dir()
        texts = good_texts(facts, self.word, self.extra, self.grounded)
        return SimpleNamespace(texts=texts, flagged={},
                               calls=4, fallbacks=0, tokens_in=0, tokens_out=0, deviations={})


def fake_scrub(facts: Facts) -> Facts:
    text = facts.model_dump_json().replace("Jan de Vries", "[NAAM-1]")
    return Facts.model_validate_json(text).model_copy(update={"scrubbed": True})


def options(tmp_path: Path, drafter: FakeDrafter) -> RunOptions:
    return RunOptions(work_dir=tmp_path, pages="none", stages=Stages(
        scrub=fake_scrub, draft=drafter, validate=fake_validate, render=None))  # type: ignore


def case(name: str = "typische_maand", **exp: Any) -> Case:
    return Case(name=name, description="", facts=CASES / "facts" / f"{name}.json",
                expectations=Expectations(**exp))


def test_good_draft_passes_and_is_scored(tmp_path: Path) -> None:
    result = run_case(case(), options(tmp_path, FakeDrafter()))
    assert result.failures == []
    assert [c.kpi for c in result.coverage] == ["beschikbaarheid", "storingsimpact",
                                                "contacten", "churn"]
    assert all(c.covered for c in result.coverage)
    assert result.priorities == 3
    assert result.numbers_untraceable == 0 and result.numbers_total >= 4
    assert result.sections == 3 and result.calls == 4


def test_forbidden_word_and_invented_number_fail_the_case(tmp_path: Path) -> None:
    drafter = FakeDrafter(word="gebruikers", extra=" Het verlies was 7,7 miljoen euro.")
    result = run_case(case(), options(tmp_path, drafter))
    text = "\n".join(result.failures)
    assert "fouten (totaal), maximaal 0" in text
    assert "getallen niet herleidbaar" in text
    assert result.numbers_untraceable == 4


def test_runner_scrubs_before_drafting_and_detects_leaks(tmp_path: Path) -> None:
    drafter = FakeDrafter()
    pii = ["Jan de Vries", "06-12345678"]
    result = run_case(case("pii_incidenten", planted_pii=pii), options(tmp_path, drafter))
    assert drafter.seen[0].scrubbed is True
    assert "Jan de Vries" not in drafter.seen[0].model_dump_json()
    assert result.pii_leaks == ["06-12345678 (facts)"]  # the fake scrubber only knows the name
    assert any("persoonsgegeven gelekt: 06-12345678" in f for f in result.failures)


@pytest.mark.parametrize(("exp", "message"), [
    ({"priorities": 5}, "samenvatting heeft 3 prioriteiten, verwacht 5"),
    ({"required_phrases": [Phrase(text="in lijn met het seizoen", kpi="churn")]},
     "'in lijn met het seizoen' ontbreekt in de sectie Opzeggingen (churn)"),
    ({"required_phrases": [Phrase(text="Top 3", part="dashboard")]},
     "'Top 3' ontbreekt in dashboard"),
    ({"forbidden_strings": ["storing"]}, "verboden tekst 'storing' staat in analyse"),
    ({"forbidden_phrases": [Phrase(text="herstelplan", kpi="churn")]},
     "verboden tekst 'herstelplan' staat in de sectie Opzeggingen (churn)"),
    ({"forbidden_phrases": [Phrase(text="herstelplan", part="samenvatting")]}, None),
    ({"kpi_sections_absent": ["churn"]}, "onverwachte sectie voor churn in analyse"),
    ({"max_flagged": -1}, "0 secties 'handmatig controleren', maximaal -1"),
])
def test_each_expectation_can_fail(tmp_path: Path, exp: dict[str, Any],
                                   message: str | None) -> None:
    result = run_case(case(**exp), options(tmp_path, FakeDrafter()))
    assert result.failures == ([message] if message else [])


def test_missing_owner_and_cause_are_named(tmp_path: Path) -> None:
    class NoOwner(FakeDrafter):
        def __call__(self, facts: Facts, **kwargs: Any) -> Any:
            out = super().__call__(facts, **kwargs)
            out.texts["analyse"] = out.texts["analyse"].replace("Ahmed Hassan", "iemand")\
                .replace("Opzeggingen (churn) is rood met 1,31. Oorzaak:", "Opzeggingen (churn):")
            return out

    result = run_case(case(), options(tmp_path, NoOwner()))
    assert result.failures == ["rode KPI churn mist: eigenaar"] or \
        result.failures == ["rode KPI churn mist: oorzaak, eigenaar"]


def test_cause_without_the_evidence_is_not_covered(tmp_path: Path) -> None:
    result = run_case(case(), options(tmp_path, FakeDrafter(grounded=False)))
    assert [c.kpi for c in result.coverage if not c.cause] == [
        "beschikbaarheid", "storingsimpact", "contacten", "churn"]
    assert "rode KPI churn mist: oorzaak" in result.failures


def test_run_eval_aggregates_and_baseline_catches_the_broken_drafter(tmp_path: Path) -> None:
    cases = [case("typische_maand"), case("alles_groen")]
    good = run_eval(cases, options(tmp_path, FakeDrafter()), components=False)
    assert good.ok and good.metrics["numbers_traceable_share"] == 1.0
    assert good.metrics["findings_per_1000_words.terminologie"] == 0.0
    bad = run_eval(cases, options(tmp_path, FakeDrafter(word="gebruikers")), components=False)
    assert not bad.ok and bad.metrics["findings_per_1000_words.terminologie"] > 0
    baseline = Baseline(metrics=good.metrics, tolerances={
        "findings_per_1000_words.*": Tolerance(better="lower", abs=0.5),
        "cases_passed": Tolerance(better="higher")})
    regressions = compare(baseline, bad.metrics).regressions
    assert any(r.startswith("findings_per_1000_words.terminologie") for r in regressions)
    assert any(r.startswith("cases_passed: 1 (baseline 2)") for r in regressions)


@pytest.mark.parametrize(("known", "failures", "known_out"), [
    (["prioriteiten"], [], ["samenvatting heeft 3 prioriteiten, verwacht 5"]),
    (["bestaat niet"], ["samenvatting heeft 3 prioriteiten, verwacht 5",
                        "bekend probleem 'bestaat niet' treedt niet meer op: haal het uit "
                        "known_failures"], []),
])
def test_known_failures_are_reported_not_failing_and_strict(
        tmp_path: Path, known: list[str], failures: list[str], known_out: list[str]) -> None:
    result = run_case(case(priorities=5, known_failures=known), options(tmp_path, FakeDrafter()))
    assert result.failures == failures and result.known == known_out


def test_known_page_budget_gap_is_not_judged_without_rendering(tmp_path: Path) -> None:
    c = case(known_failures=["paginabudget analyse"]).model_copy(update={"check_pages": True})
    result = run_case(c, options(tmp_path, FakeDrafter()))  # pages="none": nothing rendered
    assert result.pages is None and result.failures == [] and result.known == []
