"""Is a KPI's move within the seasonal expectation? (same month last year + config patterns)."""

from __future__ import annotations

from dataclasses import dataclass

from narrator.calendar import parse_month, previous_month, shift_month
from narrator.config import KPIDefinition, SeasonalRule, Thresholds
from narrator.facts import Seasonal
from narrator.kpis.settings import EvidenceSettings
from narrator.kpis.status import change_pct, deviation
from narrator.numbers import format_month, format_number


@dataclass(frozen=True)
class Move:
    """This month's move of a KPI: signed change and unfavourable deviation (per basis)."""

    change: float | None
    deviation: float | None


def _rule_for(kpi: KPIDefinition, month: str) -> SeasonalRule | None:
    mon = parse_month(month)[1]
    return next((r for r in kpi.seasonal if mon in r.months), None)


def _fmt_dev(kpi: KPIDefinition, dev: float) -> str:
    unit = " punten" if kpi.basis == "points" else "%"
    return format_number(dev, 1, signed=True) + unit


def judge(kpi: KPIDefinition, month: str, move: Move, values: dict[str, float | None],
          thresholds: Thresholds, settings: EvidenceSettings) -> Seasonal:
    """Compare this month's move with the seasonal pattern and the same month last year.

    ``values`` maps months to KPI values and must hold the month a year back and the one
    before it when available. Deviations are compared in the KPI's own basis.
    """
    ly, ly_prev = shift_month(month, -12), previous_month(shift_month(month, -12))
    ly_value, ly_prev_value = values.get(ly), values.get(ly_prev)
    ly_dev = deviation(ly_value, ly_prev_value, kpi.direction, kpi.basis)
    ly_change = None if ly_value is None or ly_prev_value is None else ly_value - ly_prev_value
    rule = _rule_for(kpi, month)
    expected, note = _verdict(move, rule, ly_change, ly_dev, thresholds, settings)
    if ly_dev is not None:
        note += f"; {format_month(ly)}: {_fmt_dev(kpi, _signed(ly_change, ly_dev))}"
    return Seasonal(expected=expected, pattern=rule.pattern if rule else None,
                    same_month_last_year=ly_value,
                    change_last_year_pct=change_pct(ly_value, ly_prev_value), note=note)


def _signed(change: float | None, dev: float) -> float:
    """The deviation's magnitude with the sign of the value's change (for the note)."""
    return abs(dev) if (change or 0) >= 0 else -abs(dev)


def _within(dev: float, ly_dev: float | None, settings: EvidenceSettings) -> bool:
    if ly_dev is None:
        return True
    limit = settings.seasonal_tolerance_factor * abs(ly_dev) + settings.seasonal_tolerance_slack_pct
    return abs(dev) <= limit


def _verdict(move: Move, rule: SeasonalRule | None, ly_change: float | None,
             ly_dev: float | None, thresholds: Thresholds,
             settings: EvidenceSettings) -> tuple[bool, str]:
    if move.change is None or move.deviation is None:
        return False, "geen vergelijking mogelijk"
    up = move.change > 0
    if rule is not None and move.change != 0:
        if (rule.direction == "up") != up:
            return False, f"tegen het seizoenspatroon in ({rule.pattern})"
        if _within(move.deviation, ly_dev, settings):
            return True, f"in lijn met het seizoen ({rule.pattern})"
        return False, f"sterker dan het seizoenspatroon ({rule.pattern})"
    same_way_ly = ly_change is not None and ly_change != 0 and (ly_change > 0) == up
    if (same_way_ly and ly_dev is not None and abs(ly_dev) > thresholds.oranje
            and _within(move.deviation, ly_dev, settings)):
        return True, "in lijn met dezelfde maand vorig jaar"
    if move.deviation <= thresholds.oranje:
        return True, "geen afwijking van betekenis ten opzichte van vorige maand"
    return False, "niet verklaard door het seizoen"
