"""Scripted model answers for the drafting tests (placeholders, as the prompts ask)."""

from __future__ import annotations

import json
from typing import Any

from narrator.facts import Facts

MODEL_MARK = "Samengevat"


def good(facts: Facts, section: str) -> dict[str, Any]:
    """A correct answer for ``section``: house style, only placeholder numbers."""
    if section == "dashboard":
        return {"conclusie": f"{MODEL_MARK}: vier KPI's staan op rood en drie op oranje, vooral "
                "door storing INC0041877 in regio Oost ({INC0041877.klanten} klanten "
                "{INC0041877.uren} uur geen internet)."}
    if section.startswith("afwijking:"):
        return _deviation(facts, section.split(":", 1)[1])
    if section == "analyse":
        return {
            "conclusie": f"{MODEL_MARK}: storing INC0041877 in regio Oost, waarbij "
                         "{INC0041877.klanten} klanten {INC0041877.uren} uur geen internet "
                         "hadden, verklaart de meeste afwijkingen.",
            "trends": ["De netwerkbeschikbaarheid daalde naar {beschikbaarheid.value}.",
                       "De churn steeg naar {churn.value}, boven de norm van {churn.norm}."],
            "acties": [
                {"wat": "Evalueer de graafschade met de aannemer", "wie": "Pieter van Dijk",
                 "wanneer": "voor het MT-overleg van {datum.mt_overleg}",
                 "verwacht_effect": "minder klant-uren zonder dienst"},
                {"wat": "Start een behoudaanbod in regio West", "wie": "Ahmed Hassan",
                 "wanneer": "eind {maand.volgende}", "verwacht_effect": "minder opzeggingen"},
                {"wat": "Informeer klanten actief bij grote storingen", "wie": "Marco de Jong",
                 "wanneer": "eind {maand.volgende}",
                 "verwacht_effect": "minder klantcontacten"}]}
    return {"conclusie": f"{MODEL_MARK}: de netwerkbeschikbaarheid en de churn vragen om een "
                         "besluit van het MT.",
            "prioriteiten": [
                {"titel": "Netwerk regio Oost", "besluit": "Besluit over maatregelen tegen "
                 "graafschade; eigenaar Pieter van Dijk."},
                {"titel": "Opzeggingen", "besluit": "Besluit over een behoudaanbod in regio "
                 "West; eigenaar Ahmed Hassan."},
                {"titel": "Klanttevredenheid", "besluit": "Laat Linda Bakker de klachtthema's "
                 "van criticasters analyseren."}]}


def _deviation(facts: Facts, kpi_id: str) -> dict[str, Any]:
    kpi = facts.kpi(kpi_id)
    incident = any(e.kind == "incident" or "INC0041877" in e.source_ref.ids
                   for e in kpi.evidence)
    titles = [e.title for e in kpi.evidence if not any(c.isdigit() for c in e.title)]
    cause = ("De oorzaak is storing INC0041877 in regio Oost, waardoor {INC0041877.klanten} "
             "klanten {INC0041877.uren} uur geen internet hadden." if incident else
             f"De oorzaak ligt vooral bij {titles[0]}." if titles else
             "Het bewijs wijst geen enkelvoudige oorzaak aan.")
    status = kpi.status.capitalize()
    return {"conclusie": f"{status} en niet verklaard door het seizoen: de waarde ging van "
                         f"{{{kpi_id}.previous}} naar {{{kpi_id}.value}}.",
            "oorzaak": cause, "bewijs": ["INC0041877"] if incident else [],
            "actie": "Analyseer de oorzaak en leg maatregelen vast",
            "verantwoordelijke": kpi.owner.name,
            "termijn": "voor het MT-overleg van {datum.mt_overleg}"}


def bad_words(facts: Facts, section: str) -> dict[str, Any]:
    """Schema-valid, but full of forbidden words and invented numbers."""
    answer = good(facts, section)
    text = ("De users ervoeren een fantastische service degradation; 37,5% van de abonnees "
            "belde 12.345 keer!")
    first = next(iter(answer))
    answer[first] = text
    return answer


def forbidden_words_only(facts: Facts, section: str) -> dict[str, Any]:
    """Schema-valid, no digits, but forbidden words (the validator must catch these)."""
    answer = good(facts, section)
    first = next(iter(answer))
    answer[first] = "De users ervoeren een fantastische service degradation in regio Oost."
    return answer


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)
