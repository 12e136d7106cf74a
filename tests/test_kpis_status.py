"""Deviation per basis, status colours and the norm rule (table-driven)."""

from __future__ import annotations

import math

import pytest

from narrator.config import Thresholds
from narrator.kpis.status import classify, deviation, norm_met

TH = Thresholds(oranje=2.0, rood=5.0)

DEVIATIONS = [
    # value, previous, direction, basis, expected deviation (%, >0 worse)
    (105.0, 100.0, "lower", "relative", 5.0),        # 5% more contacts: worse
    (95.0, 100.0, "lower", "relative", -5.0),        # fewer contacts: better
    (73.5, 75.0, "higher", "relative", 2.0),         # FCR 75 -> 73,5: 2% worse
    (99.90, 99.95, "higher", "complement", 100.0),   # unavailability 0,05 -> 0,10 doubles
    (99.95, 99.90, "higher", "complement", -50.0),   # halves: better
    (18.0, 21.0, "higher", "points", 3.0),           # NPS -3 points
    (-2.0, 1.0, "higher", "points", 3.0),            # NPS crosses zero: still 3 points
    (1.31, 1.18, "lower", "relative", (1.31 - 1.18) / 1.18 * 100),
]


@pytest.mark.parametrize(("value", "previous", "direction", "basis", "expected"), DEVIATIONS)
def test_deviation(value, previous, direction, basis, expected):
    assert deviation(value, previous, direction, basis) == pytest.approx(expected)


def test_deviation_zero_base():
    assert math.isinf(deviation(99.9, 100.0, "higher", "complement"))
    assert deviation(100.0, 100.0, "higher", "complement") == 0.0
    assert deviation(None, 1.0, "lower", "relative") is None


STATUSES = [
    # deviation, norm met, expected status
    (5.01, None, "rood"),
    (5.0, None, "oranje"),      # exactly 5% is not "more than 5%"
    (2.01, True, "oranje"),
    (2.0, None, "groen"),
    (-12.0, True, "groen"),     # improvement
    (0.5, False, "oranje"),     # norm missed: at least oranje
    (7.0, False, "rood"),       # norm missed does not lower rood
    (math.inf, None, "rood"),
    (None, None, "groen"),
]


@pytest.mark.parametrize(("dev", "met", "expected"), STATUSES)
def test_classify(dev, met, expected):
    assert classify(dev, TH, met) == expected


def test_availability_9995_to_9990_is_rood():
    dev = deviation(99.90, 99.95, "higher", "complement")
    assert classify(dev, TH, norm_met(99.90, 99.9, "higher")) == "rood"


def test_nps_points_basis_three_points_is_oranje_six_is_rood():
    assert classify(deviation(18, 21, "higher", "points"), TH, None) == "oranje"
    assert classify(deviation(15, 21, "higher", "points"), TH, None) == "rood"


@pytest.mark.parametrize(("value", "norm", "direction", "expected"), [
    (99.95, 99.9, "higher", True), (99.85, 99.9, "higher", False),
    (1.2, 1.3, "lower", True), (1.31, 1.3, "lower", False), (1.0, None, "lower", None),
])
def test_norm_met(value, norm, direction, expected):
    assert norm_met(value, norm, direction) is expected
