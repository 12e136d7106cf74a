"""render_report: the three deliverables (and rapport.pdf) from Facts and the draft Markdown."""

from __future__ import annotations

import time
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from narrator.atomic import atomic_write_bytes, atomic_write_text
from narrator.errors import NarratorError
from narrator.facts import Facts
from narrator.render import pdf
from narrator.render.dashboard import dashboard_table_markdown, kpi_rows
from narrator.render.documents import build_html
from narrator.render.markdown_html import RenderContext, markdown_to_html
from narrator.render.pages import check_budgets
from narrator.render.settings import PARTS, Part, RenderSettings, load_render_settings

REPORT = "rapport"


class RenderResult(BaseModel):
    """What render_report produced: file paths, page counts, budget overflows and time taken."""

    model_config = ConfigDict(extra="forbid")

    paths: dict[str, Path]
    pages: dict[str, int]
    overflows: dict[str, str]
    seconds: float
    charts: dict[str, list[str]]


class RenderedPart(BaseModel):
    """One part in memory, before anything is written."""

    markdown: str
    html: str
    pdf: bytes


def _title(part: Part, facts: Facts, settings: RenderSettings) -> str:
    return f"{settings.parts[part].title} {facts.month_label}"


def _check_texts(texts: dict[str, str]) -> None:
    missing = [p for p in PARTS if not (texts.get(p) or "").strip()]
    if missing:
        raise NarratorError(f"Tekst ontbreekt voor: {', '.join(missing)}; niets weggeschreven.")


def _part_markdown(part: Part, text: str, facts: Facts, settings: RenderSettings) -> str:
    """The Markdown version written to disk; the dashboard's gets its KPI table appended."""
    text = text.rstrip() + "\n"
    if part == "dashboard":
        text += "\n" + dashboard_table_markdown(kpi_rows(facts, settings))
    return text


def _render_part(part: Part, text: str, facts: Facts, settings: RenderSettings,
                 concept: bool) -> tuple[RenderedPart, list[str]]:
    ctx = RenderContext(facts, settings, part)
    body = markdown_to_html(text, ctx)
    html = build_html(part, body, facts, settings, concept=concept)
    document = pdf.layout(html)
    rendered = RenderedPart(markdown=_part_markdown(part, text, facts, settings), html=html,
                            pdf=pdf.to_pdf(document, _title(part, facts, settings)))
    return rendered, ctx.charts


def _write_all(out_dir: Path, parts: dict[Part, RenderedPart], report: bytes) -> dict[str, Path]:
    """Write every file atomically, only after everything rendered."""
    paths: dict[str, Path] = {}
    for part, rendered in parts.items():
        for ext, data in (("md", rendered.markdown), ("html", rendered.html)):
            path = out_dir / f"{part}.{ext}"
            atomic_write_text(path, data)
            paths[path.name] = path
        path = out_dir / f"{part}.pdf"
        atomic_write_bytes(path, rendered.pdf)
        paths[path.name] = path
    path = out_dir / f"{REPORT}.pdf"
    atomic_write_bytes(path, report)
    paths[path.name] = path
    return paths


def render_report(facts: Facts, texts: dict[str, str], out_dir: Path, *,
                  concept: bool = True) -> RenderResult:
    """Render dashboard, analyse and samenvatting (PDF, HTML, Markdown) and rapport.pdf.

    ``texts`` holds the draft Markdown per part. rapport.pdf holds the parts in the order of
    ``report_order`` in render.yaml (samenvatting, dashboard, analyse: conclusion first).
    Page counts are read from the PDFs; a part outside its page budget is reported in
    ``overflows`` (the files are still written, so the reviewer can see what overflows).
    """
    start = time.perf_counter()
    settings = load_render_settings()
    _check_texts(texts)
    parts: dict[Part, RenderedPart] = {}
    charts: dict[str, list[str]] = {}
    for part in PARTS:
        parts[part], charts[part] = _render_part(part, texts[part], facts, settings, concept)
    ordered = [parts[p].pdf for p in settings.report_order]
    report = pdf.combine(ordered, f"Managementrapportage {facts.month_label}")
    pages = {part: pdf.count_pages(r.pdf) for part, r in parts.items()}
    pages[REPORT] = pdf.count_pages(report)
    paths = _write_all(Path(out_dir), parts, report)
    return RenderResult(paths=paths, pages=pages, overflows=check_budgets(pages, settings),
                        seconds=round(time.perf_counter() - start, 3), charts=charts)
