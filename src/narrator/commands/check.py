"""`narrator check`: validate drafts against the house style and the facts (issue 4)."""

from __future__ import annotations

from narrator.errors import NarratorError


def check() -> None:
    """validate drafts against the house style and the facts (issue 4)."""
    raise NarratorError("'narrator check' is nog niet beschikbaar.")
