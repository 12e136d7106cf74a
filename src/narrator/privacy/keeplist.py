"""Keep-list: spans of a text that must survive scrubbing (``keep_list.yaml``)."""

from __future__ import annotations

import re

from narrator.privacy.models import KeepListConfig

_OVERLAP_TYPES = frozenset({"PERSON", "NL_ADDRESS"})


class KeepList:
    """Finds kept spans; see :meth:`KeepList.drops`."""

    def __init__(self, cfg: KeepListConfig) -> None:
        phrases = sorted(cfg.phrases, key=len, reverse=True)
        # the word boundaries hold for every phrase ("Marco de Jonge" is not kept)
        parts = [r"(?i:(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w))"]
        self._regex = re.compile("|".join(parts + [f"(?:{p})" for p in cfg.patterns]))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans (start, end) of kept text."""
        return [m.span() for m in self._regex.finditer(text) if m.end() > m.start()]

    @staticmethod
    def drops(entity_type: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
        """True when the keep-list overrides the entity ``[start, end)``.

        Names and addresses are dropped when they overlap kept text ("Linda Bakker 2" is not an
        address); other types only when they lie inside it (an e-mail address at ziggo.nl stays
        masked). Birth dates are never dropped: incident dates are kept, birth dates are not.
        """
        if entity_type == "DATE_OF_BIRTH":
            return False
        if entity_type in _OVERLAP_TYPES:
            return any(s < end and start < e for s, e in spans)
        return any(s <= start and end <= e for s, e in spans)
