"""Evidence and seasonality settings, loaded from config/evidence.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from narrator.config import config_dir, load_model


class EvidenceSettings(BaseModel):
    """Tunable parameters of the root-cause evidence (see config/evidence.yaml)."""

    model_config = ConfigDict(extra="forbid")

    concentration_share_pct: float = 50.0
    seasonal_tolerance_factor: float = 1.5
    seasonal_tolerance_slack_pct: float = 2.0
    spike_factor: float = 1.5
    drop_factor: float = 3.0
    drop_min_points: float = 0.05
    link_days_before: int = 1
    top_incidents: int = 5
    incident_evidence: int = 3
    churn_reasons: int = 3
    ticket_categories: int = 3
    category_min_rise_pct: float = 10.0
    nps_segments: int = 3
    nps_min_responses: int = 30
    comments: int = 10
    promoter_min: int = 9
    detractor_max: int = 6


def load_evidence_settings(path: Path | None = None) -> EvidenceSettings:
    """Load config/evidence.yaml; a missing file gives the defaults, a broken one a ConfigError."""
    return _load_evidence_settings(path or config_dir() / "evidence.yaml")


@lru_cache(maxsize=8)
def _load_evidence_settings(path: Path) -> EvidenceSettings:
    if not path.exists():
        return EvidenceSettings()
    return load_model(EvidenceSettings, path, empty_ok=True)
