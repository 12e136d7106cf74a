"""Robustness sweep: `narrator run` for every month of an export folder.

Every month with a previous month must produce a report with zero error findings and every part
within its page budget (exit 0). This sweep found the September dashboards that overflowed.

    python3 benchmarks/sweep_months.py [--data data_samples] [--out bench_data/sweep]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def months(data: Path) -> list[str]:
    """The report months in the export folder, skipping the first (it has no previous month)."""
    from narrator.sources import load_sources

    found = sorted(load_sources(data).tables["accounts"]["month"].unique())
    return [str(m) for m in found[1:]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data_samples")
    parser.add_argument("--out", type=Path, default=ROOT / "bench_data" / "sweep")
    args = parser.parse_args()
    failed = []
    for month in months(args.data):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "narrator", "run", "--data", str(args.data),
                               "--month", month, "--out", str(args.out)],
                              capture_output=True, text=True, check=False)
        print(f"{month}: exit {done.returncode} in {time.perf_counter() - start:.1f} s")
        if done.returncode:
            failed.append(month)
            print(done.stdout[-600:] + done.stderr[-600:])
    print(f"{len(failed)} maand(en) met aandachtspunten: {', '.join(failed) or 'geen'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
