"""Dutch number notation: the one formatter every stage uses, and its inverse.

House style: thousands separated by a dot, decimals by a comma (1.250.000; 4,2%; 63,5).
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)

_DUTCH_NUMBER = re.compile(r"^[-−+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^[-−+]?\d+(?:,\d+)?$")


def _round_half_up(value: float, decimals: int) -> Decimal:
    quant = Decimal(1).scaleb(-decimals)
    return Decimal(repr(value)).quantize(quant, rounding=ROUND_HALF_UP)


def format_number(value: float, decimals: int = 0, *, signed: bool = False) -> str:
    """Format ``value`` in Dutch notation with ``decimals`` digits: 1250000 -> '1.250.000'.

    With ``signed`` a '+' is written for positive values (for changes). Negative values use '-'.
    """
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        raise ValueError(f"cannot format {value!r}")
    rounded = _round_half_up(float(value), decimals)
    if rounded == 0:
        rounded = abs(rounded)
    sign = "-" if rounded < 0 else ("+" if signed and rounded > 0 else "")
    text = f"{abs(rounded):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return sign + text


def format_percent(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """Format a percentage value (already in percent): 4.2 -> '4,2%'."""
    return format_number(value, decimals, signed=signed) + "%"


def format_kpi_value(value: float, decimals: int, unit: str, *, signed: bool = False) -> str:
    """A KPI value at its precision; a '%' unit is written as a percent sign: '1,31%', '104'.

    Other units are left to the caller (a table column or the sentence names them).
    """
    text = format_number(value, decimals, signed=signed)
    return text + "%" if unit == "%" else text


def format_month(month: str) -> str:
    """'2026-11' -> 'november 2026'."""
    year, mon = month.split("-")
    return f"{MONTHS_NL[int(mon) - 1]} {int(year)}"


def format_date(day: date) -> str:
    """date(2026, 12, 9) -> '9 december 2026'."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def parse_number(text: str) -> tuple[float, int]:
    """Parse a Dutch-notation number; return ``(value, decimals_shown)``.

    '1.250.000' -> (1250000.0, 0); '4,2' -> (4.2, 1); '-0,35' -> (-0.35, 2).
    Raises ValueError for text that is not in house-style Dutch notation.
    """
    raw = text.strip().rstrip("%").strip()
    if not _DUTCH_NUMBER.match(raw):
        raise ValueError(f"geen Nederlands getal: {text!r}")
    raw = raw.replace("−", "-")
    integer, _, frac = raw.partition(",")
    value = float(integer.replace(".", "") + ("." + frac if frac else ""))
    return value, len(frac)


def matches_at_precision(written: float, decimals: int, fact: float) -> bool:
    """True when ``|fact|`` rounded half-up to ``decimals`` equals ``|written|``.

    Signs are compared by the caller: Dutch text writes "daalde met 0,5" for a change of -0,5.
    """
    if fact is None or math.isnan(fact):
        return False
    return _round_half_up(abs(fact), decimals) == _round_half_up(abs(written), decimals)
