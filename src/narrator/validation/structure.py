"""Structure rules per report part: conclusion first, rood coverage, actions, counts."""

from __future__ import annotations

import re

from narrator.errors import NarratorError
from narrator.validation.context import Context
from narrator.validation.factindex import kpi_keys, mentions
from narrator.validation.findings import Finding
from narrator.validation.markdown import Section, sections, subtree
from narrator.validation.rules import CountRule, StructureRule

_NUMBERED = re.compile(r"^\s{0,3}\d{1,2}[.)]\s+\S")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
_WORD = re.compile(r"\w+(?:[-'.,]\w+)*")


def _find(secs: list[Section], title: str) -> int | None:
    for i, sec in enumerate(secs):
        if sec.title.lower().startswith(title.lower()):
            return i
    return None


def action_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of the table under ``## Acties`` as (line, {header: cell})."""
    secs = sections(text)
    idx = _find(secs, "Acties")
    if idx is None:
        return []
    rows = [(no, m.group(1)) for no, line in secs[idx].body if (m := _TABLE_ROW.match(line))]
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0][1].split("|")]
    out = []
    for no, row in rows[1:]:
        if _SEPARATOR.match(row):
            continue
        cells = [c.strip() for c in row.split("|")]
        out.append((no, dict(zip(header, cells, strict=False))))
    return out


def _priorities(text: str) -> list[int]:
    secs = sections(text)
    idx = _find(secs, "Top 3") or _find(secs, "Prioriteiten")
    lines = secs[idx].body if idx is not None else list(enumerate(text.split("\n"), 1))
    return [no for no, line in lines if _NUMBERED.match(line)]


def _first_heading_line(text: str) -> int:
    secs = sections(text)
    return secs[0].line if secs else 1


def _conclusion_words(text: str) -> int:
    secs = sections(text)
    body = secs[0].text() if secs else text
    para = re.split(r"\n\s*\n", body.strip())[0] if body.strip() else ""
    return len(_WORD.findall(para))


def check_count(rule: CountRule, ctx: Context) -> list[Finding]:
    """Count actions, priorities, words or conclusion words and compare with min/max."""
    text = ctx.doc.raw
    counts = {
        "acties": lambda: len(action_rows(text)),
        "prioriteiten": lambda: len(_priorities(text)),
        "woorden": lambda: len(_WORD.findall(ctx.doc.masked)),
        "conclusie-woorden": lambda: _conclusion_words(text),
    }
    n = counts[rule.target]()
    if (rule.min is None or n >= rule.min) and (rule.max is None or n <= rule.max):
        return []
    msg = rule.message.format(count=n, min=rule.min, max=rule.max)
    return [ctx.finding(rule, 0, 0, message=msg, line=_first_heading_line(text))]


def _first_block(sec: Section) -> tuple[int, str] | None:
    for no, line in sec.body:
        if line.strip():
            return no, line
    return None


def _conclusion_first(rule: StructureRule, ctx: Context) -> list[Finding]:
    out = []
    exempt = [e.lower() for e in rule.exempt_sections]
    openers = re.compile(r"^\s*(?:" + "|".join(re.escape(o) for o in rule.data_openers) + r")\b",
                         re.IGNORECASE) if rule.data_openers else None
    secs = sections(ctx.doc.raw)
    for i, sec in enumerate(secs):
        if sec.level == 1 and i + 1 < len(secs) and not sec.text().strip():
            continue
        if any(sec.title.lower().startswith(e) for e in exempt):
            continue
        first = _first_block(sec)
        if first is None:
            continue  # a heading directly followed by subsections
        no, line = first
        stripped = line.lstrip("> ").strip()
        data_first = stripped.startswith(("|", "![", "- ", "* ")) or _NUMBERED.match(stripped)
        if data_first or (openers is not None and openers.match(stripped)):
            out.append(ctx.finding(rule, 0, 0, line=no,
                                   message=rule.message.format(section=sec.title)))
    return out


def _owner_names(ctx: Context) -> list[str]:
    if ctx.facts is not None:
        return [m.name for m in ctx.facts.organisation.mt]
    try:
        from narrator.config import load_organisation

        return [m.name for m in load_organisation().mt]
    except NarratorError:  # without config every non-empty owner is accepted
        return []


def _action_owners(rule: StructureRule, ctx: Context) -> list[Finding]:
    names = [n.lower() for n in _owner_names(ctx)]
    out = []
    for no, row in action_rows(ctx.doc.raw):
        who = row.get("wie", "").strip().lower()
        if not who or (names and not any(n in who for n in names)):
            out.append(ctx.finding(rule, 0, 0, line=no,
                                   message=rule.message.format(what=row.get("wat", "?"))))
    return out


def _has(markers: list[str], text: str) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(m), text, re.IGNORECASE) for m in markers)


def _mentions(kpi_id: str, name: str, text: str) -> bool:
    return mentions(kpi_keys(kpi_id, name), text)


def _rood_coverage(rule: StructureRule, ctx: Context) -> list[Finding]:
    if ctx.facts is None:
        return []
    text = ctx.doc.raw
    secs = sections(text)
    rows = action_rows(text)
    out = []
    for kpi in (k for k in ctx.facts.kpis if k.status == "rood"):
        idx = next((i for i, s in enumerate(secs)
                    if s.level >= 3 and s.title.lower().startswith(kpi.name.lower())), None)
        body = subtree(secs, idx) if idx is not None else ""
        kpi_rows = " ".join(" ".join(r.values()) for _, r in rows
                            if _mentions(kpi.id, kpi.name, " ".join(r.values())))
        missing = []
        if idx is None or not _has(rule.cause_markers, body):
            missing.append("oorzaak")
        if not kpi_rows and not _has(rule.action_markers, body):
            missing.append("actie")
        if kpi.owner.name.lower() not in (body + kpi_rows).lower():
            missing.append(f"eigenaar ({kpi.owner.name})")
        if missing:
            line = secs[idx].line if idx is not None else _first_heading_line(text)
            out.append(ctx.finding(rule, 0, 0, line=line, message=rule.message.format(
                kpi=kpi.name, missing=", ".join(missing))))
    return out


def check_structure(rule: StructureRule, ctx: Context) -> list[Finding]:
    """Dispatch to the structure heuristic named by ``rule.check``."""
    checks = {"conclusie-eerst": _conclusion_first, "actie-eigenaar": _action_owners,
              "rood-dekking": _rood_coverage}
    return checks[rule.check](rule, ctx)
