"""The report folder of one month (``reports/YYYY-MM/``) and where each file lives in it.

See ``docs/review.md`` for the layout. Only this module knows file names; the other review
modules ask a :class:`ReportFolder` for paths.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from narrator.calendar import is_month
from narrator.facts import REPORT_PARTS

#: The editable parts of a report, in reading order (docs/contracts.md, "Draft Markdown").
PARTS = REPORT_PARTS

_PART_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")
_VERSION_DIR = re.compile(r"^v([1-9]\d*)$")


def check_part_name(part: str) -> str:
    """Return ``part`` if it is a safe file stem (no paths, no dots); raise ValueError otherwise."""
    if not _PART_NAME.match(part):
        raise ValueError(f"ongeldige naam voor een rapportonderdeel: {part!r}")
    return part


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex sha256 of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ReportFolder:
    """Paths inside one report folder, e.g. ``reports/2026-11``."""

    root: Path

    @property
    def month(self) -> str | None:
        """The month from the folder name, or None when the folder is not named ``YYYY-MM``."""
        return self.root.name if is_month(self.root.name) else None

    @property
    def facts(self) -> Path:
        return self.root / "facts.json"

    @property
    def draft_dir(self) -> Path:
        return self.root / "draft"

    @property
    def generated_dir(self) -> Path:
        return self.draft_dir / ".generated"

    @property
    def hashes(self) -> Path:
        return self.generated_dir / "hashes.json"

    @property
    def findings(self) -> Path:
        return self.root / "findings.json"

    @property
    def calls(self) -> Path:
        return self.root / "calls.jsonl"

    @property
    def run_record(self) -> Path:
        return self.root / "run.json"

    def recorded_data_dir(self) -> Path | None:
        """The export folder the last ``narrator run`` read, from ``run.json``; None if absent."""
        import json

        try:
            data = json.loads(self.run_record.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        return Path(data["data_dir"]) if isinstance(data, dict) and data.get("data_dir") else None

    @property
    def concept_dir(self) -> Path:
        return self.root / "concept"

    @property
    def final_dir(self) -> Path:
        return self.root / "final"

    def draft(self, part: str) -> Path:
        """The reviewer's copy ``draft/<part>.md``."""
        return self.draft_dir / f"{check_part_name(part)}.md"

    def generated(self, part: str) -> Path:
        """The text narrator generated for ``draft/<part>.md``: ``draft/.generated/<part>.md``."""
        return self.generated_dir / f"{check_part_name(part)}.md"

    def draft_version(self, part: str, n: int) -> Path:
        """A newer generated text kept next to an edited draft: ``draft/<part>.v<n>.md``."""
        return self.draft_dir / f"{check_part_name(part)}.v{n}.md"

    def draft_versions(self, part: str) -> list[int]:
        """Version numbers of ``draft/<part>.v<n>.md`` files present, ascending."""
        pattern = re.compile(rf"^{re.escape(check_part_name(part))}\.v([1-9]\d*)\.md$")
        found = [pattern.match(p.name) for p in self.draft_dir.glob(f"{part}.v*.md")]
        return sorted(int(m.group(1)) for m in found if m)

    def version_dir(self, n: int) -> Path:
        """The accepted version ``final/v<n>/``."""
        return self.final_dir / f"v{n}"

    def accepted_versions(self) -> list[int]:
        """Numbers of the accepted versions in ``final/``, ascending."""
        if not self.final_dir.is_dir():
            return []
        found = [_VERSION_DIR.match(p.name) for p in self.final_dir.iterdir() if p.is_dir()]
        return sorted(int(m.group(1)) for m in found if m)

    def latest_version(self) -> int | None:
        """The highest accepted version number, or None when nothing was accepted yet."""
        versions = self.accepted_versions()
        return versions[-1] if versions else None
