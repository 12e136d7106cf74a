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
    # a name ends at the surname: a following verb that is also an interfix surname
    # ("de Laat") is not swallowed
    ("PERSON", "Pieter de Groot laat kabelroutes vastleggen.", "Pieter de Groot",
     "De ploeg laat kabelroutes vastleggen."),
    ("PERSON", "Klant mevrouw Pak belde.", "Pak", "Pak het klachtthema aan."),
    ("PERSON", "Terugbellen naar Bron.", "Bron", "Bron: ServiceNow."),
    ("PERSON", "Klant Koop belde.", "Koop", "Koop: drie abonnementen extra."),
    # a context word with a colon still introduces a name; across a table cell it does not
    ("PERSON", "Klant: Jansen belde.", "Jansen", "| Klant | Mensen belden |"),
    ("PERSON", "Gesproken met mevr. Dekker.", "Dekker", "Klant: Pak het klachtthema aan."),
    ("PERSON", "Schade verhaald (contactpersoon j. bakker).", "j. bakker",
     "Goede service; gelast door ploeg van de aannemer, a.u.b. bellen."),
    ("EMAIL_ADDRESS", "Mail naar p.jansen@ziggo.nl graag.", "p.jansen@ziggo.nl",
     "Mail naar de klantenservice van ziggo.nl graag."),
    ("PHONE_NUMBER", "Bel 06-12345678 terug.", "06-12345678", "Bel 0800-0101 gratis."),
    ("PHONE_NUMBER", "Tel +31 20 123 4567.", "+31 20 123 4567", "Er waren 1.234.567 minuten."),
    ("PHONE_NUMBER", "Nummer 0031612345678.", "0031612345678", "Versie 06.12.34 uitgerold."),
    ("IBAN_CODE", "IBAN NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00",
     "IBAN DE12 3704 0044 0532 0130 00."),
    # a Dutch IBAN in its exact shape counts even with wrong check digits (a typo is still
    # the customer's account); a wrong shape does not
    ("IBAN_CODE", "Overboeking naar NL02 RABO 0123 4567 89 gedaan.", "NL02 RABO 0123 4567 89",
     "Overboeking naar NL02 RABO 0123 4567 gedaan."),
    ("IBAN_CODE", "Geld terug op NL02RABO0123456789 a.u.b.", "NL02RABO0123456789",
     "Geld terug op NL02 RABO0123 456789 a.u.b."),
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


# Report text that is not personal data: sentence-initial imperatives and labels, words that
# are only surnames after an interfix ("de Laat", "de Waarde"), owners with their role.
NOT_NAMES = [
    "Pak het klachtthema landelijke storing aan met de betrokken teams.",
    "| Doel | Pak het aan |",
    "- **Bron:** ServiceNow en NetMonitor.",
    "Waarde: 1,37% tegen 1,27% in oktober.",
    "Concurrent aanbod is de grootste opzegreden.",
    "De grootste reden is Concurrent aanbod.",
    "Verhoog de bezetting. Versnel de uitrol. Daling: 0,3 procentpunt.",
    "Doel: minder herhaalcontact.",
    "De monteur komen we morgen tegen.",
    "Reden per klant: Concurrent aanbod.",
    "| Klant | Concurrent aanbod |",
    "Top-reden bij de klant Concurrent aanbod (41%).",
    "Monteur: Bron onbekend.",
    "Waarde: 1,37% tegen 1,27% bij de klant Waarde vorig jaar.",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_report_text_has_no_names(text: str) -> None:
    assert [e for e in detect(text) if e.entity_type == "PERSON"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Pieter van Dijk laat kabelroutes vastleggen.", "Pieter van Dijk"),
    ("Jan de Vries laat de monteur komen.", "Jan de Vries"),
    ("Kees Jansen belt terug.", "Kees Jansen"),
    ("Volgens Pak is het opgelost.", "Pak"),
])
def test_name_ends_at_surname(text: str, name: str) -> None:
    """The name rules alone (the keep-list would hide an overlong MT-member hit)."""
    from narrator.privacy.lexicon import build_lexicon
    from narrator.privacy.name_rules import NameFinder
    from narrator.privacy.settings import load_name_config

    cfg = load_name_config()
    finder = NameFinder(build_lexicon(cfg), cfg.titles, cfg.context_before)
    assert [text[h.start:h.end] for h in finder.find(text)] == [name]
