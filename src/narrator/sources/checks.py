"""Plausibility checks on typed source frames; violations name file, row and column."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.errors import DataError
from narrator.sources.reader import FILE_COL, LINE_COL, SourceFrame, partial_months


def fail_where(src: SourceFrame, bad: pd.Series, fld: str, message: str,
               other: str | None = None) -> None:
    """Raise DataError at the first row where ``bad`` is True, naming the export's column.

    ``{column}`` and ``{other}`` in ``message`` become the export's names of ``fld``/``other``.
    """
    mask = bad.fillna(False).to_numpy(dtype=bool)
    if mask.any():
        row = src.frame.iloc[int(np.flatnonzero(mask)[0])]
        file = str(row[FILE_COL])
        column = src.header(file, fld)
        text = message.format(column=column, other=src.header(file, other or fld))
        raise DataError(text, file=file, row=int(row[LINE_COL]), column=column)


def check_range(src: SourceFrame, fld: str, low: float, high: float) -> None:
    """Values of ``fld`` must lie in [low, high]."""
    values = src.frame[fld]
    fail_where(src, (values < low) | (values > high), fld,
               f"waarde buiten bereik {low:g}..{high:g}")


def check_not_negative(src: SourceFrame, *fields: str) -> None:
    """Counts may not be negative."""
    for fld in fields:
        fail_where(src, src.frame[fld] < 0, fld, "negatief aantal")


def check_not_above(src: SourceFrame, part: str, whole: str) -> None:
    """``part`` may not exceed ``whole`` (e.g. FCR cases <= cases)."""
    frame = src.frame
    fail_where(src, frame[part] > frame[whole], part, "'{column}' is groter dan '{other}'",
               other=whole)


def partial_month_warnings(
    frame: pd.DataFrame, fld: str, label: str
) -> tuple[list[str], list[str]]:
    """Warnings (Dutch) and month list for months of a daily table that miss days."""
    partial = partial_months(frame[fld])
    files = ", ".join(sorted(frame[FILE_COL].unique()))
    warnings = [
        f"Onvolledige maand {month} in {label} ({files}): gegevens voor {days} van "
        f"{total} dagen."
        for month, (days, total) in sorted(partial.items())
    ]
    return warnings, sorted(partial)
