"""House-style and number-fidelity validation of report texts (``narrator check``).

Public API: :class:`Finding`, :func:`validate_text`, :func:`validate_report_dir`,
:func:`load_rules`, :func:`score_corpus`.
"""

from __future__ import annotations

from narrator.validation.engine import validate_report_dir, validate_text
from narrator.validation.findings import CATEGORIES, Finding
from narrator.validation.loader import load_rules

__all__ = ["CATEGORIES", "Finding", "load_rules", "score_corpus", "validate_report_dir",
           "validate_text"]


def score_corpus(corpus: object = None, facts: object = None) -> dict[str, dict[str, float]]:
    """Precision/recall per category on the labelled corpus (see narrator.validation.corpus)."""
    from narrator.validation.corpus import score_corpus as _score

    return _score(corpus, facts)  # type: ignore[arg-type]
