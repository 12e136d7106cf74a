"""Dutch phrases for figures taken from Facts. Every number goes through narrator.numbers."""

from __future__ import annotations

from datetime import date

from narrator.facts import KPIFact
from narrator.numbers import (
    format_date,
    format_kpi_value,
    format_number,
    format_percent,
)


def figure(value: float, *, signed: bool = False, max_decimals: int = 2) -> str:
    """A free figure (evidence): whole from 100 up, else as few decimals as needed."""
    if abs(value) >= 100:
        return format_number(value, 0, signed=signed)
    for decimals in range(max_decimals + 1):
        if round(value, decimals) == round(value, 6):
            return format_number(value, decimals, signed=signed)
    return format_number(value, max_decimals, signed=signed)


def share(value: float) -> str:
    """A share of the change in percent: '128%' from ten up, else one decimal ('7,5%')."""
    return format_number(value, 0 if abs(value) >= 10 else 1) + "%"


def bare(kpi: KPIFact, value: float, *, signed: bool = False) -> str:
    """The value at the KPI's precision, with '%' for percentage KPIs: '1,31%', '104'."""
    return format_kpi_value(value, kpi.decimals, kpi.unit, signed=signed)


def with_unit(kpi: KPIFact, value: float) -> str:
    """The value with its unit: '1,31%', '104 seconden', '131,2 per 1.000 klanten'."""
    if kpi.unit in ("%", "punten"):
        return bare(kpi, value)
    return f"{bare(kpi, value)} {kpi.unit}"


def change(kpi: KPIFact) -> str:
    """The month-over-month change in words the MT reads: '+0,13 procentpunt, +11,0%'."""
    if kpi.change_abs is None:
        return "geen vergelijking met vorige maand"
    if kpi.basis == "points" or kpi.unit == "punten":
        return f"{format_number(kpi.change_abs, kpi.decimals, signed=True)} punten"
    if kpi.unit == "%":
        pp = f"{format_number(kpi.change_abs, kpi.decimals, signed=True)} procentpunt"
        if kpi.basis == "relative" and kpi.change_pct is not None:
            return f"{pp}, {format_percent(kpi.change_pct, 1, signed=True)}"
        return pp
    if kpi.change_pct is None:
        return format_number(kpi.change_abs, kpi.decimals, signed=True)
    return format_percent(kpi.change_pct, 1, signed=True)


def movement(kpi: KPIFact) -> str:
    """'steeg van 1,18% naar 1,31% (+0,13 procentpunt, +11,0%)'."""
    if kpi.value is None or kpi.previous is None or kpi.change_abs is None:
        shown = with_unit(kpi, kpi.value) if kpi.value is not None else "onbekend"
        return f"staat op {shown}; vergelijking met vorige maand ontbreekt"
    if kpi.change_abs == 0:
        return f"bleef gelijk op {with_unit(kpi, kpi.value)}"
    verb = "steeg" if kpi.change_abs > 0 else "daalde"
    return (f"{verb} van {bare(kpi, kpi.previous)} naar {with_unit(kpi, kpi.value)} "
            f"({change(kpi)})")


def norm_phrase(kpi: KPIFact) -> str | None:
    """'boven de norm van 1,30%' / 'binnen de norm van 4,0 uur'; None without a norm."""
    if kpi.norm is None or kpi.norm_met is None:
        return None
    norm = with_unit(kpi, kpi.norm)
    if kpi.norm_met:
        return f"binnen de norm van {norm}"
    side = "onder" if kpi.direction == "higher" else "boven"
    return f"{side} de norm van {norm}"


def lower_first(name: str) -> str:
    """'Netwerkbeschikbaarheid' -> 'netwerkbeschikbaarheid'; keeps acronyms like 'NPS'."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def long_date(iso: str) -> str:
    """'2026-12-09' -> '9 december 2026'."""
    return format_date(date.fromisoformat(iso[:10]))
