"""Replace personal data by typed placeholders that are consistent within one report.

Placeholders (entity type -> text; the list lives in ``config/privacy/recognizers.yaml``):
``[NAAM-n]`` PERSON, ``[EMAIL-n]``, ``[TELEFOON-n]``, ``[IBAN-n]``, ``[BSN-n]``, ``[POSTCODE-n]``,
``[ADRES-n]``, ``[KLANTNUMMER-n]``, ``[CONTRACTNUMMER-n]``, ``[MSISDN-n]``, ``[IMEI-n]``,
``[IMSI-n]``, ``[ICCID-n]``, ``[IP-n]``, ``[MAC-n]``, ``[KENTEKEN-n]``, ``[GEBOORTEDATUM-n]``.
The same value gets the same number everywhere one :class:`Scrubber` sees it; a surname alone
reuses the number of the full name seen before ("[NAAM-1] ... [NAAM-1]").
"""

from __future__ import annotations

import re

from narrator.privacy.models import PIIEntity

_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_WORDS = frozenset({"dhr", "mevr", "mw", "de", "heer", "van", "der", "den", "het", "ter"})


class Scrubber:
    """Scrubs texts of one report; keep one instance per report for consistent numbering."""

    def __init__(self) -> None:
        from narrator.privacy.engine import get_engine

        self._engine = get_engine()
        self._numbers: dict[tuple[str, str], int] = {}
        self._counts: dict[str, int] = {}

    def scrub(self, text: str) -> str:
        """``text`` with every detected entity replaced by its placeholder."""
        return self.scrub_with_entities(text)[0]

    def scrub_with_entities(self, text: str) -> tuple[str, list[PIIEntity]]:
        """Scrubbed text and the entities that were replaced."""
        entities = self._engine.detect(text)
        labels = [self.placeholder(ent) for ent in entities]  # numbered in reading order
        out = text
        for ent, label in sorted(zip(entities, labels, strict=True), key=lambda p: -p[0].start):
            out = out[:ent.start] + label + out[ent.end:]
        return out, entities

    def placeholder(self, ent: PIIEntity) -> str:
        """The placeholder for ``ent``, numbered consistently within this scrubber."""
        kind = self._engine.config.placeholders.get(ent.entity_type, "PII")
        key = (kind, _normalise(ent.text))
        number = self._numbers.get(key)
        if number is None and kind == "NAAM":
            number = self._numbers.get((kind, _surname(ent.text)))
        if number is None:
            number = self._counts.get(kind, 0) + 1
            self._counts[kind] = number
        self._numbers[key] = number
        if kind == "NAAM":
            self._numbers.setdefault((kind, _surname(ent.text)), number)
        return f"[{kind}-{number}]"


def _normalise(value: str) -> str:
    return _NON_ALNUM.sub("", value.lower())


def _surname(value: str) -> str:
    words = [w for w in re.split(r"\s+", value.strip()) if w and not w.endswith(".")]
    tail = [w for w in words if w.lower() not in _TITLE_WORDS][-1:] if words else []
    return _normalise(tail[0]) if tail else _normalise(value)
