"""The report deadline: 7th working day of the month after the report month, Dutch holidays."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from narrator.calendar import is_working_day, nth_working_day, report_deadline
from narrator.cli import app


@pytest.mark.parametrize(("report_month", "expected", "why"), [
    ("2026-11", date(2026, 12, 9), "1 dec is a Tuesday; no holidays in the first week"),
    ("2026-12", date(2027, 1, 12), "Nieuwjaarsdag (Fri 1 Jan) skipped"),
    ("2026-03", date(2026, 4, 13), "Goede vrijdag 3 Apr and Tweede paasdag 6 Apr skipped"),
    ("2025-04", date(2025, 5, 12), "Bevrijdingsdag 5 May 2025 (lustrum year) skipped"),
    ("2027-04", date(2027, 5, 12), "Mon 3, Tue 4, Wed 5, (Hemelvaart Thu 6), Fri 7, 10, 11, 12"),
    ("2025-11", date(2025, 12, 9), "December 2025 starts on Monday"),
])
def test_report_deadline(report_month, expected, why):
    assert report_deadline(report_month) == expected, why


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 4, 27), False),   # Koningsdag (Monday)
    (date(2026, 12, 25), False),  # Eerste Kerstdag
    (date(2026, 12, 24), True),   # Kerstavond is a normal working day
    (date(2026, 4, 6), False),    # Tweede paasdag
    (date(2026, 11, 28), False),  # Saturday
    (date(2026, 11, 30), True),
])
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_koningsdag_shifts_working_days():
    # April 2026: Wed 1, Thu 2, (Fri 3 Goede vrijdag), (Mon 6 Tweede paasdag), Tue 7 ...
    assert nth_working_day(2026, 4, 3) == date(2026, 4, 7)
    # 7-10 -> 6, 13-17 -> 11, 20-24 -> 16; Mon 27 April (Koningsdag) skipped -> 17th is 28 April
    assert nth_working_day(2026, 4, 16) == date(2026, 4, 24)
    assert nth_working_day(2026, 4, 17) == date(2026, 4, 28)


def test_cli_deadline():
    result = CliRunner().invoke(app, ["deadline", "2026-11"])
    assert result.exit_code == 0
    assert "woensdag 9 december 2026" in result.output


def test_cli_deadline_bad_month():
    result = CliRunner().invoke(app, ["deadline", "2026-13"])
    assert result.exit_code == 2
    assert "ongeldige maand" in result.output
    assert "Traceback" not in result.output
