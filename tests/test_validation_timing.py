"""Loose timing: checking a 4-page report takes under 1 s once the rules are loaded."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from narrator.validation import validate_report_dir

ROOT = Path(__file__).resolve().parents[1]


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_check",
                                                  ROOT / "benchmarks" / "bench_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_four_page_report_under_one_second(tmp_path: Path) -> None:
    words = _bench_module().make_report(tmp_path / "2026-11")
    assert words >= 2000
    assert validate_report_dir(tmp_path / "2026-11") == []  # warm-up: rules, privacy engine
    best = min(_timed(tmp_path / "2026-11") for _ in range(2))
    assert best < 1.0, f"{best:.2f} s"


def _timed(folder: Path) -> float:
    start = time.perf_counter()
    validate_report_dir(folder)
    return time.perf_counter() - start
