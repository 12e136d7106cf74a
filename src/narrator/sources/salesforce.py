"""Salesforce report exports: customer base, cancellations by reason, NPS survey responses."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_range, fail_where
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_accounts(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Customer base per month x region x product; churned may not exceed the start base."""
    src = read_source(data_dir, spec, source_id)
    frame = src.frame
    for fld in ("customers_start", "customers_end", "new", "churned"):
        fail_where(frame, frame[fld] < 0, spec.columns[fld][0], "negatief aantal")
    fail_where(frame, frame["churned"] > frame["customers_start"], spec.columns["churned"][0],
               "meer opzeggingen dan klanten aan het begin van de maand")
    return src


def read_churn_reasons(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Cancellations per month x region x product x reason."""
    src = read_source(data_dir, spec, source_id)
    fail_where(src.frame, src.frame["count"] < 0, spec.columns["count"][0], "negatief aantal")
    return src


def read_surveys(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """NPS responses, one row per response; scores 0..10."""
    src = read_source(data_dir, spec, source_id)
    check_range(src.frame, "score", 0, 10, spec.columns["score"][0])
    return src
