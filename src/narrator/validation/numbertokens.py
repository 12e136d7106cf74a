"""Finding the numbers in a text, and skipping the ones that are not quantities.

Skipped: years, dates ("12 november", 14-11-2026, 2026-11-14), times (07:42), ticket and
incident numbers (INC0012345, ticket 12345), list ordinals (masked earlier) and placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from narrator.numbers import MONTHS_NL

_MONTHS = "|".join(MONTHS_NL) + r"|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_TOKEN = re.compile(
    r"(?<![\w.,/])(?P<sign>[-−+])?(?P<digits>\d(?:[\d.,]*\d)?)"
    r"(?:(?P<pct>\s?%)|\s?(?P<suffix>[kKM]|mln\.?|mld\.?|miljoen|miljard)(?![\w]))?(?![\w])"
)
_SKIP = re.compile(
    rf"\b\d{{4}}-\d{{2}}(?:-\d{{2}})?(?:T[\d:]+)?\b"
    rf"|\b\d{{1,2}}[-/]\d{{1,2}}[-/]\d{{2,4}}\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\b\d{1,2}[.:]\d{2}\s*uur\b(?=\s*(?:-|tot|en)\s*\d)"
    r"|\b(?:om|vanaf|tot)\s+\d{1,2}[.:]\d{2}\s*uur\b"
    r"|(?:ticket|incident|case|melding|nummer|nr\.?)\s*#?\s*\d+"
    r"|#\d+"
    r"|\b(?:19|20)\d{2}\b(?![.,]\d)",
    re.IGNORECASE,
)
MULTIPLIERS = {"k": 1e3, "K": 1e3, "M": 1e6, "mln": 1e6, "mln.": 1e6, "miljoen": 1e6,
               "mld": 1e9, "mld.": 1e9, "miljard": 1e9}


@dataclass(frozen=True)
class NumberToken:
    """A number as written: ``digits`` without sign, optional ``%`` or size suffix."""

    start: int
    end: int
    digits_start: int
    digits: str
    negative: bool
    percent: bool
    suffix: str | None


def skip_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, times, years and ticket numbers."""
    return [(m.start(), m.end()) for m in _SKIP.finditer(text)]


def tokens(text: str, extra_skip: list[tuple[int, int]] | None = None) -> list[NumberToken]:
    """All quantity numbers in ``text`` (already masked), outside the skipped spans."""
    skip = skip_spans(text) + list(extra_skip or [])
    out = []
    for m in _TOKEN.finditer(text):
        ds, de = m.span("digits")
        if any(ds < e and s < de for s, e in skip):
            continue
        out.append(NumberToken(m.start(), m.end(), ds, m.group("digits"),
                               m.group("sign") in {"-", "−"}, bool(m.group("pct")),
                               m.group("suffix")))
    return out
