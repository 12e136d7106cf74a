"""Generic export reading: find files, map columns, type them, combine and de-duplicate."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from narrator.errors import DataError
from narrator.facts import SourceFile
from narrator.sources.convert import (
    ColumnContext,
    clean_text,
    parse_dates,
    parse_months,
    parse_numbers,
)
from narrator.sources.csvio import read_csv_text
from narrator.sources.mapping import SourceSpec, resolve_columns

FILE_COL = "_file"
LINE_COL = "_line"


@dataclass
class SourceFrame:
    """One source's combined, typed rows (canonical field names) with file lineage."""

    frame: pd.DataFrame
    files: list[SourceFile]
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # file -> field -> header
    warnings: list[str] = field(default_factory=list)

    def header(self, file: str, fld: str) -> str:
        """The export's own column name for canonical field ``fld`` in ``file``."""
        return self.headers.get(file, {}).get(fld, fld)


def find_files(data_dir: Path, spec: SourceSpec, source_id: str) -> list[Path]:
    """All files in ``data_dir`` matching the spec's patterns; DataError if none."""
    if not data_dir.is_dir():
        raise DataError(f"map met exports bestaat niet: {data_dir}")
    names = sorted(p for p in data_dir.iterdir() if p.is_file())
    found = [p for p in names
             if any(fnmatch.fnmatch(p.name.lower(), pat.lower()) for pat in spec.files)]
    if not found:
        raise DataError(
            f"export ontbreekt: {spec.label} ({source_id}); verwacht bestanden als "
            f"{', '.join(spec.files)} in {data_dir}"
        )
    return found


def read_source(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read, type, combine and de-duplicate every file of one source."""
    frames, files, headers = [], [], {}
    for path in find_files(data_dir, spec, source_id):
        frame, lineage, names = read_file(path, spec)
        frames.append(frame)
        files.append(lineage)
        headers[path.name] = names
    combined = pd.concat(frames, ignore_index=True)
    combined = drop_exact_duplicates(combined)
    if spec.history:
        check_conflicts(combined, [*spec.key, spec.history], headers)
        combined = latest_per_key(combined, spec.key, spec.history)
    else:
        check_conflicts(combined, spec.key, headers)
    return SourceFrame(combined, files, headers)


def read_file(path: Path, spec: SourceSpec) -> tuple[pd.DataFrame, SourceFile, dict[str, str]]:
    """Read one export file into typed canonical fields plus _file/_line columns.

    Returns the frame, its lineage and the header name used for each field.
    """
    raw = read_csv_text(path)
    names = resolve_columns(spec, list(raw.frame.columns), path.name)
    lines = np.arange(2, len(raw.frame) + 2)
    out = pd.DataFrame(index=raw.frame.index)
    for fld, source_col in names.items():
        values = clean_text(raw.frame[source_col], spec.missing)
        ctx = ColumnContext(path.name, source_col, lines)
        _require_filled(values, fld, spec, ctx)
        out[fld] = _typed(values, spec.types[fld], ctx)
    out[FILE_COL] = path.name
    out[LINE_COL] = lines
    lineage = SourceFile(system=spec.system, path=path.name, sha256=raw.sha256,
                         rows=len(raw.frame))
    return out, lineage, names


def _require_filled(values: pd.Series, fld: str, spec: SourceSpec, ctx: ColumnContext) -> None:
    if fld in spec.nullable:
        return
    empty = (values == "").to_numpy()
    if empty.any():
        raise ctx.fail(int(np.flatnonzero(empty)[0]), "waarde ontbreekt (leeg of '?')")


def _typed(values: pd.Series, kind: str, ctx: ColumnContext) -> pd.Series:
    if kind == "date":
        return parse_dates(values, ctx, with_time=False)
    if kind == "datetime":
        return parse_dates(values, ctx, with_time=True)
    if kind == "month":
        return parse_months(values, ctx)
    if kind in ("int", "float"):
        return parse_numbers(values, ctx, integer=kind == "int")
    return values.where(values != "", None).astype(object)


def _data_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in (FILE_COL, LINE_COL)]


def drop_exact_duplicates(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop rows repeated with identical values (overlapping exports)."""
    dup = frame.duplicated(subset=_data_columns(frame), keep="first")
    return frame.loc[~dup].reset_index(drop=True) if dup.any() else frame


def check_conflicts(frame: pd.DataFrame, key: list[str],
                    headers: dict[str, dict[str, str]] | None = None) -> None:
    """Same key, different values: a true conflicting duplicate -> DataError."""
    dup = frame.duplicated(subset=key, keep=False)
    if not dup.any():
        return
    rows = frame.loc[dup].sort_values([*key, FILE_COL, LINE_COL]).head(2)
    first, second = rows.iloc[0], rows.iloc[1]
    ident = ", ".join(f"{k}={_show(first[k])}" for k in key)
    raise DataError(
        f"dubbel record met afwijkende waarden ({ident}); ook in {second[FILE_COL]} "
        f"rij {second[LINE_COL]}",
        file=str(first[FILE_COL]), row=int(first[LINE_COL]),
        column=(headers or {}).get(str(first[FILE_COL]), {}).get(key[0], key[0]),
    )


def _show(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M:%S").removesuffix(" 00:00:00")
    return str(value)


def latest_per_key(frame: pd.DataFrame, key: list[str], history: str) -> pd.DataFrame:
    """Audit exports: keep the row with the latest ``history`` value per key."""
    ordered = frame.sort_values([*key, history], kind="mergesort", na_position="first")
    return ordered.drop_duplicates(subset=key, keep="last").reset_index(drop=True)


def partial_months(dates: pd.Series) -> dict[str, tuple[int, int]]:
    """Months with fewer distinct days than the calendar has: {month: (days, days_in_month)}."""
    days = pd.Series(dates.dropna().dt.normalize().unique())
    if days.empty:
        return {}
    per_month = days.groupby(days.dt.to_period("M")).size()
    out = {}
    for period, count in per_month.items():
        if count < period.days_in_month:
            out[str(period)] = (int(count), int(period.days_in_month))
    return out
