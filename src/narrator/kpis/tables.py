"""Month-keyed views of the canonical tables, prepared once per build."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from narrator.errors import DataError
from narrator.sources.schema import SOURCE_FILE, SourceBundle

DATE_COLUMNS = {"cases": "date", "availability": "date", "surveys": "date",
                "incidents": "opened_at"}


@dataclass
class Tables:
    """Canonical tables with a 'month' column ('YYYY-MM') and incident durations added."""

    frames: dict[str, pd.DataFrame]
    data_end: pd.Timestamp | None = None
    open_incidents: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    def months(self, name: str) -> list[str]:
        """Sorted months present in table ``name``."""
        frame = self.frames.get(name)
        if frame is None or frame.empty:
            return []
        return sorted(frame["month"].dropna().unique().tolist())


def month_of(series: pd.Series) -> pd.Series:
    """Datetime series -> 'YYYY-MM' strings."""
    return pd.to_datetime(series).dt.strftime("%Y-%m")


def prepare(bundle: SourceBundle) -> Tables:
    """Add 'month' to every table and klant-uren to incidents; the bundle is not modified."""
    frames: dict[str, pd.DataFrame] = {}
    for name, frame in bundle.tables.items():
        frame = _with_source_file(frame.copy(), name, bundle)
        if name in DATE_COLUMNS:
            frame["month"] = month_of(frame[DATE_COLUMNS[name]])
        elif "month" in frame.columns:
            frame["month"] = frame["month"].astype(str)
        frames[name] = frame
    tables = Tables(frames=frames)
    if "incidents" in frames:
        _add_durations(tables)
    return tables


def _with_source_file(frame: pd.DataFrame, name: str, bundle: SourceBundle) -> pd.DataFrame:
    """Ensure the lineage column: a table read from a single file may lack it; else error."""
    if SOURCE_FILE in frame.columns:
        return frame
    files = bundle.files.get(name, [])
    if len(files) != 1:
        raise DataError(f"tabel '{name}' mist kolom '{SOURCE_FILE}': niet te herleiden uit welk "
                        f"bestand elke rij komt")
    frame[SOURCE_FILE] = pd.Categorical([files[0].path] * len(frame), categories=[files[0].path])
    return frame


def _add_durations(tables: Tables) -> None:
    """duration_hours (open incidents counted up to the end of the data) and customer_hours."""
    inc = tables.frames["incidents"]
    opened = pd.to_datetime(inc["opened_at"])
    resolved = pd.to_datetime(inc["resolved_at"])
    stamps = pd.concat([opened, resolved]).dropna()
    tables.data_end = stamps.max() if not stamps.empty else None
    end = resolved.fillna(tables.data_end) if tables.data_end is not None else resolved
    hours = (end - opened).dt.total_seconds() / 3600.0
    inc["duration_hours"] = hours.clip(lower=0.0)
    inc["is_resolved"] = resolved.notna().to_numpy()
    customers = pd.to_numeric(inc["customers_affected"], errors="coerce").fillna(0)
    inc["customer_hours"] = customers.to_numpy(dtype=float) * inc["duration_hours"].to_numpy()
    tables.open_incidents = inc.loc[~inc["is_resolved"], "number"].astype(str).tolist()
    inc["customer_hours"] = inc["customer_hours"].replace([np.inf, -np.inf], np.nan).fillna(0.0)
