"""Which export files a figure comes from (for SourceRefs and KPI lineage)."""

from __future__ import annotations

import re
from pathlib import Path

from narrator.facts import Lineage, SourceFile
from narrator.kpis.compute import Measure
from narrator.kpis.tables import Tables
from narrator.sources.schema import SourceBundle

_MONTH_IN_NAME = re.compile(r"\d{4}-\d{2}")
SYSTEMS = {"netmonitor": "NetMonitor", "servicenow": "ServiceNow", "salesforce": "Salesforce"}


def files_for(files: list[SourceFile], months: set[str]) -> list[SourceFile]:
    """The files that can hold rows of ``months``.

    Monthly exports pile up as one file per month, named after it (servicenow_cases_2026-11.csv);
    the canonical tables no longer say which row came from which file, so a file named after
    other months only is left out. A file without a month in its name (a cumulative report
    export) is always kept.
    """
    return [f for f in files
            if not (named := set(_MONTH_IN_NAME.findall(Path(f.path).name))) or named & months]


def file_labels(bundle: SourceBundle, months: set[str] | None = None) -> dict[str, str]:
    """table -> comma-separated file names (only those for ``months`` when given)."""
    out = {}
    for table, files in bundle.files.items():
        chosen = files_for(files, months) if months else files
        if chosen:
            out[table] = ", ".join(Path(f.path).name for f in chosen)
    return out


def kpi_lineage(source: str, measure: Measure, tables: Tables, bundle: SourceBundle,
                month: str, previous: str) -> Lineage:
    """Files, hashes, rows and filter behind a KPI's value and its change (both months)."""
    months = {month, previous}
    files = [f for t in measure.tables for f in files_for(bundle.files.get(t, []), months)]
    system = files[0].system if files else SYSTEMS.get(source.split("_")[0], source)
    rows = measure.rows(tables, month) + measure.rows(tables, previous)
    return Lineage(system=system, files=[f.path for f in files], sha256=[f.sha256 for f in files],
                   rows=rows, filter=f"maand in ({previous}, {month}); {measure.filter}",
                   formula=measure.formula)
