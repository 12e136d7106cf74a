"""`narrator accept`: accept a reviewed report and file it in the archive (issue 7)."""

from __future__ import annotations

from narrator.errors import NarratorError


def accept() -> None:
    """accept a reviewed report and file it in the archive (issue 7)."""
    raise NarratorError("'narrator accept' is nog niet beschikbaar.")
