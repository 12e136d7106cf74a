"""`narrator kpis`: print the 9 KPIs for a month (issue 2)."""

from __future__ import annotations

from narrator.errors import NarratorError


def kpis() -> None:
    """print the 9 KPIs for a month (issue 2)."""
    raise NarratorError("'narrator kpis' is nog niet beschikbaar.")
