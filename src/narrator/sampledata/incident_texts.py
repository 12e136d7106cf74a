"""Descriptions and close notes of incidents (ServiceNow), in Dutch, with personal data."""

from __future__ import annotations

from narrator.sampledata.texts import INJECTIONS, PLACES, TextMaker

DESCRIPTIONS = {
    "hardwaredefect": "Uitval {service} in {place}: defecte linecard in wijkcentrale.",
    "softwarefout": "Storing {service} rond {place} na software-update op core router.",
    "configuratiefout": "Klanten in {place} kunnen geen verbinding maken ({service}); "
                        "vermoedelijk configuratiewijziging.",
    "stroomuitval": "Stroomuitval bij opstelpunt {place}, {service} valt weg.",
    "glasvezelbreuk": "Glasvezelkabel beschadigd bij {place}, {service} verstoord.",
    "weersinvloeden": "Storm: schade aan mast/kast bij {place}, {service} beperkt beschikbaar.",
    "gepland onderhoud uitgelopen": "Gepland onderhoud in {place} uitgelopen, {service} "
                                    "nog niet terug.",
    "?": "Klanten melden problemen met {service} in {place}, oorzaak onbekend.",
}
CLOSE_NOTES = {
    "hardwaredefect": "Linecard vervangen, diensten hersteld.",
    "softwarefout": "Rollback van de update uitgevoerd, monitoring groen.",
    "configuratiefout": "Configuratie teruggezet, verbindingen hersteld.",
    "stroomuitval": "Netbeheerder heeft stroom hersteld; accu's opgeladen.",
    "glasvezelbreuk": "Kabel gelast, alle diensten hersteld.",
    "weersinvloeden": "Monteur ter plaatse, schade hersteld.",
    "gepland onderhoud uitgelopen": "Onderhoud afgerond, diensten weer beschikbaar.",
    "?": "Storing verholpen, oorzaak niet vastgesteld.",
}


def incident_texts(tm: TextMaker, cause: str, service: str, region: str) -> tuple[str, str]:
    """(description, close_notes) for one incident; some carry a klant's personal data."""
    place = tm.pick(PLACES[region])
    description = DESCRIPTIONS[cause].format(service=service, place=place)
    close = CLOSE_NOTES[cause]
    if tm.rng.random() < 0.35:
        description += " " + tm.contact_line(region)
    if tm.rng.random() < 0.2:
        name = tm.name()
        close += f" Teruggebeld met {name} ({tm.phone()}), bevestigt dat alles werkt."
    return description, close


def fibre_cut_texts(tm: TextMaker) -> tuple[str, str]:
    """Texts of the planted fibre cut in Oost (2026-11)."""
    description = (
        "Glasvezelbreuk door graafwerkzaamheden langs de N344 tussen Deventer en Apeldoorn. "
        "Hoofdtracé geraakt door aannemer, internet, tv en bellen via glasvezel uitgevallen in "
        "groot deel van regio Oost. Eerste melding door klant Henk Groen, tel. 06-41234567, "
        f"{tm.address('Oost')}."
    )
    close = (
        "Kabel op twee punten gelast door ploeg van de aannemer en eigen monteurs, diensten "
        "stapsgewijs hersteld om 17:12. Schade verhaald op aannemer (contactpersoon "
        "j. bakker, j.bakker@grondwerk-oost.nl).\n" + INJECTIONS[0]
    )
    return description, close
