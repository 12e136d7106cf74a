"""Rendering: draft Markdown + Facts -> HTML -> PDF for dashboard, analyse and samenvatting."""

from narrator.render.render import RenderResult, render_report

__all__ = ["RenderResult", "render_report"]
