"""The labelled corpus: precision and recall at least 0,95 for every category."""

from __future__ import annotations

import pytest

from narrator.validation import CATEGORIES, score_corpus
from narrator.validation.corpus import load_corpus

SCORES = score_corpus()


def test_corpus_is_large_enough_and_covers_every_category() -> None:
    items = load_corpus()
    assert len(items) >= 150
    labelled = {c for item in items for c in item.categories}
    assert labelled == set(CATEGORIES)
    clean = [i.text for i in items if not i.categories]
    for hard in ["Het aantal abonnementen steeg licht.", "In 2026 daalde de churn voor het eerst.",
                 "Het aantal storingen daalde.", "De beschikbaarheid bleef boven de 99,95%."]:
        assert hard in clean


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall_per_category(category: str) -> None:
    score = SCORES[category]
    assert score["tp"] >= 5, score
    assert score["precision"] >= 0.95, (score, SCORES["_totaal"]["fouten"])
    assert score["recall"] >= 0.95, (score, SCORES["_totaal"]["fouten"])
