"""`narrator accept`: accept a reviewed report and file it in the archive (issue 7)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from narrator.numbers import format_number

_out = Console()


def accept(
    report_dir: Path = typer.Argument(..., help="Rapportmap, bijvoorbeeld reports/2026-11."),
    reviewer: str = typer.Option(..., "--reviewer", help="Naam van de reviewer."),
    force: bool = typer.Option(False, "--force", help="Accepteer ondanks fouten (met --reden)."),
    reden: str | None = typer.Option(None, "--reden", help="Reden voor --force; wordt vastgelegd."),
    archief: Path | None = typer.Option(
        None, "--archief", help="Archiefmap (standaard: 'archief' naast de map reports/)."),
    data: Path | None = typer.Option(
        None, "--data", help="Exportmap; vastgelegd zodat 'narrator verify' de invoer vindt."),
) -> None:
    """Accepteer de gecontroleerde concepttekst: definitieve PDF's, manifest en archief."""
    from narrator.review.accept import accept_report

    outcome = accept_report(report_dir, reviewer, force=force, reason=reden,
                            archive_root=archief, data_dir=data)
    manifest = outcome.manifest
    _out.print(f"Geaccepteerd door {manifest.reviewer} als versie {outcome.version}: "
               f"{outcome.version_dir}", highlight=False)
    _out.print(f"Gearchiveerd in {outcome.archive_dir}", highlight=False)
    for diff in manifest.diff:
        _out.print(f"  {diff.part}: {format_number(diff.pct_changed, 1)}% van de regels "
                   f"gewijzigd t.o.v. de gegenereerde tekst (+{diff.added} / -{diff.removed} / "
                   f"~{diff.changed})", highlight=False)
    for note in outcome.notes:
        _out.print(f"[yellow]{note}[/]", highlight=False)
