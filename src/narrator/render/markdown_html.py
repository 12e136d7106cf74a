"""Draft Markdown -> HTML fragment: tables, chart references, reviewer warning boxes.

The drafts are text from a model or a reviewer, so they are treated as untrusted: raw HTML in
them is escaped, and the only images allowed are chart references ``chart:<kpi_id>:<kind>``,
which are resolved here to inline SVG built from Facts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from narrator.errors import NarratorError
from narrator.facts import Facts, KPIFact
from narrator.render.charts import driver_bars, status_icon, trend_chart
from narrator.render.settings import RenderSettings

CHART_KINDS = ("drivers", "trend")


class RenderContext:
    """What the Markdown extensions need: the facts, the settings and the part's name."""

    def __init__(self, facts: Facts, settings: RenderSettings, part: str) -> None:
        self.facts = facts
        self.settings = settings
        self.part = part
        self.charts: list[str] = []


def chart_svg(ref: str, ctx: RenderContext, alt: str = "") -> str:
    """Resolve ``chart:<kpi_id>:<kind>[:<dimension>]`` to SVG; bad references are Dutch errors.

    For ``drivers`` without an explicit dimension, a dimension named in the caption
    ("Bijdrage per regio") is used, else the KPI's top-driver dimension.
    """
    pieces = ref.split(":")
    if len(pieces) not in (3, 4) or pieces[0] != "chart":
        raise NarratorError(
            f"{ctx.part}.md: ongeldige grafiekverwijzing '{ref}'; "
            "gebruik chart:<kpi>:drivers of chart:<kpi>:trend."
        )
    kpi = _kpi(ref, pieces[1], ctx)
    kind = pieces[2]
    if kind not in CHART_KINDS:
        raise NarratorError(
            f"{ctx.part}.md: grafiekverwijzing '{ref}' heeft onbekend soort '{kind}'; "
            "kies drivers of trend."
        )
    if kind == "trend":
        svg = trend_chart(kpi, ctx.settings)
    else:
        explicit = pieces[3] if len(pieces) == 4 else None
        svg = driver_bars(kpi, ctx.settings, _dimension(ref, kpi, explicit, alt, ctx))
    ctx.charts.append(ref)
    return svg or f'<p class="chart-missing">{ctx.settings.chart_missing.format(kpi=kpi.name)}</p>'


def _kpi(ref: str, kpi_id: str, ctx: RenderContext) -> KPIFact:
    try:
        return ctx.facts.kpi(kpi_id)
    except KeyError:
        known = ", ".join(k.id for k in ctx.facts.kpis)
        raise NarratorError(
            f"{ctx.part}.md: grafiekverwijzing '{ref}' noemt onbekende KPI '{kpi_id}' "
            f"(bekend: {known})."
        ) from None


def _dimension(ref: str, kpi: KPIFact, explicit: str | None, alt: str,
               ctx: RenderContext) -> str | None:
    """The driver dimension to draw: explicit, else named in the caption, else None (top)."""
    present = list(dict.fromkeys(c.dimension for c in kpi.drivers))
    if explicit:
        if explicit not in present:
            raise NarratorError(
                f"{ctx.part}.md: grafiekverwijzing '{ref}': geen uitsplitsing naar "
                f"'{explicit}' voor {kpi.name} (wel: {', '.join(present) or 'geen'})."
            )
        return explicit
    words = set(re.findall(r"[\w-]+", alt.lower()))
    named = [d for d in present if ctx.settings.dimension_label(d).lower() in words]
    return named[0] if len(named) == 1 else None


class _ChartProcessor(Treeprocessor):
    """Turn paragraphs of chart images into a row of <figure> elements with inline SVG."""

    def __init__(self, md: markdown.Markdown, ctx: RenderContext) -> None:
        super().__init__(md)
        self.ctx = ctx

    def run(self, root: etree.Element) -> None:
        found = [(parent, child) for parent in root.iter() for child in parent
                 if child.tag == "img"]
        for parent, img in found:
            self._replace(parent, img)

    def _replace(self, parent: etree.Element, img: etree.Element) -> None:
        src = img.get("src", "")
        if not src.startswith("chart:"):
            raise NarratorError(
                f"{self.ctx.part}.md: afbeelding '{src}' is niet toegestaan; alleen "
                "grafiekverwijzingen chart:<kpi>:drivers of chart:<kpi>:trend."
            )
        svg = chart_svg(src, self.ctx, img.get("alt", ""))
        figure = etree.Element("figure", {"class": "chart"})
        if img.get("alt"):
            caption = etree.SubElement(figure, "figcaption")
            caption.text = img.get("alt")
        holder = etree.SubElement(figure, "div", {"class": "chart-body"})
        holder.text = self.md.htmlStash.store(svg)
        figure.tail = img.tail
        parent[list(parent).index(img)] = figure
        if parent.tag == "p" and all(c.tag == "figure" for c in parent):
            parent.tag = "div"
            parent.set("class", "figure-row")


class _ReviewBoxProcessor(Treeprocessor):
    """Give a '> **Handmatig controleren:** ...' blockquote the visible warning-box class."""

    def __init__(self, md: markdown.Markdown, ctx: RenderContext) -> None:
        super().__init__(md)
        self.marker = ctx.settings.review_marker.strip().rstrip(":").lower()

    def run(self, root: etree.Element) -> None:
        for quote in root.iter("blockquote"):
            strong = quote.find("./p/strong")
            text = (strong.text or "") if strong is not None else ""
            if text.strip().rstrip(":").lower() == self.marker:
                quote.set("class", "review-warning")


class _StatusBadgeProcessor(Treeprocessor):
    """Add the status icon and label after a '### <KPI name>' heading in the analysis."""

    def __init__(self, md: markdown.Markdown, ctx: RenderContext) -> None:
        super().__init__(md)
        self.ctx = ctx
        self.by_name = {k.name.strip().lower(): k for k in ctx.facts.kpis}

    def run(self, root: etree.Element) -> None:
        for heading in root.iter("h3"):
            kpi = self.by_name.get("".join(heading.itertext()).strip().lower())
            if kpi is None:
                continue
            style = self.ctx.settings.status[kpi.status]
            heading.set("data-bookmark", kpi.name)
            badge = etree.SubElement(heading, "span", {"class": f"badge badge-{kpi.status}"})
            badge.text = self.md.htmlStash.store(status_icon(style, 9))
            label = etree.SubElement(badge, "span")
            label.text = style.label


class _ActionsTableProcessor(Treeprocessor):
    """Mark the actions table (Wat, Wie, Wanneer, Verwacht effect) for its column widths."""

    def __init__(self, md: markdown.Markdown, ctx: RenderContext) -> None:
        super().__init__(md)
        self.columns = [c.lower() for c in ctx.settings.actions_columns]

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = [("".join(th.itertext())).strip().lower() for th in table.iter("th")]
            if head == self.columns:
                table.set("class", "actions")


class _NarratorExtension(Extension):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__()
        self.ctx = ctx

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_ChartProcessor(md, self.ctx), "narrator_charts", 15)
        md.treeprocessors.register(_ReviewBoxProcessor(md, self.ctx), "narrator_review", 14)
        md.treeprocessors.register(_StatusBadgeProcessor(md, self.ctx), "narrator_badges", 13)
        md.treeprocessors.register(_ActionsTableProcessor(md, self.ctx), "narrator_actions", 12)


def markdown_to_html(text: str, ctx: RenderContext) -> str:
    """Convert one draft to an HTML fragment; chart references become inline SVG figures."""
    md = markdown.Markdown(
        extensions=["tables", "sane_lists", _NarratorExtension(ctx)],
        output_format="html",
    )
    return md.convert(text)
