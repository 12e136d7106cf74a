"""Presidio recognizers built from the data files: configured patterns and the name rules."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from narrator.errors import ConfigError
from narrator.privacy.models import PatternSpec
from narrator.privacy.name_rules import NameFinder
from narrator.privacy.street_rules import StreetFinder
from narrator.privacy.validators import VALIDATORS

LANGUAGE = "nl"
REGEX_FLAGS = re.DOTALL | re.MULTILINE  # case-sensitive: capitalisation matters


class ConfiguredPatternRecognizer(PatternRecognizer):
    """A pattern recognizer from ``recognizers.yaml`` with an optional checksum hook.

    A failed check drops the match; a passed one keeps the configured base score (so that
    context words can still decide for weak patterns).
    """

    def __init__(self, spec: PatternSpec, index: int) -> None:
        if spec.validator != "none" and spec.validator not in VALIDATORS:
            raise ConfigError(f"onbekende validator '{spec.validator}' bij {spec.entity}")
        self._check = VALIDATORS.get(spec.validator)
        patterns = [Pattern(name=f"{spec.entity.lower()}_{n}", regex=rx, score=spec.score)
                    for n, rx in enumerate(spec.patterns)]
        super().__init__(supported_entity=spec.entity, name=f"{spec.entity}_{index}",
                         supported_language=LANGUAGE, patterns=patterns,
                         context=spec.context or None, global_regex_flags=REGEX_FLAGS)

    def validate_result(self, pattern_text: str) -> bool | None:
        """False when the checksum fails; None (score unchanged) otherwise."""
        if self._check is None:
            return None
        return None if self._check(pattern_text) else False


class _FinderRecognizer(EntityRecognizer):
    """Presidio adapter for a rule-based finder whose hits have ``start``/``end``."""

    entity: str = ""

    def __init__(self, finder: NameFinder | StreetFinder, score: float) -> None:
        self._finder = finder
        self._score = score
        super().__init__(supported_entities=[self.entity], name=type(self).__name__,
                         supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: the lexicon is built before the recognizer."""

    def _hit_score(self, hit: Any) -> float:
        return self._score

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """The finder's spans as presidio results."""
        return [RecognizerResult(self.entity, h.start, h.end, self._hit_score(h))
                for h in self._finder.find(text)]


class DutchNameRecognizer(_FinderRecognizer):
    """PERSON entities from the rule-based :class:`NameFinder`; weak hits score lower."""

    entity = "PERSON"

    def __init__(self, finder: NameFinder, score: float, weak_score: float) -> None:
        self._weak = weak_score
        super().__init__(finder, score)

    def _hit_score(self, hit: Any) -> float:
        return self._score if hit.strong else self._weak


class DutchStreetRecognizer(_FinderRecognizer):
    """NL_ADDRESS entities for known street names without a street-word suffix."""

    entity = "NL_ADDRESS"
