"""`narrator demo`: the full report from data_samples, offline."""

from __future__ import annotations

from pathlib import Path

import typer

from narrator.commands.run import _progress, finish
from narrator.config import project_root
from narrator.pipeline import make_request, run_report


def demo(
    out: Path = typer.Option(Path("reports"), "--out", help="Map voor de rapportmappen."),
) -> None:
    """Maak het volledige rapport van de laatste maand in data_samples/, offline (template)."""
    request = make_request(data_dir=project_root() / "data_samples", month=None, reports_root=out,
                         backend="template")
    finish(run_report(request, progress=_progress))
