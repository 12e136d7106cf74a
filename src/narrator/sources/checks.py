"""Plausibility checks on typed source frames; violations name file, row and column."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.errors import DataError
from narrator.sources.reader import FILE_COL, LINE_COL, partial_months


def fail_where(frame: pd.DataFrame, bad: pd.Series, column: str, message: str) -> None:
    """Raise DataError at the first row where ``bad`` is True."""
    mask = bad.fillna(False).to_numpy(dtype=bool)
    if mask.any():
        row = frame.iloc[int(np.flatnonzero(mask)[0])]
        raise DataError(message, file=str(row[FILE_COL]), row=int(row[LINE_COL]),
                        column=column)


def check_range(frame: pd.DataFrame, fld: str, low: float, high: float, column: str) -> None:
    """Values of ``fld`` must lie in [low, high]."""
    values = frame[fld]
    fail_where(frame, (values < low) | (values > high), column,
               f"waarde buiten bereik {low:g}..{high:g}")


def check_not_above(frame: pd.DataFrame, part: str, whole: str, column: str) -> None:
    """``part`` may not exceed ``whole`` (e.g. FCR cases <= cases)."""
    fail_where(frame, frame[part] > frame[whole], column,
               f"'{part}' is groter dan '{whole}'")


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
