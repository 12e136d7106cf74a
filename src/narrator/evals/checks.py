"""Checks on a case's draft: sections, priorities, coverage, numbers, PII, expectations.

Every check reads the Markdown as the reviewer sees it (docs/contracts.md), not the back end's
structured objects, so a back end cannot pass by filling a field that never reaches the page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from narrator.config import load_yaml
from narrator.evals.cases import Case, Phrase, cases_dir
from narrator.evals.scorecard import CATEGORIES, CaseResult, Coverage
from narrator.facts import Facts, KPIFact

PAGE_BUDGET = "paginabudget"
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ORDINAL = re.compile(r"^\s{0,3}\d{1,2}[.)]\s+\S")


@lru_cache(maxsize=4)
def _scoring(path: Path) -> dict[str, Any]:
    return load_yaml(path) or {}


def scoring() -> dict[str, Any]:
    """The scoring settings in ``evals/cases/_scoring.yaml``."""
    return _scoring(cases_dir() / "_scoring.yaml")


def sections(markdown: str, level: int) -> dict[str, str]:
    """Heading text -> body for every heading of exactly ``level`` (body ends at a heading of
    the same or a higher level)."""
    out: dict[str, str] = {}
    current: str | None = None
    body: list[str] = []
    for line in markdown.splitlines():
        m = _HEADING.match(line)
        if m and len(m.group(1)) <= level:
            if current is not None:
                out[current] = "\n".join(body)
            current = m.group(2) if len(m.group(1)) == level else None
            body = []
        elif current is not None:
            body.append(line)
    if current is not None:
        out[current] = "\n".join(body)
    return out


def kpi_section(analyse: str, kpi: KPIFact) -> str | None:
    """Body of the ``### <KPI name>`` section (a heading that contains the name), or None."""
    name = kpi.name.lower()
    for heading, body in sections(analyse, 3).items():
        if name in heading.lower():
            return body
    return None


def _has_word(text: str, words: list[str]) -> bool:
    low = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", low) for w in words)


def _owner_in_actions(analyse: str, kpi: KPIFact) -> bool:
    table = sections(analyse, 2).get(scoring().get("actions_heading", "Acties"), "")
    rows = [r for r in table.splitlines() if r.strip().startswith("|")]
    names = (kpi.name.lower(), kpi.id.lower())
    return any(kpi.owner.name in r and any(n in r.lower() for n in names) for r in rows)


def evidence_markers(kpi: KPIFact) -> list[str]:
    """Strings that show a cause is grounded in the KPI's evidence: evidence titles, incident
    and ticket numbers, driver segments and the seasonal pattern."""
    marks = [e.title for e in kpi.evidence]
    marks += [i for ref in [e.source_ref for e in kpi.evidence] + [d.source_ref for d in
                                                                      kpi.drivers] for i in ref.ids]
    marks += [d.segment for d in kpi.drivers]
    if kpi.seasonal.expected and kpi.seasonal.pattern:
        marks.append(kpi.seasonal.pattern.split(":")[0])
    return [m for m in marks if m.strip()]


def _grounded(text: str, kpi: KPIFact) -> bool:
    """A cause is grounded when it names evidence; with no evidence any stated cause counts."""
    marks = evidence_markers(kpi)
    low = text.lower()
    return not marks or any(m.lower() in low for m in marks)


def rood_coverage(facts: Facts, analyse: str) -> list[Coverage]:
    """Cause (a cue word and, where evidence exists, a reference to it), action and owner for
    every rood KPI, read from analyse.md."""
    cues = scoring().get("coverage", {})
    out = []
    for kpi in facts.kpis:
        if kpi.status != "rood":
            continue
        body = kpi_section(analyse, kpi)
        text = body or ""
        out.append(Coverage(
            kpi=kpi.id, section=body is not None,
            cause=_has_word(text, cues.get("cause", [])) and _grounded(text, kpi),
            action=_has_word(text, cues.get("action", [])),
            owner=kpi.owner.name in text or _owner_in_actions(analyse, kpi)))
    return out


def count_priorities(summary: str) -> int | None:
    """Numbered items under the priorities heading; None when the heading is absent."""
    heading = scoring().get("priorities_heading", "Top 3 prioriteiten").lower()
    for title, body in sections(summary, 2).items():
        if title.lower() == heading:
            return sum(1 for line in body.splitlines() if _ORDINAL.match(line))
    return None


def count_sections(draft: Any) -> int:
    """Sections drafted: dashboard, analysis core, summary, plus one per deviation."""
    return 3 + len(getattr(draft, "deviations", {}) or {})


_FALLBACK_NUMBER = re.compile(r"(?<![\w.,/-])-?\d(?:[\d.,]*\d)?%?(?![\w])")


def count_numbers(markdown: str) -> int:
    """Quantity numbers in a Markdown text, found the way the validator finds them (a plain
    regex when the validator's tokenizer is not importable)."""
    try:
        from narrator.validation.markdown import mask
        from narrator.validation.numbertokens import tokens
    except ImportError:
        return len(_FALLBACK_NUMBER.findall(markdown))
    return len(tokens(mask(markdown)))


def pii_leaks(planted: list[str], facts: Facts, texts: dict[str, str]) -> list[str]:
    """Planted PII strings still present in the scrubbed facts or in any draft part."""
    dumped = facts.model_dump_json().lower()
    leaks = []
    for item in planted:
        where = [p for p, t in texts.items() if item.lower() in t.lower()]
        if item.lower() in dumped:
            where.insert(0, "facts")
        if where:
            leaks.append(f"{item} ({', '.join(where)})")
    return leaks


def _contains(text: str, needle: str) -> bool:
    """Case-insensitive; whole words at word-character edges; ``re:`` prefix = a regex."""
    if needle.startswith("re:"):
        return re.search(needle[3:], text) is not None
    left = r"(?<!\w)" if re.match(r"\w", needle) else ""
    right = r"(?!\w)" if re.search(r"\w$", needle) else ""
    return re.search(left + re.escape(needle) + right, text, re.IGNORECASE) is not None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _limit_failures(result: CaseResult, limits: dict[str, int], severity: str) -> list[str]:
    label = "fouten" if severity == "error" else "waarschuwingen"
    out = []
    for cat, limit in limits.items():
        found = [f for f in result.findings
                 if f.severity == severity and (cat == "*" or f.category == cat)]
        if len(found) > limit:
            scope = "totaal" if cat == "*" else cat
            shown = "; ".join(f"{f.part}:{f.line} {f.category}/{f.rule} '{_short(f.match)}'"
                              for f in found[:3])
            more = f" (+{len(found) - 3})" if len(found) > 3 else ""
            out.append(f"{len(found)} {label} ({scope}), maximaal {limit}: {shown}{more}")
    return out


def _scope(phrase: Phrase, facts: Facts, texts: dict[str, str]) -> tuple[str, str]:
    """The text a phrase is looked for in, and its Dutch name."""
    if phrase.kpi:
        kpi = facts.kpi(phrase.kpi)
        return kpi_section(texts.get("analyse", ""), kpi) or "", f"de sectie {kpi.name}"
    parts = [phrase.part] if phrase.part else list(texts)
    return "\n".join(texts.get(p, "") for p in parts), phrase.part or "de tekst"


def _phrase_failures(case: Case, facts: Facts, texts: dict[str, str]) -> list[str]:
    exp = case.expectations
    out = []
    for phrase in exp.required_phrases:
        scope, where = _scope(phrase, facts, texts)
        if not _contains(scope, phrase.text):
            out.append(f"'{phrase.text}' ontbreekt in {where}")
    for phrase in exp.forbidden_phrases:
        scope, where = _scope(phrase, facts, texts)
        if _contains(scope, phrase.text):
            out.append(f"verboden tekst '{phrase.text}' staat in {where}")
    for needle in exp.forbidden_strings:
        hits = [p for p, t in texts.items() if _contains(t, needle)]
        if hits:
            out.append(f"verboden tekst '{needle}' staat in {', '.join(hits)}")
    return out


def _structure_failures(case: Case, facts: Facts, texts: dict[str, str],
                        result: CaseResult) -> list[str]:
    exp = case.expectations
    out = []
    if exp.rood_covered:
        for cov in result.coverage:
            if not cov.covered:
                out.append(f"rode KPI {cov.kpi} mist: {', '.join(cov.missing())}")
    if exp.priorities is not None and result.priorities != exp.priorities:
        out.append(f"samenvatting heeft {result.priorities or 0} prioriteiten, "
                   f"verwacht {exp.priorities}")
    for kpi_id in exp.kpi_sections_absent:
        if kpi_section(texts.get("analyse", ""), facts.kpi(kpi_id)) is not None:
            out.append(f"onverwachte sectie voor {kpi_id} in analyse")
    if exp.max_flagged is not None and len(result.flagged) > exp.max_flagged:
        out.append(f"{len(result.flagged)} secties 'handmatig controleren', "
                   f"maximaal {exp.max_flagged}")
    return out


def _number_failures(case: Case, result: CaseResult) -> list[str]:
    minimum = case.expectations.min_traceable_share
    if minimum is None or not result.numbers_total:
        return []
    share = 1 - result.numbers_untraceable / result.numbers_total
    if share < minimum:
        return [f"{result.numbers_untraceable} van {result.numbers_total} getallen niet "
                f"herleidbaar tot de feiten"]
    return []


def failures(case: Case, facts: Facts, texts: dict[str, str], result: CaseResult) -> list[str]:
    """Dutch descriptions of every expectation the draft does not meet."""
    exp = case.expectations
    out = _limit_failures(result, exp.max_errors, "error")
    out += _limit_failures(result, exp.max_warnings, "warning")
    out += _phrase_failures(case, facts, texts)
    out += _structure_failures(case, facts, texts, result)
    out += _number_failures(case, result)
    out += [f"persoonsgegeven gelekt: {leak}" for leak in result.pii_leaks]
    if result.overflows:
        out += [f"{PAGE_BUDGET} {part}: {msg}" for part, msg in result.overflows.items()]
    return out


def split_known(found: list[str], known: list[str]) -> tuple[list[str], list[str]]:
    """``(failures, known)``: lines matching a ``known_failures`` entry move to ``known``; an
    entry that matches no line becomes a failure, so a fixed gap is removed from the list."""
    matched = [f for f in found if any(k in f for k in known)]
    stale = [f"bekend probleem '{k}' treedt niet meer op: haal het uit known_failures"
             for k in known if not any(k in f for f in found)]
    return [f for f in found if f not in matched] + stale, matched


def unknown_categories(case: Case) -> list[str]:
    """Category names in a case's limits that the validator does not have (typos)."""
    limits = {**case.expectations.max_errors, **case.expectations.max_warnings}
    return sorted(c for c in limits if c != "*" and c not in CATEGORIES)
