"""What every rule check receives: the parsed document and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass, field

from narrator.facts import Facts
from narrator.validation.findings import Finding
from narrator.validation.markdown import Document


@dataclass
class Context:
    """One text under validation."""

    doc: Document
    file: str
    part: str | None = None
    facts: Facts | None = None
    skip: list[tuple[int, int]] = field(default_factory=list)  # spans found as PII
    number_tokens: list | None = None
    protected: list[tuple[int, int]] = field(default_factory=list)  # MT names and role titles

    def skipped(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a span already reported (e.g. PII)."""
        return any(start < e and s < end for s, e in self.skip)

    def protected_match(self, rule: object, start: int, end: int) -> bool:
        """True when the rule exempts the organisation and the match lies in an MT name/role."""
        return bool(getattr(rule, "organisation_exempt", False)) and \
            any(s <= start and end <= e for s, e in self.protected)

    def finding(self, rule: object, start: int, end: int, *, message: str | None = None,
                suggestion: str | None = None, line: int | None = None) -> Finding:
        """A Finding for ``rule`` at offsets ``[start, end)`` (or at the start of ``line``)."""
        if line is not None:
            start = self.doc.line_starts[line - 1]
            end = self.doc.line_end(start)
        ln, col = self.doc.position(start)
        end = min(end, self.doc.line_end(start))
        return Finding(
            file=self.file, line=ln, column=col, end_column=col + max(end - start, 1),
            rule=rule.id, category=rule.category, severity=rule.severity,  # type: ignore[attr-defined]
            message=message or rule.message,  # type: ignore[attr-defined]
            suggestion=suggestion if suggestion is not None else rule.suggestion,  # type: ignore[attr-defined]
            match=self.doc.raw[start:end],
        )
