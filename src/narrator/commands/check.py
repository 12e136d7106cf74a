"""`narrator check`: validate drafts against the house style and the facts (issue 4)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from narrator.errors import DataError, NarratorError
from narrator.facts import Facts, load_facts


def _is_report_dir(path: Path) -> bool:
    return path.is_dir() and ((path / "draft").is_dir() or (path / "facts.json").exists())


def _check_path(name: str, facts: Facts | None) -> list:
    """Findings for one PATH argument: '-' (stdin), a report folder or a Markdown file."""
    from narrator.validation import validate_report_dir, validate_text
    from narrator.validation.engine import part_of

    if name == "-":
        return validate_text(sys.stdin.read(), facts=facts, file="<stdin>")
    path = Path(name)
    if _is_report_dir(path) and facts is None:
        return validate_report_dir(path)
    if path.is_dir():
        found = []
        for md in sorted((path / "draft" if (path / "draft").is_dir() else path).glob("*.md")):
            found += validate_text(md.read_text(encoding="utf-8"), facts=facts,
                                   part=part_of(md), file=str(md))
        return found
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError("bestand niet gevonden", file=name) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"bestand niet leesbaar: {exc}", file=name) from exc
    return validate_text(text, facts=facts, part=part_of(path), file=name)


def _summary(findings: list) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    return f"{errors} fout(en), {warnings} waarschuwing(en), {len(findings)} bevinding(en) totaal"


def check(
    paths: Annotated[list[str], typer.Argument(help="Markdown-bestanden, rapportmappen of '-'.")],
    facts: Annotated[Path | None, typer.Option("--facts", help="facts.json voor cijfercontrole.")]
    = None,
    format: Annotated[str, typer.Option("--format", help="Uitvoer: text of json.")] = "text",
) -> None:
    """Controleer teksten op huisstijl, cijfers (tegen facts.json) en structuur."""
    if format not in {"text", "json"}:
        raise NarratorError(f"onbekend formaat '{format}': kies text of json")
    facts_obj = load_facts(facts) if facts is not None else None
    findings = [f for name in paths for f in _check_path(name, facts_obj)]
    if format == "json":
        typer.echo(json.dumps([f.model_dump() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            typer.echo(f.format_text())
        typer.echo(_summary(findings), err=True)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)
