"""Number notation (getalnotatie): house style is 1.250.000; 4,2%; 63,5 seconden."""

from __future__ import annotations

import re

from narrator.numbers import format_number
from narrator.validation.context import Context
from narrator.validation.findings import Finding
from narrator.validation.numbertokens import MULTIPLIERS, NumberToken, tokens
from narrator.validation.rules import NumberFormatRule

_DUTCH_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DUTCH_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_ENGLISH = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,3}(?:,\d{3})*\.\d+$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")


def lenient_value(digits: str) -> tuple[float, int] | None:
    """Value and decimals of a number in Dutch or English notation; None if neither."""
    if _DUTCH_GROUPED.match(digits) or _DUTCH_PLAIN.match(digits):
        integer, _, frac = digits.partition(",")
        return float(integer.replace(".", "") + ("." + frac if frac else "")), len(frac)
    if _ENGLISH.match(digits) or _DOT_DECIMAL.match(digits):
        integer, _, frac = digits.partition(".")
        return float(integer.replace(",", "") + ("." + frac if frac else "")), len(frac)
    return None


def classify(tok: NumberToken) -> str | None:
    """The notation fault of ``tok`` (a NumberFormatRule.check value) or None if house style."""
    d = tok.digits
    if tok.suffix:
        return "afkorting"
    if _DUTCH_GROUPED.match(d):
        return None
    if _DUTCH_PLAIN.match(d):
        return "duizendtallen" if len(d.partition(",")[0]) >= 4 else None
    if _DOT_DECIMAL.match(d):
        return "decimaalteken"
    return "engelse-notatie"


def house_style(tok: NumberToken) -> str | None:
    """The number of ``tok`` rewritten in house style, when it can be read at all."""
    parsed = lenient_value(tok.digits)
    if parsed is None:
        return None
    value, decimals = parsed
    if tok.suffix:
        value *= MULTIPLIERS[tok.suffix]
        decimals = max(0, decimals - len(str(int(MULTIPLIERS[tok.suffix]))) + 1)
    text = format_number(value, decimals)
    return ("-" if tok.negative else "") + text + ("%" if tok.percent else "")


def number_tokens(ctx: Context) -> list[NumberToken]:
    """Numbers in the document outside PII spans (cached on the context)."""
    if ctx.number_tokens is None:
        ctx.number_tokens = tokens(ctx.doc.masked, ctx.skip)
    return ctx.number_tokens


def check_number_format(rule: NumberFormatRule, ctx: Context) -> list[Finding]:
    """Numbers whose notation fault is ``rule.check``."""
    out = []
    for tok in number_tokens(ctx):
        if classify(tok) != rule.check:
            continue
        written = ctx.doc.raw[tok.start:tok.end]
        out.append(ctx.finding(rule, tok.start, tok.end, suggestion=house_style(tok),
                               message=rule.message.format(match=written)))
    return out
