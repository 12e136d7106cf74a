"""The Facts bundle: the ONE contract between the deterministic half and the text half.

Everything downstream of the KPI stage (privacy, drafting, validation, render, review, eval)
reads only this model, never DataFrames. It is saved as ``facts.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import Field

from narrator.strict import StrictModel

SCHEMA_VERSION = "1.0"

Status = Literal["groen", "oranje", "rood"]
#: How bad a status is (higher is worse); the one ordering every stage sorts and compares by.
STATUS_SEVERITY: dict[str, int] = {"groen": 0, "oranje": 1, "rood": 2}
#: The editable parts of a report, in reading order: draft/<part>.md (docs/contracts.md).
REPORT_PARTS: tuple[str, ...] = ("dashboard", "analyse", "samenvatting")
Direction = Literal["higher", "lower"]
Basis = Literal["relative", "complement", "points"]



class Owner(StrictModel):
    """An MT member who owns a KPI or an action."""

    name: str
    role: str


class SourceRef(StrictModel):
    """Where a figure or piece of evidence comes from, for the audit trail."""

    file: str
    filter: str = ""
    ids: list[str] = Field(default_factory=list, description="ticket/incident numbers")


class Lineage(StrictModel):
    """How a KPI value was computed."""

    system: str
    files: list[str]
    sha256: list[str]
    rows: int
    filter: str
    formula: str


class TrendPoint(StrictModel):
    month: str
    value: float | None


class Seasonal(StrictModel):
    """Whether the move is within the seasonal expectation."""

    expected: bool
    pattern: str | None = Field(None, description="e.g. 'januari: hogere churn'")
    same_month_last_year: float | None = None
    change_last_year_pct: float | None = Field(
        None, description="same-month move one year earlier, % vs its previous month"
    )
    note: str = ""


class Contribution(StrictModel):
    """One segment's contribution to the KPI's month-over-month change.

    For ratio KPIs ``rate_effect + mix_effect == contribution``; over all segments of one
    dimension the contributions add up to the KPI's total change (``change_abs``).
    """

    dimension: str
    segment: str
    value: float | None
    previous: float | None
    contribution: float
    rate_effect: float | None = None
    mix_effect: float | None = None
    share_of_change: float = Field(description="contribution / total change, in %")
    source_ref: SourceRef


class Evidence(StrictModel):
    """A piece of root-cause evidence, computed before any text is written."""

    kind: Literal[
        "contribution", "concentration", "incident", "churn_reason", "ticket_category",
        "survey_theme", "cross_source", "action_followup",
    ]
    title: str = Field(description="short neutral Dutch label, no judgement, e.g. 'regio Oost'")
    figures: dict[str, float] = Field(default_factory=dict)
    source_ref: SourceRef


class KPIFact(StrictModel):
    """One of the 9 core KPIs for the report month."""

    id: str
    name: str
    unit: str = Field(
        description="'%', 'seconden', 'uur', 'klant-uren', 'per 1.000 klanten', 'punten'"
    )
    decimals: int
    direction: Direction
    value: float | None
    previous: float | None
    change_abs: float | None
    change_pct: float | None
    deviation_pct: float | None = Field(
        description="unfavourable deviation per basis, in %; >0 is worse"
    )
    basis: Basis
    status: Status
    norm: float | None = None
    norm_met: bool | None = None
    owner: Owner
    trend: list[TrendPoint] = Field(
        description="13 months, oldest first, ending at the report month"
    )
    seasonal: Seasonal
    drivers: list[Contribution] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    lineage: Lineage
    warnings: list[str] = Field(default_factory=list)


class Incident(StrictModel):
    """A top incident by klant-uren, with scrubbed free text."""

    number: str
    priority: str
    region: str
    service: str
    cause: str
    opened_at: str
    resolved_at: str | None
    customers_affected: int
    duration_hours: float
    customer_hours: float
    description: str
    close_notes: str = ""
    source_ref: SourceRef


class Comment(StrictModel):
    """A scrubbed free-text comment (NPS survey or case), as data for the prompt."""

    source: Literal["nps", "case"]
    region: str
    product: str = ""
    score: int | None = None
    text: str
    source_ref: SourceRef


class ActionFollowUp(StrictModel):
    """An action accepted last month and whether its KPI recovered."""

    kpi_id: str
    what: str
    owner: Owner
    due: str
    kpi_status_then: Status
    kpi_status_now: Status
    recovered: bool


class SourceFile(StrictModel):
    system: str
    path: str
    sha256: str
    rows: int


class Organisation(StrictModel):
    name: str = "ConnectNL"
    customers: int
    mt: list[Owner]


class Facts(StrictModel):
    """The facts bundle for one report month."""

    schema_version: str = SCHEMA_VERSION
    month: str = Field(pattern=r"^\d{4}-\d{2}$")
    previous_month: str
    month_label: str = Field(description="'november 2026'")
    organisation: Organisation
    generated_at: str
    deadline: str | None = Field(None, description="7th working day of the following month, ISO")
    kpis: list[KPIFact]
    incidents: list[Incident] = Field(default_factory=list)
    comments: list[Comment] = Field(default_factory=list)
    previous_actions: list[ActionFollowUp] = Field(default_factory=list)
    sources: list[SourceFile] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    scrubbed: bool = False

    def kpi(self, kpi_id: str) -> KPIFact:
        """Return the KPI with ``kpi_id``; KeyError if absent."""
        for k in self.kpis:
            if k.id == kpi_id:
                return k
        raise KeyError(kpi_id)

    def numbers(self) -> Iterator[tuple[str, float]]:
        """Yield ``(path, value)`` for every number in the bundle (for number fidelity)."""
        yield from _walk_numbers(self.model_dump(exclude={"schema_version"}), "")


def _walk_numbers(node: object, path: str) -> Iterator[tuple[str, float]]:
    if isinstance(node, bool) or node is None:
        return
    if isinstance(node, int | float):
        yield path, float(node)
    elif isinstance(node, dict):
        for key, val in node.items():
            yield from _walk_numbers(val, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, val in enumerate(node):
            yield from _walk_numbers(val, f"{path}[{i}]")


def save_facts(facts: Facts, path: Path) -> None:
    """Write ``facts`` as pretty JSON, atomically (temp file + rename)."""
    from narrator.atomic import atomic_write_text

    atomic_write_text(path, facts.model_dump_json(indent=2))


def load_facts(path: Path) -> Facts:
    """Read and validate a facts.json file."""
    from narrator.errors import DataError

    try:
        return Facts.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise DataError("facts-bestand niet gevonden", file=str(path)) from exc
    except (ValueError, json.JSONDecodeError) as exc:
        raise DataError(f"ongeldig facts-bestand: {exc}", file=str(path)) from exc
