"""Dutch number formatting and parsing."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.numbers import (
    format_date,
    format_kpi_value,
    format_month,
    format_number,
    format_percent,
    parse_number,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1250000, 0, "1.250.000"),
        (4.25, 1, "4,3"),
        (63.45, 1, "63,5"),
        (999.5, 0, "1.000"),
        (-1234.5, 1, "-1.234,5"),
        (-0.04, 1, "0,0"),
        (0, 2, "0,00"),
    ],
)
def test_format_number(value: float, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_percent_and_sign() -> None:
    assert format_percent(4.2) == "4,2%"
    assert format_number(12.5, 1, signed=True) == "+12,5"
    assert format_month("2026-11") == "november 2026"


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 12, 9), "9 december 2026"), (date(2027, 1, 1), "1 januari 2027"),
     (date(2026, 3, 31), "31 maart 2026")],
)
def test_format_date(day: date, expected: str) -> None:
    assert format_date(day) == expected


@pytest.mark.parametrize(("value", "decimals", "unit", "signed", "expected"), [
    (1.3149, 2, "%", False, "1,31%"),
    (104.4, 0, "seconden", False, "104"),
    (-5.25, 1, "punten", True, "-5,3"),
    (0.125, 2, "%", True, "+0,13%"),
    (1250.0, 0, "per 1.000 klanten", False, "1.250"),
])
def test_format_kpi_value(value: float, decimals: int, unit: str, signed: bool,
                          expected: str) -> None:
    assert format_kpi_value(value, decimals, unit, signed=signed) == expected


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_parse_inverts_format(value: float, decimals: int) -> None:
    text = format_number(value, decimals)
    parsed, shown = parse_number(text)
    assert shown == decimals
    # house style rounds half up (0,35 -> 0,4); Python's round() rounds half to even
    half_up = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert parsed == pytest.approx(float(half_up), abs=10 ** -(decimals + 6))


@pytest.mark.parametrize("bad", ["1,25M", "1.25", "1,250,000", "12k", "abc"])
def test_parse_rejects_non_dutch(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)
