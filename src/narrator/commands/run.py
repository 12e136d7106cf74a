"""`narrator run`: produce the report folder for one month."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from narrator.numbers import format_number
from narrator.pipeline import RunOutcome, make_request, run_report

_out = Console()


def run(
    data: Path = typer.Option(..., "--data", help="Map met de exports."),
    month: str = typer.Option(..., "--month", help="Rapportmaand, JJJJ-MM."),
    out: Path = typer.Option(Path("reports"), "--out", help="Map voor de rapportmappen."),
    backend: str = typer.Option("template", "--backend", help="template of openai."),
    model: str | None = typer.Option(None, "--model", help="Modelnaam voor de openai-backend."),
) -> None:
    """Maak de rapportmap voor een maand: facts, concepttekst, bevindingen en concept-PDF's.

    Exitcode 0: klaar voor review; 1: rapport geschreven, maar er staan fouten in de
    bevindingen of een onderdeel past niet in zijn paginabudget; 2: invoerfout, niets geschreven.
    """
    request = make_request(data_dir=data, month=month, reports_root=out, backend=backend,
                           model=model)
    finish(run_report(request, progress=_progress))


def finish(outcome: RunOutcome) -> None:
    """Print the summary; exit 1 when the report needs attention before it can be accepted."""
    report(outcome)
    if outcome.errors or outcome.overflows:
        raise typer.Exit(1)


def _progress(stage: str) -> None:
    _out.print(f"[dim]• {stage} …[/]", highlight=False)


def report(outcome: RunOutcome) -> None:
    """Print a Dutch summary of a run."""
    for message in outcome.fact_warnings:
        _out.print(f"[yellow]waarschuwing:[/] {message}", highlight=False)
    for message in outcome.draft_messages:
        _out.print(f"[yellow]let op:[/] {message}", highlight=False)
    for part, reason in outcome.flagged.items():
        _out.print(f"[yellow]handmatig controleren ({part}):[/] {reason}", highlight=False)
    for part, message in outcome.overflows.items():
        _out.print(f"[red]paginabudget ({part}):[/] {message}", highlight=False)
    table = Table(title=f"Rapport {outcome.report_dir}", show_header=True)
    table.add_column("onderdeel")
    table.add_column("pagina's", justify="right")
    for part, pages in outcome.pages.items():
        table.add_row(part, str(pages))
    _out.print(table)
    total = format_number(sum(outcome.timings.values()), 1)
    _out.print(f"Bevindingen: {outcome.errors} fouten, {outcome.warnings} waarschuwingen. "
               f"Doorlooptijd {total} s. Map: {outcome.report_dir}", highlight=False)
