"""ServiceNow customer cases: the summarised report export (day x region x channel x category)."""

from __future__ import annotations

from pathlib import Path

from narrator.sources.checks import check_not_above, fail_where
from narrator.sources.mapping import SourceSpec
from narrator.sources.reader import SourceFrame, read_source


def read_cases(data_dir: Path, spec: SourceSpec, source_id: str) -> SourceFrame:
    """Read the case report exports; derive ``wait_seconds_sum`` from count x average wait."""
    src = read_source(data_dir, spec, source_id)
    frame = src.frame
    for fld in ("contacts", "wait_contacts", "fcr_resolved", "tech_tickets", "tech_made_sla"):
        fail_where(frame, frame[fld] < 0, spec.columns[fld][0], "negatief aantal")
    check_not_above(frame, "fcr_resolved", "contacts", spec.columns["fcr_resolved"][0])
    check_not_above(frame, "wait_contacts", "contacts", spec.columns["wait_contacts"][0])
    check_not_above(frame, "tech_tickets", "contacts", spec.columns["tech_tickets"][0])
    check_not_above(frame, "tech_made_sla", "tech_tickets", spec.columns["tech_made_sla"][0])
    no_avg = frame["wait_seconds_avg"].isna() & (frame["wait_contacts"] > 0)
    fail_where(frame, no_avg, spec.columns["wait_seconds_avg"][0],
               "gemiddelde wachttijd ontbreekt terwijl er wachtende contacten zijn")
    wait_avg = frame["wait_seconds_avg"].fillna(0.0)
    frame["wait_seconds_sum"] = wait_avg * frame["wait_contacts"].astype("float64")
    return src
