"""Salesforce customer base and cancellations per month x region x product."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.sampledata import profile as P


def allocate(total: int, shares: np.ndarray) -> np.ndarray:
    """Split ``total`` into integers proportional to ``shares`` (largest remainder)."""
    raw = total * shares / shares.sum()
    out = np.floor(raw).astype(int)
    rest = total - out.sum()
    if rest > 0:
        out[np.argsort(-(raw - out), kind="stable")[:rest]] += 1
    return out


def _churn_rate(month: pd.Period, product: str) -> float:
    return P.CHURN_RATE * P.CHURN_SEASON.get(month.month, 1.0) * P.CHURN_PRODUCT[product]


def _uplift(month: pd.Period, region: str, product: str) -> float:
    """Extra churn from the competitor campaign, relative to the normal rate."""
    camp = P.CAMPAIGN
    if region == camp["region"] and product == camp["product"]:
        return float(camp["uplift"].get(str(month), 0.0))
    return 0.0


def make_accounts(rng: np.random.Generator, months: pd.PeriodIndex,
                  scale: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(accounts, cancellations): start/end/new/churned and churned split by reason."""
    rows, reasons = [], []
    norm = sum(P.PRODUCTS[p] * P.CHURN_PRODUCT[p] for p in P.PRODUCTS)
    for region, r_share in P.REGIONS.items():
        for product, p_share in P.PRODUCTS.items():
            start = round(P.CUSTOMERS * scale * r_share * p_share)
            for month in months:
                normal = _churn_rate(month, product) / norm
                rate = normal * (1 + _uplift(month, region, product))
                churned = int(rng.poisson(start * rate))
                new = int(rng.poisson(start * P.NEW_RATE * (1.1 if month.month == 1 else 1.0)))
                rows.append((month, region, product, start, start + new - churned, new, churned))
                extra = max(0, churned - round(start * normal))
                reasons += _reasons(month, region, product, churned, extra)
                start = start + new - churned
    accounts = pd.DataFrame(rows, columns=["month", "region", "product", "customers_start",
                                           "customers_end", "new", "churned"])
    cancellations = pd.DataFrame(reasons, columns=["month", "region", "product", "reason",
                                                   "count"])
    return accounts, cancellations


def _reasons(month: pd.Period, region: str, product: str, churned: int,
             extra: int) -> list[tuple]:
    keys = list(P.CHURN_REASONS)
    counts = allocate(churned - extra, np.array([P.CHURN_REASONS[k] for k in keys]))
    counts[keys.index(P.CAMPAIGN["reason"])] += extra
    return [(month, region, product, k, int(c)) for k, c in zip(keys, counts, strict=True)
            if c > 0]
