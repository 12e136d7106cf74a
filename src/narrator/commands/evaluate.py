"""`narrator eval`: run the eval suite, print the scorecard, compare with the baseline."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import typer
from rich.console import Console

from narrator.config import llm_settings, project_root
from narrator.errors import NarratorError
from narrator.evals.baseline import (
    default_baseline_path,
    load_baseline,
    save_baseline,
    updated_baseline,
)
from narrator.evals.cases import load_cases
from narrator.evals.display import print_scorecard
from narrator.evals.runner import RunOptions
from narrator.evals.scorecard import Scorecard
from narrator.evals.suite import apply_baseline, run_eval, save_scorecard

_BACKENDS = ("template", "openai")
_PAGES = ("all", "marked", "none")


def evaluate(
    backend: str = typer.Option("template", "--backend", help="template of openai."),
    model: str | None = typer.Option(None, "--model", help="Modelnaam voor de openai-backend."),
    as_json: bool = typer.Option(False, "--json", help="Scorecard als JSON op stdout."),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Baseline om mee te vergelijken (standaard "
        "evals/baseline_<backend>.json, anders evals/baseline_template.json)."),
    update_baseline: bool = typer.Option(
        False, "--update-baseline", help="Schrijf de metingen van deze run als nieuwe baseline."),
    out: Path | None = typer.Option(None, "--out", help="Map voor de scorecard en de runs "
                                    "(standaard evals/results)."),
    cases: Path | None = typer.Option(None, "--cases", help="Map met eval-cases."),
    case: list[str] | None = typer.Option(None, "--case", help="Alleen deze case (herhaalbaar)."),
    pages: str = typer.Option("marked", "--pages", help="PDF's opmaken en paginabudgetten "
                              "controleren: all, marked (cases met check_pages) of none."),
    reuse_cache: bool = typer.Option(
        False, "--reuse-cache", help="Antwoordcache van een vorige eval hergebruiken (sneller en "
        "gratis, maar tokens en latentie zeggen dan niets)."),
) -> None:
    """Draai de eval-suite: stijl en juistheid per back end, vergeleken met de baseline."""
    _check_options(backend, pages, update_baseline, bool(case))
    out_dir = out or project_root() / "evals" / "results"
    options = RunOptions(backend=backend, model=model, work_dir=out_dir / "runs", pages=pages,
                         settings=llm_settings(model) if backend == "openai" else None)
    if not reuse_cache:
        shutil.rmtree(options.work_dir / backend / ".cache", ignore_errors=True)
    console = _console(as_json)
    selected = load_cases(cases, only=case or None)
    with console.status("eval draait …"):
        card = run_eval(selected, options, components=not case,
                        progress=lambda n: console.print(f"[dim]• case {n} …[/]",
                                                         highlight=False))
    card = _compare(card, baseline or default_baseline_path(backend), subset=bool(case))
    saved = save_scorecard(card, out_dir, gitignore=out is None)
    _show(card, console, as_json)
    console.print(f"Scorecard opgeslagen in {saved}", highlight=False)
    if update_baseline:
        _write_baseline(card, baseline or project_root() / "evals" / f"baseline_{backend}.json",
                        console)
    elif not card.ok:
        raise typer.Exit(1)


def _check_options(backend: str, pages: str, update_baseline: bool, subset: bool) -> None:
    if backend not in _BACKENDS:
        raise NarratorError(f"onbekende back end '{backend}': kies template of openai.")
    if pages not in _PAGES:
        raise NarratorError(f"ongeldige waarde '{pages}' voor --pages: kies all, marked of none.")
    if update_baseline and subset:
        raise NarratorError("--update-baseline kan alleen met alle cases (zonder --case).")


def _console(as_json: bool) -> Console:
    """Tables go to stderr with --json; a pipe gets 110 columns so the tables stay readable."""
    console = Console(stderr=as_json)
    if not console.is_terminal:
        console.width = max(console.width, 110)
    return console


def _compare(card: Scorecard, path: Path, *, subset: bool) -> Scorecard:
    if subset:
        card.notes.append("deelselectie van cases: niet vergeleken met de baseline; "
                          "validatorcorpus en PII-set niet gescoord")
        return card
    if not path.exists():
        card.notes.append(f"geen baseline gevonden ({path}); niets vergeleken")
        return card
    return apply_baseline(card, load_baseline(path), path)


def _show(card: Scorecard, console: Console, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(card.model_dump_json(indent=2) + "\n")
    else:
        print_scorecard(card, console)


def _write_baseline(card: Scorecard, path: Path, console: Console) -> None:
    """Write the new baseline; refused while a case fails its expectations."""
    if card.failed_cases:
        names = ", ".join(c.name for c in card.failed_cases)
        raise NarratorError(f"baseline niet bijgewerkt: cases mislukt ({names}).")
    template = project_root() / "evals" / "baseline_template.json"
    source = path if path.exists() else template
    current = load_baseline(source) if source.exists() else None
    save_baseline(updated_baseline(current, card.backend, card.metrics), path)
    console.print(f"Baseline bijgewerkt: {path}", highlight=False)
