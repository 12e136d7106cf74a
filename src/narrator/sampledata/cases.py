"""ServiceNow customer cases, summarised per day x region x channel x category."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.sampledata import profile as P

KEYS = ["date", "region", "channel", "category"]


def _grid(days: pd.DatetimeIndex) -> pd.DataFrame:
    index = pd.MultiIndex.from_product(
        [days, list(P.REGIONS), list(P.CHANNELS), list(P.CATEGORIES)], names=KEYS)
    return index.to_frame(index=False)


def _base_volume(grid: pd.DataFrame, scale: float) -> np.ndarray:
    weekday = np.array(P.WEEKDAY) / np.mean(P.WEEKDAY)
    month = grid["date"].dt.month
    season = month.map(lambda m: P.CONTACT_SEASON.get(m, 1.0)).to_numpy()
    category = grid["category"].map(P.CATEGORIES).to_numpy()
    category = np.where((month == 9) & (grid["category"] == "technische vraag"),
                        category * P.TECH_SEPTEMBER, category)
    return (P.CONTACTS_PER_DAY * scale * weekday[grid["date"].dt.day_of_week] * season
            * grid["region"].map(P.REGIONS).to_numpy() * grid["channel"].map(P.CHANNELS).to_numpy()
            * category)


def _incident_volume(grid: pd.DataFrame, incidents: pd.DataFrame, scale: float) -> np.ndarray:
    """Extra 'storing' contacts on the day and in the region of each incident."""
    ordinary = incidents[~incidents["special"]]
    per_day = (ordinary.assign(date=ordinary["opened_at"].dt.normalize(),
                               extra=ordinary["customers_affected"] * P.CONTACTS_PER_AFFECTED)
               .groupby(["date", "region"])["extra"].sum())
    keyed = pd.MultiIndex.from_frame(grid[["date", "region"]])
    extra = per_day.reindex(keyed).fillna(0.0).to_numpy()
    storing = (grid["category"] == "storing").to_numpy()
    return extra * grid["channel"].map(P.CHANNELS).to_numpy() * storing


def _fibre_volume(grid: pd.DataFrame, scale: float) -> np.ndarray:
    cut = P.FIBRE_CUT
    start = pd.Timestamp(cut["date"])
    offset = (grid["date"] - start).dt.days.to_numpy()
    share = np.zeros(len(grid))
    for day, part in enumerate(cut["contact_days"]):
        share[offset == day] = part
    hit = ((grid["region"] == cut["region"]) & (grid["category"] == "storing")).to_numpy()
    channel = grid["channel"].map(cut["channels"]).fillna(0.0).to_numpy()
    return cut["contacts"] * scale * share * channel * hit


def _wait_avg(rng: np.random.Generator, grid: pd.DataFrame, load: np.ndarray) -> np.ndarray:
    base = grid["channel"].map(P.WAIT_CHANNELS).to_numpy(dtype=float)
    month = grid["date"].dt.month.to_numpy()
    wait = base * np.where(month == 12, 1.15, 1.0) * (0.75 + 0.25 * load)
    migrated = ((grid["channel"] == P.MIGRATION["channel"])
                & (grid["date"] >= pd.Timestamp(P.MIGRATION["from"]))).to_numpy()
    wait = np.where(migrated, wait * P.MIGRATION["factor"], wait)
    cut = P.FIBRE_CUT
    cut_days = (grid["date"] - pd.Timestamp(cut["date"])).dt.days.between(0, 1).to_numpy()
    in_cut = cut_days & (grid["region"] == cut["region"]).to_numpy()
    wait = np.where(in_cut, wait * cut["wait_factor"], wait)
    return np.round(wait * rng.lognormal(0.0, 0.06, len(grid)), 1)


def make_cases(rng: np.random.Generator, days: pd.DatetimeIndex, incidents: pd.DataFrame,
               scale: float) -> pd.DataFrame:
    """The summarised case report: counts, waits, FCR, technical tickets and SLA."""
    grid = _grid(days)
    base = _base_volume(grid, scale)
    extra = _incident_volume(grid, incidents, scale)
    fibre = _fibre_volume(grid, scale)
    expected = base + extra + fibre
    grid["count"] = rng.poisson(expected)
    day_total = pd.Series(expected).groupby(grid["date"]).transform("sum").to_numpy()
    load = day_total / day_total.mean()
    waits = grid["channel"].isin(list(P.WAIT_CHANNELS)).to_numpy()
    grid["u_wait_count"] = np.where(waits, grid["count"], 0)
    avg = _wait_avg(rng, grid, load)
    grid["avg_u_wait_time"] = np.where(waits & (grid["count"] > 0), avg, np.nan)
    fcr_rate = (grid["category"].map(P.FCR_RATE) * grid["channel"].map(P.FCR_CHANNEL)).to_numpy()
    fcr_rate = ((base + extra) * fcr_rate + fibre * 0.75) / np.maximum(expected, 1e-9)
    grid["u_first_contact_resolved_count"] = rng.binomial(grid["count"], np.clip(fcr_rate, 0, 1))
    tech_share = grid["category"].map(P.TECH_SHARE).fillna(0.02).to_numpy()
    tech_share = ((base + extra) * tech_share + fibre * 0.10) / np.maximum(expected, 1e-9)
    grid["u_technical_count"] = rng.binomial(grid["count"], np.clip(tech_share, 0, 1))
    month = grid["date"].dt.month.to_numpy()
    sla = P.SLA_RATE - np.where(month == 9, 0.015, 0) - np.where(month == 12, 0.01, 0)
    grid["made_sla_count"] = rng.binomial(grid["u_technical_count"], sla)
    return grid
