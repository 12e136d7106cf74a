"""Table-driven recognizer tests: for every entity type a hit and a near miss."""

from __future__ import annotations

import pytest

from narrator.privacy import detect

# (entity type, text with the entity, the entity's text, near miss that must NOT give the type)
CASES = [
    ("PERSON", "Klant dhr. Jansen belde.", "Jansen", "Klant belde over de storing."),
    ("PERSON", "Jan de Boer meldt uitval.", "Jan de Boer", "De boer raakte de kabel."),
    ("PERSON", "Mevrouw Groen was tevreden.", "Groen", "Status groen voor alle KPI's."),
    ("PERSON", "gesproken met kees jansen.", "kees jansen", "gesproken met de monteur."),
    ("PERSON", "Piotr Kowalski wacht op een monteur.", "Piotr Kowalski",
     "Polen wacht op een monteur."),
    ("PERSON", "Klacht van J.P. van der Meer.", "J.P. van der Meer", "Klacht van de VvE."),
    ("PERSON", "Teruggebeld met anna de wit.", "anna de wit",
     "Gepland onderhoud in Den Haag uitgelopen."),
    ("PERSON", "Schade verhaald (contactpersoon j. bakker).", "j. bakker",
     "Goede service; gelast door ploeg van de aannemer, a.u.b. bellen."),
    ("EMAIL_ADDRESS", "Mail naar p.jansen@ziggo.nl graag.", "p.jansen@ziggo.nl",
     "Mail naar de klantenservice van ziggo.nl graag."),
    ("PHONE_NUMBER", "Bel 06-12345678 terug.", "06-12345678", "Bel 0800-0101 gratis."),
    ("PHONE_NUMBER", "Tel +31 20 123 4567.", "+31 20 123 4567", "Er waren 1.234.567 minuten."),
    ("PHONE_NUMBER", "Nummer 0031612345678.", "0031612345678", "Versie 06.12.34 uitgerold."),
    ("IBAN_CODE", "IBAN NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00",
     "IBAN NL12 ABNA 0417 1643 00."),
    ("NL_BSN", "BSN 111222333 gecontroleerd.", "111222333", "Order 123456789 verwerkt."),
    ("NL_POSTCODE", "Postcode 3512 AB in Utrecht.", "3512 AB", "Op 12-11-2026 in regio Oost."),
    ("NL_ADDRESS", "Woont op Kerkstraat 12a.", "Kerkstraat 12a", "De straat is 12 meter breed."),
    ("CUSTOMER_NUMBER", "Klantnummer 12345678 bekend.", "12345678",
     "Er waren 12345678 sessies."),
    ("CUSTOMER_NUMBER", "Klant KL-1234567 belde.", "KL-1234567", "Klant KL-12 belde."),
    ("CONTRACT_NUMBER", "Contract CT-2025-012345 ontbonden.", "CT-2025-012345",
     "Contract CT-25 ontbonden."),
    ("MSISDN", "MSISDN 31612345678 geblokkeerd.", "31612345678", "Teller 41612345678 bereikt."),
    ("IMEI", "IMEI 490154203237518 gestolen.", "490154203237518",
     "IMEI 490154203237517 gestolen."),
    ("IMSI", "IMSI 204041234567890 geblokkeerd.", "204041234567890",
     "Code 304041234567890 geblokkeerd."),
    ("ICCID", "ICCID 8931440000000000006 actief.", "8931440000000000006",
     "ICCID 8931440000000000004 actief."),
    ("IP_ADDRESS", "WAN IP 84.12.3.200 gezet.", "84.12.3.200", "Firmware 7.12.4 en 999.1.1.1."),
    ("MAC_ADDRESS", "MAC 00:1A:2B:3C:4D:5E gezien.", "00:1A:2B:3C:4D:5E", "Tijd 10:15:30 gezien."),
    ("NL_LICENSE_PLATE", "Kenteken VL-123-K weggesleept.", "VL-123-K",
     "Zie paragraaf VL-12 van het plan."),
    ("DATE_OF_BIRTH", "Klant is geboren op 12-05-1980.", "12-05-1980",
     "Storing op 12-05-2026 hersteld."),
]


@pytest.mark.parametrize(("entity", "text", "value", "near_miss"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_hit_and_near_miss(entity: str, text: str, value: str, near_miss: str) -> None:
    found = [(e.entity_type, e.text) for e in detect(text)]
    assert (entity, value) in found, found
    assert entity not in {e.entity_type for e in detect(near_miss)}, detect(near_miss)


KEEP = [
    "Incident INC0012345 van 03-11-2026 in regio Oost is gesloten.",
    "Linda Bakker (Directeur Operations) en Marco de Jong bespreken de actie.",
    "Pieter van Dijk, Sarah Mensink en Ahmed Hassan zijn eigenaar.",
    "Klanten stappen over naar KPN, VodafoneZiggo en Odido.",
    "Storing in regio Utrecht en regio Noord op 3 november 2026.",
    "Status Groen: de mast in Apeldoorn is hersteld.",
]


@pytest.mark.parametrize("text", KEEP)
def test_keep_list_survives(text: str) -> None:
    assert detect(text) == []


def test_entity_fields() -> None:
    text = "Bel mevrouw Visser op 06-12345678."
    for ent in detect(text):
        assert text[ent.start:ent.end] == ent.text
        assert 0.5 <= ent.score <= 1.0
