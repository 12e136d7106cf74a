"""NetMonitor availability export: one row per day x region x service."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_not_negative, check_range
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_availability(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read the NetMonitor exports and check percentages and minutes."""
    src = read_source(data_dir, spec, source_id)
    check_range(src, "availability_pct", 0.0, 100.0)
    check_range(src, "downtime_minutes", 0.0, 1440.0)
    check_not_negative(src, "customers")
    return src
