"""Reading CSV files as ServiceNow, Salesforce, NetMonitor and Excel write them.

Handles comma/semicolon/tab separators (sniffed from the header line), UTF-8, UTF-8 with BOM
and cp1252. Every cell is read as text (pandas C engine); typing happens in ``convert``.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from narrator.errors import DataError

ENCODINGS = ("utf-8-sig", "cp1252")
SEPARATORS = (";", ",", "\t", "|")


@dataclass
class RawFile:
    """One export read as text: the cells, its encoding and separator, and its hash."""

    path: Path
    frame: pd.DataFrame
    encoding: str
    separator: str
    sha256: str


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252. Returns (text, encoding)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DataError("tekenset niet herkend (verwacht UTF-8 of Windows-1252)", file=file)


def sniff_separator(header_line: str) -> str:
    """The separator that splits the header line into the most fields (outside quotes)."""
    counts = {sep: _count_outside_quotes(header_line, sep) for sep in SEPARATORS}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] > 0 else ","


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            count += 1
    return count


def read_csv_text(path: Path) -> RawFile:
    """Read one CSV export into a DataFrame of strings (empty cells are '')."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"bestand kan niet worden gelezen ({exc.strerror})", file=name) from exc
    text, encoding = decode(data, name)
    if not text.strip():
        raise DataError("het bestand is leeg", file=name)
    separator = sniff_separator(text.split("\n", 1)[0])
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=separator, dtype=str, keep_default_na=False,
            na_filter=False, engine="c", skipinitialspace=False,
        )
    except pd.errors.ParserError as exc:
        raise DataError(f"CSV kan niet worden gelezen: {exc}", file=name) from exc
    if frame.empty:
        raise DataError("het bestand bevat alleen een kopregel, geen gegevens", file=name)
    frame.columns = [str(c).replace("\ufeff", "").strip() for c in frame.columns]
    return RawFile(path, frame, encoding, separator, hashlib.sha256(data).hexdigest())
