"""Settings of the template back end from ``config/drafting.yaml`` (validated, cached)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field

from narrator.config import config_dir, load_model
from narrator.strict import StrictModel


class RoodTerm(StrictModel):
    days_after_mt_meeting: int = Field(ge=0, le=90)


class OranjeTerm(StrictModel):
    months_ahead: int = Field(ge=0, le=6)


class Termijn(StrictModel):
    rood: RoodTerm
    oranje: OranjeTerm
    zonder_deadline: str


class LLMDrafting(StrictModel):
    """Limits of the repair loop of the language-model back end."""

    max_repairs: int = Field(2, ge=0, le=5)
    token_budget: int = Field(40_000, ge=1_000, le=1_000_000)
    parallel_requests: int = Field(4, ge=1, le=16)


class DraftingSettings(StrictModel):
    """The editable settings of the template wording."""

    termijn: Termijn
    lead_driver_share_pct: float = Field(ge=0, le=1000)
    owner_with_role: bool = True
    near_norm_pct: float = Field(ge=0, le=100)
    llm: LLMDrafting = LLMDrafting()


@lru_cache(maxsize=4)
def _load(path: Path) -> DraftingSettings:
    return load_model(DraftingSettings, path)


def settings() -> DraftingSettings:
    """The settings of ``config/drafting.yaml`` in the current project root."""
    return _load(config_dir() / "drafting.yaml")
