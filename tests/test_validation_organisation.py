"""MT names and role titles (facts or config/organisation.yaml) are exempt from word rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.facts import Facts, load_facts
from narrator.validation import validate_text
from narrator.validation.organisation import organisation_spans, organisation_terms

FACTS = load_facts(Path(__file__).parent / "fixtures" / "facts_example.json")


def _with_role(role: str) -> Facts:
    org = FACTS.organisation
    mt = [m.model_copy(update={"role": role}) if "Customer" in m.role else m for m in org.mt]
    return FACTS.model_copy(update={"organisation": org.model_copy(update={"mt": mt})})


def _klanten(text: str, facts: Facts | None = None) -> list[str]:
    return [f.match for f in validate_text(text, facts=facts) if f.rule == "klanten"]


# (text, rule fires?) without facts: the roles come from config/organisation.yaml
CASES = [
    ("Marco de Jong (Hoofd Customer Service) neemt de actie.", False),
    ("**Verantwoordelijke:** Marco de Jong (Hoofd Customer Service).", False),
    ("| Bel terug | Marco de Jong (Hoofd Customer Service) | 9 december |", False),
    ("Marco de Jong (Hoofd Customer Service) belt elke customer terug.", True),
    ("De Customer Service van de concurrent reageert sneller.", True),
    ("Hoofd Customer Care belt terug.", True),
]


@pytest.mark.parametrize(("text", "fires"), CASES)
def test_role_titles_exempt(text: str, fires: bool) -> None:
    assert bool(_klanten(text)) is fires


def test_terms_come_from_the_facts_not_from_code() -> None:
    facts = _with_role("Hoofd Customer Experience")
    text = "Marco de Jong (Hoofd Customer Experience) en Hoofd Customer Service."
    assert _klanten(text, facts) == ["Customer"]  # only the one that is no role in these facts
    assert text.index("Customer Service") + 1 == validate_text(text, facts=facts)[0].column


def test_terms_and_spans() -> None:
    terms = organisation_terms(FACTS)
    assert "Hoofd Customer Service" in terms and "Marco de Jong" in terms
    text = "Door hoofd customer service (Marco de Jong)."
    assert [text[s:e] for s, e in organisation_spans(text, terms)] == [
        "hoofd customer service", "Marco de Jong"]
    assert organisation_spans(text, ()) == []


def test_good_draft_with_owner_roles_stays_clean(tmp_path: Path) -> None:
    """Owners written with their role ("Marco de Jong (Hoofd Customer Service)") are no fault."""
    import shutil

    from narrator.validation import validate_report_dir

    good = Path(__file__).parent / "golden" / "validation" / "good"
    shutil.copytree(good, tmp_path / "good")
    facts = load_facts(good / "facts.json")
    written = 0
    for path in (tmp_path / "good" / "draft").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        for m in facts.organisation.mt:
            written += text.count(m.name)
            text = text.replace(m.name, f"{m.name} ({m.role})")
        path.write_text(text, encoding="utf-8")
    assert written >= 2
    assert validate_report_dir(tmp_path / "good") == []
