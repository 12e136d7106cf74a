"""`narrator deadline`: print the report deadline (issue 2)."""

from __future__ import annotations

from narrator.errors import NarratorError


def deadline() -> None:
    """print the report deadline (issue 2)."""
    raise NarratorError("'narrator deadline' is nog niet beschikbaar.")
