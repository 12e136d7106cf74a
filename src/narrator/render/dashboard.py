"""The dashboard's KPI rows, built from Facts: every figure in Dutch notation, plus icons."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from narrator.facts import Facts, KPIFact
from narrator.numbers import format_kpi_value, format_number, format_percent
from narrator.render.charts import sparkline, status_icon
from narrator.render.settings import RenderSettings

MISSING = "–"


class KPIRow(BaseModel):
    """One dashboard row: text the template prints as is, and two SVG snippets."""

    id: str
    name: str
    unit: str
    owner: str
    status: str
    status_label: str
    status_icon: str
    value: str
    previous: str
    change: str
    change_detail: str
    norm: str
    norm_state: str
    seasonal: str
    seasonal_pattern: str
    seasonal_note: int | None = None
    sparkline: str


class StatusCount(BaseModel):
    status: str
    label: str
    icon: str
    count: int


def format_value(value: float | None, kpi: KPIFact) -> str:
    """A KPI value in Dutch notation with the KPI's decimals; '%' KPIs get a percent sign."""
    return MISSING if value is None else format_kpi_value(value, kpi.decimals, kpi.unit)


def format_change(kpi: KPIFact, settings: RenderSettings) -> tuple[str, str]:
    """(absolute change, second line): '+0,13 %-punt' and '+11,0%' for a relative KPI."""
    if kpi.change_abs is None:
        return MISSING, ""
    first = format_number(kpi.change_abs, kpi.decimals, signed=True)
    if kpi.unit == "%":
        first += settings.change.percent_unit_suffix
    if kpi.basis == "relative" and kpi.change_pct is not None:
        return first, format_percent(kpi.change_pct, 1, signed=True)
    if kpi.basis == "complement" and kpi.value is not None and kpi.previous is not None:
        before, after = 100 - kpi.previous, 100 - kpi.value
        if before > 0:
            pct = format_percent((after - before) / before * 100, 0, signed=True)
            return first, f"{settings.change.complement_label} {pct}"
    return first, ""


def format_norm(kpi: KPIFact, settings: RenderSettings) -> tuple[str, str]:
    """('≥ 75,0%', '✓ gehaald'); a KPI without a norm gets ('geen norm', '')."""
    if kpi.norm is None:
        return settings.norm.none, ""
    sign = "≥" if kpi.direction == "higher" else "≤"
    state = ""
    if kpi.norm_met is not None:
        state = settings.norm.met if kpi.norm_met else settings.norm.missed
    return f"{sign} {format_value(kpi.norm, kpi)}", state


def seasonal_mark(kpi: KPIFact, settings: RenderSettings) -> str:
    """Whether the move fits the seasonal expectation; only meaningful for oranje/rood."""
    if kpi.seasonal.expected:
        return settings.seasonal.expected
    if kpi.status == "groen":
        return settings.seasonal.not_applicable
    return settings.seasonal.unexpected


def kpi_row(kpi: KPIFact, settings: RenderSettings) -> KPIRow:
    """Build the dashboard row for one KPI."""
    style = settings.status[kpi.status]
    change, change_detail = format_change(kpi, settings)
    norm, norm_state = format_norm(kpi, settings)
    return KPIRow(
        id=kpi.id, name=kpi.name, unit=kpi.unit, owner=kpi.owner.name,
        status=kpi.status, status_label=style.label, status_icon=status_icon(style),
        value=format_value(kpi.value, kpi), previous=format_value(kpi.previous, kpi),
        change=change, change_detail=change_detail, norm=norm, norm_state=norm_state,
        seasonal=seasonal_mark(kpi, settings), seasonal_pattern=kpi.seasonal.pattern or "",
        sparkline=sparkline([p.value for p in kpi.trend], settings.colours.chart_line),
    )


def kpi_rows(facts: Facts, settings: RenderSettings) -> list[KPIRow]:
    """All dashboard rows, in catalogue order (the same order every month).

    A seasonal pattern is shown as a numbered note under the table, not in the narrow
    column (a long pattern text used to push the dashboard onto a second page).
    """
    rows = [kpi_row(k, settings) for k in facts.kpis]
    notes = seasonal_notes(rows)
    return [r.model_copy(update={"seasonal_note": notes.index(r.seasonal_pattern) + 1})
            if r.seasonal_pattern else r for r in rows]


def seasonal_notes(rows: list[KPIRow]) -> list[str]:
    """The distinct seasonal patterns of the rows, in row order (note 1, 2, ...)."""
    return list(dict.fromkeys(r.seasonal_pattern for r in rows if r.seasonal_pattern))


def status_counts(facts: Facts, settings: RenderSettings) -> list[StatusCount]:
    """How many KPIs are rood, oranje and groen, worst first."""
    counts = Counter(k.status for k in facts.kpis)
    return [
        StatusCount(status=s, label=settings.status[s].label,
                    icon=status_icon(settings.status[s]), count=counts.get(s, 0))
        for s in ("rood", "oranje", "groen")
    ]


def dashboard_table_markdown(rows: list[KPIRow]) -> str:
    """The KPI table as Markdown, for the dashboard's .md version."""
    head = "| KPI | Status | Waarde | Vorige maand | Verandering | Norm | Seizoen |"
    lines = [head, "|---|---|---:|---:|---:|---|---|"]
    for r in rows:
        change = f"{r.change} ({r.change_detail})" if r.change_detail else r.change
        norm = f"{r.norm} ({r.norm_state})" if r.norm_state else r.norm
        lines.append(f"| {r.name} | {r.status_label} | {r.value} | {r.previous} | {change} "
                     f"| {norm} | {r.seasonal} |")
    return "\n".join(lines) + "\n"
