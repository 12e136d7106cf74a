"""`narrator sample-data`: generate realistic exports (issue 2)."""

from __future__ import annotations

from narrator.errors import NarratorError


def sample_data() -> None:
    """generate realistic exports (issue 2)."""
    raise NarratorError("'narrator sample-data' is nog niet beschikbaar.")
