"""`narrator eval`: run the eval suite and print the scorecard (issue 8)."""

from __future__ import annotations

from narrator.errors import NarratorError


def evaluate() -> None:
    """run the eval suite and print the scorecard (issue 8)."""
    raise NarratorError("'narrator eval' is nog niet beschikbaar.")
