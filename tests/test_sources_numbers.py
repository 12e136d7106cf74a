"""Property tests: numbers as Dutch Excel and as ServiceNow write them read back exactly."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from narrator.sources.convert import ColumnContext, parse_numbers

CTX = ColumnContext("x.csv", "kolom", np.arange(2, 100))


def _dutch(value: float, decimals: int, thousands: bool) -> str:
    text = f"{value:,.{decimals}f}" if thousands else f"{value:.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


@given(st.lists(st.floats(-1e7, 1e7, allow_nan=False), min_size=1, max_size=20),
       st.integers(1, 4), st.booleans())
def test_decimal_comma_round_trip(values: list[float], decimals: int, thousands: bool) -> None:
    text = pd.Series([_dutch(v, decimals, thousands) for v in values], dtype=object)
    parsed = parse_numbers(text, CTX, integer=False)
    expected = [round(v, decimals) for v in values]
    assert np.allclose(parsed.to_numpy(), expected, rtol=0, atol=10 ** -decimals / 2)


@given(st.lists(st.integers(-10**9, 10**9), min_size=1, max_size=20), st.booleans())
def test_integers_with_or_without_thousands_dots(values: list[int], thousands: bool) -> None:
    text = pd.Series([f"{v:,}".replace(",", ".") if thousands else str(v) for v in values],
                     dtype=object)
    assert parse_numbers(text, CTX, integer=True).tolist() == values


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=20))
def test_decimal_point_round_trip(values: list[float]) -> None:
    text = pd.Series([repr(v) for v in values], dtype=object)
    assert parse_numbers(text, CTX, integer=False).tolist() == values
