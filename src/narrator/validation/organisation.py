"""MT member names and role titles: owners in the report, exempt from the word rules.

"Marco de Jong (Hoofd Customer Service)" names an owner by his role; the role title is a proper
name of the organisation, so "Customer" in it is no terminology fault. Names and roles come
from the facts bundle, else from config/organisation.yaml; nothing is hard-coded here.
"""

from __future__ import annotations

import re

from narrator.errors import NarratorError
from narrator.facts import Facts
from narrator.validation.rules import phrase_regex


def organisation_terms(facts: Facts | None) -> tuple[str, ...]:
    """Names and role titles of the MT members (facts first, else organisation.yaml)."""
    if facts is not None:
        members = [(m.name, m.role) for m in facts.organisation.mt]
    else:
        try:
            from narrator.config import load_organisation

            members = [(m.name, m.role) for m in load_organisation().mt]
        except NarratorError:  # config is optional for a plain text check
            return ()
    return tuple(sorted({t.strip() for pair in members for t in pair if t.strip()}))


def organisation_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``text`` where an MT name or role title is written (case-insensitive)."""
    if not terms:
        return []
    ordered = sorted(terms, key=len, reverse=True)
    pattern = re.compile("|".join(f"(?:{phrase_regex(t)})" for t in ordered), re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]

