"""Acceptance on the labelled set: held-out recall >= 0,95 per type, precision >= 0,90,
keep-list masking <= 2%."""

from __future__ import annotations

from typing import Any

import pytest

from narrator.privacy.evaluate import load_set, score_pii_set


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    return score_pii_set()


def test_set_is_large_enough_and_split() -> None:
    records = load_set()
    assert len(records) >= 250
    held = [r for r in records if r["split"] == "heldout"]
    assert 0.2 <= len(held) / len(records) <= 0.4
    for r in records:
        for e in r["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(r["text"])


def test_heldout_recall_per_type(scores: dict[str, Any]) -> None:
    low = {t: v["recall"] for t, v in scores["heldout"]["per_type"].items()
           if v["recall"] is not None and v["recall"] < 0.95}
    assert not low, low


def test_heldout_precision_overall(scores: dict[str, Any]) -> None:
    assert scores["heldout"]["precision"] >= 0.90


def test_keep_list_masking(scores: dict[str, Any]) -> None:
    for part in ("tune", "heldout"):
        assert scores[part]["keep_masked_rate"] <= 0.02
