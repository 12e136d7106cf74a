"""`narrator verify`: recompute hashes of an accepted report (issue 7)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

_out = Console()


def verify(
    report_dir: Path = typer.Argument(..., help="Rapportmap, bijvoorbeeld reports/2026-11."),
    version: int | None = typer.Option(None, "--version", min=1,
                                       help="Versienummer (standaard: de laatste)."),
    data: Path | None = typer.Option(None, "--data", help="Exportmap met de invoerbestanden."),
    archief: Path | None = typer.Option(None, "--archief",
                                        help="Archiefkopie van deze versie (map vN)."),
) -> None:
    """Controleer of een geaccepteerde versie nog klopt met haar manifest en invoer."""
    from narrator.review.verify import verify_report

    report = verify_report(report_dir, version, data_dir=data, archive_dir=archief)
    for check in report.checks:
        style = "red" if check.failed else ("yellow" if check.status != "ok" else "green")
        _out.print(f"[{style}]{check.line()}[/]", highlight=False, soft_wrap=True)
    if report.ok:
        _out.print(f"Versie {report.version} van {report.report_dir} is ongewijzigd.",
                   highlight=False, soft_wrap=True)
        return
    names = ", ".join(c.path for c in report.failures)
    _out.print(f"[bold red]Versie {report.version} klopt NIET met het manifest:[/] {names}",
               highlight=False, soft_wrap=True)
    raise typer.Exit(1)
