"""The page budget guard: each part must fit its page budget (dashboard 1, analyse 2-4, ...)."""

from __future__ import annotations

from narrator.render.settings import PARTS, RenderSettings


def budget_message(part: str, pages: int, settings: RenderSettings) -> str | None:
    """A Dutch message when ``part`` is over or under its budget; None when it fits."""
    budget = settings.parts[part]  # type: ignore[index]
    fields = {"title": budget.title, "pages": pages, "min": budget.min_pages,
              "max": budget.max_pages}
    if pages > budget.max_pages:
        return settings.overflow_message.format(**fields).strip()
    if pages < budget.min_pages:
        return settings.underflow_message.format(**fields).strip()
    return None


def check_budgets(pages: dict[str, int], settings: RenderSettings) -> dict[str, str]:
    """Map each part that does not fit its budget to its Dutch message."""
    found = {part: budget_message(part, pages[part], settings) for part in PARTS}
    return {part: msg for part, msg in found.items() if msg}
