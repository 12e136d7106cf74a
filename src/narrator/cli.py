"""The ``narrator`` command line. Thin: each command lives in ``narrator.commands.<name>``."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any

import typer
from rich.console import Console

from narrator.errors import NarratorError

app = typer.Typer(
    name="narrator",
    help="Stelt de maandelijkse operationele managementrapportage van ConnectNL op.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
_err = Console(stderr=True)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn errors into a Dutch message on stderr and a non-zero exit, without a traceback.

    NarratorError keeps its exit code (2); anything unexpected exits 3 (NARRATOR_DEBUG=1 shows
    the traceback).
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NarratorError as exc:
            _err.print(f"[bold red]fout:[/] {exc.message}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("NARRATOR_DEBUG"):
                raise
            _err.print(f"[bold red]onverwachte fout:[/] {type(exc).__name__}: {exc}. "
                       "Zet NARRATOR_DEBUG=1 voor details en "
                       "meld dit aan het narrator-team.", highlight=False, soft_wrap=True)
            raise typer.Exit(3) from None

    return wrapper


def _register() -> None:
    from narrator.commands import (
        accept,
        check,
        deadline,
        demo,
        evaluate,
        kpis,
        run,
        sample_data,
        scrub,
        verify,
    )

    for name, fn in [
        ("demo", demo.demo),
        ("run", run.run),
        ("kpis", kpis.kpis),
        ("scrub", scrub.scrub),
        ("check", check.check),
        ("accept", accept.accept),
        ("verify", verify.verify),
        ("eval", evaluate.evaluate),
        ("sample-data", sample_data.sample_data),
        ("deadline", deadline.deadline),
    ]:
        app.command(name)(guarded(fn))


_register()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except NarratorError as exc:  # raised outside a command (e.g. during option parsing)
        _err.print(f"[bold red]fout:[/] {exc.message}", highlight=False)
        sys.exit(exc.exit_code)
