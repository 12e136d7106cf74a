"""`narrator run`: produce the report folder for a month."""

from __future__ import annotations

from narrator.errors import NarratorError


def run() -> None:
    """produce the report folder for a month."""
    raise NarratorError("'narrator run' is nog niet beschikbaar.")
