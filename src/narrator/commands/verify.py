"""`narrator verify`: recompute hashes of an accepted report (issue 7)."""

from __future__ import annotations

from narrator.errors import NarratorError


def verify() -> None:
    """recompute hashes of an accepted report (issue 7)."""
    raise NarratorError("'narrator verify' is nog niet beschikbaar.")
