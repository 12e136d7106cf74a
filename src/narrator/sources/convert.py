"""Vectorised typing of text columns: dates (ISO and Dutch day-first), numbers (decimal comma).

Errors name the file, the line in the file (the header is line 1) and the export's column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.errors import DataError

DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y")
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S.%f",
    *DATE_FORMATS,
)
_THOUSANDS_INT = r"^-?\d{1,3}(\.\d{3})+$"


class ColumnContext:
    """Where a column comes from, for error messages."""

    def __init__(self, file: str, column: str, lines: np.ndarray) -> None:
        self.file = file
        self.column = column
        self.lines = lines

    def fail(self, position: int, message: str) -> DataError:
        return DataError(message, file=self.file, row=int(self.lines[position]),
                         column=self.column)


def parse_dates(values: pd.Series, ctx: ColumnContext, *, with_time: bool) -> pd.Series:
    """Parse with the first format that reads every non-empty value."""
    present = values != ""
    sample = values[present]
    formats = DATETIME_FORMATS if with_time else DATE_FORMATS
    best: tuple[int, pd.Series] | None = None
    for fmt in formats:
        parsed = pd.to_datetime(sample, format=fmt, errors="coerce")
        bad = int(parsed.isna().sum())
        if bad == 0:
            out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
            out[present] = parsed.astype("datetime64[ns]")
            return out
        if best is None or bad < best[0]:
            best = (bad, parsed)
    assert best is not None
    first_bad = best[1].index[best[1].isna()][0]
    position = values.index.get_loc(first_bad)
    raise ctx.fail(position, f"datum '{values[first_bad]}' kan niet worden gelezen")


def parse_numbers(values: pd.Series, ctx: ColumnContext, *, integer: bool) -> pd.Series:
    """Parse numbers with decimal point or decimal comma (then '.' is a thousands separator)."""
    text = values.str.strip().str.replace("\u00a0", "", regex=False).str.replace(" ", "")
    present = text != ""
    if text.str.contains(",", regex=False).any():
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    elif integer:
        thousands = text.str.match(_THOUSANDS_INT)
        text = text.where(~thousands, text.str.replace(".", "", regex=False))
    parsed = pd.to_numeric(text.where(present, None), errors="coerce")
    bad = present & parsed.isna()
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise ctx.fail(position, f"getal '{values.iloc[position]}' kan niet worden gelezen")
    if integer:
        fractional = present & (parsed.fillna(0) % 1 != 0)
        if fractional.any():
            position = int(np.flatnonzero(fractional.to_numpy())[0])
            raise ctx.fail(position, f"'{values.iloc[position]}' is geen geheel getal")
        return parsed.astype("Int64")
    return parsed.astype("float64")


def parse_months(values: pd.Series, ctx: ColumnContext) -> pd.Series:
    """A month given as YYYY-MM or as any date in that month -> 'YYYY-MM'."""
    is_month = values.str.match(r"^\d{4}-\d{2}$")
    as_dates = values.where(~is_month, values + "-01")
    parsed = parse_dates(as_dates, ctx, with_time=False)
    return parsed.dt.strftime("%Y-%m").where(parsed.notna(), None).astype(object)
