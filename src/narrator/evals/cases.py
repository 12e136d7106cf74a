"""Eval cases: a facts bundle plus the properties its draft must have.

A case is a YAML file in ``evals/cases/`` (files starting with ``_`` are settings, not cases):

    name: rood_seizoen
    description: januari, churn rood maar in lijn met het seizoen
    facts: facts/rood_seizoen.json      # relative to the YAML file
    check_pages: false                  # render PDFs and check the page budgets
    expectations:
      max_errors: {"*": 0}              # error findings per category; "*" = all categories
      required_phrases:
        - {text: "in lijn met het seizoen", part: analyse, kpi: churn}
      forbidden_strings: ["users"]          # nowhere; prefix "re:" for a regex
      forbidden_phrases:                    # scoped like required_phrases
        - {text: "niet verklaard", part: analyse, kpi: churn}
      planted_pii: []                   # must not survive scrubbing nor reach any draft
      rood_covered: true                # every rood KPI: section with cause, action, owner
      priorities: 3                     # exactly N items under "## Top 3 prioriteiten"
      min_traceable_share: 1.0          # share of numbers in the text traceable to the facts
      kpi_sections_absent: [nps]        # KPIs that must NOT get a "### <name>" section
      max_flagged: 0                    # sections flagged "handmatig controleren"
      known_failures: ["paginabudget analyse"]  # tracked gap: reported, not failing (strict)
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from narrator.config import load_model, project_root
from narrator.errors import ConfigError
from narrator.facts import Facts, load_facts
from narrator.strict import StrictModel

Part = Literal["dashboard", "analyse", "samenvatting"]



class Phrase(StrictModel):
    """A phrase the draft must contain (case-insensitive), optionally within one part/section."""

    text: str
    part: Part | None = None
    kpi: str | None = Field(None, description="only inside the '### <KPI name>' section")


class Expectations(StrictModel):
    """The properties a case's draft must have."""

    max_errors: dict[str, int] = Field(default_factory=lambda: {"*": 0})
    max_warnings: dict[str, int] = Field(default_factory=dict)
    required_phrases: list[Phrase] = Field(default_factory=list)
    forbidden_strings: list[str] = Field(default_factory=list)
    forbidden_phrases: list[Phrase] = Field(default_factory=list)
    planted_pii: list[str] = Field(default_factory=list)
    rood_covered: bool = True
    priorities: int | None = 3
    min_traceable_share: float | None = 1.0
    kpi_sections_absent: list[str] = Field(default_factory=list)
    max_flagged: int | None = None
    known_failures: list[str] = Field(
        default_factory=list,
        description="substrings of failure lines that are known, tracked gaps: reported but "
                    "not failing; an entry that no longer matches fails the case (strict)")


class Case(StrictModel):
    """One eval case as written in its YAML file."""

    name: str
    description: str
    facts: Path
    check_pages: bool = False
    expectations: Expectations = Field(default_factory=Expectations)
    source: Path | None = Field(None, description="the YAML file (set by the loader)")

    def load_facts(self) -> Facts:
        """The case's facts bundle (unscrubbed where the case says so)."""
        return load_facts(self.facts)


def cases_dir() -> Path:
    """Default folder of the eval cases (honours NARRATOR_HOME)."""
    return project_root() / "evals" / "cases"


def load_case(path: Path) -> Case:
    """Read and validate one case file; the facts path is resolved against its folder."""
    case = load_model(Case, path)
    if case.name != path.stem:
        raise ConfigError(f"name '{case.name}' wijkt af van de bestandsnaam", file=str(path))
    facts = case.facts if case.facts.is_absolute() else path.parent / case.facts
    if not facts.exists():
        raise ConfigError(f"facts-bestand {case.facts} bestaat niet", file=str(path))
    return case.model_copy(update={"facts": facts, "source": path})


def load_cases(folder: Path | None = None, only: list[str] | None = None) -> list[Case]:
    """All cases in ``folder`` (sorted by name), optionally only the names in ``only``."""
    folder = folder or cases_dir()
    paths = sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))
    if not paths:
        raise ConfigError("geen eval-cases gevonden", file=str(folder))
    cases = [load_case(p) for p in paths]
    if only:
        unknown = sorted(set(only) - {c.name for c in cases})
        if unknown:
            raise ConfigError(f"onbekende eval-case(s): {', '.join(unknown)}", file=str(folder))
        cases = [c for c in cases if c.name in only]
    return cases
