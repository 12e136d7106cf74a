"""The template back end: deterministic Dutch text built from the evidence in Facts.

It is the offline default and the fallback of the OpenAI back end, so it has to read like a
sharp analyst wrote it: conclusion first, causes from the evidence, one owner per action.
All wording lives in ``drafting/phrases.yaml`` and :mod:`narrator.drafting.narrative`.
"""

from __future__ import annotations

from typing import cast

from narrator.calendar import next_month
from narrator.drafting import formatting as fmt
from narrator.drafting import narrative as nar
from narrator.drafting import outlook
from narrator.drafting.backends.base import Backend, Message, Reply, T
from narrator.drafting.schemas import (
    MAX_ACTIONS,
    MIN_ACTIONS,
    Action,
    AnalysisCore,
    Dashboard,
    Deviation,
    Priority,
    Summary,
)
from narrator.drafting.storyline import Cluster, clusters, deviating
from narrator.errors import DraftError
from narrator.facts import Facts, KPIFact
from narrator.numbers import format_month


class TemplateBackend(Backend):
    """Writes every section from Facts; ignores the prompt messages."""

    name = "template"

    def __init__(self, facts: Facts, shorten: set[str] | None = None) -> None:
        self.facts = facts
        self.shorten = shorten or set()

    def complete(self, messages: list[Message], schema: type[T], *, section: str) -> Reply[T]:
        """Build the section named ``section`` as an instance of ``schema``."""
        value = self.build(section)
        if not isinstance(value, schema):
            raise DraftError(f"sectie '{section}' levert geen {schema.__name__}")
        return Reply(value=cast(T, value), mode="template")

    def build(self, section: str) -> Deviation | AnalysisCore | Summary | Dashboard:
        """The section object for ``section``."""
        if section.startswith("afwijking:"):
            return deviation(self.facts, section.split(":", 1)[1], "analyse" in self.shorten)
        builders = {"dashboard": dashboard, "analyse": analysis, "samenvatting": summary}
        if section not in builders:
            raise DraftError(f"onbekende sectie '{section}'")
        return builders[section](self.facts, section in self.shorten)


def deviation(facts: Facts, kpi_id: str, short: bool = False) -> Deviation:
    """The deviation text for one oranje/rood KPI."""
    kpi = facts.kpi(kpi_id)
    cause, refs = nar.cause(kpi, facts, short=short)
    act = nar.action(kpi, facts)
    return Deviation(conclusie=nar.conclusion(kpi), oorzaak=cause, bewijs=refs, actie=act.wat,
                     verantwoordelijke=act.wie, termijn=act.wanneer)


def _counts(facts: Facts) -> str:
    rood = sum(1 for k in facts.kpis if k.status == "rood")
    oranje = sum(1 for k in facts.kpis if k.status == "oranje")
    if not rood and not oranje:
        return (f"Alle {nar.count_word(len(facts.kpis))} KPI's staan op groen; geen afwijking "
                "vraagt deze maand om een besluit van het MT.")
    parts = []
    if rood:
        parts.append(f"{nar.count_word(rood)} KPI's op rood" if rood > 1 else "een KPI op rood")
    if oranje:
        parts.append(f"{nar.count_word(oranje)} op oranje")
    groen = len(facts.kpis) - rood - oranje
    tail = f"; {nar.count_word(groen)} blijven groen" if groen > 1 else ""
    return f"In {facts.month_label} staan {' en '.join(parts)}{tail}.".replace(
        "staan een KPI", "staat een KPI")


def dashboard(facts: Facts, short: bool = False) -> Dashboard:
    """The one-line conclusion: the count, then the main cause."""
    groups = clusters(facts)
    text = _counts(facts)
    if groups:
        text += " " + nar.cluster_short(groups[0], facts)
    if len(groups) > 1 and not short:
        text = text[:-1] + "; daarnaast " + nar.cluster_short(groups[1], facts, lead=False)
    missing = outlook.missing_sentence(facts)
    return Dashboard(conclusie=f"{text} {missing}".strip())


def _trend_line(facts: Facts, kpi_id: str) -> str | None:
    kpi = facts.kpi(kpi_id)
    points = [p for p in kpi.trend if p.value is not None]
    if kpi.value is None or len(points) < 3:
        return None
    earlier = points[:-1]
    worse = (lambda a, b: a > b) if kpi.direction == "lower" else (lambda a, b: a < b)
    line = f"**{kpi.name}**: {fmt.with_unit(kpi, kpi.value)}"
    beyond = [p for p in earlier if not worse(kpi.value, p.value)]
    extreme = "hoogste" if kpi.direction == "lower" else "laagste"
    if not beyond:
        line += f", de {extreme} waarde van de afgelopen dertien maanden"
    elif all(worse(kpi.value, p.value) for p in earlier[-6:]):
        last = beyond[-1]
        line += (f", de {extreme} waarde sinds {format_month(last.month)} "
                 f"({fmt.with_unit(kpi, last.value)})")
    first = points[0]
    since = f"sinds {format_month(first.month)}"
    told = since in line
    if first.month[:4] != facts.month[:4] and first.month[5:] == facts.month[5:] and not told:
        line += f"; in {format_month(first.month)} was dat {fmt.with_unit(kpi, first.value)}"
    return line + "."


def _groen_line(facts: Facts) -> str | None:
    groen = [k for k in facts.kpis if k.status == "groen" and k.value is not None]
    if not groen:
        return None
    items = [f"{fmt.lower_first(k.name)} ({fmt.with_unit(k, k.value)})" for k in groen]
    verb = "blijft" if len(items) == 1 else "blijven"
    return f"Stabiel: {nar._join(items)} {verb} groen."


def _at_worst(kpi: KPIFact) -> bool:
    """True when the KPI is at its weakest value of the whole trend window."""
    earlier = [p.value for p in kpi.trend[:-1] if p.value is not None]
    if kpi.value is None or len(earlier) < 2:
        return False
    return kpi.value > max(earlier) if kpi.direction == "lower" else kpi.value < min(earlier)


def _trend_conclusion(facts: Facts) -> str:
    worst = [k for k in facts.kpis if _at_worst(k)]
    if not worst and not deviating(facts):
        return ("Alle KPI's bewegen binnen de bandbreedte van de afgelopen dertien maanden; "
                "geen enkele staat op het zwakste niveau van die periode.")
    if not worst:
        return ("Geen KPI staat op het zwakste niveau van de afgelopen dertien maanden; de "
                "afwijkingen zijn bewegingen binnen de normale bandbreedte.")
    names = nar._join([fmt.lower_first(k.name) for k in worst])
    if len(worst) == 1:
        return f"Alleen {names} staat op het zwakste niveau van de afgelopen dertien maanden."
    return (f"{nar.count_word(len(worst)).capitalize()} KPI's staan op het zwakste niveau van "
            f"de afgelopen dertien maanden: {names}.")


def trends(facts: Facts, short: bool = False) -> list[str]:
    """The trend conclusion, the deviating KPIs (at most four, two when short), missing
    sources, then (full report) the steady KPIs, KPIs near their norm and next month's
    seasonal outlook. In a month without deviations every KPI gets its 13-month range."""
    lines = [t for k in deviating(facts) if (t := _trend_line(facts, k.id))]
    lines = lines[: 2 if short else 4] + outlook.missing_lines(facts)
    if not short:
        if deviating(facts):
            lines += [t for t in [_groen_line(facts)] if t]
        else:
            lines += [t for k in facts.kpis if (t := outlook.range_line(k))]
        lines += [t for t in (outlook.near_norm_line(facts), outlook.seasonal_outlook(facts))
                  if t]
    return [_trend_conclusion(facts), *lines]


def _merge(first: Action, second: Action) -> Action:
    """Two actions of one owner and one root cause as one row."""
    return Action(wat=f"{first.wat}; {nar.lower_first_word(second.wat)}", wie=first.wie,
                  wanneer=first.wanneer,
                  verwacht_effect=f"{first.verwacht_effect}; {second.verwacht_effect}")


def _cluster_actions(cluster: Cluster, facts: Facts,
                     found: list[Action]) -> list[tuple[bool, Action]]:
    """The distinct actions of one cluster, each with 'is its KPI rood'."""
    acts: list[tuple[bool, Action]] = []
    for kpi in cluster.kpis:
        act = nar.action(kpi, facts)
        if all(a.wat != act.wat for a in found + [a for _, a in acts]):
            acts.append((kpi.status == "rood", act))
    return acts


def _merge_by_owner(acts: list[Action]) -> list[Action]:
    merged: dict[str, Action] = {}
    for act in acts:
        merged[act.wie] = _merge(merged[act.wie], act) if act.wie in merged else act
    return list(merged.values())


def _rood_rows(per_cluster: list[list[tuple[bool, Action]]]) -> list[Action]:
    """Every rood action in at most five rows: merged per owner within a root cause first,
    then per owner across causes."""
    rows = [a for acts in per_cluster for rood, a in acts if rood]
    if len(rows) > MAX_ACTIONS:
        rows = [a for acts in per_cluster
                for a in _merge_by_owner([a for rood, a in acts if rood])]
    if len(rows) > MAX_ACTIONS:
        rows = _merge_by_owner(rows)
    return rows


def actions(facts: Facts) -> list[Action]:
    """3 to 5 actions, the most urgent first. Every rood KPI's action is in the list; when
    there are more than five, actions of one owner become one row (same root cause first)."""
    per_cluster: list[list[tuple[bool, Action]]] = []
    found: list[Action] = []
    for cluster in clusters(facts):
        acts = _cluster_actions(cluster, facts, found)
        per_cluster.append(acts)
        found += [a for _, a in acts]
    if len(found) > MAX_ACTIONS:
        rood = _rood_rows(per_cluster)
        oranje = [a for acts in per_cluster for is_rood, a in acts if not is_rood]
        found = rood + oranje[: max(0, MAX_ACTIONS - len(rood))]
    for kpi in _watch_order(facts):
        if len(found) >= MIN_ACTIONS:
            break
        if kpi.status == "groen" and all(not a.wie.startswith(kpi.owner.name) for a in found):
            found.append(_watch(kpi, facts))
    return found


def _watch_order(facts: Facts) -> list[KPIFact]:
    """Groen KPIs to watch: a seasonal risk next month first, then near the norm, then the
    largest deviation from the trend."""
    risky = [k.id for (_, moves), kpis in outlook.seasonal_rules(facts).items() for k in kpis
             if (k.direction == "lower") == (moves == "up")]
    near = [k.id for k in outlook.near_norm(facts)]
    return sorted(facts.kpis, key=lambda k: (k.id not in risky, k.id not in near,
                                              -(k.deviation_pct or 0.0)))


def _watch(kpi_fact: KPIFact, facts: Facts) -> Action:
    season = next((pattern for (pattern, _), kpis in outlook.seasonal_rules(facts).items()
                   if kpi_fact in kpis), None)
    wat = f"Bewaak {fmt.lower_first(kpi_fact.name)} en meld een verslechtering direct"
    if season:
        month = format_month(next_month(facts.month))
        wat = (f"Bereid het team voor op het seizoen in {month} ({season}) en bewaak "
               f"{fmt.lower_first(kpi_fact.name)}")
    return Action(wat=wat, wie=nar.owner_label(kpi_fact.owner),
                  wanneer=f"eind {format_month(next_month(facts.month))}",
                  verwacht_effect="vroeg signaal bij een verslechtering")


def analysis(facts: Facts, short: bool = False) -> AnalysisCore:
    """Conclusion, trends and actions of the analysis report."""
    groups = clusters(facts)
    sentences = [nar.cluster_headline(c, facts) for c in groups[: 1 if short else 2]]
    sentences.append(_counts(facts))
    rest = groups[2:]
    if rest and all(k.status == "oranje" for c in rest for k in c.kpis) and not short:
        sentences.append("De overige afwijkingen zijn oranje: bewaken, nog niet ingrijpen.")
    return AnalysisCore(conclusie=" ".join(sentences), trends=trends(facts, short),
                        acties=actions(facts))


def _priority(cluster: Cluster, facts: Facts) -> Priority:
    kpi = cluster.lead
    inc = nar.incident(facts, cluster.key)
    titel = f"Storing regio {inc.region}" if inc else kpi.name
    act = nar.action(kpi, facts)
    follow = ("Het MT besluit daarna over extra maatregelen." if kpi.status == "rood"
              else "Het MT volgt het effect in de volgende rapportage.")
    besluit = (f"Geef {kpi.owner.name} de opdracht: "
               f"{fmt.lower_first(act.wat)}, {act.wanneer}. {follow}")
    return Priority(titel=titel, besluit=besluit)


def summary(facts: Facts, short: bool = False) -> Summary:
    """Headline conclusion and exactly three priorities for the MT."""
    groups = clusters(facts)
    prios = [_priority(c, facts) for c in groups[:3]]
    for act in actions(facts)[len(prios):]:
        if len(prios) == 3:
            break
        prios.append(Priority(titel=act.wat.split(" en ")[0],
                              besluit=f"Laat {act.wie} dit oppakken, {act.wanneer}."))
    while len(prios) < 3:
        prios.append(Priority(titel="Geen verdere afwijkingen",
                              besluit="Geen besluit nodig; de eigenaren bewaken hun KPI's."))
    head = nar.cluster_headline(groups[0], facts) if groups else ""
    extra = [outlook.missing_sentence(facts), "" if short else outlook.unrecovered_sentence(facts)]
    conclusie = " ".join(t for t in [head, _counts(facts), *extra] if t)
    if groups and not short:
        conclusie += " Het MT moet deze maand over de volgende drie punten besluiten."
    return Summary(conclusie=conclusie, prioriteiten=prios)
