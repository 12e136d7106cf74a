"""Shared pieces of the full-scale benchmarks: the generated data and a child-process timer."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench_data" / "exports"

# Runs argv[1:] and prints RUSAGE_CHILDREN's peak RSS. RUSAGE_CHILDREN is a maximum over every
# child ever waited for, so each timed run gets its own wrapper to measure that run alone.
_WRAPPER = ("import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def generate(regenerate: bool) -> float:
    """Generate the full-scale exports unless they exist; return the seconds spent."""
    if DATA.exists() and not regenerate:
        return 0.0
    shutil.rmtree(DATA, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "narrator", "sample-data", "--out", str(DATA),
                    "--months", "24", "--scale", "1"], check=True)
    return time.perf_counter() - start


def timed_narrator(args: list[str]) -> tuple[float, float]:
    """Run `narrator <args>` once in a fresh child; return (wall s, that child's peak RSS in MB)."""
    cmd = [sys.executable, "-m", "narrator", *args]
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], check=True, capture_output=True,
                         text=True)
    wall = time.perf_counter() - start
    return wall, int(out.stdout.strip().splitlines()[-1]) / 1024


def prepare(doc: str | None) -> argparse.Namespace:
    """Parse the shared options (--regenerate, --repeat) and make sure the data exists."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    seconds = generate(args.regenerate)
    if seconds:
        print(f"generated full-scale data in {seconds:.1f} s")
    return args
