"""Scrubber: typed consistent placeholders, idempotence, safety of placeholders, scrub_facts."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.facts import load_facts
from narrator.privacy import Scrubber, detect, scrub_facts
from narrator.privacy.validators import elfproef_ok, iban_ok, luhn_ok

FIXTURE = Path(__file__).parent / "fixtures" / "facts_example.json"
TEXT = ("Klant mevrouw Jansen belde drie keer vanaf 06-12345678; later mailde Jansen via "
        "a.jansen@ziggo.nl. Piet de Vries (IBAN NL91ABNA0417164300) woont op Kerkstraat 12, "
        "3512 AB Utrecht. Ticket INC0012345 in regio Oost, eigenaar Linda Bakker.")


def test_placeholders_typed_and_consistent() -> None:
    out = Scrubber().scrub(TEXT)
    assert out.count("[NAAM-1]") == 2
    assert "[NAAM-2]" in out
    for ph in ("[TELEFOON-1]", "[EMAIL-1]", "[IBAN-1]", "[ADRES-1]", "[POSTCODE-1]"):
        assert ph in out
    for kept in ("INC0012345", "regio Oost", "Linda Bakker"):
        assert kept in out
    for pii in ("Jansen", "12345678", "ziggo.nl", "NL91", "Kerkstraat", "3512", "de Vries"):
        assert pii not in out


def test_numbering_is_per_scrubber() -> None:
    s = Scrubber()
    assert s.scrub("Dhr. Pietersen belde.") == "Dhr. [NAAM-1] belde."
    assert s.scrub("Mevrouw Hendriks belde, daarna Pietersen.") == \
        "Mevrouw [NAAM-2] belde, daarna [NAAM-1]."
    assert Scrubber().scrub("Mevrouw Hendriks belde.") == "Mevrouw [NAAM-1] belde."


def test_scrubbed_text_is_safe_and_idempotent() -> None:
    s = Scrubber()
    once = s.scrub(TEXT)
    assert detect(once) == []
    assert s.scrub(once) == once
    assert Scrubber().scrub(once) == once


def test_scrub_facts_scrubs_free_text_only() -> None:
    facts = load_facts(FIXTURE)
    inc = facts.incidents[0].model_copy(update={
        "description": "Monteur sprak met dhr. Jansen, tel 06-12345678.",
        "close_notes": "Jansen bevestigt herstel, INC0012345 gesloten."})
    com = facts.comments[0].model_copy(update={"text": "Ik ben Fatima Yilmaz, bel 0612345678."})
    facts = facts.model_copy(update={"incidents": [inc, *facts.incidents[1:]],
                                     "comments": [com, *facts.comments[1:]],
                                     "scrubbed": False})
    out = scrub_facts(facts)
    assert out.scrubbed is True and facts.scrubbed is False
    assert out.incidents[0].description == "Monteur sprak met dhr. [NAAM-1], tel [TELEFOON-1]."
    assert out.incidents[0].close_notes == "[NAAM-1] bevestigt herstel, INC0012345 gesloten."
    assert out.comments[0].text == "Ik ben [NAAM-2], bel [TELEFOON-1]."
    assert out.incidents[0].number == facts.incidents[0].number
    assert [k.owner for k in out.kpis] == [k.owner for k in facts.kpis]
    assert [k.name for k in out.kpis] == [k.name for k in facts.kpis]
    dumped = out.model_dump_json()
    for pii in ("Jansen", "Yilmaz", "12345678"):
        assert pii not in dumped
    assert json.loads(dumped)["organisation"] == json.loads(facts.model_dump_json())["organisation"]


def _bsn_from(body: list[int]) -> str | None:
    check = sum(d * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
    return None if check == 10 else "".join(map(str, body)) + str(check)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=8, max_size=8).filter(lambda b: b[0] > 0))
def test_elfproef_accepts_valid_and_rejects_one_digit_changes(body: list[int]) -> None:
    bsn = _bsn_from(body)
    if bsn is None:
        return
    assert elfproef_ok(bsn)
    wrong = bsn[:8] + str((int(bsn[8]) + 1) % 10)
    assert not elfproef_ok(wrong)


@settings(max_examples=200, deadline=None)
@given(st.text("0123456789", min_size=10, max_size=10))
def test_iban_checksum_roundtrip(account: str) -> None:
    num = "".join(str(int(c, 36)) for c in "ABNA" + account + "NL00")
    iban = f"NL{98 - int(num) % 97:02d}ABNA{account}"
    assert iban_ok(iban)
    assert not iban_ok(iban[:2] + f"{(int(iban[2:4]) + 1) % 100:02d}" + iban[4:])


@settings(max_examples=200, deadline=None)
@given(st.text("0123456789", min_size=14, max_size=14))
def test_luhn_exactly_one_check_digit(body: str) -> None:
    assert sum(luhn_ok(body + str(d)) for d in range(10)) == 1
