"""ServiceNow incidents: one row per incident, then the audit rows a list export shows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.sampledata import profile as P
from narrator.sampledata.incident_texts import fibre_cut_texts, incident_texts
from narrator.sampledata.texts import TextMaker


def _choice(rng: np.random.Generator, shares: dict[str, float], n: int) -> np.ndarray:
    keys = list(shares)
    probs = np.array([shares[k] for k in keys])
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=n, p=probs / probs.sum())]


def make_incidents(
    rng: np.random.Generator, days: pd.DatetimeIndex, scale: float
) -> pd.DataFrame:
    """Final state of every incident opened in ``days`` (weekend peaks built in)."""
    weekend = np.where(days.day_of_week >= 5, P.WEEKEND_INCIDENTS, 1.0)
    winter = np.where(days.month.isin([12, 1, 2]), 1.12, 1.0)
    counts = rng.poisson(P.INCIDENTS_PER_DAY * scale * weekend * winter)
    opened_day = np.repeat(days.values, counts)
    n = len(opened_day)
    seconds = rng.integers(0, 86_400, n).astype("timedelta64[s]")
    frame = pd.DataFrame({
        "opened_at": (opened_day + seconds).astype("datetime64[s]").astype("datetime64[ns]"),
        "priority": _choice(rng, P.PRIORITIES, n),
        "region": _choice(rng, P.REGIONS, n),
        "service": _choice(rng, P.SERVICE_INCIDENT_SHARE, n),
        "cause": _choice(rng, P.CAUSES, n),
    })
    median = frame["priority"].map(P.AFFECTED_MEDIAN).to_numpy(dtype=float)
    cap = frame["priority"].map(P.AFFECTED_CAP).to_numpy(dtype=float)
    affected = np.minimum(median * rng.lognormal(0.0, 0.6, n), cap)
    frame["customers_affected"] = np.maximum(1, np.round(affected * scale)).astype(int)
    frame["hours"] = rng.lognormal(np.log(2.8), 0.55, n)
    frame = _add_fibre_cut(frame, days, scale)
    frame = frame.sort_values("opened_at", kind="mergesort").reset_index(drop=True)
    frame["hours"] = _rescale_hours(frame)
    frame["resolved_at"] = frame["opened_at"] + pd.to_timedelta(
        np.round(frame["hours"] * 3600), unit="s")
    frame["number"] = [f"INC{30000 + i:07d}" for i in range(len(frame))]
    return frame


def _add_fibre_cut(frame: pd.DataFrame, days: pd.DatetimeIndex, scale: float) -> pd.DataFrame:
    cut = P.FIBRE_CUT
    if pd.Timestamp(cut["date"]) not in days:
        frame["special"] = False
        return frame
    opened, resolved = pd.Timestamp(cut["opened"]), pd.Timestamp(cut["resolved"])
    row = pd.DataFrame([{
        "opened_at": opened, "priority": "1 - Critical", "region": cut["region"],
        "service": cut["service"], "cause": "glasvezelbreuk",
        "customers_affected": max(1, round(cut["customers"] * scale)),
        "hours": (resolved - opened).total_seconds() / 3600, "special": True,
    }])
    frame["special"] = False
    return pd.concat([frame, row], ignore_index=True)


def _rescale_hours(frame: pd.DataFrame) -> pd.Series:
    """Scale ordinary restore times so each month's mean follows a smooth target."""
    hours = frame["hours"].copy()
    month = frame["opened_at"].dt.to_period("M")
    for period, idx in frame.groupby(month).groups.items():
        target = P.RESTORE_HOURS * (1 + 0.04 * np.sin(period.month / 12 * 2 * np.pi))
        special = frame.loc[idx, "special"].to_numpy(dtype=bool)
        ordinary = hours.loc[idx][~special]
        needed = target * len(idx) - hours.loc[idx][special].sum()
        if len(ordinary) and needed > 0:
            hours.loc[ordinary.index] = ordinary * needed / ordinary.sum()
    return np.maximum(hours, 0.5)


def add_texts(frame: pd.DataFrame, tm: TextMaker) -> pd.DataFrame:
    """Description, close notes, assignment group and CI (Python loop: ~150 per month)."""
    texts = [
        fibre_cut_texts(tm) if special else incident_texts(tm, cause, service, region)
        for special, cause, service, region in zip(
            frame["special"], frame["cause"], frame["service"], frame["region"], strict=True)
    ]
    frame["description"] = [t[0] for t in texts]
    frame["close_notes"] = [t[1] for t in texts]
    frame["assignment_group"] = frame["service"].map(P.GROUPS)
    frame["cmdb_ci"] = [
        f"CI-{r.upper()[:4]}-{s.split()[0].upper()[:4]}-{i % 97:03d}"
        for i, (r, s) in enumerate(zip(frame["region"], frame["service"], strict=True))
    ]
    return frame


def audit_rows(frame: pd.DataFrame, horizon: pd.Timestamp) -> pd.DataFrame:
    """The audit export: New, In Progress, Resolved and Closed rows up to ``horizon``."""
    new = frame.assign(state="New", sys_updated_on=frame["opened_at"] + pd.Timedelta(minutes=2),
                       u_affected_customers="?", resolved_at=pd.NaT, close_notes="")
    new["cause"] = "?"
    progress = frame.assign(state="In Progress", resolved_at=pd.NaT, close_notes="",
                            sys_updated_on=frame["opened_at"] + pd.Timedelta(minutes=25))
    progress["u_affected_customers"] = progress["customers_affected"].astype(str)
    resolved = frame.assign(state="Resolved", sys_updated_on=frame["resolved_at"])
    resolved["u_affected_customers"] = resolved["customers_affected"].astype(str)
    closed = resolved.assign(state="Closed",
                             sys_updated_on=frame["resolved_at"] + pd.Timedelta(days=3))
    rows = pd.concat([new, progress, resolved, closed], ignore_index=True)
    rows = rows[rows["sys_updated_on"] <= horizon]
    return rows.sort_values(["sys_updated_on", "number"], kind="mergesort").reset_index(drop=True)
