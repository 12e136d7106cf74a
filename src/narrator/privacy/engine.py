"""The offline Dutch presidio analyzer, built once per process (lazy singleton).

A blank spaCy ``nl`` pipeline (tokenizer only, nothing to download) is handed to presidio's
``SpacyNlpEngine``; a tiny component sets ``lemma_`` to the lower-cased token, since presidio's
context boosting compares context words against lemmas and a blank pipeline leaves them empty.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from narrator.privacy.keeplist import KeepList
from narrator.privacy.models import PIIEntity, RecognizerConfig
from narrator.privacy.recognizers import (
    LANGUAGE,
    REGEX_FLAGS,
    ConfiguredPatternRecognizer,
    DutchNameRecognizer,
    DutchStreetRecognizer,
)

_lock = threading.Lock()
_engine: PrivacyEngine | None = None


class PrivacyEngine:
    """The analyzer plus the keep-list and the placeholder names."""

    def __init__(self, analyzer: Any, keep: KeepList, config: RecognizerConfig) -> None:
        self.analyzer = analyzer
        self.keep = keep
        self.config = config

    def detect(self, text: str) -> list[PIIEntity]:
        """PII entities in ``text``: overlaps resolved, keep-list applied, sorted by start."""
        if not text or not text.strip():
            return []
        results = self.analyzer.analyze(text=text, language=LANGUAGE, regex_flags=REGEX_FLAGS,
                                        score_threshold=self.config.threshold)
        kept = self.keep.spans(text)
        found = [PIIEntity(entity_type=r.entity_type, start=r.start, end=r.end,
                           score=round(float(r.score), 4), text=text[r.start:r.end])
                 for r in results
                 if not self.keep.drops(r.entity_type, r.start, r.end, kept)]
        return resolve_overlaps(found)


def resolve_overlaps(entities: list[PIIEntity]) -> list[PIIEntity]:
    """Keep the best of overlapping entities: highest score, then longest, then earliest."""
    ranked = sorted(entities, key=lambda e: (-e.score, -(e.end - e.start), e.start))
    chosen: list[PIIEntity] = []
    for ent in ranked:
        if all(ent.end <= c.start or ent.start >= c.end for c in chosen):
            chosen.append(ent)
    return sorted(chosen, key=lambda e: e.start)


def get_engine() -> PrivacyEngine:
    """The process-wide engine, built on first use (thread-safe)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = _build_engine()
    return _engine


def _build_engine() -> PrivacyEngine:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from narrator.privacy.lexicon import build_lexicon
    from narrator.privacy.name_rules import NameFinder
    from narrator.privacy.settings import (
        load_keep_list,
        load_name_config,
        load_recognizer_config,
    )
    from narrator.privacy.street_rules import StreetFinder

    config = load_recognizer_config()
    names = load_name_config()
    lexicon = build_lexicon(names)
    finder = NameFinder(lexicon, names.titles, names.context_before)
    recognizers: list[Any] = [ConfiguredPatternRecognizer(spec, i)
                              for i, spec in enumerate(config.recognizers)]
    recognizers.append(DutchNameRecognizer(finder, names.score, names.weak_score))
    recognizers.append(DutchStreetRecognizer(StreetFinder(lexicon), names.street_score))
    return PrivacyEngine(_analyzer(recognizers), KeepList(load_keep_list()), config)


def _analyzer(recognizers: list[Any]) -> Any:
    with _quiet_presidio():
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        nlp_engine = SpacyNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "blank-nl"}])
        nlp_engine.nlp = {LANGUAGE: _blank_nl()}
        registry = RecognizerRegistry(supported_languages=[LANGUAGE])
        for rec in recognizers:
            registry.add_recognizer(rec)
        enhancer = LemmaContextAwareEnhancer(context_prefix_count=3, context_suffix_count=0,
                                             context_matching_mode="whole_word")
        return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                              supported_languages=[LANGUAGE], context_aware_enhancer=enhancer)


def _blank_nl() -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("narrator_lower_lemma"):
        @Language.component("narrator_lower_lemma")
        def lower_lemma(doc: Any) -> Any:
            for token in doc:
                token.lemma_ = token.lower_
            return doc

    nlp = spacy.blank(LANGUAGE)
    nlp.add_pipe("narrator_lower_lemma")
    return nlp


class _quiet_presidio:
    """Keep presidio's loggers at WARNING while building, so nothing about the text is logged."""

    def __enter__(self) -> None:
        for name in ("presidio-analyzer", "presidio_analyzer"):
            logging.getLogger(name).setLevel(logging.WARNING)

    def __exit__(self, *exc: object) -> None:
        return None
