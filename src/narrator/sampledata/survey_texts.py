"""NPS comments (Salesforce Comment__c): Dutch, some with personal data, one injection."""

from __future__ import annotations

import pandas as pd

from narrator.sampledata import profile as P
from narrator.sampledata.texts import TextMaker

PROMOTER = ["Snel geholpen, vriendelijke medewerker.", "Internet werkt altijd prima.",
            "Goede service in de winkel, één keer langs en alles geregeld.",
            "Prima prijs-kwaliteit, ik raad jullie aan bij vrienden.",
            "De monteur was op tijd en heel netjes."]
PASSIVE = ["Werkt wel, maar de prijs mag lager.", "Prima, al duurde het even voor ik iemand "
           "aan de lijn had.", "Geen klachten, geen wow-gevoel.",
           "Chat was handig, maar ik moest mijn verhaal twee keer doen."]
DETRACTOR = ["Al drie keer gebeld over dezelfde storing, niemand lost het op.",
             "Lang in de wacht gestaan en toen werd de verbinding verbroken.",
             "Factuur klopt weer niet, te veel betaald.",
             "Tv-ontvangst valt steeds weg 's avonds.",
             "Veel te duur vergeleken met de concurrent."]
OUTAGE = ["Zaterdag de hele dag geen internet, thuiswerken onmogelijk en niemand kon zeggen "
          "wanneer het opgelost was.",
          "Storing van bijna tien uur en de wachttijd aan de telefoon was belachelijk.",
          "Weer een storing in {place}. Compensatie graag."]
WAIT = ["Sinds kort veel langer in de wacht bij de klantenservice.",
        "Het nieuwe telefoonmenu is een doolhof, 20 minuten gewacht."]


def comment_for(tm: TextMaker, score: int, region: str, product: str,
                created: pd.Timestamp) -> str:
    """One comment fitting the score and what happened in that region and month."""
    text = _base_text(tm, score, region, created)
    roll = tm.rng.random()
    if roll < 0.04:
        text += f" Bel me terug op {tm.phone()}, {tm.name()}."
    elif roll < 0.07:
        name = tm.name()
        text += f" Mail naar {tm.email(name)} graag. Groet, {name}"
    elif roll < 0.085:
        text += f" Mijn klantnummer is {tm.customer_no()}, adres {tm.address(region)}."
    elif roll < 0.095:
        text += f" Geld terug op {tm.iban()} a.u.b."
    return text


def _base_text(tm: TextMaker, score: int, region: str, created: pd.Timestamp) -> str:
    cut = P.FIBRE_CUT
    after_cut = pd.Timestamp(cut["date"]) <= created <= pd.Timestamp(cut["date"]) + pd.Timedelta(
        days=20)
    if score <= 6 and region == cut["region"] and after_cut and tm.rng.random() < 0.7:
        return tm.pick(OUTAGE).format(place=tm.pick(["Deventer", "Apeldoorn", "Zwolle"]))
    if score <= 8 and created >= pd.Timestamp(P.MIGRATION["from"]) and tm.rng.random() < 0.3:
        return tm.pick(WAIT)
    if score >= 9:
        return tm.pick(PROMOTER)
    return tm.pick(PASSIVE if score >= 7 else DETRACTOR)
