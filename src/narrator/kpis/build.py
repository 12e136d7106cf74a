"""build_facts: from the canonical tables to the Facts bundle (unscrubbed free text)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

from narrator.calendar import parse_month, previous_month, report_deadline, shift_month
from narrator.config import (
    KPICatalogue,
    KPIDefinition,
    OrganisationConfig,
    load_kpi_catalogue,
    load_organisation,
)
from narrator.errors import DataError
from narrator.facts import (
    Contribution,
    Evidence,
    Facts,
    KPIFact,
    Organisation,
    Owner,
    TrendPoint,
)
from narrator.kpis import evidence as ev
from narrator.kpis.checks import partial_month_warnings, require_months
from narrator.kpis.compute import Measure, build_measure
from narrator.kpis.drivers import SegmentChange, decompose, share_of_change, top_driver
from narrator.kpis.lineage import file_labels, kpi_lineage
from narrator.kpis.seasonality import Move, judge
from narrator.kpis.settings import EvidenceSettings, load_evidence_settings
from narrator.kpis.status import change_pct, classify, deviation, norm_met
from narrator.kpis.tables import Tables, prepare
from narrator.numbers import format_month
from narrator.sources.schema import SourceBundle

TREND_MONTHS = 13

# Which extra evidence each formula gets when its KPI is oranje or rood (beyond the
# per-dimension contributions and concentration, which every KPI gets).
EvidenceFn = Callable[[ev.Context, SegmentChange | None], list[Evidence]]


def _region_of(driver: SegmentChange | None) -> str | None:
    return driver.segment if driver is not None and driver.dimension == "region" else None


EVIDENCE: dict[str, list[EvidenceFn]] = {
    "availability_weighted": [lambda c, d: ev.incident_evidence(c, _region_of(d)),
                              lambda c, d: ev.availability_drops(c)],
    "incident_customer_hours": [lambda c, d: ev.incident_evidence(c, _region_of(d))],
    "incident_mean_restore_hours": [lambda c, d: ev.incident_evidence(c, _region_of(d))],
    "contacts_per_1000": [lambda c, d: ev.contact_spikes(c),
                          lambda c, d: ev.ticket_categories(c)],
    # waiting time: more contacts in a region after an outage can explain it; the ticket
    # category mix cannot (the per-channel split is already in the drivers)
    "mean_wait_seconds": [lambda c, d: ev.contact_spikes(c)],
    "first_contact_resolution": [lambda c, d: ev.ticket_categories(c)],
    "technical_within_sla": [lambda c, d: ev.ticket_categories(c, "tech_tickets")],
    "churn_rate": [lambda c, d: ev.churn_reasons(c)],
    "net_promoter_score": [lambda c, d: ev.nps_segments(c)],
}
EVIDENCE_TABLES = {"availability_weighted": ("incidents",), "contacts_per_1000": ("incidents",),
                   "mean_wait_seconds": ("incidents",), "churn_rate": ("churn_reasons",)}


def build_facts(bundle: SourceBundle, month: str) -> Facts:
    """Compute the 9 KPIs, their status, seasonality and root-cause evidence for ``month``.

    Raises DataError (Dutch) when the month or its predecessor is absent from an export.
    Free text (incident descriptions, NPS comments) is copied UNSCRUBBED; the privacy stage
    scrubs it before anything is saved or passed on.
    """
    parse_month(month)
    catalogue, org = load_kpi_catalogue(), load_organisation()
    settings = load_evidence_settings()
    previous = previous_month(month)
    tables = prepare(bundle)
    files = file_labels(bundle)
    measures = {k.id: _measure(k, tables, settings) for k in catalogue.kpis}
    needed = sorted({t for k in catalogue.kpis for t in measures[k.id].tables}
                    | {t for k in catalogue.kpis for t in EVIDENCE_TABLES.get(k.formula, ())})
    require_months(tables, needed, month, previous, files)
    partial = partial_month_warnings(tables, month, files)
    ctx = ev.Context(tables, month, previous, settings, files)
    kpis = [_kpi_fact(k, measures[k.id], ctx, catalogue, org, bundle, partial)
            for k in catalogue.kpis]
    # the readers may already have warned about the same partial month: say it once
    reported = {t for t, months in getattr(bundle, "partial", {}).items() if month in months}
    own = [text for table, text in partial.items() if table not in reported]
    return _assemble(bundle, month, previous, org, tables, ctx, kpis, measures, catalogue, own)


def _measure(kpi: KPIDefinition, tables: Tables, settings: EvidenceSettings) -> Measure:
    for table in _formula_tables(kpi):
        if table not in tables.frames:
            raise DataError(f"de export voor tabel '{table}' ontbreekt (nodig voor KPI "
                            f"'{kpi.name}')")
    return build_measure(kpi.formula, tables, kpi.dimensions, settings)


def _formula_tables(kpi: KPIDefinition) -> tuple[str, ...]:
    by_source = {"netmonitor": ("availability",), "servicenow_incidents": ("incidents",),
                 "servicenow_cases": ("cases",), "salesforce_accounts": ("accounts",),
                 "salesforce_surveys": ("surveys",)}
    extra = ("accounts",) if kpi.formula == "contacts_per_1000" else ()
    return by_source.get(kpi.source, ()) + extra


def _assemble(bundle: SourceBundle, month: str, previous: str, org: OrganisationConfig,
              tables: Tables, ctx: ev.Context, kpis: list[KPIFact],
              measures: dict[str, Measure], catalogue: KPICatalogue,
              warnings: list[str]) -> Facts:
    nps_kpi = next((k for k in catalogue.kpis if k.formula == "net_promoter_score"), None)
    nps_changes = _all_changes(measures[nps_kpi.id], nps_kpi.dimensions, month, previous) \
        if nps_kpi else []
    acc = tables.frames.get("accounts")
    customers = int(acc.loc[acc["month"] == month, "customers_end"].sum()) if acc is not None \
        else 0
    return Facts(
        month=month, previous_month=previous, month_label=format_month(month),
        organisation=Organisation(name=org.name, customers=customers or org.customers,
                                  mt=[Owner(name=m.name, role=m.role) for m in org.mt]),
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        deadline=report_deadline(month, org.deadline_working_day).isoformat(),
        kpis=kpis,
        incidents=ev.top_incidents(ctx) if "incidents" in tables.frames else [],
        comments=ev.sample_comments(ctx, nps_changes) if "surveys" in tables.frames else [],
        sources=[f for files in bundle.files.values() for f in files],
        warnings=list(dict.fromkeys([*bundle.warnings, *warnings, *_open_warning(tables)])),
    )


def _open_warning(tables: Tables) -> list[str]:
    if not tables.open_incidents or tables.data_end is None:
        return []
    return [f"{len(tables.open_incidents)} storing(en) nog open; hun klant-uren zijn geteld tot "
            f"{tables.data_end.isoformat(sep=' ', timespec='minutes')}"]


def _all_changes(measure: Measure, dims: list[str], month: str,
                 previous: str) -> list[SegmentChange]:
    return [c for dim in dims for c in decompose(measure, dim, month, previous)]


def _kpi_fact(kpi: KPIDefinition, measure: Measure, ctx: ev.Context, catalogue: KPICatalogue,
              org: OrganisationConfig, bundle: SourceBundle,
              partial: dict[str, str]) -> KPIFact:
    month, previous = ctx.month, ctx.previous
    months = [shift_month(month, -k) for k in range(TREND_MONTHS + 1)]
    values = measure.values(months)
    value, prev = values[month], values[previous]
    for m, v in ((month, value), (previous, prev)):
        if v is None:
            raise DataError(f"KPI '{kpi.name}' is niet te berekenen voor {m}: geen bruikbare rijen "
                            f"(noemer 0)", file=ctx.files.get(measure.tables[0]))
    thresholds = catalogue.thresholds_for(kpi)
    dev = deviation(value, prev, kpi.direction, kpi.basis)
    met = norm_met(value, kpi.norm, kpi.direction)
    status = classify(dev, thresholds, met)
    change = value - prev
    seasonal = judge(kpi, month, Move(change, dev), values, thresholds, ctx.settings)
    drivers, evidence = ([], []) if status == "groen" else _explain(kpi, measure, ctx, change)
    return KPIFact(
        id=kpi.id, name=kpi.name, unit=kpi.unit, decimals=kpi.decimals, direction=kpi.direction,
        value=value, previous=prev, change_abs=change, change_pct=change_pct(value, prev),
        deviation_pct=None if dev is None or math.isinf(dev) else dev, basis=kpi.basis,
        status=status, norm=kpi.norm, norm_met=met,
        owner=Owner(name=org.member(kpi.owner).name, role=org.member(kpi.owner).role),
        trend=[TrendPoint(month=m, value=values[m]) for m in reversed(months[:TREND_MONTHS])],
        seasonal=seasonal, drivers=drivers, evidence=evidence,
        lineage=kpi_lineage(kpi.source, measure, bundle, month, previous),
        warnings=[partial[t] for t in measure.tables if t in partial],
    )


def _explain(kpi: KPIDefinition, measure: Measure, ctx: ev.Context,
             total: float) -> tuple[list[Contribution], list[Evidence]]:
    changes = _all_changes(measure, kpi.dimensions, ctx.month, ctx.previous)
    drivers = [Contribution(
        dimension=c.dimension, segment=c.segment, value=c.value, previous=c.previous,
        contribution=c.contribution, rate_effect=c.rate_effect, mix_effect=c.mix_effect,
        share_of_change=share_of_change(c.contribution, total),
        source_ref=ctx.segment_ref(measure, c.dimension, c.segment),
    ) for c in _ordered(changes, kpi.dimensions, total)]
    top = top_driver(changes, kpi.dimensions, total, ctx.settings.concentration_share_pct)
    evidence = ev.concentration(changes, total, ctx, measure)
    for fn in EVIDENCE.get(kpi.formula, []):
        evidence.extend(fn(ctx, top))
    return drivers, evidence


def _ordered(changes: list[SegmentChange], dims: list[str], total: float) -> list[SegmentChange]:
    """Top driver first, then per dimension (config order) by share of the change."""
    top = top_driver(changes, dims, total, 0.0)
    rank = {d: i for i, d in enumerate(dims)}
    rest = sorted((c for c in changes if c is not top),
                  key=lambda c: (rank.get(c.dimension, 99), -share_of_change(c.contribution,
                                                                             total)))
    return ([top] if top else []) + rest
