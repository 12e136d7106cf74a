"""Salesforce NPS survey responses, record level, with Dutch comments."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrator.sampledata import profile as P
from narrator.sampledata.customers import allocate
from narrator.sampledata.survey_texts import comment_for
from narrator.sampledata.texts import INJECTIONS, TextMaker

DETRACTOR_WEIGHTS = np.array([0.05, 0.03, 0.05, 0.07, 0.10, 0.25, 0.45])


def score_shares(promoters: float, detractors: float) -> np.ndarray:
    """Probabilities of scores 0..10 for given promoter and detractor shares."""
    passives = 1 - promoters - detractors
    return np.concatenate([detractors * DETRACTOR_WEIGHTS,
                           passives * np.array([0.45, 0.55]),
                           promoters * np.array([0.55, 0.45])])


def _segment_shares(month: pd.Period, region: str) -> tuple[float, float]:
    wiggle = 0.012 * np.sin(month.month / 12 * 2 * np.pi)
    promoters, detractors = P.PROMOTERS + wiggle, P.DETRACTORS - wiggle / 2
    cut = P.FIBRE_CUT
    if str(month) == cut["date"][:7] and region == cut["region"]:
        promoters, detractors = cut["nps_promoters"], cut["nps_detractors"]
    return promoters, detractors


def make_surveys(rng: np.random.Generator, months: pd.PeriodIndex, scale: float,
                 tm: TextMaker) -> pd.DataFrame:
    """Responses with exact score quotas per month x region x product (stable NPS)."""
    parts = []
    for month in months:
        total = max(1, round(P.SURVEYS_PER_MONTH * scale))
        cells = [(r, p) for r in P.REGIONS for p in P.PRODUCTS]
        sizes = allocate(total, np.array([P.REGIONS[r] * P.PRODUCTS[p] for r, p in cells]))
        for (region, product), size in zip(cells, sizes, strict=True):
            counts = allocate(int(size), score_shares(*_segment_shares(month, region)))
            scores = rng.permutation(np.repeat(np.arange(11), counts))
            parts.append(_responses(rng, month, region, product, scores))
    frame = pd.concat(parts, ignore_index=True).sort_values("CreatedDate", kind="mergesort")
    frame = frame.reset_index(drop=True)
    frame["Comment__c"] = _comments(rng, frame, tm)
    _plant_injection(rng, frame, months[-1])
    return frame


def _plant_injection(rng: np.random.Generator, frame: pd.DataFrame, month: pd.Period) -> None:
    """One comment in the last month carries a prompt injection (the drafting stage must hold)."""
    candidates = np.flatnonzero(((frame["CreatedDate"].dt.to_period("M") == month)
                                 & (frame["Comment__c"] != "")).to_numpy())
    if len(candidates):
        at = int(rng.choice(candidates))
        frame.loc[at, "Comment__c"] = f"{frame.loc[at, 'Comment__c']} {INJECTIONS[1]}"


def _responses(rng: np.random.Generator, month: pd.Period, region: str, product: str,
               scores: np.ndarray) -> pd.DataFrame:
    n = len(scores)
    start = month.to_timestamp()
    seconds = rng.integers(0, month.days_in_month * 86_400, n)
    return pd.DataFrame({
        "CreatedDate": start + pd.to_timedelta(seconds, unit="s"),
        "Region__c": region, "Product__c": product, "Score__c": scores,
    })


def _comments(rng: np.random.Generator, frame: pd.DataFrame, tm: TextMaker) -> list[str]:
    has = rng.random(len(frame)) < P.COMMENT_SHARE
    return [comment_for(tm, int(s), r, p, d) if h else ""
            for h, s, r, p, d in zip(has, frame["Score__c"], frame["Region__c"],
                                     frame["Product__c"], frame["CreatedDate"], strict=True)]
