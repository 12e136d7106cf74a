"""Score the scrubber on the labelled set ``evals/pii/pii_set.jsonl``.

Matching: a detected entity counts as a hit for a labelled one of the same type when their
character spans overlap. Reported per part (tune, heldout) and entity type: precision, recall;
plus the keep-list masking rate (share of keep items overlapped by any detection).
Run: ``python -m narrator.privacy.evaluate``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from narrator.config import project_root

DEFAULT_SET = Path("evals") / "pii" / "pii_set.jsonl"


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _score_record(rec: dict[str, Any], tally: dict[str, Counter[str]]) -> None:
    from narrator.privacy import detect

    pred = [e.model_dump() for e in detect(rec["text"])]
    gold = rec["entities"]
    for g in gold:
        hit = any(p["entity_type"] == g["type"] and _overlap(p, g) for p in pred)
        tally["tp" if hit else "fn"][g["type"]] += 1
    for p in pred:
        if not any(p["entity_type"] == g["type"] and _overlap(p, g) for g in gold):
            tally["fp"][p["entity_type"]] += 1
    for k in rec.get("keep", []):
        tally["keep"]["masked" if any(_overlap(p, k) for p in pred) else "kept"] += 1


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _summary(tally: dict[str, Counter[str]]) -> dict[str, Any]:
    types = sorted(set(tally["tp"]) | set(tally["fn"]) | set(tally["fp"]))
    per_type = {t: {"tp": tally["tp"][t], "fp": tally["fp"][t], "fn": tally["fn"][t],
                    "precision": _ratio(tally["tp"][t], tally["tp"][t] + tally["fp"][t]),
                    "recall": _ratio(tally["tp"][t], tally["tp"][t] + tally["fn"][t])}
                for t in types}
    tp, fp, fn = (sum(tally[k].values()) for k in ("tp", "fp", "fn"))
    keep_total = tally["keep"]["masked"] + tally["keep"]["kept"]
    return {"per_type": per_type, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "keep_items": keep_total, "keep_masked_rate": _ratio(tally["keep"]["masked"],
                                                                 keep_total) or 0.0}


def load_set(path: Path | None = None) -> list[dict[str, Any]]:
    """The labelled records (one JSON object per line)."""
    path = path or project_root() / DEFAULT_SET
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_pii_set(path: Path | None = None) -> dict[str, Any]:
    """Scores per part: ``{"tune": {...}, "heldout": {...}}`` with per-type and overall figures."""
    tallies: dict[str, dict[str, Counter[str]]] = {}
    for rec in load_set(path):
        part = tallies.setdefault(rec["split"], {k: Counter() for k in ("tp", "fp", "fn", "keep")})
        _score_record(rec, part)
    return {split: _summary(t) for split, t in sorted(tallies.items())}


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}".replace(".", ",")


def main() -> None:
    """Print the scores as a table (Dutch labels)."""
    for split, s in score_pii_set().items():
        print(f"== {split}: precisie {_fmt(s['precision'])}, recall {_fmt(s['recall'])}, "
              f"keep-list gemaskeerd {_fmt(s['keep_masked_rate'] * 100)}% "
              f"van {s['keep_items']}")
        for t, v in s["per_type"].items():
            print(f"   {t:<18} tp {v['tp']:>4} fp {v['fp']:>3} fn {v['fn']:>3}  "
                  f"precisie {_fmt(v['precision'])}  recall {_fmt(v['recall'])}")


if __name__ == "__main__":
    main()
