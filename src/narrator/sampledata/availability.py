"""NetMonitor availability per day x region x service, derived from the incidents."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.sampledata import profile as P


def make_availability(rng: np.random.Generator, days: pd.DatetimeIndex, incidents: pd.DataFrame,
                      scale: float) -> pd.DataFrame:
    """Customer-weighted availability: incident klant-minutes plus a little unattributed noise."""
    grid = pd.MultiIndex.from_product([days, list(P.REGIONS), list(P.SERVICE_CUSTOMERS)],
                                      names=["date", "region", "service"]).to_frame(index=False)
    grid["customers"] = np.round(
        grid["region"].map(P.REGIONS) * grid["service"].map(P.SERVICE_CUSTOMERS) * scale
        * (1 + 0.0004 * (grid["date"] - days[0]).dt.days / 30)
    ).astype(int)
    inc = incidents.assign(date=incidents["opened_at"].dt.normalize(),
                           cust_min=incidents["customers_affected"] * incidents["hours"] * 60,
                           minutes=np.minimum(incidents["hours"] * 60, 1440))
    per_cell = inc.groupby(["date", "region", "service"], as_index=False)[
        ["cust_min", "minutes"]].sum()
    grid = grid.merge(per_cell, on=["date", "region", "service"], how="left").fillna(
        {"cust_min": 0.0, "minutes": 0.0})
    noise = rng.gamma(0.5, 0.00002, len(grid))  # unattributed unavailability, fraction
    down = np.minimum(grid["cust_min"] / (grid["customers"] * 1440.0) + noise, 1.0)
    grid["availability_pct"] = np.round(100 * (1 - down), 4)
    grid["downtime_minutes"] = np.round(np.minimum(grid["minutes"] + noise * 1440, 1440), 1)
    return grid[["date", "region", "service", "customers", "availability_pct",
                 "downtime_minutes"]]
