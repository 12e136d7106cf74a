"""Canonical tables: the contract between the readers (sources/) and the KPI engine (kpis/).

Readers map each system's own field names (see config/columns.yaml) onto these columns,
with these dtypes. The KPI engine only ever sees these names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from narrator.facts import SourceFile

# table -> {canonical column: dtype description}
CANONICAL: dict[str, dict[str, str]] = {
    # ServiceNow customer cases, summarised report export: one row per day x group.
    "cases": {
        "date": "datetime64[ns] (day)",
        "region": "str",
        "channel": "str (contact_type: telefoon, chat, e-mail, social, winkel)",
        "category": "str",
        "contacts": "int  number of cases opened",
        "wait_contacts": "int  cases with a measured wait (telefoon, chat)",
        "wait_seconds_sum": "float  sum of wait seconds over wait_contacts",
        "fcr_resolved": "int  cases resolved at first contact",
        "tech_tickets": "int  technical tickets among the cases",
        "tech_made_sla": "int  technical tickets resolved within SLA",
    },
    # ServiceNow incidents (storingen), record level, latest state per number.
    "incidents": {
        "number": "str  INC0012345",
        "opened_at": "datetime64[ns]",
        "resolved_at": "datetime64[ns] or NaT while open",
        "priority": "str  '2 - High'",
        "region": "str",
        "service": "str  internet, mobiel, tv, vast, zakelijk",
        "cause": "str",
        "customers_affected": "int",
        "assignment_group": "str",
        "state": "str",
        "description": "str  free text, contains PII",
        "close_notes": "str  free text, contains PII",
    },
    # NetMonitor availability per day, region and service.
    "availability": {
        "date": "datetime64[ns] (day)",
        "region": "str",
        "service": "str",
        "customers": "int  klanten served (weight)",
        "availability_pct": "float  0..100",
        "downtime_minutes": "float",
    },
    # Salesforce customer base per month, region and product (report export).
    "accounts": {
        "month": "str  YYYY-MM",
        "region": "str",
        "product": "str",
        "customers_start": "int",
        "customers_end": "int",
        "new": "int",
        "churned": "int",
    },
    # Salesforce cancellations by reason (report export).
    "churn_reasons": {
        "month": "str  YYYY-MM",
        "region": "str",
        "product": "str",
        "reason": "str",
        "count": "int",
    },
    # Salesforce NPS survey responses, record level.
    "surveys": {
        "response_id": "str",
        "date": "datetime64[ns]",
        "region": "str",
        "product": "str",
        "score": "int 0..10",
        "comment": "str  free text, may contain PII",
    },
}


@dataclass
class SourceBundle:
    """Everything the readers produce: canonical tables, file lineage and warnings."""

    tables: dict[str, pd.DataFrame]
    files: dict[str, list[SourceFile]] = field(default_factory=dict)  # table -> files
    warnings: list[str] = field(default_factory=list)

    def table(self, name: str) -> pd.DataFrame:
        return self.tables[name]
