"""NetMonitor availability export: one row per day x region x service."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_range, fail_where
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_availability(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read the NetMonitor exports and check percentages and minutes."""
    src = read_source(data_dir, spec, source_id)
    frame = src.frame
    check_range(frame, "availability_pct", 0.0, 100.0, spec.columns["availability_pct"][0])
    check_range(frame, "downtime_minutes", 0.0, 1440.0, spec.columns["downtime_minutes"][0])
    fail_where(frame, frame["customers"] < 0, spec.columns["customers"][0],
               "negatief aantal klanten")
    return src
