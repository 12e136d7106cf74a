"""Turn a typed source frame into exactly the canonical columns and dtypes of schema.py."""

from __future__ import annotations

import pandas as pd

from narrator.sources.schema import DTYPES


def to_canonical(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Select and order the canonical columns of ``table`` and cast them to their dtypes."""
    dtypes = DTYPES[table]
    out = frame.loc[:, list(dtypes)].copy()
    for column, dtype in dtypes.items():
        if str(out[column].dtype) != dtype:
            out[column] = out[column].astype(dtype)
    return out.reset_index(drop=True)


def months_of(frame: pd.DataFrame, table: str) -> list[str]:
    """Sorted months ('YYYY-MM') present in a canonical table."""
    if "month" in DTYPES[table]:
        values = frame["month"].dropna().unique()
    else:
        column = "date" if "date" in DTYPES[table] else "opened_at"
        values = frame[column].dropna().dt.strftime("%Y-%m").unique()
    return sorted(str(v) for v in values)
