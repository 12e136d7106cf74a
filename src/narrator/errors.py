"""Error hierarchy. Every message is Dutch because it reaches the analyst directly."""

from __future__ import annotations


class NarratorError(Exception):
    """Base class for errors that the CLI reports without a traceback (exit code 2)."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DataError(NarratorError):
    """Unreadable or inconsistent input; names file, row and column where known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        where = []
        if file:
            where.append(f"bestand {file}")
        if row is not None:
            where.append(f"rij {row}")
        if column:
            where.append(f"kolom '{column}'")
        prefix = f"{', '.join(where)}: " if where else ""
        super().__init__(f"Fout in invoer: {prefix}{message}")


class ConfigError(NarratorError):
    """A broken configuration, rule or prompt file; names the file and line where known."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        loc = file or ""
        if file and line is not None:
            loc = f"{file}:{line}"
        super().__init__(f"Fout in configuratie {loc}: {message}" if loc else message)


class DraftError(NarratorError):
    """Drafting failed in a way that the fallback could not absorb."""


class ReviewError(NarratorError):
    """A review action (accept, verify, re-run over edits) was refused."""
