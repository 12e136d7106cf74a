"""Turn a typed source frame into exactly the canonical columns and dtypes of schema.py."""

from __future__ import annotations

import pandas as pd

from narrator.sources.reader import FILE_COL
from narrator.sources.schema import DTYPES, SOURCE_FILE


def to_canonical(frame: pd.DataFrame, table: str, files: list[str] | None = None) -> pd.DataFrame:
    """Select and order the canonical columns of ``table`` and cast them to their dtypes.

    ``source_file`` comes from the reader's per-row file column; its categories are ``files``
    (the source's files in reading order) when given, else the file names present.
    """
    dtypes = DTYPES[table]
    data = [c for c in dtypes if c != SOURCE_FILE]
    out = frame.loc[:, data].copy()
    for column in data:
        if str(out[column].dtype) != dtypes[column]:
            out[column] = out[column].astype(dtypes[column])
    names = frame[FILE_COL]
    categories = files if files is not None else sorted(names.astype(str).unique())
    out[SOURCE_FILE] = pd.Categorical(names, categories=categories)
    return out.reset_index(drop=True)


def months_of(frame: pd.DataFrame, table: str) -> list[str]:
    """Sorted months ('YYYY-MM') present in a canonical table."""
    if "month" in DTYPES[table]:
        values = frame["month"].dropna().unique()
    else:
        column = "date" if "date" in DTYPES[table] else "opened_at"
        values = frame[column].dropna().dt.strftime("%Y-%m").unique()
    return sorted(str(v) for v in values)
