"""Write the exports as each system does: separators, encodings, date and number formats."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from narrator.atomic import atomic_write_bytes


def write_csv(frame: pd.DataFrame, path: Path, *, sep: str, encoding: str,
              decimal: str = ".") -> Path:
    """Write ``frame`` atomically with the given separator, encoding and decimal mark."""
    text = frame.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n"
                        if encoding == "cp1252" else "\n")
    data = text.encode(encoding)
    atomic_write_bytes(path, data)
    return path


def iso_date(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%Y-%m-%d")


def iso_datetime(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")


def dutch_date(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%d-%m-%Y")


def dutch_datetime(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%d-%m-%Y %H:%M")


def dutch_decimal(values: pd.Series, decimals: int) -> pd.Series:
    """Numbers as Dutch Excel writes them: decimal comma, no thousands separator."""
    return pd.Series(np.round(values.to_numpy(dtype=float), decimals), index=values.index).map(
        lambda v: f"{v:.{decimals}f}".replace(".", ","))


def per_month(frame: pd.DataFrame, stamp: pd.Series) -> dict[str, pd.DataFrame]:
    """Split rows into monthly exports keyed by 'YYYY-MM'."""
    keys = stamp.dt.strftime("%Y-%m")
    return {str(k): part for k, part in frame.groupby(keys, sort=True)}
