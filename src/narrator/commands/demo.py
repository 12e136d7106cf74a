"""`narrator demo`: produce the full report from data_samples, offline."""

from __future__ import annotations

from narrator.errors import NarratorError


def demo() -> None:
    """produce the full report from data_samples, offline."""
    raise NarratorError("'narrator demo' is nog niet beschikbaar.")
