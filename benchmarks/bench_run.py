"""Full-scale benchmark of `narrator run` with the template back end.

Generates 24 months at scale 1 (2.500.000 klanten) into bench_data/ once, then times a
complete run in a child process and reports wall time and peak RSS (budget: 30 s, 2 GB).

    python3 benchmarks/bench_run.py [--regenerate] [--repeat N]
"""

from __future__ import annotations

import shutil
import sys

from _common import DATA, ROOT, prepare, timed_narrator

REPORTS = ROOT / "bench_data" / "reports"
BUDGET_S = 30.0
BUDGET_MB = 2048.0


def timed_run() -> tuple[float, float]:
    """Run `narrator run` once in a fresh child; return (wall s, that run's peak RSS in MB).

    Measured per run: before, RUSAGE_CHILDREN also counted the sample-data generation child.
    """
    shutil.rmtree(REPORTS, ignore_errors=True)
    return timed_narrator(["run", "--data", str(DATA), "--month", "2026-11", "--out",
                           str(REPORTS), "--backend", "template"])


def main() -> int:
    args = prepare(__doc__)
    results = [timed_run() for _ in range(args.repeat)]
    for i, (wall, peak) in enumerate(results, 1):
        print(f"run {i}: {wall:.1f} s wall, peak RSS {peak:.0f} MB")
    worst_wall = max(w for w, _ in results)
    worst_peak = max(p for _, p in results)
    ok = worst_wall <= BUDGET_S and worst_peak <= BUDGET_MB
    print(f"budget {BUDGET_S:.0f} s / {BUDGET_MB:.0f} MB: {'OK' if ok else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
