"""ServiceNow incidents (storingen): record-level audit export, latest state per number."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import fail_where
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_incidents(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read the incident exports; several audit rows per number collapse to the latest."""
    src = read_source(data_dir, spec, source_id)
    frame = src.frame
    fail_where(frame, frame["resolved_at"] < frame["opened_at"], spec.columns["resolved_at"][0],
               "opgelost vóór het openen van het incident")
    fail_where(frame, frame["customers_affected"] < 0, spec.columns["customers_affected"][0],
               "negatief aantal getroffen klanten")
    return src
