"""Number fidelity (cijfers): every number in the text must be traceable to the facts."""

from __future__ import annotations

import re
from functools import lru_cache

from narrator.facts import Facts
from narrator.numbers import MONTHS_NL, format_number, parse_number
from narrator.validation.context import Context
from narrator.validation.factindex import FactIndex, build_index, kpi_keys, mentions
from narrator.validation.findings import Finding
from narrator.validation.notation import classify, number_tokens
from narrator.validation.rules import FidelityRule

_CACHE: list[tuple[Facts, FactIndex]] = []


def fact_index(facts: Facts) -> FactIndex:
    """The index for ``facts``, cached for the last few Facts objects seen (by identity)."""
    for seen, index in _CACHE:
        if seen is facts:
            return index
    index = build_index(facts)
    _CACHE.insert(0, (facts, index))
    del _CACHE[4:]
    return index


@lru_cache(maxsize=64)
def _ignore(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _ignored_spans(rule: FidelityRule, text: str) -> list[tuple[int, int]]:
    pattern = _ignore(tuple(rule.ignore))
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def _dutch(value: float) -> str:
    decimals = 0 if float(value).is_integer() else 2
    return format_number(value, decimals)


_TREND_WORDS = re.compile(
    r"\b(?:trend|vorig\s+jaar|jaar\s+geleden|sinds|hoogste|laagste|"
    + "|".join(MONTHS_NL) + r")\b", re.IGNORECASE)


def _scopes(ctx: Context, facts: Facts,
            aliases: dict[str, list[str]]) -> list[tuple[int, int, frozenset[str] | None, bool]]:
    """Per sentence: its span, the KPIs it names (None: none named) and whether trend applies."""
    keys = {k.id: frozenset(kpi_keys(k.id, k.name) | {a.lower() for a in aliases.get(k.id, [])})
            for k in facts.kpis}
    out = []
    for sent in ctx.doc.sentences:
        text = ctx.doc.masked[sent.start:sent.end]
        named = frozenset(i for i, ks in keys.items() if mentions(ks, text))
        out.append((sent.start, sent.end, named or None, bool(_TREND_WORDS.search(text))))
    return out


def _scope_of(scopes: list[tuple[int, int, frozenset[str] | None, bool]],
              offset: int) -> tuple[frozenset[str] | None, bool]:
    for start, end, scope, trend in scopes:
        if start <= offset < end:
            return scope, trend
    return None, True


def check_fidelity(rule: FidelityRule, ctx: Context) -> list[Finding]:
    """Numbers that match no fact (or derived figure) at the precision written."""
    if ctx.facts is None:
        return []
    index = fact_index(ctx.facts)
    ignored = _ignored_spans(rule, ctx.doc.masked)
    scopes = _scopes(ctx, ctx.facts, rule.kpi_aliases)
    out = []
    for tok in number_tokens(ctx):
        if classify(tok) is not None or any(s <= tok.digits_start < e for s, e in ignored):
            continue
        value, decimals = parse_number(tok.digits)
        scope, trend = _scope_of(scopes, tok.digits_start)
        if index.matches(value, decimals, scope, trend):
            continue
        path, fact = index.nearest(value, scope, trend)
        written = ctx.doc.raw[tok.start:tok.end]
        message = rule.message.format(match=written, path=path, value=_dutch(fact))
        out.append(ctx.finding(rule, tok.start, tok.end, message=message,
                               suggestion=f"{path} = {_dutch(fact)}"))
    return out
