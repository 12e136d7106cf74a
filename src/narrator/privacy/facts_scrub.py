"""Scrub every free text of a Facts bundle (the facts stage's last step)."""

from __future__ import annotations

from narrator.facts import Facts
from narrator.privacy.scrubber import Scrubber


def scrub_facts(facts: Facts) -> Facts:
    """A copy of ``facts`` with all free text scrubbed and ``scrubbed=True``.

    Scrubbed: incident description, close notes and cause; comment text; evidence titles;
    warnings; seasonal notes; previous actions' descriptions. Not scrubbed (no personal data by
    construction): KPI names, MT owners, regions, incident numbers, segments, source refs.
    One :class:`Scrubber` serves the whole bundle, so placeholders are consistent.
    """
    s = Scrubber()
    out = facts.model_copy(deep=True)
    for inc in out.incidents:
        inc.description = s.scrub(inc.description)
        inc.close_notes = s.scrub(inc.close_notes)
        inc.cause = s.scrub(inc.cause)
    for com in out.comments:
        com.text = s.scrub(com.text)
    for kpi in out.kpis:
        for ev in kpi.evidence:
            ev.title = s.scrub(ev.title)
        kpi.warnings = [s.scrub(w) for w in kpi.warnings]
        kpi.seasonal.note = s.scrub(kpi.seasonal.note)
        if kpi.seasonal.pattern is not None:
            kpi.seasonal.pattern = s.scrub(kpi.seasonal.pattern)
    for act in out.previous_actions:
        act.what = s.scrub(act.what)
    out.warnings = [s.scrub(w) for w in out.warnings]
    out.scrubbed = True
    return Facts.model_validate(out.model_dump())
