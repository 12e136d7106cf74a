"""Word and pattern rule types: existence, substitution, pattern, sentence-level conditional."""

from __future__ import annotations

import re
from functools import lru_cache

from narrator.validation.context import Context
from narrator.validation.findings import Finding
from narrator.validation.rules import (
    ConditionalRule,
    ExistenceRule,
    PatternRule,
    SubstitutionRule,
    phrase_regex,
)


@lru_cache(maxsize=256)
def _alternation(phrases: tuple[str, ...], ignorecase: bool) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(f"(?:{phrase_regex(p)})" for p in ordered)
    return re.compile(body, re.IGNORECASE if ignorecase else 0)


@lru_cache(maxsize=256)
def _any(patterns: tuple[str, ...], ignorecase: bool = True) -> re.Pattern[str] | None:
    if not patterns:
        return None
    flags = re.MULTILINE | (re.IGNORECASE if ignorecase else 0)
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _excused(ctx: Context, exceptions: list[str], start: int, end: int,
             rule: object = None) -> bool:
    """True when the match lies inside an exception regex's match or an MT name/role title."""
    if rule is not None and ctx.protected_match(rule, start, end):
        return True
    pattern = _any(tuple(exceptions))
    if pattern is None:
        return False
    text = ctx.doc.masked
    lo = max(0, start - 80)
    for m in pattern.finditer(text, lo, min(len(text), end + 80)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def check_existence(rule: ExistenceRule, ctx: Context) -> list[Finding]:
    """Every occurrence of a listed word or phrase."""
    pattern = _alternation(tuple(rule.words), rule.ignorecase)
    return [
        ctx.finding(rule, m.start(), m.end(), message=rule.message.format(match=m.group(0)))
        for m in pattern.finditer(ctx.doc.masked)
        if not _excused(ctx, rule.exceptions, m.start(), m.end(), rule)
    ]


def check_substitution(rule: SubstitutionRule, ctx: Context) -> list[Finding]:
    """Every listed word, with its replacement as suggestion."""
    lookup = {k.lower(): v for k, v in rule.swap.items()}
    pattern = _alternation(tuple(rule.swap), rule.ignorecase)
    out = []
    for m in pattern.finditer(ctx.doc.masked):
        if _excused(ctx, rule.exceptions, m.start(), m.end(), rule):
            continue
        found = re.sub(r"\s+", " ", m.group(0))
        repl = lookup.get(found.lower(), rule.suggestion)
        out.append(ctx.finding(rule, m.start(), m.end(), suggestion=repl,
                               message=rule.message.format(match=found, suggestion=repl)))
    return out


def check_pattern(rule: PatternRule, ctx: Context) -> list[Finding]:
    """Every regex match (on the raw Markdown when ``rule.raw``)."""
    text = ctx.doc.raw if rule.raw else ctx.doc.masked
    pattern = _any(tuple(rule.patterns), rule.ignorecase)
    assert pattern is not None
    return [
        ctx.finding(rule, m.start(), m.end(), message=rule.message.format(match=m.group(0)))
        for m in pattern.finditer(text)
        if m.end() > m.start()
        and not _excused(ctx, rule.exceptions, m.start(), m.end(), rule)
    ]


def check_conditional(rule: ConditionalRule, ctx: Context) -> list[Finding]:
    """Per sentence: trigger without exemption needs every requirement."""
    when, unless = _any(tuple(rule.when)), _any(tuple(rule.unless))
    assert when is not None
    out = []
    for sent in ctx.doc.sentences:
        text = ctx.doc.masked[sent.start:sent.end]
        hit = when.search(text)
        if not hit or (unless is not None and unless.search(text)):
            continue
        missing = [r.name for r in rule.require if not re.search(r.pattern, text, re.IGNORECASE)]
        if missing:
            start = sent.start + hit.start()
            out.append(ctx.finding(rule, start, sent.start + hit.end(),
                                   message=rule.message.format(missing=" en ".join(missing))))
    return out
