"""Benchmark of render_report: time to render all PDFs (target: under 5 s on this machine).

Renders the fixture facts and drafts (tests/fixtures) into a temporary folder, once cold in a
child process (includes importing WeasyPrint) and N times warm in this process, and prints the
time per stage for the last warm run.

    python3 benchmarks/bench_render.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from narrator.facts import REPORT_PARTS

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "tests" / "fixtures" / "facts_example.json"
DRAFTS = ROOT / "tests" / "fixtures" / "drafts"
PARTS = REPORT_PARTS
TARGET_S = 5.0

COLD = """
import sys, time
t = time.perf_counter()
from pathlib import Path
from narrator.facts import load_facts
from narrator.render import render_report
texts = {p: (Path(sys.argv[2]) / f"{p}.md").read_text(encoding="utf-8") for p in sys.argv[4:]}
result = render_report(load_facts(Path(sys.argv[1])), texts, Path(sys.argv[3]))
print(f"{time.perf_counter() - t:.3f} {result.seconds:.3f}")
"""


def cold_run(out: Path) -> tuple[float, float]:
    """(seconds including imports, seconds inside render_report) in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-c", COLD, str(FACTS), str(DRAFTS), str(out), *PARTS],
                          check=True, capture_output=True, text=True)
    total, inner = proc.stdout.split()
    return float(total), float(inner)


def stage_times() -> dict[str, float]:
    """Seconds per stage for one warm render (Markdown/HTML, layout, PDF write, merge)."""
    from narrator.facts import load_facts
    from narrator.render import pdf
    from narrator.render.documents import build_html
    from narrator.render.markdown_html import RenderContext, markdown_to_html
    from narrator.render.settings import load_render_settings

    facts, cfg = load_facts(FACTS), load_render_settings()
    times = {"markdown+html": 0.0, "layout": 0.0, "write_pdf": 0.0}
    pdfs = []
    for part in PARTS:
        t = time.perf_counter()
        body = markdown_to_html((DRAFTS / f"{part}.md").read_text(encoding="utf-8"),
                                RenderContext(facts, cfg, part))
        html = build_html(part, body, facts, cfg, concept=True)
        times["markdown+html"] += time.perf_counter() - t
        t = time.perf_counter()
        doc = pdf.layout(html)
        times["layout"] += time.perf_counter() - t
        t = time.perf_counter()
        pdfs.append(pdf.to_pdf(doc, part))
        times["write_pdf"] += time.perf_counter() - t
    t = time.perf_counter()
    pdf.combine(pdfs, "rapport")
    times["merge (pypdf)"] = time.perf_counter() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from narrator.facts import load_facts
    from narrator.render import render_report

    facts = load_facts(FACTS)
    texts = {p: (DRAFTS / f"{p}.md").read_text(encoding="utf-8") for p in PARTS}
    with tempfile.TemporaryDirectory() as tmp:
        total, inner = cold_run(Path(tmp) / "cold")
        print(f"koud (nieuw proces, incl. imports): {total:.2f} s; render_report {inner:.2f} s")
        warm = [render_report(facts, texts, Path(tmp) / f"w{i}").seconds
                for i in range(args.repeat)]
        result = render_report(facts, texts, Path(tmp) / "last")
        print(f"warm, {args.repeat}x: mediaan {statistics.median(warm):.2f} s, "
              f"min {min(warm):.2f} s, max {max(warm):.2f} s")
        print(f"pagina's: {result.pages}; overschrijdingen: {result.overflows or 'geen'}")
        for stage, seconds in stage_times().items():
            print(f"  {stage:<14} {seconds:.2f} s")
    verdict = "binnen" if total <= TARGET_S else "BOVEN"
    print(f"doel < {TARGET_S:.0f} s: {verdict} (koud {total:.2f} s)")


if __name__ == "__main__":
    main()
