"""Generate all exports for N months ending 2026-11: seeded and deterministic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from narrator.sampledata import exports
from narrator.sampledata import profile as P
from narrator.sampledata.availability import make_availability
from narrator.sampledata.cases import make_cases
from narrator.sampledata.customers import make_accounts
from narrator.sampledata.incidents import add_texts, audit_rows, make_incidents
from narrator.sampledata.surveys import make_surveys
from narrator.sampledata.texts import TextMaker


def generate(out: Path, *, months: int = 24, scale: float = 1.0, seed: int = 42,
             end: str = P.END_MONTH) -> list[Path]:
    """Write every export into ``out``; returns the files written (sorted)."""
    out.mkdir(parents=True, exist_ok=True)
    periods = pd.period_range(end=pd.Period(end, "M"), periods=months, freq="M")
    days = pd.date_range(periods[0].to_timestamp(), periods[-1].to_timestamp(how="end"),
                         freq="D").normalize()
    horizon = (periods[-1] + 1).to_timestamp() - pd.Timedelta(seconds=1)
    rng = np.random.default_rng(seed)
    tm = TextMaker(np.random.default_rng(seed + 1))
    incidents = add_texts(make_incidents(rng, days, scale), tm)
    written = exports.write_incidents(audit_rows(incidents, horizon), out, rng)
    cases = make_cases(rng, days, incidents, scale)
    written += exports.write_cases(cases, out)
    written += exports.write_availability(make_availability(rng, days, incidents, scale), out)
    accounts, reasons = make_accounts(rng, periods, scale)
    written += exports.write_accounts(accounts, reasons, out)
    written += exports.write_surveys(make_surveys(rng, periods, scale, tm), out)
    return sorted(written)
