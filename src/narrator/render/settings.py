"""Render settings: labels, page budgets and colours, read from YAML (data, not code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from narrator.config import config_dir, dimension_labels, load_model
from narrator.errors import ConfigError
from narrator.strict import StrictModel

TEMPLATES_DIR = Path(__file__).parent / "templates"

Part = Literal["samenvatting", "dashboard", "analyse"]
PARTS: tuple[Part, ...] = ("samenvatting", "dashboard", "analyse")



class PartSettings(StrictModel):
    title: str
    min_pages: int
    max_pages: int


class ConceptLabels(StrictModel):
    header: str
    footer: str
    watermark: str


class StatusStyle(StrictModel):
    label: str
    shape: Literal["circle", "triangle", "square"]
    colour: str


class SeasonalLabels(StrictModel):
    expected: str
    unexpected: str
    not_applicable: str


class NormLabels(StrictModel):
    met: str
    missed: str
    none: str


class Colours(StrictModel):
    primary: str
    accent: str
    text: str
    muted: str
    rule: str
    fill: str
    chart_bar: str
    chart_bar_negative: str
    chart_line: str
    chart_norm: str


class ChangeLabels(StrictModel):
    percent_unit_suffix: str
    complement_label: str


class RenderSettings(StrictModel):
    organisation_line: str
    audience_line: str
    report_order: list[Part]
    parts: dict[Part, PartSettings]
    overflow_message: str
    underflow_message: str
    concept: ConceptLabels
    status: dict[Literal["groen", "oranje", "rood"], StatusStyle]
    seasonal: SeasonalLabels
    norm: NormLabels
    change: ChangeLabels
    review_marker: str
    actions_columns: list[str]
    chart_missing: str
    legend: str
    remainder_label: str
    month_abbreviations: list[str]
    colours: Colours

    def dimension_label(self, dimension: str) -> str:
        """Dutch label for a driver dimension; the raw name when none is configured."""
        return dimension_labels().label(dimension)

    def month_abbreviation(self, month: str) -> str:
        """'2026-11' -> 'nov'."""
        return self.month_abbreviations[int(month.split("-")[1]) - 1]


def settings_path() -> Path:
    """``config/render.yaml``: page budgets, part order, labels and colours."""
    return config_dir() / "render.yaml"


def load_render_settings(path: Path | None = None) -> RenderSettings:
    """Load and validate the render settings; a bad file becomes a Dutch ConfigError."""
    return _load_render_settings(path or settings_path())


@lru_cache(maxsize=4)
def _load_render_settings(path: Path) -> RenderSettings:
    settings = load_model(RenderSettings, path)
    if sorted(settings.report_order) != sorted(PARTS) or set(settings.parts) != set(PARTS):
        raise ConfigError(
            "report_order en parts moeten precies samenvatting, dashboard en analyse bevatten",
            file=str(path),
        )
    return settings
