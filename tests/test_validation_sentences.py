"""Sentence splitting: a colon is no sentence end; a wrapped list item or quote is one unit."""

from __future__ import annotations

import pytest

from narrator.validation import validate_text
from narrator.validation.markdown import parse

IMPACT = "storing INC0033280 in regio Oost: 48.200 klanten 9,5 uur geen internet"

# (Markdown, the sentences expected)
SPLITS = [
    (f"De oorzaak is {IMPACT}.", [f"De oorzaak is {IMPACT}."]),
    ("Oorzaak: Storing in regio Oost. De rest bleef gelijk.",
     ["Oorzaak: Storing in regio Oost.", "De rest bleef gelijk."]),
    ("Waarde: 1,37%. Norm: 1,3%.", ["Waarde: 1,37%.", "Norm: 1,3%."]),
    ("- Storing in regio Oost:\n  48.200 klanten.\n- Tweede punt.",
     ["Storing in regio Oost:\n  48.200 klanten.", "Tweede punt."]),
    ("1. Storing in regio Oost:\n48.200 klanten.\n2. Tweede punt.",
     ["Storing in regio Oost:\n48.200 klanten.", "Tweede punt."]),
    ("> Storing in regio Oost:\n> 48.200 klanten.", ["Storing in regio Oost:\n  48.200 klanten."]),
    ("# Kop\nTekst onder de kop.", ["Kop", "Tekst onder de kop."]),
    ("- Punt een.\n\nAlinea.", ["Punt een.", "Alinea."]),
    ("| Storing: 3 uur | Oost |", ["Storing: 3 uur", "Oost"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentences(text: str, expected: list[str]) -> None:
    doc = parse(text)
    assert [doc.masked[s.start:s.end].strip() for s in doc.sentences] == expected


# (Markdown, incident-impact rule fires?)
IMPACT_CASES = [
    (f"De grootste oorzaak is {IMPACT}.", False),
    (f"**Oorzaak:** {IMPACT[0].upper()}{IMPACT[1:]}.", False),
    (f"- {IMPACT.replace(': ', ':' + chr(10) + '  ')}.", False),
    (f"1. {IMPACT.replace(': ', ':' + chr(10))}.", False),
    ("De grootste oorzaak is storing INC0033280 in regio Oost: veel klanten belden.", True),
    ("- Storing INC0033280 in regio Oost.\n- 48.200 klanten 9,5 uur geen internet.", True),
]


@pytest.mark.parametrize(("text", "fires"), IMPACT_CASES)
def test_incident_impact_across_colon(text: str, fires: bool) -> None:
    rules = {f.rule for f in validate_text(text)}
    assert ("impact-ontbreekt" in rules) is fires
