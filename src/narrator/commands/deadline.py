"""`narrator deadline`: print the report deadline (issue 2)."""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console

from narrator.calendar import dutch_holidays, next_month, report_deadline
from narrator.config import load_organisation
from narrator.numbers import format_date, format_month

_DAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def deadline(
    month: str = typer.Argument(
        ..., metavar="JJJJ-MM",
        help="De rapportagemaand (de maand waarover gerapporteerd wordt), bijvoorbeeld 2026-11.",
    ),
) -> None:
    """Toon de deadline van het rapport over JJJJ-MM.

    De deadline is de 7e werkdag (instelbaar in config/organisation.yaml) van de maand NA de
    rapportagemaand: het rapport over november 2026 moet af op de 7e werkdag van december 2026.
    Weekenden en Nederlandse feestdagen (Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaart, Pinksteren,
    Kerst, ...) tellen niet als werkdag.
    """
    nth = load_organisation().deadline_working_day
    due = report_deadline(month, nth)
    skipped = _holidays_before(next_month(month), due)
    text = (f"Deadline rapport {format_month(month)}: {_DAYS_NL[due.weekday()]} "
            f"{format_date(due)} ({due.isoformat()}), "
            f"de {nth}e werkdag van {format_month(next_month(month))}.")
    console = Console(highlight=False, soft_wrap=True)
    console.print(text)
    if skipped:
        console.print("Feestdagen overgeslagen: " + ", ".join(skipped) + ".")


def _holidays_before(month: str, due: date) -> list[str]:
    """Working-week holidays in ``month`` up to ``due``, as 'Kerstmis (25-12)' labels."""
    year, mon = int(month[:4]), int(month[5:])
    return [f"{name} ({day.day}-{day.month})" for day, name in sorted(dutch_holidays(year).items())
            if day.month == mon and day <= due and day.weekday() < 5]
