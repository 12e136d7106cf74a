"""The Finding model: one problem at one place in one file, linter style."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
Category = Literal[
    "terminologie", "jargon", "marketingtaal", "getalnotatie", "incident-impact", "privacy",
    "cijfers", "structuur",
]
CATEGORIES: tuple[str, ...] = (
    "terminologie", "jargon", "marketingtaal", "getalnotatie", "incident-impact", "privacy",
    "cijfers", "structuur",
)


class Finding(BaseModel):
    """A validator finding; ``line``/``column`` are 1-based, ``end_column`` is exclusive."""

    model_config = ConfigDict(extra="forbid")

    file: str
    line: int
    column: int
    end_column: int
    rule: str
    category: Category
    severity: Severity
    message: str
    suggestion: str | None = None
    match: str = ""

    def format_text(self) -> str:
        """``file:line:col: severity category/rule message (suggestie: ...)``."""
        text = (f"{self.file}:{self.line}:{self.column}: {self.severity} "
                f"{self.category}/{self.rule} {self.message}")
        if self.suggestion:
            text += f" (suggestie: {self.suggestion})"
        return text


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Order by file, position and rule, and drop exact duplicates."""
    seen: set[tuple[object, ...]] = set()
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.file, f.line, f.column, f.category, f.rule)):
        key = (f.file, f.line, f.column, f.rule, f.match)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
