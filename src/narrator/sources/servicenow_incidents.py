"""ServiceNow incidents (storingen): record-level audit export, latest state per number."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_not_negative, fail_where
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_incidents(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read the incident exports; several audit rows per number collapse to the latest."""
    src = read_source(data_dir, spec, source_id)
    frame = src.frame
    fail_where(src, frame["resolved_at"] < frame["opened_at"], "resolved_at",
               "opgelost vóór het openen van het incident")
    check_not_negative(src, "customers_affected")
    return src
