"""`narrator scrub`: print scrubbed text or the PII entities found (issue 3)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from narrator.errors import DataError


def _read_input(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError("bestand niet gevonden", file=file) from exc
    except UnicodeDecodeError as exc:
        raise DataError("bestand is geen UTF-8-tekst", file=file) from exc
    except OSError as exc:
        raise DataError(f"bestand niet leesbaar: {exc.strerror}", file=file) from exc


def scrub(
    file: Annotated[str, typer.Argument(help="Tekstbestand, of '-' voor standaardinvoer.")] = "-",
    as_json: Annotated[bool, typer.Option("--json", help="Toon de gevonden persoonsgegevens "
                                          "als JSON (type, positie, score).")] = False,
) -> None:
    """Vervang persoonsgegevens in een tekst door placeholders zoals [NAAM-1]."""
    from narrator.privacy import Scrubber

    text = _read_input(file)
    scrubbed, entities = Scrubber().scrub_with_entities(text)
    if as_json:
        rows = [{"entity_type": e.entity_type, "start": e.start, "end": e.end,
                 "score": e.score} for e in entities]
        typer.echo(json.dumps({"entities": rows, "scrubbed": scrubbed}, ensure_ascii=False,
                              indent=2))
    else:
        typer.echo(scrubbed, nl=not scrubbed.endswith("\n"))
