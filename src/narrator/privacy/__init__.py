"""Dutch PII scrubber on presidio-analyzer (issue 3).

Public API: :func:`detect`, :class:`Scrubber`, :func:`scrub_facts`, :class:`PIIEntity`.
"""

from __future__ import annotations

from narrator.privacy.facts_scrub import scrub_facts
from narrator.privacy.models import PIIEntity
from narrator.privacy.scrubber import Scrubber


def detect(text: str) -> list[PIIEntity]:
    """Personal data in ``text`` as entities with type, span (end exclusive), score and text."""
    from narrator.privacy.engine import get_engine

    return get_engine().detect(text)


__all__ = ["PIIEntity", "Scrubber", "detect", "scrub_facts"]
