"""Working days and the report deadline (Dutch public holidays via the ``holidays`` package)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

from narrator.errors import NarratorError

#: A report month, "JJJJ-MM" (for pydantic ``Field(pattern=...)`` and :func:`is_month`).
MONTH_PATTERN = r"^(\d{4})-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN)


def is_month(text: str) -> bool:
    """True for a well-formed report month such as '2026-11' (no surrounding spaces)."""
    return bool(_MONTH.match(text))


def parse_month(month: str) -> tuple[int, int]:
    """'2026-11' -> (2026, 11); a malformed month raises a Dutch NarratorError."""
    match = _MONTH.match(month.strip()) if isinstance(month, str) else None
    if not match:
        raise NarratorError(f"ongeldige maand '{month}': gebruik JJJJ-MM, bijvoorbeeld 2026-11.")
    return int(match.group(1)), int(match.group(2))


def next_month(month: str) -> str:
    """'2026-12' -> '2027-01'."""
    year, mon = parse_month(month)
    return f"{year + mon // 12}-{mon % 12 + 1:02d}"


def previous_month(month: str) -> str:
    """'2027-01' -> '2026-12'."""
    year, mon = parse_month(month)
    return f"{year - 1}-12" if mon == 1 else f"{year}-{mon - 1:02d}"


def shift_month(month: str, months: int) -> str:
    """Move ``month`` by ``months`` (negative: back in time)."""
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + months
    return f"{index // 12}-{index % 12 + 1:02d}"


@lru_cache(maxsize=32)
def dutch_holidays(year: int) -> dict[date, str]:
    """Dutch public holidays of ``year`` with their Dutch names (as the package defines them)."""
    return dict(holidays.country_holidays("NL", years=year, language="nl").items())


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Dutch public holiday."""
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def nth_working_day(year: int, month: int, n: int) -> date:
    """The ``n``-th working day (1-based) of the given calendar month."""
    if n < 1:
        raise NarratorError(f"werkdag moet 1 of hoger zijn, niet {n}")
    day, count = date(year, month, 1), 0
    while True:
        if is_working_day(day):
            count += 1
            if count == n:
                return day
        day += timedelta(days=1)
        if day.month != month:
            raise NarratorError(f"{year}-{month:02d} heeft geen {n} werkdagen")


def report_deadline(report_month: str, working_day: int = 7) -> date:
    """Deadline of the report ON ``report_month``: the Nth working day of the month after it.

    The report on November 2026 is due on the 7th working day of December 2026.
    """
    year, mon = parse_month(next_month(report_month))
    return nth_working_day(year, mon, working_day)
