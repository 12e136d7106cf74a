"""Root-cause evidence beyond the decomposition: incidents, cross-source links, churn reasons,
ticket categories and NPS segments. Every item carries a SourceRef for the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from narrator.config import dimension_labels
from narrator.facts import Comment, Evidence, Incident, SourceRef
from narrator.kpis.compute import Measure
from narrator.kpis.drivers import SegmentChange, share_of_change
from narrator.kpis.lineage import files_label, segment_rows
from narrator.kpis.settings import EvidenceSettings
from narrator.kpis.tables import Tables


@dataclass(frozen=True)
class Context:
    """What every evidence function needs: tables, months, settings and file labels."""

    tables: Tables
    month: str
    previous: str
    settings: EvidenceSettings
    files: dict[str, str]  # table -> all its files (messages about a whole table)

    def ref(self, *rows: pd.DataFrame, filter: str = "", ids: list[str] | None = None) -> SourceRef:
        """A SourceRef naming exactly the files of ``rows`` (canonical rows, source_file)."""
        return SourceRef(file=files_label(*rows), filter=filter, ids=ids or [])

    def month_rows(self, table: str) -> pd.DataFrame:
        """Rows of ``table`` in the report month or the previous month."""
        frame = self.tables[table]
        return frame[frame["month"].isin([self.previous, self.month])]

    def rows_where(self, table: str, **values: object) -> pd.DataFrame:
        """Rows of both months whose columns equal ``values`` (compared as text)."""
        rows = self.month_rows(table)
        for column, value in values.items():
            rows = rows[rows[column].astype(str) == str(value)]
        return rows

    def segment_ref(self, measure: Measure, dim: str, segment: str) -> SourceRef:
        """SourceRef of a driver segment: the files of the KPI's rows in that segment."""
        rows = segment_rows(measure, [self.previous, self.month], dim, segment)
        return self.ref(*rows, filter=month_filter(self, f"{dim} == '{segment}'"))


def segment_label(dimension: str, segment: str) -> str:
    """'region', 'Oost' -> 'regio Oost'."""
    return f"{dimension_labels().label(dimension)} {segment}"


def concentration(changes: list[SegmentChange], total: float, ctx: Context,
                  measure: Measure) -> list[Evidence]:
    """Per dimension: the segment carrying at least the configured share of the change."""
    out = []
    for dim in dict.fromkeys(c.dimension for c in changes):
        best = max((c for c in changes if c.dimension == dim),
                   key=lambda c: share_of_change(c.contribution, total))
        share = share_of_change(best.contribution, total)
        if share >= ctx.settings.concentration_share_pct:
            figures = {"aandeel_in_verandering_pct": share, "bijdrage": best.contribution}
            out.append(Evidence(kind="concentration", title=segment_label(dim, best.segment),
                                figures=figures,
                                source_ref=ctx.segment_ref(measure, dim, best.segment)))
    return out


def month_filter(ctx: Context, extra: str = "") -> str:
    base = f"maand in ({ctx.previous}, {ctx.month})"
    return f"{base} en {extra}" if extra else base


def _month_incidents(ctx: Context, region: str | None = None) -> pd.DataFrame:
    inc = ctx.tables["incidents"]
    rows = inc[inc["month"] == ctx.month]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    return rows.sort_values(["customer_hours", "number"], ascending=[False, True])


def incident_evidence(ctx: Context, region: str | None) -> list[Evidence]:
    """The top incidents of the month by klant-uren (in ``region`` when given)."""
    rows = _month_incidents(ctx, region).head(ctx.settings.incident_evidence)
    where = f"region == '{region}'" if region else ""
    out = []
    for r in rows.itertuples():
        title = f"{_text(r.cause) or 'storing'}, regio {r.region}"
        figures = {"klanten": float(_count(r.customers_affected)), "uren": float(r.duration_hours),
                   "klant_uren": float(r.customer_hours)}
        filt = f"maand van opened_at == {ctx.month}" + (f" en {where}" if where else "")
        out.append(Evidence(kind="incident", title=title, figures=figures,
                            source_ref=ctx.ref(_one(rows, r), filter=filt,
                                               ids=[str(r.number)])))
    return out


def _one(rows: pd.DataFrame, row: object) -> pd.DataFrame:
    """The canonical row behind an ``itertuples(index=True)`` tuple, as a one-row frame."""
    return rows.loc[[row.Index]]


def _count(value: object) -> int:
    """A nullable count (pandas Int64: missing is pd.NA) as an int, missing as 0."""
    return 0 if pd.isna(value) else int(value)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def top_incidents(ctx: Context) -> list[Incident]:
    """Facts.incidents: the month's top incidents by klant-uren, free text UNSCRUBBED."""
    rows = _month_incidents(ctx).head(ctx.settings.top_incidents)
    return [Incident(
        number=str(r.number), priority=_text(r.priority), region=_text(r.region),
        service=_text(r.service), cause=_text(r.cause),
        opened_at=pd.Timestamp(r.opened_at).isoformat(),
        resolved_at=None if pd.isna(r.resolved_at) else pd.Timestamp(r.resolved_at).isoformat(),
        customers_affected=_count(r.customers_affected), duration_hours=float(r.duration_hours),
        customer_hours=float(r.customer_hours), description=_text(r.description),
        close_notes=_text(r.close_notes),
        source_ref=ctx.ref(_one(rows, r), filter=f"number == '{r.number}'", ids=[str(r.number)]),
    ) for r in rows.itertuples()]


def _linked_incidents(ctx: Context, region: str, first: pd.Timestamp,
                      last: pd.Timestamp) -> pd.DataFrame:
    inc = ctx.tables["incidents"]
    opened = pd.to_datetime(inc["opened_at"]).dt.normalize()
    start = first - pd.Timedelta(days=ctx.settings.link_days_before)
    hit = (inc["region"].astype(str) == region) & (opened >= start) & (opened <= last)
    return inc[hit].sort_values(["customer_hours", "number"], ascending=[False, True])


def _days_rows(ctx: Context, table: str, region: str, days: pd.Series) -> pd.DataFrame:
    """Rows of ``table`` (cases, availability) in ``region`` on ``days``: a spike's rows."""
    rows = ctx.rows_where(table, region=region)
    return rows[pd.to_datetime(rows["date"]).dt.normalize().isin(days)]


def _link_evidence(ctx: Context, region: str, days: pd.Series, title: str, table: str,
                   figures: dict[str, float]) -> Evidence | None:
    first, last = days.min(), days.max()
    linked = _linked_incidents(ctx, region, first, last)
    if linked.empty:
        return None
    figures |= {"dagen": float(len(days)), "storingen": float(len(linked)),
                "klanten": float(linked["customers_affected"].fillna(0).sum()),
                "klant_uren": float(linked["customer_hours"].sum())}
    filt = (f"region == '{region}' en datum {first.date().isoformat()} t/m "
            f"{last.date().isoformat()}")
    ids = linked["number"].astype(str).head(5).tolist()
    return Evidence(kind="cross_source", title=title, figures=figures,
                    source_ref=ctx.ref(_days_rows(ctx, table, region, days), linked, filter=filt,
                                       ids=ids))


def contact_spikes(ctx: Context) -> list[Evidence]:
    """Regions whose daily contacts spiked, linked to incidents in the same region and days."""
    cases = ctx.tables["cases"]
    daily = (cases[cases["month"].isin([ctx.previous, ctx.month])]
             .assign(day=lambda f: pd.to_datetime(f["date"]).dt.normalize())
             .groupby(["month", "region", "day"], as_index=False)["contacts"].sum())
    daily["weekday"] = daily["day"].dt.day_of_week
    base = (daily[daily["month"] == ctx.previous].groupby(["region", "weekday"])["contacts"]
            .median().rename("baseline"))
    now = daily[daily["month"] == ctx.month].join(base, on=["region", "weekday"])
    spikes = now[now["contacts"] >= ctx.settings.spike_factor * now["baseline"]]
    out = []
    for region, rows in spikes.groupby("region"):
        extra = float((rows["contacts"] - rows["baseline"]).sum())
        title = f"contactpiek regio {region} bij storing"
        ev = _link_evidence(ctx, str(region), rows["day"], title, "cases",
                            {"extra_contacten": round(extra)})
        if ev is not None:
            out.append(ev)
    return sorted(out, key=lambda e: -e.figures["extra_contacten"])


def availability_drops(ctx: Context) -> list[Evidence]:
    """Regions whose daily availability dropped, linked to incidents in the same region/days."""
    av = ctx.tables["availability"]
    rows = av[av["month"].isin([ctx.previous, ctx.month])].assign(
        day=lambda f: pd.to_datetime(f["date"]).dt.normalize(),
        w=lambda f: f["availability_pct"] * f["customers"])
    daily = rows.groupby(["month", "region", "day"], as_index=False)[["w", "customers"]].sum()
    daily["unavail"] = 100.0 - daily["w"] / daily["customers"]
    base = daily[daily["month"] == ctx.previous].groupby("region")["unavail"].mean()
    now = daily[daily["month"] == ctx.month].join(base.rename("baseline"), on="region")
    limit = (ctx.settings.drop_factor * now["baseline"]).clip(lower=ctx.settings.drop_min_points)
    drops = now[now["unavail"] >= limit]
    out = []
    for region, grp in drops.groupby("region"):
        figures = {"laagste_beschikbaarheid_pct": float(100.0 - grp["unavail"].max())}
        ev = _link_evidence(ctx, str(region), grp["day"],
                            f"beschikbaarheidsdaling regio {region} bij storing", "availability",
                            figures)
        if ev is not None:
            out.append(ev)
    return sorted(out, key=lambda e: -e.figures["klant_uren"])


def _rises(frame: pd.DataFrame, keys: list[str], column: str, ctx: Context) -> pd.DataFrame:
    """Per key combination: value now, previous, rise and rise %, biggest rises first."""
    grouped = frame[frame["month"].isin([ctx.previous, ctx.month])].groupby(
        [*keys, "month"], dropna=False)[column].sum().unstack("month")
    grouped = grouped.reindex(columns=[ctx.previous, ctx.month]).fillna(0.0)
    grouped.columns = ["then", "now"]
    grouped["rise"] = grouped["now"] - grouped["then"]
    grouped["rise_pct"] = (grouped["rise"] / grouped["then"].where(grouped["then"] > 0) * 100)
    return grouped[grouped["rise"] > 0].sort_values("rise", ascending=False).reset_index()


def churn_reasons(ctx: Context) -> list[Evidence]:
    """Cancellation reasons per region x product that rose most."""
    rises = _rises(ctx.tables["churn_reasons"], ["region", "product", "reason"], "count", ctx)
    out = []
    for r in rises.head(ctx.settings.churn_reasons).itertuples(index=False):
        filt = month_filter(ctx, f"region == '{r.region}' en product == '{r.product}' en "
                                  f"reason == '{r.reason}'")
        out.append(Evidence(kind="churn_reason", title=f"{r.reason}, regio {r.region}, {r.product}",
                            figures=_rise_figures(r, "opzeggingen"),
                            source_ref=ctx.ref(ctx.rows_where(
                                "churn_reasons", region=r.region, product=r.product,
                                reason=r.reason), filter=filt)))
    return out


def _rise_figures(r: object, label: str) -> dict[str, float]:
    figures = {label: float(r.now), "vorige_maand": float(r.then), "verschil": float(r.rise)}
    if not pd.isna(r.rise_pct):
        figures["verschil_pct"] = float(r.rise_pct)
    return figures


def ticket_categories(ctx: Context, column: str = "contacts") -> list[Evidence]:
    """Ticket categories per region that jumped (at least the configured rise %)."""
    rises = _rises(ctx.tables["cases"], ["region", "category"], column, ctx)
    min_pct = ctx.settings.category_min_rise_pct
    rises = rises[rises["rise_pct"].isna() | (rises["rise_pct"] >= min_pct)]
    label = "technische_tickets" if column == "tech_tickets" else "contacten"
    out = []
    for r in rises.head(ctx.settings.ticket_categories).itertuples(index=False):
        filt = month_filter(ctx, f"region == '{r.region}' en category == '{r.category}'")
        title = f"categorie {r.category}, regio {r.region}"
        out.append(Evidence(kind="ticket_category", title=title, figures=_rise_figures(r, label),
                            source_ref=ctx.ref(ctx.rows_where(
                                "cases", region=r.region, category=r.category), filter=filt)))
    return out


def _nps_by_segment(ctx: Context) -> pd.DataFrame:
    srv = ctx.tables["surveys"]
    srv = srv[srv["month"].isin([ctx.previous, ctx.month])]
    score = pd.to_numeric(srv["score"], errors="coerce")
    frame = srv.assign(pro=(score >= ctx.settings.promoter_min).astype(float),
                       det=(score <= ctx.settings.detractor_max).astype(float), n=1.0)
    grouped = frame.groupby(["region", "product", "month"])[["pro", "det", "n"]].sum()
    grouped["nps"] = (grouped["pro"] - grouped["det"]) / grouped["n"] * 100.0
    grouped["det_pct"] = grouped["det"] / grouped["n"] * 100.0
    return grouped.reset_index()


def nps_segments(ctx: Context) -> list[Evidence]:
    """Region x product segments whose NPS fell most (with enough responses)."""
    g = _nps_by_segment(ctx)
    now = g[g["month"] == ctx.month].set_index(["region", "product"])
    then = g[g["month"] == ctx.previous].set_index(["region", "product"])
    both = now.merge(then, left_index=True, right_index=True, suffixes=("_now", "_then"))
    enough = ctx.settings.nps_min_responses
    both = both[(both["n_now"] >= enough) & (both["n_then"] >= enough)]
    both = both.assign(fall=both["nps_then"] - both["nps_now"])
    both = both[both["fall"] > 0].sort_values("fall", ascending=False)
    out = []
    for (region, product), r in both.head(ctx.settings.nps_segments).iterrows():
        figures = {"nps": float(r["nps_now"]), "vorige_maand": float(r["nps_then"]),
                   "verschil": float(-r["fall"]), "respondenten": float(r["n_now"]),
                   "criticasters_pct": float(r["det_pct_now"])}
        filt = month_filter(ctx, f"region == '{region}' en product == '{product}'")
        out.append(Evidence(kind="survey_theme", title=f"NPS regio {region}, {product}",
                            figures=figures, source_ref=ctx.ref(ctx.rows_where(
                                "surveys", region=region, product=product), filter=filt)))
    return out


def sample_comments(ctx: Context, changes: list[SegmentChange]) -> list[Comment]:
    """NPS comments with the lowest scores in the segments that pulled NPS down most.

    The driving segment per dimension (region, product) is the one with the most negative
    contribution. Responses in both driving segments come first, then those in one, then the
    rest; within each tier the lowest scores first. Text is UNSCRUBBED.
    """
    srv = ctx.tables["surveys"]
    rows = srv[(srv["month"] == ctx.month) & srv["comment"].fillna("").astype(str).str.strip()
               .ne("")]
    rows = rows.sort_values(["score", "date", "response_id"])
    worst = {}
    for dim in ("region", "product"):
        in_dim = [c for c in changes if c.dimension == dim]
        if in_dim:
            worst[dim] = min(in_dim, key=lambda c: c.contribution).segment
    hits = sum((rows[dim].astype(str) == seg).astype(int) for dim, seg in worst.items())
    tier = len(worst) - pd.Series(hits, index=rows.index) if worst else 0
    chosen = (rows.assign(_tier=tier).sort_values(["_tier", "score", "date", "response_id"],
                                                   kind="stable")
              .head(ctx.settings.comments))
    return [Comment(source="nps", region=_text(r.region), product=_text(r.product),
                    score=None if pd.isna(r.score) else int(r.score), text=_text(r.comment),
                    source_ref=ctx.ref(_one(chosen, r),
                                       filter=f"response_id == '{r.response_id}'",
                                       ids=[str(r.response_id)]))
            for r in chosen.itertuples()]
