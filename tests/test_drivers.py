"""Month-over-month decomposition: hand-worked rate/mix example and exactness properties."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.kpis.compute import Measure
from narrator.kpis.drivers import decompose, top_driver


def ratio_measure(rows: list[tuple[str, str, float, float]], scale: float = 100.0) -> Measure:
    frame = pd.DataFrame(rows, columns=["month", "region", "num", "den"])
    return Measure(frame[["month", "region", "num"]], frame[["month", "region", "den"]], scale,
                   "f", ("accounts",))


def test_rate_mix_hand_worked():
    # churn per region. October: Oost 10/1000 (1%), West 30/1000 (3%) -> V0 = 40/2000 = 2%.
    # November: Oost 10/1000 (1%), West 60/2000 (3%) -> V1 = 70/3000 = 2,3333%. dV = 0,3333.
    # weights: Oost 0,5 -> 1/3 (dw = -1/6), West 0,5 -> 2/3 (dw = +1/6); Vbar = 2,16667
    # rates unchanged, so rate effects are 0;
    # mix Oost = (1 - 2,16667) * -1/6 = 0,19444; mix West = (3 - 2,16667) * 1/6 = 0,13889.
    m = ratio_measure([("2026-10", "Oost", 10, 1000), ("2026-10", "West", 30, 1000),
                       ("2026-11", "Oost", 10, 1000), ("2026-11", "West", 60, 2000)])
    parts = {c.segment: c for c in decompose(m, "region", "2026-11", "2026-10")}
    assert parts["Oost"].rate_effect == pytest.approx(0.0)
    assert parts["West"].rate_effect == pytest.approx(0.0)
    assert parts["Oost"].mix_effect == pytest.approx(7 / 36)
    assert parts["West"].mix_effect == pytest.approx(5 / 36)
    assert sum(c.contribution for c in parts.values()) == pytest.approx(70 / 30 - 2.0)
    assert parts["West"].value == pytest.approx(3.0) and parts["West"].previous == pytest.approx(3)


def test_rate_effect_when_weights_fixed():
    # equal weights 0,5; West rate 3% -> 5%: rate effect West = 0,5 * 2 = 1, mix 0, dV = 1.
    m = ratio_measure([("2026-10", "Oost", 10, 1000), ("2026-10", "West", 30, 1000),
                       ("2026-11", "Oost", 10, 1000), ("2026-11", "West", 50, 1000)])
    parts = {c.segment: c for c in decompose(m, "region", "2026-11", "2026-10")}
    assert parts["West"].rate_effect == pytest.approx(1.0)
    assert parts["West"].mix_effect == pytest.approx(0.0)
    assert parts["Oost"].contribution == pytest.approx(0.0)


def test_additive_differences():
    num = pd.DataFrame({"month": ["2026-10", "2026-11", "2026-11"],
                        "region": ["Oost", "Oost", "West"], "num": [100.0, 400.0, 50.0]})
    m = Measure(num, None, 1.0, "sum", ("incidents",))
    parts = {c.segment: c.contribution for c in decompose(m, "region", "2026-11", "2026-10")}
    assert parts == {"Oost": 300.0, "West": 50.0}


def test_numerator_share_when_denominator_lacks_dimension():
    # contacts per 1.000 klanten by channel: D0 = 1.000, D1 = 2.000
    # telefoon 100 -> 300: 1000 * (300/2000 - 100/1000) = 50; chat 50 -> 50: 25 - 50 = -25
    num = pd.DataFrame({"month": ["2026-10", "2026-10", "2026-11", "2026-11"],
                        "channel": ["telefoon", "chat", "telefoon", "chat"],
                        "num": [100.0, 50.0, 300.0, 50.0]})
    den = pd.DataFrame({"month": ["2026-10", "2026-11"], "region": ["Oost", "Oost"],
                        "den": [1000.0, 2000.0]})
    m = Measure(num, den, 1000.0, "f", ("cases", "accounts"))
    parts = {c.segment: c.contribution for c in decompose(m, "channel", "2026-11", "2026-10")}
    assert parts == pytest.approx({"telefoon": 50.0, "chat": -25.0})
    assert sum(parts.values()) == pytest.approx(m.value("2026-11") - m.value("2026-10"))


segment = st.tuples(st.integers(0, 500), st.integers(1, 5000))


@settings(max_examples=150, deadline=None)
@given(before=st.lists(segment, min_size=1, max_size=5),
       after=st.lists(segment, min_size=1, max_size=5))
def test_rate_mix_adds_up_exactly(before, after):
    rows = [("2026-10", f"r{i}", float(n), float(d)) for i, (n, d) in enumerate(before)]
    rows += [("2026-11", f"r{i}", float(n), float(d)) for i, (n, d) in enumerate(after)]
    m = ratio_measure(rows)
    parts = decompose(m, "region", "2026-11", "2026-10")
    total = m.value("2026-11") - m.value("2026-10")
    assert math.fsum(p.contribution for p in parts) == pytest.approx(total, abs=1e-9)
    for p in parts:
        assert p.rate_effect + p.mix_effect == pytest.approx(p.contribution, abs=1e-12)


def test_top_driver_prefers_first_concentrated_dimension():
    from narrator.kpis.drivers import SegmentChange as C

    changes = [C("region", "Oost", None, None, 8.0, None, None),
               C("region", "West", None, None, 2.0, None, None),
               C("category", "storing", None, None, 9.5, None, None),
               C("category", "factuur", None, None, 0.5, None, None)]
    assert top_driver(changes, ["region", "category"], 10.0, 50.0).segment == "Oost"
    assert top_driver(changes, ["region", "category"], 10.0, 90.0).segment == "storing"
