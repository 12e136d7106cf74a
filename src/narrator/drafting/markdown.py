"""Structured section objects -> the draft Markdown of docs/contracts.md."""

from __future__ import annotations

from narrator.config import dimension_labels
from narrator.drafting import formatting as fmt
from narrator.drafting.outlook import count_word, watch_list
from narrator.drafting.schemas import Action, AnalysisCore, Dashboard, Deviation, Summary
from narrator.drafting.storyline import deviating
from narrator.facts import STATUS_SEVERITY, ActionFollowUp, Facts, KPIFact

MARKER = "> **Handmatig controleren:** {reason}"


def marker(reason: str | None) -> list[str]:
    """The reviewer marker line (plus blank line) for a degraded section, or nothing."""
    if not reason:
        return []
    return [MARKER.format(reason=" ".join(reason.split())), ""]


def _finish(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def dashboard_md(facts: Facts, obj: Dashboard, flag: str | None = None) -> str:
    """``dashboard.md``: title and the one-line conclusion."""
    lines = [f"# Dashboard {facts.month_label}", "", *marker(flag), _sentence(obj.conclusie)]
    return _finish(lines)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


def actions_table(actions: list[Action]) -> list[str]:
    """The Markdown table Wat | Wie | Wanneer | Verwacht effect."""
    rows = ["| Wat | Wie | Wanneer | Verwacht effect |", "|---|---|---|---|"]
    rows += [f"| {_cell(a.wat)} | {_cell(a.wie)} | {_cell(a.wanneer)} | "
             f"{_cell(a.verwacht_effect)} |" for a in actions]
    return rows


def chart_line(kpi: KPIFact) -> str:
    """A chart reference resolved by the renderer: drivers when known, else the trend."""
    if kpi.drivers:
        dim = dimension_labels().label(kpi.drivers[0].dimension)
        return f"![Bijdrage per {dim}](chart:{kpi.id}:drivers)"
    return f"![Trend en norm](chart:{kpi.id}:trend)"


def deviation_md(kpi: KPIFact, dev: Deviation, flag: str | None, chart: bool) -> list[str]:
    """One ``### <KPI>`` block."""
    refs = [r for r in dev.bewijs if r.strip()]
    source = f" Bronnen: {', '.join(f'`{r}`' for r in refs)}." if refs else ""
    lines = [f"### {kpi.name}", "", *marker(flag),
             f"**Conclusie:** {_sentence(dev.conclusie)}", "",
             f"**Oorzaak:** {_sentence(dev.oorzaak)}{source}", "",
             f"**Actie:** {_sentence(dev.actie)} **Verantwoordelijke:** "
             f"{_sentence(dev.verantwoordelijke)} **Termijn:** {_sentence(dev.termijn)}", ""]
    if chart:
        lines += [chart_line(kpi), ""]
    return lines


def trend_lines(trends: list[str]) -> list[str]:
    """The first trend is the conclusion (a paragraph); the rest are bullets."""
    if not trends:
        return ["Geen opvallende trends."]
    head, rest = trends[0], trends[1:]
    return [_sentence(head), *([""] if rest else []), *[f"- {_sentence(t)}" for t in rest]]


def _due(text: str) -> str:
    """'2026-11-15' -> '15 november 2026'; other text as is."""
    try:
        return fmt.long_date(text)
    except ValueError:
        return text


def _followup(item: ActionFollowUp, facts: Facts) -> str:
    """'- **Wachttijd**: actie (eigenaar, termijn ...): van oranje naar rood, niet hersteld.'"""
    name = next((k.name for k in facts.kpis if k.id == item.kpi_id), item.kpi_id)
    then, now = STATUS_SEVERITY[item.kpi_status_then], STATUS_SEVERITY[item.kpi_status_now]
    moved = "verder verslechterd" if now > then else ("wel verbeterd" if now < then
                                                      else "onveranderd")
    result = "hersteld" if item.recovered else f"niet hersteld ({moved})"
    return (f"- **{name}**: {_sentence(item.what)[:-1]} ({item.owner.name}, termijn "
            f"{_due(item.due)}): KPI van {item.kpi_status_then} naar {item.kpi_status_now}, "
            f"{result}.")


def followup_intro(facts: Facts) -> str:
    """'Van de twee acties van vorige maand heeft een de KPI hersteld.'"""
    total = len(facts.previous_actions)
    done = sum(1 for a in facts.previous_actions if a.recovered)
    if total == 1:
        return ("De actie van vorige maand heeft de KPI hersteld." if done else
                "De actie van vorige maand heeft de KPI nog niet hersteld.")
    if done == total:
        which = "Beide" if total == 2 else f"Alle {count_word(total)}"
        return f"{which} acties van vorige maand hebben hun KPI hersteld."
    if done == 0:
        which = "beide" if total == 2 else f"de {count_word(total)}"
        return f"Geen van {which} acties van vorige maand heeft de KPI hersteld."
    verb = "heeft" if done == 1 else "hebben"
    return (f"Van de {count_word(total)} acties van vorige maand {verb} er {count_word(done)} "
            "de KPI hersteld.")


def analysis_md(facts: Facts, core: AnalysisCore, deviations: dict[str, Deviation],
                flags: dict[str, str], short: bool = False) -> str:
    """``analyse.md`` with conclusion, trends, one block per deviation and the actions."""
    lines = [f"# Analyse {facts.month_label}", "", "## Conclusie", "",
             *marker(flags.get("analyse")), _sentence(core.conclusie), "", "## Trends", ""]
    lines += [*trend_lines(core.trends), "", "## Afwijkingen en oorzaken", ""]
    charts = 0
    for kpi in deviating(facts):
        if kpi.id not in deviations:
            continue
        chart = kpi.status == "rood" and charts < (2 if short else 4)
        charts += chart
        lines += deviation_md(kpi, deviations[kpi.id], flags.get(f"afwijking:{kpi.id}"), chart)
    if not deviations:
        lines += ["Geen KPI staat op oranje of rood. Om op tijd te zien of dat verandert, "
                  "volgen hieronder de KPI's met een seizoensrisico of een kleine marge tot "
                  "de norm.", ""]
        for kpi in [] if short else watch_list(facts):
            lines += [f"![{kpi.name}: trend en norm](chart:{kpi.id}:trend)", ""]
    lines += ["## Acties", "", *actions_table(core.acties), ""]
    if facts.previous_actions:
        lines += ["## Opvolging acties vorige maand", "", followup_intro(facts), ""]
        lines += [_followup(a, facts) for a in facts.previous_actions]
    return _finish(lines)


def summary_md(facts: Facts, obj: Summary, flag: str | None = None) -> str:
    """``samenvatting.md``: conclusion and exactly three numbered priorities."""
    lines = [f"# Executive summary {facts.month_label}", "", *marker(flag),
             _sentence(obj.conclusie), "", "## Top 3 prioriteiten", ""]
    lines += [f"{i}. **{p.titel.strip().rstrip('.:')}**: {_sentence(p.besluit)}"
              for i, p in enumerate(obj.prioriteiten, start=1)]
    return _finish(lines)


def part_of(section: str) -> str:
    """The draft file a section belongs to: 'afwijking:churn' -> 'analyse'."""
    return "analyse" if section.startswith("afwijking:") else section


def assemble(facts: Facts, objects: dict[str, object], flags: dict[str, str],
             shorten: set[str] | None = None) -> dict[str, str]:
    """All three Markdown texts from the section objects (keys as in draft.section_ids)."""
    shorten = shorten or set()
    deviations = {s.split(":", 1)[1]: o for s, o in objects.items()
                  if s.startswith("afwijking:") and isinstance(o, Deviation)}
    dash, core, summ = objects["dashboard"], objects["analyse"], objects["samenvatting"]
    assert isinstance(dash, Dashboard) and isinstance(core, AnalysisCore)
    assert isinstance(summ, Summary)
    return {
        "dashboard": dashboard_md(facts, dash, flags.get("dashboard")),
        "analyse": analysis_md(facts, core, deviations, flags, "analyse" in shorten),
        "samenvatting": summary_md(facts, summ, flags.get("samenvatting")),
    }
