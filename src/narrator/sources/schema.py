"""Canonical tables: the contract between the readers (sources/) and the KPI engine (kpis/).

Readers map each system's own field names (see config/columns.yaml) onto these columns,
with these dtypes. The KPI engine only ever sees these names.

Every table ends with ``source_file`` (lineage): the name of the export file the row came from.
After de-duplication it is the file of the row that was kept: the first file (by name) for a
row repeated with identical values, the file of the latest audit row for history exports
(incidents: latest ``sys_updated_on`` per number).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from narrator.facts import SourceFile

SOURCE_FILE = "source_file"
SOURCE_FILE_DOC = ("category  name of the export file the row came from (after de-duplication: "
                   "the file of the row that was kept)")

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
        SOURCE_FILE: SOURCE_FILE_DOC,
    },
    # ServiceNow incidents (storingen), record level, latest state per number.
    "incidents": {
        "number": "str  INC0012345",
        "opened_at": "datetime64[ns]",
        "resolved_at": "datetime64[ns] or NaT while open",
        "priority": "str  '2 - High'",
        "region": "str",
        "service": "str  internet, mobiel, tv, vaste telefonie",
        "cause": "str",
        "customers_affected": "int",
        "assignment_group": "str",
        "state": "str",
        "description": "str  free text, contains PII",
        "close_notes": "str  free text, contains PII",
        SOURCE_FILE: SOURCE_FILE_DOC,
    },
    # NetMonitor availability per day, region and service.
    "availability": {
        "date": "datetime64[ns] (day)",
        "region": "str",
        "service": "str",
        "customers": "int  klanten served (weight)",
        "availability_pct": "float  0..100",
        "downtime_minutes": "float",
        SOURCE_FILE: SOURCE_FILE_DOC,
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
        SOURCE_FILE: SOURCE_FILE_DOC,
    },
    # Salesforce cancellations by reason (report export).
    "churn_reasons": {
        "month": "str  YYYY-MM",
        "region": "str",
        "product": "str",
        "reason": "str",
        "count": "int",
        SOURCE_FILE: SOURCE_FILE_DOC,
    },
    # Salesforce NPS survey responses, record level.
    "surveys": {
        "response_id": "str",
        "date": "datetime64[ns]",
        "region": "str",
        "product": "str",
        "score": "int 0..10",
        "comment": "str  free text, may contain PII",
        SOURCE_FILE: SOURCE_FILE_DOC,
    },
}


# table -> {canonical column: exact pandas dtype the readers deliver}. Text is ``object``
# (Python str; missing values are NaN, test with ``isna()``); ``Int64`` is pandas' nullable
# integer (missing is ``pd.NA``); ``category`` is pandas' categorical (categories: the files
# of the source in name order).
DTYPES: dict[str, dict[str, str]] = {
    "cases": {
        "date": "datetime64[ns]", "region": "object", "channel": "object",
        "category": "object", "contacts": "int64", "wait_contacts": "int64",
        "wait_seconds_sum": "float64", "fcr_resolved": "int64", "tech_tickets": "int64",
        "tech_made_sla": "int64",
        SOURCE_FILE: "category",
    },
    "incidents": {
        "number": "object", "opened_at": "datetime64[ns]", "resolved_at": "datetime64[ns]",
        "priority": "object", "region": "object", "service": "object", "cause": "object",
        "customers_affected": "Int64", "assignment_group": "object", "state": "object",
        "description": "object", "close_notes": "object",
        SOURCE_FILE: "category",
    },
    "availability": {
        "date": "datetime64[ns]", "region": "object", "service": "object",
        "customers": "int64", "availability_pct": "float64", "downtime_minutes": "float64",
        SOURCE_FILE: "category",
    },
    "accounts": {
        "month": "object", "region": "object", "product": "object",
        "customers_start": "int64", "customers_end": "int64", "new": "int64",
        "churned": "int64",
        SOURCE_FILE: "category",
    },
    "churn_reasons": {
        "month": "object", "region": "object", "product": "object", "reason": "object",
        "count": "int64",
        SOURCE_FILE: "category",
    },
    "surveys": {
        "response_id": "object", "date": "datetime64[ns]", "region": "object",
        "product": "object", "score": "int64", "comment": "object",
        SOURCE_FILE: "category",
    },
}


@dataclass
class SourceBundle:
    """Everything the readers produce: canonical tables, file lineage and warnings.

    ``months`` lists, per table, the months ('YYYY-MM') that have data; ``partial`` lists the
    months of a daily table that lack days (also reported in ``warnings``).
    """

    tables: dict[str, pd.DataFrame]
    files: dict[str, list[SourceFile]] = field(default_factory=dict)  # table -> files
    warnings: list[str] = field(default_factory=list)
    months: dict[str, list[str]] = field(default_factory=dict)
    partial: dict[str, list[str]] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def covers(self, table: str, month: str) -> bool:
        """True if ``table`` has any data in ``month`` ('YYYY-MM')."""
        return month in self.months.get(table, [])
