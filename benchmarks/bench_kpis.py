"""Full-scale benchmark of `narrator kpis` (issue 2).

Generates 24 months at scale 1 (2.500.000 klanten, all sources) into bench_data/exports once
(shared with bench_run.py; bench_data/ is git-ignored), then times `narrator kpis --json` and
`narrator kpis` (table) in child processes and reports wall time and peak RSS.
Targets: under 20 s and under 2 GB.

    python3 benchmarks/bench_kpis.py [--regenerate] [--repeat N]
"""

from __future__ import annotations

import resource
import sys

from _common import DATA, prepare, timed_narrator

BUDGET_S = 20.0
BUDGET_MB = 2048.0
MODES = {"tabel": [], "json": ["--json"]}


def timed(extra: list[str]) -> tuple[float, float]:
    """Run `narrator kpis` once in a fresh child; return (wall s, the child's peak RSS in MB)."""
    return timed_narrator(["kpis", "--data", str(DATA), "--month", "2026-11", *extra])


def main() -> int:
    args = prepare(__doc__)
    size_mb = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file()) / 2**20
    print(f"data: {DATA} ({size_mb:.0f} MB)")
    worst_wall = worst_peak = 0.0
    for mode, extra in MODES.items():
        for i in range(args.repeat):
            wall, peak = timed(extra)
            worst_wall, worst_peak = max(worst_wall, wall), max(worst_peak, peak)
            print(f"narrator kpis ({mode}) run {i + 1}: {wall:.1f} s wall, peak RSS {peak:.0f} MB")
    ok = worst_wall <= BUDGET_S and worst_peak <= BUDGET_MB
    print(f"budget {BUDGET_S:.0f} s / {BUDGET_MB:.0f} MB: {'OK' if ok else 'OVER'} "
          f"(worst {worst_wall:.1f} s, {worst_peak:.0f} MB; self RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
