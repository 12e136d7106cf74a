"""Throughput of the PII scrubber on 10.000 realistic Dutch ticket/incident/survey texts.

Texts come from the evaluation generator's templates and hand-made cases (another seed), so
they carry a realistic mix of names, numbers and keep-list items.
Run: ``python benchmarks/bench_scrub.py [--n 10000] [--profile]``; target >= 400 texts/s.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("pii_generate", ROOT / "evals/pii/generate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` texts of 1-3 sentences from the eval templates and hard cases (fresh seed)."""
    gen = _generator()
    r = random.Random(seed)
    lines = gen._lines(ROOT / "evals/pii/templates.txt") + gen._lines(  # type: ignore[attr-defined]
        ROOT / "evals/pii/hard_cases.txt")
    fill, parse = gen.fill, gen.parse  # type: ignore[attr-defined]
    return [" ".join(parse(fill(r, r.choice(lines)))[0] for _ in range(r.randint(1, 3)))
            for _ in range(n)]


def run(texts: list[str]) -> tuple[float, float]:
    """Scrub every text with one Scrubber; returns (wall seconds, CPU seconds of this process).

    CPU time is reported too because the 2 cores of this machine are shared with other jobs.
    """
    from narrator.privacy import Scrubber

    scrubber = Scrubber()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        scrubber.scrub(text)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    """Time building the engine and scrubbing; optionally print a cProfile summary."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    texts = make_texts(args.n)
    t0 = time.perf_counter()
    from narrator.privacy.engine import get_engine

    get_engine()
    build = time.perf_counter() - t0
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        secs, cpu = run(texts)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    else:
        secs, cpu = run(texts)
    chars = sum(len(t) for t in texts)
    print(f"engine opbouwen: {build:.2f} s")
    print(f"{len(texts)} teksten ({chars / len(texts):.0f} tekens gem.) in {secs:.2f} s: "
          f"{len(texts) / secs:.0f} teksten/s (CPU-tijd {cpu:.2f} s: {len(texts) / cpu:.0f}/s)")
    print(f"belasting (load average 1 min): {os.getloadavg()[0]:.2f}")
    sys.exit(0)


if __name__ == "__main__":
    main()
