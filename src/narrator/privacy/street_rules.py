"""Street + house number without a street-word suffix ("Oude Rijn 12"), via deduce's street list.

The suffix pattern in recognizers.yaml catches "Kerkstraat 12"; this finds the rest: one to four
capitalised words (interfixes allowed) that form a known street name, followed by a house number.
A one-word street must not be a common word (Markt, Noord, Nummer), to keep "regio Noord 3" out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from narrator.privacy.lexicon import NameLexicon

_WORD = r"(?:[A-Z][\w'’.-]*|van|de|der|den|het|op|aan|ter|ten|te|'t)"
_CANDIDATE = re.compile(
    rf"(?<![\w-])({_WORD}(?: {_WORD}){{0,3}}) (\d{{1,5}}(?: ?[a-zA-Z]\b|-\d{{1,4}}\b)?)"
    r"(?![\d,.]\d|\s?(?:%|uur|min|minuten|seconden|klanten|dagen|keer|x\b|punten))"
)


@dataclass(frozen=True)
class StreetHit:
    """A street + house number span."""

    start: int
    end: int


class StreetFinder:
    """Finds addresses whose street name is in the street list."""

    def __init__(self, lex: NameLexicon) -> None:
        self.lex = lex

    def find(self, text: str) -> list[StreetHit]:
        """Address spans, shortest known street name suffix before the house number."""
        hits = []
        for m in _CANDIDATE.finditer(text):
            start = self._street_start(m.group(1))
            if start is not None:
                hits.append(StreetHit(m.start(1) + start, m.end()))
        return hits

    def _street_start(self, words_text: str) -> int | None:
        """Offset in ``words_text`` where the longest known street name starts, or None."""
        words = words_text.split(" ")
        for k in range(len(words)):
            name = " ".join(words[k:]).lower()
            if not words[k][0].isupper():
                continue
            if name in self.lex.streets and (k < len(words) - 1 or self._single_ok(name)):
                return len(" ".join(words[:k])) + (1 if k else 0)
        return None

    def _single_ok(self, word: str) -> bool:
        return (word not in self.lex.common_words and word not in self.lex.ambiguous
                and word not in self.lex.places and len(word) > 3)
