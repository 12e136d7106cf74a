"""Drafting layer: prompts, back ends (template, openai), repair loop and call log."""

from narrator.drafting.draft import draft_report
from narrator.drafting.schemas import DraftResult

__all__ = ["DraftResult", "draft_report"]
