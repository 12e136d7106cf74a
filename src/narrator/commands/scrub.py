"""`narrator scrub`: print scrubbed text or the PII entities found (issue 3)."""

from __future__ import annotations

from narrator.errors import NarratorError


def scrub() -> None:
    """print scrubbed text or the PII entities found (issue 3)."""
    raise NarratorError("'narrator scrub' is nog niet beschikbaar.")
