"""Keep-list: spans of a text that must survive scrubbing (``keep_list.yaml``)."""

from __future__ import annotations

import re

from narrator.privacy.models import KeepListConfig


class KeepList:
    """Finds kept spans; an entity inside one is dropped."""

    def __init__(self, cfg: KeepListConfig) -> None:
        phrases = sorted(cfg.phrases, key=len, reverse=True)
        parts = [r"(?i:(?<!\w)" + "|".join(re.escape(p) for p in phrases) + r"(?!\w))"]
        self._regex = re.compile("|".join(parts + [f"(?:{p})" for p in cfg.patterns]))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans (start, end) of kept text."""
        return [m.span() for m in self._regex.finditer(text) if m.end() > m.start()]

    @staticmethod
    def covers(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
        """True when the entity ``[start, end)`` lies inside a kept span."""
        return any(s <= start and end <= e for s, e in spans)
