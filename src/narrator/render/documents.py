"""Jinja2: wrap an HTML fragment in the house template of its part (header, concept mark)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from narrator.facts import STATUS_SEVERITY, Facts
from narrator.render.dashboard import kpi_rows, seasonal_notes, status_counts
from narrator.render.settings import TEMPLATES_DIR, Part, RenderSettings


def css_string(value: str) -> Markup:
    """Escape text for a double-quoted CSS string inside <style> (margin-box content)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return Markup(escaped.replace("<", "\\3c "))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: autoescaping on, undefined variables are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


@lru_cache(maxsize=1)
def house_css() -> str:
    """The house stylesheet."""
    return (TEMPLATES_DIR / "house.css").read_text(encoding="utf-8")


def _short_month(month: str, settings: RenderSettings) -> str:
    return f"{settings.month_abbreviation(month)} {month.split('-')[0]}"


def page_context(part: Part, facts: Facts, settings: RenderSettings,
                 concept: bool) -> dict[str, Any]:
    """Variables every part's template uses: header, footer, colours, concept labels."""
    title = settings.parts[part].title
    return {
        "part": part,
        "doc_title": f"{title} {facts.month_label}",
        "organisation": facts.organisation.name,
        "header_left": settings.organisation_line,
        "header_right": f"{settings.audience_line} · {facts.month_label}",
        "footer_part": title,
        "concept": concept,
        "concept_header": settings.concept.header,
        "concept_footer": settings.concept.footer,
        "concept_watermark": settings.concept.watermark,
        "colours": settings.colours.model_dump(),
        "status_styles": settings.status,
        "css": house_css(),
    }


def dashboard_context(facts: Facts, settings: RenderSettings) -> dict[str, Any]:
    """Variables for the dashboard (and the summary's status tally)."""
    thresholds = _default_thresholds()
    rows = kpi_rows(facts, settings)
    return {
        "rows": rows,
        "rows_by_severity": sorted(rows, key=lambda r: -STATUS_SEVERITY[r.status]),
        "counts": status_counts(facts, settings),
        "month_short": _short_month(facts.month, settings),
        "previous_short": _short_month(facts.previous_month, settings),
        "legend": settings.legend.format(month=facts.month_label, **thresholds).strip(),
        "seasonal_notes": seasonal_notes(rows),
    }


def _default_thresholds() -> dict[str, str]:
    from narrator.config import load_kpi_catalogue
    from narrator.numbers import format_number

    default = load_kpi_catalogue().defaults.get("thresholds")
    oranje, rood = (default.oranje, default.rood) if default else (2.0, 5.0)
    return {"oranje": format_number(oranje, 0 if oranje == int(oranje) else 1),
            "rood": format_number(rood, 0 if rood == int(rood) else 1)}


def build_html(part: Part, body: str, facts: Facts, settings: RenderSettings, *,
               concept: bool) -> str:
    """The complete, self-contained HTML document for one part."""
    context = page_context(part, facts, settings, concept)
    context["body"] = body
    if part in ("dashboard", "samenvatting"):
        context.update(dashboard_context(facts, settings))
    return environment().get_template(f"{part}.html.j2").render(**context)
