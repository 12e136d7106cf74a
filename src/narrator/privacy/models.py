"""Pydantic models at the privacy stage's boundaries."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PIIEntity(BaseModel):
    """One piece of personal data found in a text (character span, end exclusive)."""

    model_config = ConfigDict(frozen=True)

    entity_type: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float
    text: str


class PatternSpec(BaseModel):
    """One pattern recognizer as configured in ``config/privacy/recognizers.yaml``."""

    model_config = ConfigDict(extra="forbid")

    entity: str
    score: float = Field(gt=0, le=1)
    validator: str = "none"
    context: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(min_length=1)


class RecognizerConfig(BaseModel):
    """The whole recognizers file: threshold, placeholder names, pattern recognizers."""

    model_config = ConfigDict(extra="forbid")

    threshold: float = Field(gt=0, le=1)
    placeholders: dict[str, str]
    recognizers: list[PatternSpec]


class NameConfig(BaseModel):
    """Rules and word lists for the person-name recognizer (``names.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    score: float
    weak_score: float
    street_score: float = 0.9
    titles: list[str]
    context_before: list[str]
    ambiguous_surnames: list[str]
    extra_first_names: list[str] = Field(default_factory=list)
    extra_surnames: list[str] = Field(default_factory=list)
    not_names_file: str
    sentence_starters_file: str | None = Field(
        None, description="words that are no name at the start of a sentence, line or label")


class KeepListConfig(BaseModel):
    """Text that must survive scrubbing (``keep_list.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
