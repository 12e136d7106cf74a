"""Rule models: a few rule types in code, the rules themselves in style_guide/*.yaml."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from narrator.validation.findings import Category, Severity

Part = Literal["dashboard", "analyse", "samenvatting"]


class Example(BaseModel):
    """A rule example: text, optionally for one report part and checked against the facts."""

    model_config = ConfigDict(extra="forbid")

    text: str
    part: Part | None = None
    facts: bool = False
    repeat: int = Field(1, ge=1, description="text is repeated this often (for length rules)")

    def full_text(self) -> str:
        return self.text * self.repeat


def _examples(items: list[str | dict[str, object]]) -> list[Example]:
    return [Example(text=i) if isinstance(i, str) else Example.model_validate(i) for i in items]


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    positive: list[Example] = Field(min_length=1, description="texts on which the rule fires")
    negative: list[Example] = Field(default_factory=list)

    @field_validator("positive", "negative", mode="before")
    @classmethod
    def _coerce(cls, value: object) -> object:
        return _examples(value) if isinstance(value, list) else value


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile or raise ValueError with a Dutch message (becomes a ConfigError with the line)."""
    try:
        return re.compile(f"(?:{pattern})", flags)
    except re.error as exc:
        raise ValueError(f"ongeldige reguliere expressie {pattern!r}: {exc}") from exc


def _checked_regex(pattern: str) -> str:
    compile_regex(pattern)
    return pattern


#: A regex from a rule file, compiled once at load so that a broken one is a ConfigError.
Regex = Annotated[str, AfterValidator(_checked_regex)]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Category
    severity: Severity = "error"
    message: str
    suggestion: str | None = None
    description: str = ""
    parts: list[Part] | None = Field(None, description="only for these report parts")
    examples: Examples
    organisation_exempt: bool = Field(
        True, description="word rules: matches inside MT names and role titles "
                          "(config/organisation.yaml) are no fault")

    def applies_to(self, part: str | None) -> bool:
        return self.parts is None or part in self.parts


def phrase_regex(phrase: str) -> str:
    """Word-list entry -> regex: spaces match any whitespace, a trailing '*' any word ending."""
    star = phrase.endswith("*")
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\w-]*" if star else r"(?![\w-])"
    return r"(?<![\w-])" + body + tail


class ExistenceRule(_Rule):
    """Fires on every occurrence of a word or phrase from ``tokens`` / ``wordlist``."""

    type: Literal["existence"]
    tokens: list[str] = Field(default_factory=list)
    wordlist: str | None = Field(None, description="file under style_guide/, one entry a line")
    exceptions: list[Regex] = Field(default_factory=list, description="regexes that excuse a match")
    ignorecase: bool = True
    words: list[str] = Field(default_factory=list, exclude=True)


class SubstitutionRule(_Rule):
    """Fires on a word from ``swap`` and suggests its replacement."""

    type: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1)
    exceptions: list[Regex] = Field(default_factory=list)
    ignorecase: bool = True


class PatternRule(_Rule):
    """Fires on a regex match; ``raw`` matches the unmasked Markdown (for markers)."""

    type: Literal["pattern"]
    patterns: list[Regex] = Field(min_length=1)
    exceptions: list[Regex] = Field(default_factory=list)
    raw: bool = False
    ignorecase: bool = False


class Requirement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    pattern: Regex


class ConditionalRule(_Rule):
    """Sentence level: when ``when`` matches and ``unless`` does not, all ``require`` must match.

    ``{missing}`` in the message is replaced by the names of the missing requirements.
    """

    type: Literal["conditional"]
    when: list[Regex] = Field(min_length=1)
    unless: list[Regex] = Field(default_factory=list)
    require: list[Requirement] = Field(min_length=1)


class NumberFormatRule(_Rule):
    """Dutch number notation; ``check`` picks which notation fault this rule reports."""

    type: Literal["number_format"]
    check: Literal["afkorting", "decimaalteken", "duizendtallen", "engelse-notatie"]


class FidelityRule(_Rule):
    """Every number in the text must match a (derived) fact at the precision written."""

    type: Literal["number_fidelity"]
    ignore: list[Regex] = Field(default_factory=list, description="regexes around skipped numbers")
    kpi_aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="extra words that name a KPI in a sentence (by KPI id)"
    )


class PrivacyRule(_Rule):
    """Personal data found by narrator.privacy.detect (or the minimal regex fallback)."""

    type: Literal["privacy"]
    ignore_entities: list[str] = Field(default_factory=list)
    min_score: float = 0.5
    warning_below: float = Field(
        0.0, description="entities scoring below this are reported as warning, not error"
    )
    allow: list[str] = Field(default_factory=list, description="names that are not PII")


class CountRule(_Rule):
    """Counts actions, priorities or words in a report part and checks min/max."""

    type: Literal["count"]
    target: Literal["acties", "prioriteiten", "woorden", "conclusie-woorden"]
    min: int | None = None
    max: int | None = None


class StructureRule(_Rule):
    """Structure heuristics implemented in code; parameters are data."""

    type: Literal["structure"]
    check: Literal["conclusie-eerst", "rood-dekking", "actie-eigenaar"]
    data_openers: list[str] = Field(default_factory=list)
    exempt_sections: list[str] = Field(default_factory=list)
    cause_markers: list[str] = Field(default_factory=list)
    action_markers: list[str] = Field(default_factory=list)


Rule = Annotated[
    ExistenceRule | SubstitutionRule | PatternRule | ConditionalRule | NumberFormatRule
    | FidelityRule | PrivacyRule | CountRule | StructureRule,
    Field(discriminator="type"),
]


class RuleSet(BaseModel):
    """All loaded rules, with the file each came from."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    rules: list[Rule]
    sources: dict[str, str] = Field(default_factory=dict, description="rule id -> file:line")

    def of_type(self, kind: type[_Rule]) -> list[_Rule]:
        return [r for r in self.rules if isinstance(r, kind)]
