"""Input checks at the KPI stage: the report month and its predecessor must be in the data;
a partial month is a warning, not an error."""

from __future__ import annotations

import calendar as _cal
from itertools import pairwise

import pandas as pd

from narrator.calendar import parse_month, shift_month
from narrator.errors import DataError
from narrator.kpis.lineage import files_label
from narrator.kpis.tables import Tables
from narrator.numbers import format_month

DAILY_TABLES = ("cases", "availability")


def months_summary(months: list[str]) -> str:
    """['2024-12', ..., '2026-11'] -> '2024-12 t/m 2026-11' when contiguous, else a list."""
    if not months:
        return "geen enkele maand"
    contiguous = all(shift_month(a, 1) == b for a, b in pairwise(months))
    if contiguous and len(months) > 2:
        return f"{months[0]} t/m {months[-1]}"
    return ", ".join(months)


def require_months(tables: Tables, names: list[str], month: str, previous: str,
                   files: dict[str, str]) -> None:
    """DataError (Dutch, naming the file and its months) when a table lacks a needed month."""
    for name in names:
        label = files.get(name, name)
        if name not in tables.frames:
            raise DataError(f"de export voor tabel '{name}' ontbreekt", file=label)
        have = tables.months(name)
        for needed, why in ((month, "de rapportagemaand"),
                            (previous, "de vorige maand, nodig voor de vergelijking")):
            if needed not in have:
                raise DataError(f"maand {needed} ({format_month(needed)}, {why}) ontbreekt in de "
                                f"gegevens; dit bestand bevat {months_summary(have)}", file=label)


def partial_month_warnings(tables: Tables, month: str, files: dict[str, str]) -> dict[str, str]:
    """table -> Dutch warning when a daily table does not cover every day of ``month``.

    The warning names the files that hold the month's rows.
    """
    year, mon = parse_month(month)
    days_in_month = _cal.monthrange(year, mon)[1]
    out = {}
    for name in DAILY_TABLES:
        frame = tables.frames.get(name)
        if frame is None:
            continue
        rows = frame[frame["month"] == month]
        days = pd.to_datetime(rows["date"]).dt.normalize().unique()
        if 0 < len(days) < days_in_month:
            last = pd.Timestamp(max(days)).date().isoformat()
            label = files_label(rows) or files.get(name, name)
            out[name] = (f"gedeeltelijke maand: {label} bevat voor "
                         f"{format_month(month)} gegevens over {len(days)} van de {days_in_month} "
                         f"dagen (laatste dag {last}); de cijfers voor deze maand zijn voorlopig")
    return out
