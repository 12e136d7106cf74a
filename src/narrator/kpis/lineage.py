"""Which export files a figure comes from (for SourceRefs and KPI lineage).

Every canonical table carries ``source_file``: the export file each row came from (see
``narrator.sources.schema``). Lineage and SourceRefs name exactly the files of the rows behind
a figure, in the order the readers read them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from narrator.errors import DataError
from narrator.facts import Lineage, SourceFile
from narrator.kpis.compute import Measure
from narrator.sources.schema import SOURCE_FILE, SourceBundle

SYSTEMS = {"netmonitor": "NetMonitor", "servicenow": "ServiceNow", "salesforce": "Salesforce"}


def row_files(rows: pd.DataFrame) -> list[str]:
    """The distinct files of ``rows``: category order (reading order) when categorical."""
    column = rows[SOURCE_FILE]
    if isinstance(column.dtype, pd.CategoricalDtype):
        counts = column.value_counts(sort=False)
        return [str(name) for name, count in counts.items() if count > 0]
    return sorted(column.dropna().astype(str).unique())


def files_label(*parts: pd.DataFrame) -> str:
    """Comma-separated distinct files of all ``parts`` (SourceRef.file)."""
    return ", ".join(dict.fromkeys(name for rows in parts for name in row_files(rows)))


def file_labels(bundle: SourceBundle) -> dict[str, str]:
    """table -> comma-separated names of all its files (for messages about a whole table)."""
    return {table: ", ".join(Path(f.path).name for f in files)
            for table, files in bundle.files.items() if files}


def source_files(bundle: SourceBundle, table: str, names: list[str]) -> list[SourceFile]:
    """The bundle's SourceFile entries of ``table`` named ``names`` (DataError if unknown)."""
    known = {Path(f.path).name: f for f in bundle.files.get(table, [])}
    missing = [n for n in names if Path(n).name not in known]
    if missing:
        raise DataError(f"tabel '{table}' noemt bestand(en) {', '.join(missing)} die niet bij "
                        f"de ingelezen exports horen")
    return [known[Path(n).name] for n in names]


def segment_rows(measure: Measure, months: list[str], dim: str,
                 segment: str) -> list[pd.DataFrame]:
    """Per table of ``measure``: its rows used in ``months`` within ``dim == segment``.

    A table without ``dim`` (the customer base under contacts per channel) enters whole.
    """
    out = []
    for _, frame in measure.parts():
        rows = frame[frame["month"].isin(months)]
        if dim in rows.columns:
            rows = rows[rows[dim] == segment]
        out.append(rows)
    return out


def kpi_lineage(source: str, measure: Measure, bundle: SourceBundle, month: str,
                previous: str) -> Lineage:
    """Files, hashes, rows and filter behind a KPI's value and its change (both months)."""
    files: list[SourceFile] = []
    rows = 0
    for table, frame in measure.parts():
        used = frame[frame["month"].isin([previous, month])]
        rows += len(used)
        files += source_files(bundle, table, row_files(used))
    files = list({f.path: f for f in files}.values())
    system = files[0].system if files else SYSTEMS.get(source.split("_")[0], source)
    return Lineage(system=system, files=[f.path for f in files], sha256=[f.sha256 for f in files],
                   rows=rows, filter=f"maand in ({previous}, {month}); {measure.filter}",
                   formula=measure.formula)
