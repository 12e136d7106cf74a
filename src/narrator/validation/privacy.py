"""Privacy rule: personal data in report text, via narrator.privacy.detect.

narrator.privacy is imported lazily (on the first check); a minimal regex detector (e-mail,
Dutch mobile/landline phone numbers, IBAN) runs beside it as a safety net. Placeholders such
as [NAAM-1] are masked before detection; MT members (the owners in the report) are not PII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from narrator.errors import NarratorError
from narrator.validation.context import Context
from narrator.validation.findings import Finding
from narrator.validation.rules import PrivacyRule

_FALLBACK = {
    "EMAIL_ADDRESS": re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    "PHONE_NUMBER": re.compile(
        r"(?<![\w.,])(?:\+31|0031|0)[\s-]?(?:6(?:[\s-]?\d){8}|[1-9]\d{1,2}[\s-]?\d{6,7})(?!\d)"
    ),
    "IBAN_CODE": re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}\b"),
}


@dataclass(frozen=True)
class Entity:
    entity_type: str
    start: int
    end: int
    score: float
    text: str


def fallback_detect(text: str) -> list[Entity]:
    """The minimal regex detector that runs beside narrator.privacy.detect."""
    return [
        Entity(kind, m.start(), m.end(), 1.0, m.group(0))
        for kind, pattern in _FALLBACK.items()
        for m in pattern.finditer(text)
    ]


def detect(text: str) -> list[Entity]:
    """narrator.privacy.detect plus the minimal regexes as a safety net."""
    from narrator.privacy import detect as real_detect

    found = fallback_detect(text)
    found += [Entity(e.entity_type, e.start, e.end, float(e.score), e.text)
              for e in real_detect(text)]
    return _dedupe(found)


def _dedupe(entities: list[Entity]) -> list[Entity]:
    """Drop entities that lie inside an earlier-kept, longer one."""
    kept: list[Entity] = []
    for ent in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if not any(k.start <= ent.start and ent.end <= k.end for k in kept):
            kept.append(ent)
    return kept


def _allowed_names(rule: PrivacyRule, ctx: Context) -> set[str]:
    names = {n.lower() for n in rule.allow}
    if ctx.facts is not None:
        names |= {m.name.lower() for m in ctx.facts.organisation.mt}
    else:
        try:
            from narrator.config import load_organisation

            names |= {m.name.lower() for m in load_organisation().mt}
        except NarratorError:  # config is optional for a plain text check
            pass
    return names


def _is_allowed(entity: Entity, allowed: set[str]) -> bool:
    text = entity.text.strip().lower()
    return any(text in name or name in text for name in allowed)


def check_privacy(rule: PrivacyRule, ctx: Context) -> list[Finding]:
    """Personal data in the text; records the spans so number rules skip them."""
    allowed = _allowed_names(rule, ctx)
    out = []
    for ent in detect(ctx.doc.raw):
        if (ent.entity_type in rule.ignore_entities or ent.score < rule.min_score
                or _is_allowed(ent, allowed) or not ent.text.strip()):
            continue
        ctx.skip.append((ent.start, ent.end))
        finding = ctx.finding(rule, ent.start, ent.end,
                              message=rule.message.format(entity=ent.entity_type))
        if ent.score < rule.warning_below:
            finding = finding.model_copy(update={"severity": "warning"})
        out.append(finding)
    return out
