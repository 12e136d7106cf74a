"""Rule-based Dutch person-name finder on top of word lists (no NER model is available offline).

Evidence, strongest first: a title (dhr., mevrouw, de heer), initials (J.P.), a context word
(klant, collega, monteur), a known first name followed by a surname, an interfix followed by a
known surname (de Boer, van Dijk), a single known first name or surname. Surnames that are also
words (Groen, Bakker, Visser) need strong evidence. Lower-case names count after a title or a
context word, or as first name + surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from narrator.privacy.lexicon import NameLexicon

_TOKEN = re.compile(r"(?:[A-Za-z]\.){1,4}(?![^\W\d_])|[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*")
_TITLE_CASE = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]*(?:[-'’][^\W\d_]+)*")
_MAX_PARTS = 6
_OPENER_SKIP = " \t*_#>-–(\"'‘“"
_OPENER_END = ".!?:;|\n"
_CONTEXT_GAP = re.compile(r"\.?[ \t]*[:,]?[ \t]*")
_INTERFIX_START = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "el", "la", "le",
                             "da", "dos", "du", "von", "op", "in", "uit", "bij", "aan"})


@dataclass(frozen=True)
class Tok:
    """A word token with its character span."""

    start: int
    end: int
    text: str
    low: str

    @property
    def is_title_case(self) -> bool:
        """Capital first letter, lower case after it (except after a hyphen or apostrophe)."""
        return _TITLE_CASE.fullmatch(self.text) is not None

    @property
    def is_initials(self) -> bool:
        return self.text.endswith(".") and len(self.text) <= 8


@dataclass(frozen=True)
class NameHit:
    """A name span found by the rules, with the strength of its evidence."""

    start: int
    end: int
    strong: bool


def tokenize(text: str) -> list[Tok]:
    """Word tokens; hyphenated double names stay one token, initials keep their dots."""
    return [Tok(m.start(), m.end(), m.group(), m.group().lower()) for m in _TOKEN.finditer(text)]


class NameFinder:
    """Finds person names in a text with the lexicon and the configured word lists."""

    def __init__(self, lex: NameLexicon, titles: list[str], context: list[str]) -> None:
        self.lex = lex
        self.titles = _phrase_set(titles)
        self.context = _phrase_set(context)

    def find(self, text: str) -> list[NameHit]:
        """All name spans in ``text``, left to right, non-overlapping."""
        toks = tokenize(text)
        hits: list[NameHit] = []
        i = 0
        while i < len(toks):
            hit, nxt = self._match_at(text, toks, i)
            if hit is not None:
                hits.append(hit)
            i = max(nxt, i + 1)
        return hits

    # -- triggers -------------------------------------------------------------------------
    def _match_at(self, text: str, toks: list[Tok], i: int) -> tuple[NameHit | None, int]:
        if toks[i].low in self.lex.sentence_starters and _sentence_initial(text, toks[i]):
            return None, i + 1
        for phrases, strong in ((self.titles, True), (self.context, False)):
            j = _phrase_end(toks, i, phrases)
            if j is not None and not self._name_may_follow(text, toks, j, strong):
                return None, j
            if j is not None:
                end = self._chain(text, toks, j, after_title=strong, after_context=True)
                if end > j:
                    return _hit(toks, j, end, strong=True), end
                return None, j
        end = self._chain(text, toks, i, after_title=False, after_context=False)
        if end > i and self._is_place(toks[i:end]):
            return None, end
        if end > i:
            return self._judge(text, toks, i, end), end
        return None, i + 1

    def _name_may_follow(self, text: str, toks: list[Tok], j: int, after_title: bool) -> bool:
        """A name follows a title or context word in the same cell and line, and a context
        word followed by a colon does not make a sentence starter ("Klant: Pak het aan") a name.
        """
        if j >= len(toks) or not _CONTEXT_GAP.fullmatch(text[toks[j - 1].end:toks[j].start]):
            return False
        return after_title or not (toks[j].low in self.lex.sentence_starters
                                   and _sentence_initial(text, toks[j]))

    def _is_place(self, parts: list[Tok]) -> bool:
        """'Den Haag', 'in Den Haag', 'Bergen op Zoom': a place name, not a person."""
        words = [p.low for p in parts]
        if " ".join(words) in self.lex.places:
            return True
        lead = parts[0]  # a leading preposition as in "in Den Haag"
        return lead.text.islower() and lead.low not in self.lex.first_names and \
            " ".join(words[1:]) in self.lex.places

    def _judge(self, text: str, toks: list[Tok], i: int, end: int) -> NameHit | None:
        """Decide whether a chain found without a title or context word is a name."""
        parts = toks[i:end]
        if len(parts) >= 2:
            return _hit(toks, i, end, strong=True)
        tok = parts[0]
        if not tok.is_title_case or tok.low in self.lex.ambiguous:
            return None
        if tok.low in self.lex.places and tok.low not in self.lex.first_names:
            return None
        return _hit(toks, i, end, strong=False)

    # -- chains ---------------------------------------------------------------------------
    def _chain(self, text: str, toks: list[Tok], i: int, *, after_title: bool,
               after_context: bool) -> int:
        """Index after the longest run of name parts starting at ``i`` (``i`` if none)."""
        j = i
        while j < len(toks) and j - i < _MAX_PARTS:
            if j > i and not _adjacent(text, toks[j - 1], toks[j]):
                break
            step = self._part(text, toks, j, first=j == i, after_title=after_title,
                              after_context=after_context, in_chain=j > i)
            if step == 0:
                break
            j += step
        return j

    def _part(self, text: str, toks: list[Tok], j: int, *, first: bool, after_title: bool,
              after_context: bool, in_chain: bool) -> int:
        """Number of tokens (0, 1 or more) that form the next name part at ``j``."""
        tok = toks[j]
        n_inter = self._interfix_len(text, toks, j)
        if (n_inter and j + n_inter < len(toks)
                and _adjacent(text, toks[j + n_inter - 1], toks[j + n_inter])
                and self._after_interfix_ok(toks[j + n_inter], tok, first, in_chain,
                                            after_context)):
            return n_inter + 1
        if tok.is_initials and (after_context or (tok.text[0].isupper()
                                                  and _followed_by_word(text, toks, j))):
            return 1
        if tok.is_title_case:
            return 1 if self._title_case_ok(tok, first, after_title, after_context,
                                            in_chain) else 0
        if tok.text.islower() and (after_context or in_chain or first):
            after_upper = in_chain and toks[j - 1].is_title_case
            return 1 if self._lower_ok(tok, first, after_context, in_chain, after_upper) else 0
        return 0

    def _after_interfix_ok(self, nxt: Tok, tok: Tok, first: bool, in_chain: bool,
                           after_context: bool) -> bool:
        if not (tok.text[0].islower() or first):
            return False
        low = nxt.low
        surname_ok = (low in self.lex.interfix_surnames or low in self.lex.surnames) and \
            low not in self.lex.common_words
        if nxt.is_title_case:
            return surname_ok or in_chain or after_context
        if not nxt.text.islower() or low in self.lex.stop_words:
            return False
        known = low in self.lex.interfix_surnames or low in self.lex.surnames
        if in_chain:  # "anna de wit": a first name before it makes the word a surname
            return known
        return after_context and surname_ok and low not in self.lex.ambiguous

    def _title_case_ok(self, tok: Tok, first: bool, after_title: bool, after_context: bool,
                       in_chain: bool) -> bool:
        low = tok.low
        if first and after_title:
            return low not in self.lex.stop_words
        if (in_chain or after_context) and low not in self.lex.stop_words \
                and low not in self.lex.not_names:
            return True
        if low in self.lex.common_words:
            return False
        known = self._known(low)
        if in_chain or after_context:
            return known or low not in self.lex.places
        return known

    def _lower_ok(self, tok: Tok, first: bool, after_context: bool, in_chain: bool,
                  after_upper: bool = False) -> bool:
        """A lower-case name part; after a capitalised part only a surname that is no word.

        Surnames that only follow an interfix ("de laat") count only there, so "Pieter van
        Dijk laat ..." ends the name at "Dijk".
        """
        low = tok.low
        if len(low) < 3 or low in self.lex.stop_words:
            return False
        if after_upper:
            return low in self.lex.surnames and low not in self.lex.common_words
        if in_chain and low in self.lex.surnames:
            return True
        if low in self.lex.common_words:
            return False
        if after_context or in_chain:
            return self._known(low)
        return first and low in self.lex.first_names

    def _known(self, low: str) -> bool:
        """A known first name or surname; interfix surnames ("Waarde" of "de Waarde") only
        count after an interfix (see ``_after_interfix_ok``)."""
        parts = low.split("-")
        return all(p in self.lex.first_names or p in self.lex.surnames for p in parts)

    def _interfix_len(self, text: str, toks: list[Tok], j: int) -> int:
        for n in (3, 2, 1):
            if j + n > len(toks):
                continue
            words = toks[j:j + n]
            if not all(_adjacent(text, a, b) for a, b in pairwise(words)):
                continue
            if " ".join(t.low for t in words) in self.lex.interfixes:
                return n
        return 0


def _phrase_set(phrases: list[str]) -> frozenset[str]:
    return frozenset(p.lower().rstrip(".") for p in phrases)


def _phrase_end(toks: list[Tok], i: int, phrases: frozenset[str]) -> int | None:
    """Index after a (1-3 word) phrase from ``phrases`` starting at ``i``, else None."""
    if toks[i].low.rstrip(".") not in _first_words(phrases):
        return None
    for n in (3, 2, 1):
        if i + n > len(toks):
            continue
        words = toks[i:i + n]
        if words[0].text.isupper() and len(words[0].text) > 1:
            continue
        if " ".join(t.low.rstrip(".") for t in words) in phrases:
            return i + n
    return None


@lru_cache(maxsize=8)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split(" ")[0] for p in phrases)


def _adjacent(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end:b.start]
    return gap == " " or (gap == "" and a.is_initials)


def _sentence_initial(text: str, tok: Tok) -> bool:
    """True at the start of the text, a line, a table cell, or after . ! ? : ;"""
    k = tok.start
    while k > 0 and text[k - 1] in _OPENER_SKIP:
        k -= 1
    return k == 0 or text[k - 1] in _OPENER_END


def _followed_by_word(text: str, toks: list[Tok], j: int) -> bool:
    """Initials followed by a capitalised word or an interfix (J. de Vries)."""
    return j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]) and \
        (toks[j + 1].text[0].isupper() or toks[j + 1].low in _INTERFIX_START)


def _hit(toks: list[Tok], i: int, end: int, *, strong: bool) -> NameHit:
    return NameHit(toks[i].start, toks[end - 1].end, strong)
