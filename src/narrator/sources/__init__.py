"""Readers for the ServiceNow, Salesforce and NetMonitor exports.

``load_sources(data_dir)`` reads every export named in config/columns.yaml and returns the
canonical tables of ``narrator.sources.schema`` in a ``SourceBundle``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from narrator.errors import ConfigError
from narrator.sources.canonical import months_of, to_canonical
from narrator.sources.checks import partial_month_warnings
from narrator.sources.mapping import SourceSpec, load_mapping
from narrator.sources.netmonitor import read_availability
from narrator.sources.reader import SourceFrame
from narrator.sources.salesforce import read_accounts, read_churn_reasons, read_surveys
from narrator.sources.schema import CANONICAL, SourceBundle
from narrator.sources.servicenow_cases import read_cases
from narrator.sources.servicenow_incidents import read_incidents

Reader = Callable[[Path, SourceSpec, str], SourceFrame]

READERS: dict[str, Reader] = {
    "cases": read_cases,
    "incidents": read_incidents,
    "availability": read_availability,
    "accounts": read_accounts,
    "churn_reasons": read_churn_reasons,
    "surveys": read_surveys,
}

__all__ = ["CANONICAL", "SourceBundle", "load_sources"]


def load_sources(data_dir: Path, mapping_file: Path | None = None) -> SourceBundle:
    """Read all exports in ``data_dir`` into canonical tables (DataError on bad input)."""
    mapping = load_mapping(mapping_file)
    bundle = SourceBundle(tables={})
    for source_id, spec in mapping.sources.items():
        reader = READERS.get(spec.table)
        if reader is None:
            raise ConfigError(f"bron '{source_id}': onbekende tabel '{spec.table}'",
                              file=str(mapping_file or "config/columns.yaml"))
        src = reader(Path(data_dir), spec, source_id)
        _add(bundle, spec, src)
    return bundle


def _add(bundle: SourceBundle, spec: SourceSpec, src: SourceFrame) -> None:
    table = spec.table
    bundle.tables[table] = to_canonical(src.frame, table, [f.path for f in src.files])
    bundle.files[table] = src.files
    bundle.months[table] = months_of(bundle.tables[table], table)
    bundle.warnings.extend(src.warnings)
    if spec.daily:
        warnings, months = partial_month_warnings(src.frame, spec.daily, spec.label)
        bundle.warnings.extend(warnings)
        bundle.partial[table] = months
