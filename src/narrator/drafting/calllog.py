"""The call log: one JSON line per drafting call, written to ``<run_dir>/calls.jsonl``."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from narrator.atomic import atomic_write_text


class CallRecord(BaseModel):
    """What one call cost and how it ended."""

    section: str
    template: str
    template_sha256: str
    prompt_sha256: str = ""
    backend: str
    model: str | None
    mode: str = ""
    attempt: int = 1
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float = 0.0
    cached: bool = False
    outcome: str = "ok"
    detail: str = ""
    at: str = ""


class CallLog:
    """Collects call records from worker threads; :meth:`write` saves them atomically."""

    def __init__(self, run_dir: Path) -> None:
        self.path = Path(run_dir) / "calls.jsonl"
        self.records: list[CallRecord] = []
        self._lock = threading.Lock()

    def add(self, record: CallRecord) -> None:
        """Append one record (thread-safe)."""
        record.at = record.at or datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            self.records.append(record)

    def write(self) -> None:
        """Write all records, sorted by section and attempt, as JSON lines."""
        with self._lock:
            rows = sorted(self.records, key=lambda r: (r.section, r.attempt))
            text = "".join(json.dumps(r.model_dump(), ensure_ascii=False) + "\n" for r in rows)
        atomic_write_text(self.path, text)
