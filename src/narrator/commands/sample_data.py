"""`narrator sample-data`: generate realistic, seeded exports (issue 2)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from narrator.errors import NarratorError
from narrator.numbers import format_number


def sample_data(
    out: Annotated[Path, typer.Option("--out", help="Map voor de exports.")],
    months: Annotated[int, typer.Option("--months", help="Aantal maanden tot en met 2026-11.")]
    = 24,
    scale: Annotated[float, typer.Option("--scale", help="1,0 = ware grootte ConnectNL.")] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="Startwaarde van de toevalsgenerator.")]
    = 42,
) -> None:
    """Genereer realistische exports van ServiceNow, Salesforce en NetMonitor."""
    from narrator.sampledata import generate

    if not 1 <= months <= 120:
        raise NarratorError("--months moet tussen 1 en 120 liggen.")
    if not 0 < scale <= 10:
        raise NarratorError("--scale moet groter dan 0 en hoogstens 10 zijn.")
    started = time.perf_counter()
    files = generate(out, months=months, scale=scale, seed=seed)
    size = sum(f.stat().st_size for f in files) / 1_000_000
    elapsed = time.perf_counter() - started
    Console().print(
        f"{len(files)} exportbestanden geschreven naar {out} "
        f"({format_number(size, 1)} MB, {format_number(elapsed, 1)} s)",
        highlight=False,
    )
