"""Every number a text may use: the facts themselves plus the figures derivable from them.

Derived: per KPI value-previous, value-norm, previous-norm, % change vs previous and norm,
100-value for percentages (unavailability) and its relative change, value minus each trend
point; per driver value-previous; per evidence/incident the pairwise differences and % changes
of its figures, shares of the organisation's klanten, durations in minutes and from timestamps.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from narrator.facts import Facts, KPIFact
from narrator.numbers import format_number

MAX_DECIMALS = 4
Named = tuple[str, float]


def _pct(new: float | None, old: float | None) -> float | None:
    return None if new is None or old in (None, 0) else (new - old) / old * 100  # type: ignore[operator]


def _pairs(name: str, a: float | None, b: float | None) -> Iterator[Named]:
    """Difference and relative change between two named figures."""
    if a is not None and b is not None:
        yield f"{name} (verschil)", a - b
        if (p := _pct(a, b)) is not None:
            yield f"{name} (% verschil)", p


def _kpi_derived(k: KPIFact, base: str) -> Iterator[Named]:
    yield from _pairs(f"{base}.value - previous", k.value, k.previous)
    yield from _pairs(f"{base}.value - norm", k.value, k.norm)
    yield from _pairs(f"{base}.previous - norm", k.previous, k.norm)
    if k.unit == "%" and k.value is not None:
        yield f"100 - {base}.value", 100 - k.value
        if k.previous is not None:
            yield f"100 - {base}.previous", 100 - k.previous
            yield from _pairs(f"{base} onbeschikbaarheid", 100 - k.value, 100 - k.previous)
    for point in k.trend:
        yield from _pairs(f"{base}.value - trend[{point.month}]", k.value, point.value)
    for i, d in enumerate(k.drivers):
        yield from _pairs(f"{base}.drivers[{i}].value - previous", d.value, d.previous)


def _figures_derived(name: str, figures: dict[str, float], customers: float) -> Iterator[Named]:
    for (ka, a), (kb, b) in itertools.permutations(figures.items(), 2):
        yield from _pairs(f"{name}.figures.{ka} - {kb}", a, b)
    for key, val in figures.items():
        if customers:
            yield f"{name}.figures.{key} / klanten (%)", val / customers * 100


def _hours_between(start: str, end: str | None) -> float | None:
    try:
        return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 3600
    except (TypeError, ValueError):
        return None


def derived_numbers(facts: Facts) -> Iterator[Named]:
    """Figures derivable from the facts, with a readable name."""
    customers = float(facts.organisation.customers)
    for k in facts.kpis:
        base = f"kpis[{k.id}]"
        yield from _kpi_derived(k, base)
        for i, ev in enumerate(k.evidence):
            yield from _figures_derived(f"{base}.evidence[{i}]", ev.figures, customers)
    for inc in facts.incidents:
        base = f"incidents[{inc.number}]"
        yield f"{base}.customers_affected / klanten (%)", inc.customers_affected / customers * 100
        yield f"{base}.duration_hours x 60", inc.duration_hours * 60
        if (hours := _hours_between(inc.opened_at, inc.resolved_at)) is not None:
            yield f"{base} duur uit tijdstippen", hours


def _readable(path: str, facts: Facts) -> str:
    """'kpis[3].value' -> 'kpis[contacten].value'; same for incidents."""
    path = re.sub(r"^kpis\[(\d+)\]", lambda m: f"kpis[{facts.kpis[int(m.group(1))].id}]", path)
    return re.sub(r"^incidents\[(\d+)\]",
                  lambda m: f"incidents[{facts.incidents[int(m.group(1))].number}]", path)


@dataclass
class FactIndex:
    """Rounded lookup of all fact numbers, per number of decimals."""

    named: list[Named]
    by_decimals: dict[int, set[str]] = field(default_factory=dict)

    def matches(self, value: float, decimals: int) -> bool:
        """True when some fact rounds (half up, absolute value) to ``value`` at ``decimals``."""
        decimals = min(decimals, MAX_DECIMALS)
        return format_number(abs(value), decimals) in self.by_decimals[decimals]

    def nearest(self, value: float) -> Named:
        """The fact closest to ``value`` in absolute value."""
        return min(self.named, key=lambda nv: abs(abs(nv[1]) - abs(value)))


def build_index(facts: Facts) -> FactIndex:
    """Index of every fact number and every derived figure."""
    named = [(_readable(p, facts), v) for p, v in facts.numbers()]
    named += [(p, v) for p, v in derived_numbers(facts) if v is not None]
    index = FactIndex(named)
    for d in range(MAX_DECIMALS + 1):
        index.by_decimals[d] = {format_number(abs(v), d) for _, v in named}
    return index
