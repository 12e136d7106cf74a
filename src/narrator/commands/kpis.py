"""`narrator kpis`: print the 9 KPIs for a month (issue 2)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from narrator.calendar import parse_month
from narrator.facts import Facts, KPIFact
from narrator.numbers import format_kpi_value, format_month, format_number

STATUS_STYLE = {"groen": "bold green", "oranje": "bold dark_orange", "rood": "bold red"}
STATUS_MARK = {"groen": "●", "oranje": "▲", "rood": "■"}


def kpis(
    data: Path = typer.Option(..., "--data", help="Map met de exports."),
    month: str = typer.Option(..., "--month", help="Rapportagemaand, JJJJ-MM."),
    as_json: bool = typer.Option(False, "--json", help="Geef de facts (JSON, zonder "
                                 "persoonsgegevens) in plaats van de tabel."),
) -> None:
    """Toon de 9 KPI's van een maand: waarde, vorige maand, verandering, norm, status, seizoen
    en belangrijkste oorzaak. Met --json de volledige facts (vrije tekst geschoond)."""
    from narrator.kpis import build_facts
    from narrator.sources import load_sources

    parse_month(month)
    facts = build_facts(load_sources(data), month)
    if as_json:
        sys.stdout.write(_scrubbed(facts).model_dump_json(indent=2) + "\n")
        return
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=150)
    console.print(kpi_table(facts))
    for warning in facts.warnings:
        console.print(f"[yellow]waarschuwing:[/] {warning}", soft_wrap=True)


def _scrubbed(facts: Facts) -> Facts:
    """Scrub free text before it leaves this stage."""
    from narrator.privacy import scrub_facts

    return scrub_facts(facts)


def _fmt(kpi: KPIFact, value: float | None) -> str:
    return "—" if value is None else format_kpi_value(value, kpi.decimals, kpi.unit)


def _change(kpi: KPIFact) -> str:
    if kpi.change_abs is None:
        return "—"
    unit = {"%": " pp", "punten": " punten"}.get(kpi.unit, "")
    text = format_number(kpi.change_abs, kpi.decimals, signed=True) + unit
    if kpi.change_pct is not None and kpi.unit not in ("%", "punten"):
        text += f" ({format_number(kpi.change_pct, 1, signed=True)}%)"
    return text


def _top_driver(kpi: KPIFact) -> str:
    if not kpi.drivers:
        return "—"
    from narrator.kpis.evidence import segment_label

    top = kpi.drivers[0]
    return f"{segment_label(top.dimension, top.segment)} " \
           f"({format_number(top.share_of_change, 0)}%)"


def _seasonal(kpi: KPIFact) -> str:
    if kpi.status == "groen":
        return "—"
    return "in lijn met het seizoen" if kpi.seasonal.expected else "niet verklaard"


def _label(kpi: KPIFact) -> str:
    """KPI name, with the unit only where neither the name nor the value shows it."""
    if kpi.unit in ("%", "punten") or kpi.unit.lower() in kpi.name.lower():
        return kpi.name
    return f"{kpi.name} ({kpi.unit})"


def kpi_table(facts: Facts) -> Table:
    """The rich table that `narrator kpis` prints (all numbers in Dutch notation)."""
    table = Table(title=f"KPI's {format_month(facts.month)} (vorige maand: "
                        f"{format_month(facts.previous_month)})")
    for header in ("KPI", "waarde", "vorige maand", "verandering", "norm", "status", "seizoen",
                   "belangrijkste oorzaak"):
        right = header in ("waarde", "vorige maand", "verandering", "norm")
        table.add_column(header, justify="right" if right else "left",
                         no_wrap=header != "KPI")
    for kpi in facts.kpis:
        status = f"[{STATUS_STYLE[kpi.status]}]{STATUS_MARK[kpi.status]} {kpi.status}[/]"
        norm = _fmt(kpi, kpi.norm) if kpi.norm is not None else "—"
        table.add_row(_label(kpi), _fmt(kpi, kpi.value), _fmt(kpi, kpi.previous),
                      _change(kpi), norm, status, _seasonal(kpi), _top_driver(kpi))
    return table
