"""Trend sentences beyond the deviations: 13-month range of steady KPIs, KPIs near their
norm, the seasonal outlook for next month (config/kpis.yaml) and missing sources.

Selection and wording only: every figure is a value from Facts (KPI value, norm or a trend
point), formatted by :mod:`narrator.drafting.formatting`.
"""

from __future__ import annotations

from narrator.calendar import next_month
from narrator.config import load_kpi_catalogue
from narrator.drafting import formatting as fmt
from narrator.drafting.settings import settings
from narrator.facts import Facts, KPIFact
from narrator.numbers import format_month

WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")


def count_word(n: int) -> str:
    """Small counts as words (no bare digits that are not facts): 4 -> 'vier'."""
    return WORDS[n] if 0 <= n < len(WORDS) else fmt.figure(n)


def unrecovered_sentence(facts: Facts) -> str:
    """For the summary: last month's actions whose KPI is still oranje/rood, or ''."""
    open_items = [a for a in facts.previous_actions
                  if not a.recovered and a.kpi_status_now != "groen"]
    if not open_items:
        return ""
    names = {k.id: fmt.lower_first(k.name) for k in facts.kpis}
    items = [f"{names.get(a.kpi_id, a.kpi_id)} ({fmt.lower_first(a.what)}, {a.owner.name}; "
             f"{a.kpi_status_then} naar {a.kpi_status_now})" for a in open_items]
    subject = "De actie" if len(items) == 1 else "De acties"
    verb = "heeft" if len(items) == 1 else "hebben"
    return (f"{subject} van vorige maand voor {_join(items)} {verb} de KPI niet hersteld; "
            "het MT beslist of de aanpak moet worden bijgesteld.")


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def range_line(kpi: KPIFact) -> str | None:
    """'**Netwerkbeschikbaarheid**: 99,96% (dertien maanden: van 99,93% in december 2025 tot
    99,97% in juni 2026; november 2025: 99,94%).'"""
    points = [p for p in kpi.trend if p.value is not None]
    if kpi.value is None or len(points) < 3:
        return None
    low = min(points, key=lambda p: p.value or 0.0)
    high = max(points, key=lambda p: p.value or 0.0)
    line = (f"**{kpi.name}**: {fmt.with_unit(kpi, kpi.value)} (dertien maanden: van "
            f"{fmt.bare(kpi, low.value or 0.0)} in {format_month(low.month)} tot "
            f"{fmt.bare(kpi, high.value or 0.0)} in {format_month(high.month)}")
    first = points[0]
    if first.month != kpi.trend[-1].month and first.month[5:] == kpi.trend[-1].month[5:]:
        line += f"; {format_month(first.month)}: {fmt.with_unit(kpi, first.value or 0.0)}"
    line += ")"
    return line + "."


def near_norm(facts: Facts) -> list[KPIFact]:
    """Groen KPIs whose value is within ``near_norm_pct`` of the norm (still on the good side)."""
    limit = settings().near_norm_pct / 100
    found = []
    for kpi in facts.kpis:
        if kpi.status != "groen" or kpi.value is None or not kpi.norm:
            continue
        if abs(kpi.value - kpi.norm) <= limit * abs(kpi.norm):
            found.append(kpi)
    return found


def near_norm_line(facts: Facts) -> str | None:
    """'Dicht bij de norm: opgelost bij eerste contact (77,1%; norm 75,0%) ...'."""
    kpis = near_norm(facts)
    if not kpis:
        return None
    items = [f"{fmt.lower_first(k.name)} ({fmt.with_unit(k, k.value or 0.0)}; norm "
             f"{fmt.with_unit(k, k.norm or 0.0)})" for k in kpis]
    verb = "zit" if len(items) == 1 else "zitten"
    return (f"Dicht bij de norm: {_join(items)} {verb} nog aan de goede kant, maar een kleine "
            "verslechtering brengt ze op oranje; de eigenaren bewaken dit.")


def seasonal_rules(facts: Facts) -> dict[tuple[str, str], list[KPIFact]]:
    """Next month's seasonal rules of config/kpis.yaml: (pattern, direction) -> KPIs."""
    number = int(next_month(facts.month)[5:])
    kpis = {k.id: k for k in facts.kpis}
    found: dict[tuple[str, str], list[KPIFact]] = {}
    for definition in load_kpi_catalogue().kpis:
        for rule in definition.seasonal:
            if number in rule.months and definition.id in kpis:
                key = (rule.pattern.split(": ", 1)[-1], rule.direction)
                found.setdefault(key, []).append(kpis[definition.id])
    return found


def seasonal_outlook(facts: Facts) -> str:
    """'Vooruitblik december 2026: ... stijgen dan gewoonlijk door het seizoen: ...'."""
    label = format_month(next_month(facts.month))
    rules = seasonal_rules(facts)
    if not rules:
        return f"Vooruitblik {label}: geen KPI kent in die maand een vast seizoenspatroon."
    parts = []
    for (pattern, direction), kpis in rules.items():
        up = direction == "up"
        verb = ("stijgt" if up else "daalt") if len(kpis) == 1 else ("stijgen" if up else "dalen")
        names = _join([fmt.lower_first(k.name) for k in kpis])
        parts.append(f"{names} {verb} dan gewoonlijk door het seizoen: {pattern}")
    return f"Vooruitblik {label}: {'; '.join(parts)}."


def missing_lines(facts: Facts) -> list[str]:
    """'**Klanttevredenheid (NPS)**: niet aangeleverd; ...' for KPIs without a value."""
    return [f"**{k.name}**: geen waarde, want de bron is niet aangeleverd; de trend loopt "
            "volgende maand weer door." for k in facts.kpis if k.value is None]


def missing_sentence(facts: Facts) -> str:
    """'Klanttevredenheid (NPS) ontbreekt: de bron is niet aangeleverd.' or ''."""
    missing = [k.name for k in facts.kpis if k.value is None]
    if not missing:
        return ""
    verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
    return f"{_join(missing)} {verb} deze maand: de bron is niet aangeleverd."


def watch_list(facts: Facts, limit: int = 3) -> list[KPIFact]:
    """Groen KPIs worth a trend chart in a calm month: a seasonal risk next month first, then
    those near their norm (at most ``limit``)."""
    risky = [k for (_, moves), kpis in seasonal_rules(facts).items() for k in kpis
             if (k.direction == "lower") == (moves == "up")]
    found: list[KPIFact] = []
    for kpi in risky + near_norm(facts):
        if kpi.status == "groen" and kpi.value is not None and kpi not in found:
            found.append(kpi)
    return found[:limit]
