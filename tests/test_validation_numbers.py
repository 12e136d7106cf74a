"""Number notation and fidelity: property tests with hypothesis plus table-driven cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.facts import load_facts
from narrator.numbers import format_number, format_percent, matches_at_precision, parse_number
from narrator.validation import validate_text
from narrator.validation.numbertokens import tokens

FACTS = load_facts(Path(__file__).parent / "fixtures" / "facts_example.json")
VALUES = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
DECIMALS = st.integers(min_value=0, max_value=3)


def _notation(text: str) -> list[str]:
    return [f.rule for f in validate_text(text) if f.category == "getalnotatie"]


@settings(max_examples=150, deadline=None)
@given(VALUES, DECIMALS, st.booleans())
def test_formatted_numbers_pass_the_notation_rule(value: float, decimals: int, pct: bool) -> None:
    written = format_percent(value, decimals) if pct else format_number(value, decimals)
    assert _notation(f"De waarde was {written} deze maand.") == []


@settings(max_examples=150, deadline=None)
@given(VALUES, DECIMALS)
def test_parsing_the_formatted_token_gives_the_value_back(value: float, decimals: int) -> None:
    written = format_number(value, decimals)
    [tok] = tokens(f"De waarde was {written} deze maand.")
    parsed, shown = parse_number(("-" if tok.negative else "") + tok.digits)
    assert shown == decimals
    assert matches_at_precision(parsed, decimals, value)


@pytest.mark.parametrize(("text", "rule"), [
    ("1,25M klanten", "afkorting"),
    ("1.25 miljoen klanten", "afkorting"),
    ("2,5 mln klanten", "afkorting"),
    ("12k contacten", "afkorting"),
    ("1250000 klanten", "duizendtallen"),
    ("1200 klanten", "duizendtallen"),
    ("1,250,000 klanten", "engelse-notatie"),
    ("1.5% churn", "decimaalteken"),
    ("9.5 uur", "decimaalteken"),
])
def test_bad_notation_is_flagged(text: str, rule: str) -> None:
    assert _notation(f"Het ging om {text} in november.") == [rule]


@pytest.mark.parametrize("text", [
    "in 2026", "op 12 november", "INC0012345", "99,95%", "1.250.000 klanten", "4,2%",
    "63,5 seconden", "om 07:42", "op 14-11-2026", "op 2026-11-14", "ticket 12345", "1,250 uur",
    "de 7e werkdag", "5G", "Q4", "3-5 acties", "-0,5 punt",
])
def test_house_style_and_non_quantities_pass(text: str) -> None:
    assert _notation(f"Het ging om {text} deze maand.") == []


@pytest.mark.parametrize(("text", "ok"), [
    ("De churn steeg naar 1,3%.", True),              # 1,31 at one decimal
    ("De churn steeg naar 1,31%.", True),
    ("De churn steeg naar 1,32%.", False),
    ("De churn steeg met 11%.", True),                # change_pct 11,02
    ("De churn steeg met 0,13 procentpunt.", True),   # change_abs
    ("De churn lag 0,01 procentpunt boven de norm.", True),  # value - norm
    ("De churn lag 0,08 procentpunt boven de norm.", False),
    ("De wachttijd lag 16 seconden onder de norm.", True),
    ("Regio Oost verklaart 88% van de stijging van klantcontacten.", True),
    ("De glasvezelbreuk raakte 1,9% van alle klanten 9,5 uur lang.", True),  # share
    ("De storing duurde 570 minuten voor 48.200 klanten.", True),  # 9,5 h in minutes
    ("De NPS daalde met 3 punten.", True),
    ("De NPS daalde met 7 punten.", False),
    ("Opgelost bij eerste contact daalde naar 75,9%.", False),  # a trend value, not this month
    ("Opgelost bij eerste contact was in januari 75,9%.", True),  # trend value with a month
    ("De beschikbaarheid daalde van 99,95% naar 99,87%.", True),
])
def test_fidelity_against_facts(text: str, ok: bool) -> None:
    found = [f for f in validate_text(text, facts=FACTS) if f.category == "cijfers"]
    assert (found == []) is ok, [f.message for f in found]


def test_no_facts_means_no_fidelity_check() -> None:
    assert validate_text("De churn steeg naar 9,99%.") == []
