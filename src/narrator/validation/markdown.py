"""Markdown handling for the validator: masking syntax, sentences, sections, positions.

The *masked* text has exactly the same length as the source; Markdown syntax, code, chart
targets, placeholders such as ``[NAAM-1]`` and list ordinals are replaced by spaces, so every
regex offset in the masked text is also an offset in the Markdown file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^\s*(```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PREFIX = re.compile(r"^(\s{0,3}#{1,6}\s+|\s*>\s?|\s*[-*+]\s+|\s*\d{1,2}[.)]\s+)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LINK = re.compile(r"(!?\[)([^\]\n]*)(\]\([^)\n]*\))")
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*-\d+\]")
_CODE = re.compile(r"`[^`\n]*`")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
# Only . ! ? end a sentence: a colon never does ("regio Oost: 48.200 klanten ...").
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9\"'(‘“])")


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _sub_blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: _blank(m.group(0)), text)


def _mask_line(line: str) -> str:
    if _TABLE_SEP.match(line) and "-" in line:
        return _blank(line)
    line = _sub_blank(_CODE, line)
    line = _sub_blank(_PLACEHOLDER, line)
    line = _LINK.sub(lambda m: _blank(m.group(1)) + m.group(2) + _blank(m.group(3)), line)
    prefix = _PREFIX.match(line)
    if prefix:
        line = _blank(prefix.group(0)) + line[prefix.end():]
    line = _sub_blank(_EMPHASIS, line)
    return line.replace("|", " ")


def mask(text: str) -> str:
    """Return ``text`` with Markdown syntax blanked out, same length, same line breaks."""
    text = _sub_blank(_COMMENT, text)
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(_blank(line))
        elif in_fence:
            out.append(_blank(line))
        else:
            out.append(_mask_line(line))
    return "\n".join(out)


@dataclass(frozen=True)
class Span:
    """A sentence or block: ``start``/``end`` offsets into the (masked) text."""

    start: int
    end: int


@dataclass
class Document:
    """A Markdown text prepared for the rules."""

    raw: str
    masked: str
    line_starts: list[int] = field(default_factory=list)
    units: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        idx = bisect.bisect_right(self.line_starts, offset) - 1
        return idx + 1, offset - self.line_starts[idx] + 1

    def line_end(self, offset: int) -> int:
        """Offset of the end of the line holding ``offset``."""
        end = self.raw.find("\n", offset)
        return len(self.raw) if end < 0 else end


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_QUOTE = re.compile(r"^\s*>")


def _line_kind(raw_line: str, blank: bool) -> str:
    """blank, heading, table, item (list item start), quote or text."""
    if blank:
        return "blank"
    if _HEADING.match(raw_line):
        return "heading"
    if "|" in raw_line:
        return "table"
    if _LIST_ITEM.match(raw_line):
        return "item"
    return "quote" if _QUOTE.match(raw_line) else "text"


def _cells(raw_line: str, start: int, end: int) -> list[Span]:
    cells, cell_start = [], start
    for m in re.finditer(r"\|", raw_line):
        cells.append(Span(cell_start, start + m.start()))
        cell_start = start + m.end()
    return [*cells, Span(cell_start, end)]


def _units(raw: str, masked: str) -> list[Span]:
    """Paragraphs, list items, block quotes, headings and table cells, as offset spans.

    A text line continues the open paragraph, list item or quote (a list item wrapped over
    two lines is one unit, so its sentence is not cut at the line break); a quote line
    continues only a quote.
    """
    units: list[Span] = []
    pos, open_kind, open_start, open_end = 0, "", 0, 0
    for raw_line in raw.split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        kind = _line_kind(raw_line, not masked[start:end].strip())
        if open_kind and (kind == "text" or (kind == "quote" and open_kind == "quote")):
            open_end = end
            continue
        if open_kind:
            units.append(Span(open_start, open_end))
            open_kind = ""
        if kind == "table":
            units.extend(_cells(raw_line, start, end))
        elif kind == "heading":
            units.append(Span(start, end))
        elif kind != "blank":
            open_kind, open_start, open_end = kind, start, end
    if open_kind:
        units.append(Span(open_start, open_end))
    return [u for u in units if masked[u.start:u.end].strip()]


def _sentences(masked: str, units: list[Span]) -> list[Span]:
    out: list[Span] = []
    for unit in units:
        start = unit.start
        for m in _SENTENCE_END.finditer(masked, unit.start, unit.end):
            out.append(Span(start, m.end()))
            start = m.end()
        out.append(Span(start, unit.end))
    return [s for s in out if masked[s.start:s.end].strip()]


def parse(text: str) -> Document:
    """Mask ``text`` and split it into units and sentences."""
    masked = mask(text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    units = _units(text, masked)
    return Document(text, masked, starts, units, _sentences(masked, units))


@dataclass(frozen=True)
class Section:
    """A heading and the raw lines under it up to the next heading of any level."""

    level: int
    title: str
    line: int
    body: list[tuple[int, str]]

    def text(self) -> str:
        return "\n".join(line for _, line in self.body)


def sections(text: str) -> list[Section]:
    """All headings with their direct body (lines before the next heading)."""
    out: list[Section] = []
    current: Section | None = None
    for no, line in enumerate(text.split("\n"), start=1):
        head = _HEADING.match(line)
        if head:
            current = Section(len(head.group(1)), head.group(2).strip(), no, [])
            out.append(current)
        elif current is not None:
            current.body.append((no, line))
    return out


def subtree(secs: list[Section], index: int) -> str:
    """Text of section ``index`` including its subsections."""
    level = secs[index].level
    parts = [secs[index].text()]
    for sec in secs[index + 1:]:
        if sec.level <= level:
            break
        parts.append(sec.title + "\n" + sec.text())
    return "\n".join(parts)
