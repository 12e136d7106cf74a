"""Sentences built from the evidence in Facts: the words of the template back end.

Every number is taken from a fact and formatted with :mod:`narrator.numbers` (through
:mod:`narrator.drafting.formatting`); nothing here computes a new figure.
"""

from __future__ import annotations

import string
from datetime import date, timedelta
from typing import Any

from narrator.calendar import shift_month
from narrator.config import dimension_labels
from narrator.drafting import formatting as fmt
from narrator.drafting.outlook import count_word
from narrator.drafting.schemas import Action
from narrator.drafting.settings import settings
from narrator.drafting.storyline import Cluster, main_evidence, phrases
from narrator.facts import Contribution, Evidence, Facts, Incident, KPIFact, Owner, SourceRef
from narrator.numbers import format_date, format_month, format_number, format_percent


def incident(facts: Facts, number: str) -> Incident | None:
    """The incident with ``number``, or None."""
    return next((i for i in facts.incidents if i.number == number), None)


def impact(ev: Evidence | None, inc: Incident | None) -> str:
    """'48.200 klanten 9,5 uur geen internet' (house style for incidents)."""
    figures = ev.figures if ev else {}
    klanten = figures.get("klanten", inc.customers_affected if inc else None)
    uren = figures.get("uren", inc.duration_hours if inc else None)
    if klanten is None or uren is None:
        return ""
    service = phrases()["services_down"].get(inc.service, inc.service) if inc else "dienst"
    return f"{fmt.figure(klanten)} klanten {fmt.figure(uren, max_decimals=1)} uur geen {service}"


class _FigureFormatter(string.Formatter):
    """'{klanten:0}' -> '48.200'; '{verschil_pct:+1}' -> '+104,6'; strings pass through."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            signed = format_spec.startswith("+")
            decimals = int(format_spec.lstrip("+") or 0)
            return format_number(value, decimals, signed=signed)
        return super().format_field(value, format_spec)


_FORMATTER = _FigureFormatter()


def fill_first(templates: list[str], values: dict[str, Any]) -> str | None:
    """The first template whose slots all exist in ``values``, filled; else None."""
    for template in templates:
        try:
            return _FORMATTER.vformat(template, (), values)
        except (KeyError, IndexError, ValueError):
            continue
    return None


def _slots(ev: Evidence, facts: Facts) -> dict[str, Any]:
    title = fmt.lower_first(ev.title)
    return {**ev.figures, "titel": title, "Titel": title[:1].upper() + title[1:],
            "vorige_maand_label": format_month(facts.previous_month)}


def short_cause(ev: Evidence, facts: Facts) -> str:
    """'opzeggingen met als reden concurrent aanbod, regio West' (for conclusion lines)."""
    table = phrases()["evidence_short"]
    return fill_first([table.get(ev.kind, table["default"])], _slots(ev, facts)) or ev.title


def incident_sentence(ev: Evidence, facts: Facts, main_kpi: KPIFact | None) -> str:
    """'Bij storing X, een glasvezelbreuk ... in regio Oost, hadden 48.200 klanten 9,5 uur
    geen internet; goed voor 457.900 van de 612.400 klant-uren.' One sentence, so the impact
    stays with the incident (house style)."""
    inc = next((incident(facts, i) for i in ev.source_ref.ids if incident(facts, i)), None)
    ref = ev.source_ref.ids[0] if ev.source_ref.ids else ""
    hit = impact(ev, inc)
    if not hit:
        return f"Storing {ref} ({ev.title}) speelt een rol."
    klanten, rest = hit.split(" klanten ", 1)
    if inc and inc.cause:
        text = f"Bij storing {ref}, een {fmt.lower_first(inc.cause)} in regio {inc.region}, " \
            f"hadden {klanten} klanten {rest}"
    else:
        text = f"Bij storing {ref} ({ev.title}) hadden {klanten} klanten {rest}"
    hours = ev.figures.get("klant_uren")
    if main_kpi is not None and hours is not None and main_kpi.unit == "klant-uren" \
            and main_kpi.value is not None:
        text += f"; goed voor {fmt.figure(hours)} van de {fmt.with_unit(main_kpi, main_kpi.value)}"
    return text + "."


def evidence_sentence(ev: Evidence, facts: Facts) -> str:
    """One sentence for one piece of evidence, with its reference."""
    if ev.kind == "incident":
        return incident_sentence(ev, facts, main_kpi=None)
    table = phrases()["evidence_sentences"]
    templates = table.get(ev.kind, []) + table["default"]
    return fill_first(templates, _slots(ev, facts)) or f"{ev.title}."


def _driver_values(kpi: KPIFact, drv: Contribution) -> str:
    """' (152 seconden, vorige maand 106)' or ''."""
    if drv.value is None or drv.previous is None:
        return ""
    return f" ({fmt.with_unit(kpi, drv.value)}, vorige maand {fmt.bare(kpi, drv.previous)})"


def driver_sentence(kpi: KPIFact, drv: Contribution, *, short: bool = False) -> str:
    """'Regio Oost is goed voor 87,5% van de verandering (99,52%, vorige maand 99,95%).'

    A share above 100% is told as what it means: the whole movement comes from that segment
    and the other segments together moved the other way."""
    dims = dimension_labels()
    dim = dims.label(drv.dimension)
    values = _driver_values(kpi, drv)
    if drv.share_of_change > 100:
        others = dims.plural_of(drv.dimension)
        rising = (kpi.change_abs or 0) >= 0
        what = "stijging" if rising else "daling"
        other_way = "daalden" if rising else "stegen"
        return (f"De hele {what} komt uit {dim} {drv.segment}{values}; de andere {others} "
                f"{other_way} samen.")
    share = fmt.share(drv.share_of_change)
    text = f"{dim.capitalize()} {drv.segment} is goed voor {share} van de verandering{values}"
    mix_small = drv.rate_effect is not None and drv.mix_effect is not None and \
        abs(drv.mix_effect) <= 0.2 * abs(drv.contribution)
    if mix_small and not short:
        text += ", vrijwel geheel door een verslechtering binnen die groep en niet door een " \
            "andere samenstelling van het klantenbestand"
    return text + "."


def status_phrase(kpi: KPIFact) -> str:
    """'Rood, in lijn met het seizoen (...)' or 'Rood en niet verklaard door het seizoen'."""
    status = kpi.status.capitalize()
    if kpi.seasonal.expected:
        pattern = f" ({kpi.seasonal.pattern})" if kpi.seasonal.pattern else ""
        return f"{status}, in lijn met het seizoen{pattern}"
    return f"{status} en niet verklaard door het seizoen"


def conclusion(kpi: KPIFact) -> str:
    """The deviation's first line: status, movement, norm."""
    if kpi.value is None:
        return f"{kpi.status.capitalize()}: de waarde ontbreekt deze maand, want de bron is " \
            "niet aangeleverd; het MT kan deze KPI nu niet beoordelen."
    text = f"{status_phrase(kpi)}: de waarde {fmt.movement(kpi)}"
    norm = fmt.norm_phrase(kpi)
    if norm:
        text += f" en ligt {norm}"
    return text + "."


def last_year(kpi: KPIFact) -> str:
    """A sentence on the same month last year, or ''."""
    s = kpi.seasonal
    if s.same_month_last_year is None:
        return ""
    value = fmt.with_unit(kpi, s.same_month_last_year)
    text = f"In dezelfde maand vorig jaar was de waarde {value}"
    if s.change_last_year_pct is not None and abs(s.change_last_year_pct) < 0.05:
        text += " (gelijk aan de maand ervoor)"
    elif s.change_last_year_pct is not None:
        moved = format_percent(s.change_last_year_pct, 1, signed=True)
        text += f" ({moved} ten opzichte van de maand ervoor)"
    return text + "."


def leading_driver(kpi: KPIFact) -> Contribution | None:
    """The driver that should lead the cause: a large share of the change in a segment the
    main evidence does not already name (config lead_driver_share_pct); else None."""
    main = main_evidence(kpi)
    top = top_driver(kpi, avoid_cause=True)
    if top is None or top.dimension == "cause" or (main and main.kind == "incident"):
        return None
    if abs(top.share_of_change) < settings().lead_driver_share_pct:
        return None
    if main is not None and top.segment.lower() in main.title.lower():
        return None
    return top


def missing_source(kpi: KPIFact) -> str:
    """'Bron ontbreekt: x.csv is niet aangeleverd; NPS niet berekend.' for a KPI without a
    value, from its warnings; '' when the KPI has a value."""
    if kpi.value is not None:
        return ""
    told = [w.strip().rstrip(".") for w in kpi.warnings if w.strip()]
    if not told:
        return "De bron is niet aangeleverd; de waarde is niet berekend."
    return " ".join(_sentence_case(w) + "." for w in told)


def lower_first_word(text: str) -> str:
    """'Informeer klanten ...' -> 'informeer klanten ...' (for joined clauses)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def cause(kpi: KPIFact, facts: Facts, *, short: bool = False) -> tuple[str, list[str]]:
    """The cause text and its evidence references, the strongest evidence first."""
    if kpi.value is None:
        return missing_source(kpi), kpi.lineage.files[:2] or [kpi.lineage.system]
    sentences: list[str] = []
    refs: list[str] = []
    main = main_evidence(kpi)
    told = [e for e in kpi.evidence
            if not (kpi.drivers and e.kind in ("contribution", "concentration"))]
    others = [e for e in told if e is not main]
    lead = leading_driver(kpi)
    top = lead or top_driver(kpi, avoid_cause=bool(main and main.kind == "incident"))
    if lead is not None:
        sentences.append(driver_sentence(kpi, lead, short=short))
        refs += _refs(lead.source_ref)
    for ev in ([main] if main in told else []) + others[: 0 if short else 2]:
        sentences.append(incident_sentence(ev, facts, kpi) if ev.kind == "incident"
                         else evidence_sentence(ev, facts))
        refs += _refs(ev.source_ref)
    if top is not None and lead is None:
        sentences.append(driver_sentence(kpi, top, short=short))
        refs += _refs(top.source_ref)
    if not sentences:
        sentences.append("De data wijzen geen enkelvoudige oorzaak aan: er zijn geen gekoppelde "
                         "storingen of uitschieters per segment gevonden.")
        refs += kpi.lineage.files[:2] or [kpi.lineage.system]
    if kpi.seasonal.expected and not short:
        sentences.append(f"Het seizoenspatroon verklaart de beweging: {kpi.seasonal.pattern}.")
    if not short and last_year(kpi):
        sentences.append(last_year(kpi))
    return " ".join(sentences), list(dict.fromkeys(refs))


def _refs(ref: SourceRef) -> list[str]:
    return ref.ids or [f.strip() for f in ref.file.split(",") if f.strip()]


def top_driver(kpi: KPIFact, *, avoid_cause: bool = False) -> Contribution | None:
    """The driver with the largest share; a 'cause' driver only when nothing else exists."""
    drivers = sorted(kpi.drivers, key=lambda d: -abs(d.share_of_change))
    if avoid_cause:
        drivers = [d for d in drivers if d.dimension != "cause"] or drivers
    return drivers[0] if drivers else None


def termijn(status: str, facts: Facts) -> str:
    """Termijn from config/drafting.yaml: rood a fixed number of days after the MT meeting
    (held on the report deadline), oranje the end of a later month."""
    term = settings().termijn
    if status == "rood":
        if not facts.deadline:
            return term.zonder_deadline
        due = date.fromisoformat(facts.deadline[:10]) + timedelta(
            days=term.rood.days_after_mt_meeting)
        return f"uiterlijk {format_date(due)}"
    return f"eind {format_month(shift_month(facts.month, term.oranje.months_ahead))}"


def deadline(kpi: KPIFact, facts: Facts) -> str:
    """Termijn of the action for ``kpi`` (by its status; see :func:`termijn`)."""
    return termijn(kpi.status, facts)


def owner_label(owner: Owner) -> str:
    """'Marco de Jong (Hoofd Customer Service)' or just the name (config owner_with_role)."""
    if settings().owner_with_role and owner.role:
        return f"{owner.name} ({owner.role})"
    return owner.name


def _action_spec(kpi: KPIFact) -> dict[str, str]:
    """The action wording for the KPI's strongest evidence (phrases.yaml 'actions')."""
    acts = phrases()["actions"]
    if kpi.value is None:
        return acts["missing_source"]
    lead = leading_driver(kpi)
    if lead is not None:
        spec = acts["by_driver"].get(f"{kpi.id}.{lead.dimension}")
        if spec is not None:
            return spec
    ev = main_evidence(kpi)
    spec = acts["by_kind"].get(ev.kind) if ev else None
    if kpi.id in acts.get("kpi_first", []) or spec is None or (
            ev and ev.kind in ("contribution", "concentration") and kpi.id in acts["by_kpi"]):
        spec = acts["by_kpi"].get(kpi.id, acts["default"])
    return spec


def action(kpi: KPIFact, facts: Facts) -> Action:
    """The action for one deviating KPI, from its strongest evidence (phrases.yaml)."""
    spec = _action_spec(kpi)
    ev = main_evidence(kpi)
    segment = ""
    top = leading_driver(kpi) or top_driver(kpi, avoid_cause=True)
    if top is not None:
        segment = f"{dimension_labels().label(top.dimension)} {top.segment}"
    inc = incident(facts, ev.source_ref.ids[0]) if ev and ev.source_ref.ids else None
    values = {
        "ref": (ev.source_ref.ids[0] if ev and ev.source_ref.ids else ""),
        "impact": impact(ev, inc) if ev and ev.kind == "incident" else "",
        "titel": fmt.lower_first(ev.title) if ev else "",
        "segment": segment or "de betrokken teams",
        "kpi": fmt.lower_first(kpi.name), "vorige_maand": format_month(facts.previous_month),
        "bron": ", ".join(kpi.lineage.files) or kpi.lineage.system,
    }
    return Action(wat=spec["wat"].format(**values).replace(" ()", ""), wie=owner_label(kpi.owner),
                  wanneer=deadline(kpi, facts), verwacht_effect=spec["effect"].format(**values))


def cluster_headline(cluster: Cluster, facts: Facts) -> str:
    """One sentence that tells the cluster's story, conclusion first."""
    inc = incident(facts, cluster.key)
    if inc is not None:
        ev = next((e for k in cluster.kpis for e in k.evidence if e.kind == "incident"), None)
        names = _join([fmt.lower_first(k.name) for k in cluster.kpis])
        text = f"De grootste oorzaak is storing {inc.number} in regio {inc.region} " \
            f"({impact(ev, inc)})"
        if len(cluster.kpis) > 1:
            text += f", die de verslechtering van {names} verklaart"
        return text + "."
    kpi = cluster.lead
    text = f"Bij {fmt.lower_first(kpi.name)} is de status {kpi.status}: de waarde " \
        f"{fmt.movement(kpi)}"
    ev = main_evidence(kpi)
    if ev is not None:
        text += f", vooral door {short_cause(ev, facts)}"
    return text + "."


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def cluster_short(cluster: Cluster, facts: Facts, *, lead: bool = True) -> str:
    """A short clause for the dashboard line: 'Storing X in regio Oost (...) verklaart ...'."""
    inc = incident(facts, cluster.key)
    if inc is not None:
        ev = next((e for k in cluster.kpis for e in k.evidence if e.kind == "incident"), None)
        text = f"storing {inc.number} in regio {inc.region} ({impact(ev, inc)}) " \
            f"verklaart {count_word(len(cluster.kpis))} van de afwijkingen."
    else:
        kpi = cluster.lead
        name = fmt.lower_first(kpi.name)
        text = f"{name} staat op {kpi.status}" if lead else f"staat {name} op {kpi.status}"
        ev = main_evidence(kpi)
        text += f", vooral door {short_cause(ev, facts)}." if ev else "."
    return text[:1].upper() + text[1:] if lead else text
