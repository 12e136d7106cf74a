"""Salesforce report exports: customer base, cancellations by reason, NPS survey responses."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_not_above, check_not_negative, check_range
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_accounts(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Customer base per month x region x product; churned may not exceed the start base."""
    src = read_source(data_dir, spec, source_id)
    check_not_negative(src, "customers_start", "customers_end", "new", "churned")
    check_not_above(src, "churned", "customers_start")
    return src


def read_churn_reasons(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Cancellations per month x region x product x reason."""
    src = read_source(data_dir, spec, source_id)
    check_not_negative(src, "count")
    return src


def read_surveys(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """NPS responses, one row per response; scores 0..10."""
    src = read_source(data_dir, spec, source_id)
    check_range(src, "score", 0, 10)
    return src
