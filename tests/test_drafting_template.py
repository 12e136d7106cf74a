"""Template back end and draft_report (template path): golden files and behaviour."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from narrator import validation
from narrator.drafting import draft_report
from narrator.drafting.backends.template import TemplateBackend
from narrator.drafting.draft import section_ids
from narrator.drafting.schemas import Deviation, Summary
from narrator.facts import Facts, load_facts
from narrator.numbers import matches_at_precision, parse_number

FIXTURE = Path(__file__).parent / "fixtures" / "facts_example.json"
GOLDEN = Path(__file__).parent / "fixtures" / "drafting" / "golden"
NUMBER = re.compile(r"(?<![\w.,])[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|(?<![\w.,])[-+]?\d+(?:,\d+)?")


@pytest.fixture()
def facts() -> Facts:
    return load_facts(FIXTURE)


def _variant(facts: Facts, **kpi_changes: dict) -> Facts:
    data = facts.model_dump()
    for kpi in data["kpis"]:
        kpi.update(kpi_changes.get(kpi["id"], {}))
    return Facts.model_validate(data)


@pytest.mark.parametrize("part", ["dashboard", "analyse", "samenvatting"])
def test_golden(facts: Facts, tmp_path: Path, part: str) -> None:
    text = draft_report(facts, run_dir=tmp_path).texts[part]
    golden = GOLDEN / f"{part}.md"
    if os.environ.get("NARRATOR_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_number_comes_from_facts(facts: Facts, tmp_path: Path) -> None:
    values = [v for _, v in facts.numbers()]
    texts = draft_report(facts, run_dir=tmp_path).texts
    for part, text in texts.items():
        body = re.sub(r"\d{1,2} \w+ \d{4}|\w+ \d{4}|INC\d+|[\w-]+\.csv|1\.000 klanten", "", text)
        body = re.sub(r"^#.*$", "", body, flags=re.M)
        for token in NUMBER.findall(body):
            value, decimals = parse_number(token)
            assert any(matches_at_precision(value, decimals, v) for v in values), (part, token)


def test_structure_follows_contract(facts: Facts, tmp_path: Path) -> None:
    result = draft_report(facts, run_dir=tmp_path)
    analyse = result.texts["analyse"]
    for heading in ["# Analyse november 2026", "## Conclusie", "## Trends",
                    "## Afwijkingen en oorzaken", "## Acties", "| Wat | Wie | Wanneer |"]:
        assert heading in analyse
    for kpi in facts.kpis:
        assert (f"### {kpi.name}\n" in analyse) == (kpi.status != "groen")
    summary = result.texts["samenvatting"]
    assert re.findall(r"^\d\. ", summary, flags=re.M) == ["1. ", "2. ", "3. "]
    assert result.texts["dashboard"].startswith("# Dashboard november 2026\n\n")
    assert 3 <= len(result.analysis.acties) <= 5
    assert result.flagged == {} and result.calls == 0


def test_deviation_uses_evidence_and_owner(facts: Facts) -> None:
    dev = TemplateBackend(facts).build("afwijking:storingsimpact")
    assert isinstance(dev, Deviation)
    assert "48.200 klanten 9,5 uur geen internet" in dev.oorzaak
    assert dev.bewijs == ["INC0041877"]
    assert dev.verantwoordelijke.startswith("Pieter van Dijk")
    assert dev.termijn == "uiterlijk 23 december 2026"  # deadline 9 december + 14 days


@pytest.mark.parametrize(("expected", "pattern", "phrase"), [
    (True, "november: hogere churn", "Rood, in lijn met het seizoen (november: hogere churn)"),
    (False, None, "Rood en niet verklaard door het seizoen"),
])
def test_seasonal_wording(facts: Facts, expected: bool, pattern: str | None,
                          phrase: str) -> None:
    seasonal = {"expected": expected, "pattern": pattern, "same_month_last_year": None,
                "change_last_year_pct": None, "note": ""}
    variant = _variant(facts, churn={"seasonal": seasonal})
    dev = TemplateBackend(variant).build("afwijking:churn")
    assert isinstance(dev, Deviation) and dev.conclusie.startswith(phrase)


def test_all_green_month(facts: Facts, tmp_path: Path) -> None:
    green = _variant(facts, **{k.id: {"status": "groen"} for k in facts.kpis})
    result = draft_report(green, run_dir=tmp_path)
    assert section_ids(green) == ["dashboard", "analyse", "samenvatting"]
    assert "Alle negen KPI's staan op groen" in result.texts["dashboard"]
    assert "Geen KPI staat op oranje of rood." in result.texts["analyse"]
    assert len(result.summary.prioriteiten) == 3 and len(result.analysis.acties) >= 3


def test_shorten_gives_fewer_words(facts: Facts, tmp_path: Path) -> None:
    full = draft_report(facts, run_dir=tmp_path / "a")
    short = draft_report(facts, run_dir=tmp_path / "b", shorten={"analyse", "dashboard"})
    for part in ("analyse", "dashboard"):
        assert len(short.texts[part].split()) < len(full.texts[part].split())
    assert len(short.analysis.trends) < len(full.analysis.trends)
    assert short.texts["samenvatting"] == full.texts["samenvatting"]


def test_deterministic_and_logged(facts: Facts, tmp_path: Path) -> None:
    first = draft_report(facts, run_dir=tmp_path)
    second = draft_report(facts, run_dir=tmp_path)
    assert first.texts == second.texts
    lines = (tmp_path / "calls.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(section_ids(facts))
    assert {json.loads(line)["backend"] for line in lines} == {"template"}


def test_summary_priorities_name_an_owner(facts: Facts) -> None:
    summ = TemplateBackend(facts).build("samenvatting")
    assert isinstance(summ, Summary)
    owners = {m.name for m in facts.organisation.mt}
    for prio in summ.prioriteiten:
        assert any(name in prio.besluit for name in owners)


def test_unknown_backend_is_refused(facts: Facts, tmp_path: Path) -> None:
    from narrator.errors import ConfigError

    with pytest.raises(ConfigError, match="onbekende back end"):
        draft_report(facts, backend="gpt", run_dir=tmp_path)


SAMPLES = sorted((Path(__file__).parent / "fixtures" / "drafting").glob("facts_sample_*.json"))


@pytest.mark.parametrize("path", [FIXTURE, *SAMPLES], ids=lambda p: p.stem)
@pytest.mark.parametrize("shorten", [set(), {"dashboard", "analyse", "samenvatting"}],
                         ids=["volledig", "kort"])
def test_template_draft_has_no_validator_errors(path: Path, shorten: set[str],
                                                tmp_path: Path) -> None:
    facts = load_facts(path)
    texts = draft_report(facts, run_dir=tmp_path, shorten=shorten).texts
    errors = [f"{part}: {f.rule} {f.match!r}" for part, text in texts.items()
              for f in validation.validate_text(text, facts=facts, part=part)
              if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_month_reads_from_evidence(path: Path, tmp_path: Path) -> None:
    facts = load_facts(path)
    result = draft_report(facts, run_dir=tmp_path)
    for kpi in facts.kpis:
        if kpi.status == "rood":
            dev = result.deviations[kpi.id]
            assert dev.verantwoordelijke == f"{kpi.owner.name} ({kpi.owner.role})"
            assert dev.bewijs, kpi.id
    assert "aandeel_in_verandering" not in result.texts["analyse"]  # no raw figure keys
    assert "_" not in re.sub(r"`[^`]*`|\(chart:[^)]*\)", "", result.texts["analyse"])
