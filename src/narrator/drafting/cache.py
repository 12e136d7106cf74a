"""Response cache keyed by the sha256 of the request, so re-runs are reproducible and free."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from narrator.atomic import atomic_write_text


def request_key(request: dict[str, Any]) -> str:
    """sha256 over the canonical JSON of a chat request (model, messages, format, ...)."""
    canonical = json.dumps(request, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """One JSON file per request under ``folder``; written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer for ``key``, or None (also for an unreadable entry)."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
            return None
        return data if isinstance(data, dict) and "content" in data else None

    def put(self, key: str, content: str, tokens_in: int, tokens_out: int) -> None:
        """Store an answer."""
        payload = {"content": content, "tokens_in": tokens_in, "tokens_out": tokens_out}
        atomic_write_text(self._path(key), json.dumps(payload, ensure_ascii=False))
