"""Benchmark: time `validate_report_dir` on a 4-page report (about 2.500 words).

Run: python3 benchmarks/bench_check.py [--repeat N]
Builds the report from tests/golden/validation/good (its analysis is padded to four pages
by repeating the per-KPI sections) and prints cold (first call: rule loading, privacy
engine start-up) and warm timings.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "golden" / "validation" / "good"
WORDS_PER_PAGE = 500


def make_report(target: Path, pages: int = 4) -> int:
    """Copy the good draft to ``target`` and pad the analysis to ``pages`` pages; word count."""
    shutil.copytree(GOOD, target, dirs_exist_ok=True)
    analyse = (target / "draft" / "analyse.md").read_text(encoding="utf-8")
    head, rest = analyse.split("## Afwijkingen en oorzaken", 1)
    body, actions = rest.split("## Acties", 1)
    while len(re.findall(r"\w+", head + body)) < pages * WORDS_PER_PAGE:
        body += body
    text = head + "## Afwijkingen en oorzaken" + body + "## Acties" + actions
    (target / "draft" / "analyse.md").write_text(text, encoding="utf-8")
    return sum(len(re.findall(r"\w+", p.read_text(encoding="utf-8")))
               for p in (target / "draft").glob("*.md"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "2026-11"
        words = make_report(folder)
        start = time.perf_counter()
        from narrator.validation import validate_report_dir

        findings = validate_report_dir(folder)
        cold = time.perf_counter() - start
        warm = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            validate_report_dir(folder)
            warm.append(time.perf_counter() - start)
    print(f"rapport: {words} woorden, {len(findings)} bevindingen")
    print(f"koud (incl. import en regels laden): {cold:.3f} s")
    print(f"warm: mediaan {statistics.median(warm):.3f} s, max {max(warm):.3f} s "
          f"over {args.repeat} runs")


if __name__ == "__main__":
    main()
