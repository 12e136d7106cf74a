"""Presidio recognizers built from the data files: configured patterns and the name rules."""

from __future__ import annotations

import re

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


class DutchNameRecognizer(EntityRecognizer):
    """PERSON entities from the rule-based :class:`NameFinder`."""

    def __init__(self, finder: NameFinder, score: float, weak_score: float) -> None:
        self._finder = finder
        self._score = score
        self._weak = weak_score
        super().__init__(supported_entities=["PERSON"], name="DutchNameRecognizer",
                         supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: the lexicon is built before the recognizer."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Name spans as presidio results."""
        return [
            RecognizerResult("PERSON", h.start, h.end, self._score if h.strong else self._weak)
            for h in self._finder.find(text)
        ]


class DutchStreetRecognizer(EntityRecognizer):
    """NL_ADDRESS entities for known street names without a street-word suffix."""

    def __init__(self, finder: StreetFinder, score: float) -> None:
        self._finder = finder
        self._score = score
        super().__init__(supported_entities=["NL_ADDRESS"], name="DutchStreetRecognizer",
                         supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: the street list is part of the lexicon."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Street + house number spans as presidio results."""
        return [RecognizerResult("NL_ADDRESS", h.start, h.end, self._score)
                for h in self._finder.find(text)]
