"""ServiceNow customer cases: the summarised report export (day x region x channel x category)."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_not_above, check_not_negative, fail_where
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_cases(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read the case report exports; derive ``wait_seconds_sum`` from count x average wait."""
    src = read_source(data_dir, spec, source_id)
    frame = src.frame
    check_not_negative(src, "contacts", "wait_contacts", "fcr_resolved", "tech_tickets",
                       "tech_made_sla")
    check_not_above(src, "fcr_resolved", "contacts")
    check_not_above(src, "wait_contacts", "contacts")
    check_not_above(src, "tech_tickets", "contacts")
    check_not_above(src, "tech_made_sla", "tech_tickets")
    no_avg = frame["wait_seconds_avg"].isna() & (frame["wait_contacts"] > 0)
    fail_where(src, no_avg, "wait_seconds_avg",
               "gemiddelde wachttijd ontbreekt terwijl er wachtende contacten zijn")
    wait_avg = frame["wait_seconds_avg"].fillna(0.0)
    frame["wait_seconds_sum"] = wait_avg * frame["wait_contacts"].astype("float64")
    return src
