"""Every number a text may use: the facts themselves plus the figures derivable from them.

Derived: per KPI value-previous, value-norm, previous-norm, % change vs previous and norm,
100-value for percentages (unavailability) and its relative change, value minus the same month last
year; per driver value-previous; per evidence/incident the pairwise differences and % changes
of its figures, shares of the organisation's klanten, durations in minutes and from timestamps.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from narrator.facts import Facts, KPIFact
from narrator.numbers import format_number

MAX_DECIMALS = 4
SKIPPED_FIELDS = (".decimals",)  # metadata, not figures a text may quote
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
    if k.previous is not None and k.norm is not None:
        yield f"{base}.previous - norm (verschil)", k.previous - k.norm
    if k.basis == "complement" and k.value is not None:
        yield f"100 - {base}.value", 100 - k.value
        if k.previous is not None:
            yield f"100 - {base}.previous", 100 - k.previous
            yield from _pairs(f"{base} onbeschikbaarheid", 100 - k.value, 100 - k.previous)
    if k.trend:  # the first of 13 trend points is the same month last year
        yield from _pairs(f"{base}.value - trend[{k.trend[0].month}]", k.value, k.trend[0].value)
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
    yield "aantal KPI's", float(len(facts.kpis))
    for status in ("groen", "oranje", "rood"):
        yield f"aantal KPI's {status}", float(sum(k.status == status for k in facts.kpis))
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


def kpi_of(path: str) -> str | None:
    """'kpis[churn].value' -> 'churn'; None for paths outside the KPIs."""
    m = _KPI_PATH.match(path)
    return m.group(1) if m else None


_KPI_PATH = re.compile(r"^(?:100 - )?kpis\[([^\]]+)\]")


@dataclass
class FactIndex:
    """Rounded lookup of fact numbers, per scope (the KPIs a sentence names) and decimals.

    A sentence that names one or more KPIs may use those KPIs' figures and the figures that
    belong to no KPI (incidents, organisation, counts); trend points only count when
    ``trend`` is set (the sentence names a month or speaks of a trend).
    """

    named: list[Named]
    _sets: dict[tuple[frozenset[str] | None, bool, int], set[str]] = field(default_factory=dict)

    def candidates(self, scope: frozenset[str] | None, trend: bool) -> list[Named]:
        """The facts a sentence with this scope may quote."""
        out = []
        for path, value in self.named:
            kpi = kpi_of(path)
            if scope is not None and kpi is not None and kpi not in scope:
                continue
            if not trend and ".trend[" in path:
                continue
            out.append((path, value))
        return out

    def matches(self, value: float, decimals: int, scope: frozenset[str] | None = None,
                trend: bool = True) -> bool:
        """True when an allowed fact rounds (half up, absolute value) to ``value``."""
        decimals = min(decimals, MAX_DECIMALS)
        key = (scope, trend, decimals)
        if key not in self._sets:
            self._sets[key] = {format_number(abs(v), decimals)
                               for _, v in self.candidates(scope, trend)}
        return format_number(abs(value), decimals) in self._sets[key]

    def nearest(self, value: float, scope: frozenset[str] | None = None,
                trend: bool = True) -> Named:
        """The allowed fact closest to ``value`` in absolute value."""
        pool = self.candidates(scope, trend) or self.named
        return min(pool, key=lambda nv: abs(abs(nv[1]) - abs(value)))


def build_index(facts: Facts) -> FactIndex:
    """Index of every fact number and every derived figure."""
    named = [(_readable(p, facts), v) for p, v in facts.numbers()
             if not p.endswith(SKIPPED_FIELDS)]
    named += [(p, v) for p, v in derived_numbers(facts) if v is not None]
    return FactIndex(named)


def kpi_keys(kpi_id: str, name: str) -> set[str]:
    """Ways a text names a KPI: full name, id, name without '(...)', the words in '(...)'."""
    bare = re.sub(r"\s*\(.*?\)", "", name).strip().lower()
    inner = re.findall(r"\((.*?)\)", name.lower())
    return {k for k in {name.lower(), kpi_id.lower().replace("_", " "), bare, *inner} if k}


def mentions(keys: set[str] | frozenset[str], text: str) -> bool:
    """True when ``text`` contains one of ``keys`` as whole words (case-insensitive)."""
    return _keys_pattern(frozenset(keys)).search(text) is not None


@lru_cache(maxsize=512)
def _keys_pattern(keys: frozenset[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
