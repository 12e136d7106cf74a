"""Output schemas of the drafting layer: what every back end must return.

The same models serve the template back end (texts with numbers already written in Dutch
notation) and the OpenAI back end (texts with ``{placeholder}`` numbers that code fills in,
see :mod:`narrator.drafting.placeholders`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Part = Literal["dashboard", "analyse", "samenvatting"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Deviation(_Out):
    """The text for one oranje or rood KPI."""

    conclusie: str = Field(description="eerst de conclusie: status, beweging, norm, seizoen")
    oorzaak: str = Field(description="oorzaak, onderbouwd met het bewijs uit de feiten")
    bewijs: list[str] = Field(description="verwijzingen: incidentnummers of bronbestanden")
    actie: str = Field(description="concrete actie")
    verantwoordelijke: str = Field(description="naam van het MT-lid dat eigenaar is")
    termijn: str = Field(description="datum of moment waarop de actie klaar is")


class Action(_Out):
    """One concrete action in the analysis report."""

    wat: str
    wie: str
    wanneer: str
    verwacht_effect: str


# Actions in the analysis: the house-style bounds (style_guide/structuur.yaml, aantal-acties;
# a test keeps the two equal). The template back end drafts within them too.
MIN_ACTIONS = 3
MAX_ACTIONS = 5


class AnalysisCore(_Out):
    """The analysis report apart from the per-KPI deviations."""

    conclusie: str = Field(description="2-4 zinnen, de conclusie eerst")
    trends: list[str] = Field(description="korte trendregels, de belangrijkste eerst")
    acties: list[Action] = Field(description=f"{MIN_ACTIONS} tot {MAX_ACTIONS} concrete acties",
                                 min_length=MIN_ACTIONS, max_length=MAX_ACTIONS)


class Priority(_Out):
    """One of the three things the MT must decide or do."""

    titel: str = Field(description="kort onderwerp, 2-6 woorden")
    besluit: str = Field(description="wat het MT moet besluiten of doen, met eigenaar")


class Summary(_Out):
    """The executive summary."""

    conclusie: str = Field(description="kernconclusie in 2-3 zinnen")
    prioriteiten: list[Priority] = Field(min_length=3, max_length=3)


class Dashboard(_Out):
    """The one-line conclusion above the KPI table."""

    conclusie: str = Field(description="een zin: de conclusie van de maand")


SectionObject = Deviation | AnalysisCore | Summary | Dashboard


class DraftResult(BaseModel):
    """What :func:`narrator.drafting.draft_report` returns."""

    texts: dict[str, str] = Field(description="'dashboard', 'analyse', 'samenvatting' -> Markdown")
    flagged: dict[str, str] = Field(default_factory=dict,
                                    description="section -> reason (handmatig controleren)")
    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    fallbacks: int = 0
    backend: str = "template"
    model: str | None = None
    dashboard: Dashboard
    analysis: AnalysisCore
    deviations: dict[str, Deviation] = Field(default_factory=dict)
    summary: Summary
