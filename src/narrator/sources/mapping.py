"""The column mapping (config/columns.yaml): which files feed which table, under which names."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from narrator.config import config_dir, load_model
from narrator.errors import ConfigError, DataError

FieldType = Literal["date", "datetime", "month", "int", "float", "str"]


class SourceSpec(BaseModel):
    """One export: its file patterns and how its fields map onto a canonical table."""

    model_config = ConfigDict(extra="forbid")

    system: str
    table: str
    label: str
    files: list[str]
    columns: dict[str, list[str]]
    types: dict[str, FieldType]
    nullable: list[str] = Field(default_factory=list)
    key: list[str]
    history: str | None = None
    daily: str | None = None
    missing: list[str] = Field(default_factory=list)


class ColumnMapping(BaseModel):
    """All sources of config/columns.yaml, by source id."""

    model_config = ConfigDict(extra="forbid")

    sources: dict[str, SourceSpec]


def default_mapping_file() -> Path:
    return config_dir() / "columns.yaml"


def load_mapping(path: Path | None = None) -> ColumnMapping:
    """Read and validate the column mapping; errors name the file."""
    path = path or default_mapping_file()
    mapping = load_model(ColumnMapping, path)
    for sid, spec in mapping.sources.items():
        _check_spec(sid, spec, path)
    return mapping


def _check_spec(source_id: str, spec: SourceSpec, path: Path) -> None:
    """Every field named in types/key/nullable/history/daily must have column names."""
    untyped = set(spec.columns) ^ set(spec.types)
    if untyped:
        raise ConfigError(
            f"bron '{source_id}': velden zonder type of zonder kolomnamen: {sorted(untyped)}",
            file=str(path),
        )
    named = [*spec.key, *spec.nullable, *(f for f in (spec.history, spec.daily) if f)]
    unknown = sorted(set(named) - set(spec.columns))
    if unknown:
        raise ConfigError(f"bron '{source_id}': onbekende velden {unknown}", file=str(path))


def normalise_name(name: str) -> str:
    """Header comparison key: lower case, no spaces/underscores/BOM."""
    return re.sub(r"[\s_]+", "", name.replace("\ufeff", "").strip().lower())


def resolve_columns(spec: SourceSpec, header: list[str], file: str) -> dict[str, str]:
    """Map each canonical field to the export's actual header name.

    Raises DataError naming the file and the missing field, suggesting the closest header.
    """
    by_norm = {normalise_name(h): h for h in header}
    resolved: dict[str, str] = {}
    for field, aliases in spec.columns.items():
        match = next((by_norm[normalise_name(a)] for a in aliases
                      if normalise_name(a) in by_norm), None)
        if match is None:
            raise DataError(_missing_column_message(aliases, header), file=file,
                            column=aliases[0])
        resolved[field] = match
    return resolved


def _missing_column_message(aliases: list[str], header: list[str]) -> str:
    msg = f"kolom ontbreekt (verwacht een van: {', '.join(aliases)})"
    norm_header = {normalise_name(h): h for h in header}
    close = difflib.get_close_matches(
        normalise_name(aliases[0]), list(norm_header), n=1, cutoff=0.6
    )
    for alias in aliases[1:]:
        if close:
            break
        close = difflib.get_close_matches(normalise_name(alias), list(norm_header), n=1,
                                          cutoff=0.6)
    if close:
        msg += f"; bedoelt u '{norm_header[close[0]]}'?"
    return msg
