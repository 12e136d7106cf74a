"""Writing draft Markdown without ever losing a reviewer's edit.

Layout inside ``draft/`` (see docs/review.md):

* ``<part>.md``                 the reviewer's copy;
* ``.generated/<part>.md``      the text narrator generated that copy from (its base);
* ``<part>.v<N>.md``            a NEWER generated text, written when ``<part>.md`` was edited;
* ``.generated/<part>.v<N>.md`` a pristine copy of that newer text (diff base at accept);
* ``.generated/hashes.json``    sha256 of what narrator last wrote per part, plus its versions.

A draft counts as unedited when its sha256 equals the recorded hash or the hash of its base in
``.generated/``. Every file is written atomically (temp file + rename) and the base is written
BEFORE the reviewer's copy, so a crash at any point leaves either the old or the new text and
never makes an edited draft look unedited.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from narrator.atomic import atomic_write_text
from narrator.errors import DataError
from narrator.report_folder import ReportFolder, check_part_name, sha256_bytes, sha256_file

DraftAction = Literal["nieuw", "bijgewerkt", "ongewijzigd", "bewerking-behouden", "nieuwe-versie"]


class PartRecord(BaseModel):
    """What narrator last wrote for one part (stored in ``hashes.json``)."""

    model_config = ConfigDict(extra="ignore")

    sha256: str
    generated_at: str
    versions: dict[str, str] = Field(default_factory=dict, description="N -> sha256 of v<N>")


class HashRecord(BaseModel):
    """Contents of ``draft/.generated/hashes.json``."""

    model_config = ConfigDict(extra="ignore")

    parts: dict[str, PartRecord] = Field(default_factory=dict)


class PartOutcome(BaseModel):
    """What happened to one part during :func:`write_drafts`."""

    part: str
    action: DraftAction
    path: Path
    version_path: Path | None = None

    def message(self) -> str:
        """One Dutch line for the CLI."""
        name = f"draft/{self.path.name}"
        if self.action == "nieuw":
            return f"{name} aangemaakt."
        if self.action == "bijgewerkt":
            return f"{name} bijgewerkt (was niet bewerkt door de reviewer)."
        if self.action == "ongewijzigd":
            return f"{name} ongewijzigd."
        if self.action == "bewerking-behouden":
            return (f"{name} is door de reviewer bewerkt en blijft behouden; "
                    "de nieuw gegenereerde tekst is niet veranderd.")
        version = f"draft/{self.version_path.name}" if self.version_path else "?"
        return (f"{name} is door de reviewer bewerkt en is NIET overschreven. De nieuw "
                f"gegenereerde tekst staat in {version}; neem wijzigingen daaruit zelf over.")


class DraftWriteOutcome(BaseModel):
    """Result of :func:`write_drafts`: one :class:`PartOutcome` per part written."""

    report_dir: Path
    parts: list[PartOutcome]

    @property
    def kept_edits(self) -> list[PartOutcome]:
        """Parts whose reviewer edits were kept (not overwritten)."""
        return [p for p in self.parts if p.action in ("bewerking-behouden", "nieuwe-versie")]

    @property
    def new_versions(self) -> list[PartOutcome]:
        """Parts for which a new ``<part>.v<N>.md`` was written next to an edited draft."""
        return [p for p in self.parts if p.action == "nieuwe-versie"]

    @property
    def messages(self) -> list[str]:
        """Dutch notices for the CLI: only parts whose reviewer edits were kept."""
        return [p.message() for p in self.kept_edits]

    def all_messages(self) -> list[str]:
        """Dutch lines for every part, including the routine ones."""
        return [p.message() for p in self.parts]


def read_hash_record(folder: ReportFolder) -> HashRecord:
    """Read ``hashes.json``; an absent file is an empty record, a corrupt one a DataError."""
    if not folder.hashes.exists():
        return HashRecord()
    try:
        return HashRecord.model_validate(json.loads(folder.hashes.read_text(encoding="utf-8")))
    except ValueError as exc:
        raise DataError(f"onleesbaar hashbestand: {exc}", file=str(folder.hashes)) from exc


def is_edited(folder: ReportFolder, part: str, record: HashRecord | None = None) -> bool:
    """True when ``draft/<part>.md`` differs from everything narrator wrote for it.

    A draft without any record of what narrator wrote counts as edited (fail closed).
    """
    draft = folder.draft(part)
    if not draft.exists():
        return False
    record = record if record is not None else read_hash_record(folder)
    current = sha256_file(draft)
    known = {record.parts[part].sha256} if part in record.parts else set()
    base = folder.generated(part)
    if base.exists():
        known.add(sha256_file(base))
    return current not in known


def write_drafts(report_dir: Path, texts: dict[str, str]) -> DraftWriteOutcome:
    """Write ``draft/<part>.md`` for each ``texts`` item without overwriting reviewer edits.

    Unedited (or absent) drafts are replaced by the new text. An edited draft is left alone;
    when the new text differs from what narrator generated before, it is written as
    ``draft/<part>.v<N>.md`` (N = 2, 3, ...; never reused) and reported in the outcome.
    """
    folder = ReportFolder(Path(report_dir))
    for part in texts:
        check_part_name(part)
    record = read_hash_record(folder)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    outcomes = [_write_part(folder, part, text, record, now) for part, text in texts.items()]
    atomic_write_text(folder.hashes, record.model_dump_json(indent=2))
    return DraftWriteOutcome(report_dir=folder.root, parts=outcomes)


def _write_part(
    folder: ReportFolder, part: str, text: str, record: HashRecord, now: str
) -> PartOutcome:
    draft = folder.draft(part)
    new_sha = sha256_bytes(text.encode("utf-8"))
    if not draft.exists():
        _replace_draft(folder, part, text, record, now)
        return PartOutcome(part=part, action="nieuw", path=draft)
    same = sha256_file(draft) == new_sha
    if not is_edited(folder, part, record):
        _replace_draft(folder, part, text, record, now)
        return PartOutcome(part=part, action="ongewijzigd" if same else "bijgewerkt", path=draft)
    if same:  # the edit equals the new text; it stays marked as an edit (base untouched)
        return PartOutcome(part=part, action="ongewijzigd", path=draft)
    if new_sha in _known_generated(folder, part, record):
        return PartOutcome(part=part, action="bewerking-behouden", path=draft)
    version_path = _write_version(folder, part, text, record, new_sha)
    return PartOutcome(part=part, action="nieuwe-versie", path=draft, version_path=version_path)


def _replace_draft(
    folder: ReportFolder, part: str, text: str, record: HashRecord, now: str
) -> None:
    """Base first, then the reviewer's copy: a crash in between keeps the draft 'unedited'."""
    atomic_write_text(folder.generated(part), text)
    atomic_write_text(folder.draft(part), text)
    old = record.parts.get(part)
    versions = old.versions if old else {}
    record.parts[part] = PartRecord(
        sha256=sha256_bytes(text.encode("utf-8")), generated_at=now, versions=versions
    )


def _known_generated(folder: ReportFolder, part: str, record: HashRecord) -> set[str]:
    """Hashes of the texts narrator generated for ``part`` that are on record (committed)."""
    known: set[str] = set()
    if part in record.parts:
        known.add(record.parts[part].sha256)
        known.update(record.parts[part].versions.values())
    if folder.generated(part).exists():
        known.add(sha256_file(folder.generated(part)))
    return known


def _generated_versions(folder: ReportFolder, part: str) -> list[Path]:
    return sorted(folder.generated_dir.glob(f"{part}.v*.md"))


def _write_version(
    folder: ReportFolder, part: str, text: str, record: HashRecord, new_sha: str
) -> Path:
    recorded = record.parts.get(part)
    if recorded is None:  # edited draft without a record: keep its unknown base unknown
        recorded = record.parts[part] = PartRecord(sha256="", generated_at="")
    n = _resume_version(folder, part, new_sha) or _next_version(folder, part, recorded)
    atomic_write_text(folder.generated_dir / f"{part}.v{n}.md", text)
    path = folder.draft_version(part, n)
    atomic_write_text(path, text)
    recorded.versions[str(n)] = new_sha
    return path


def _resume_version(folder: ReportFolder, part: str, new_sha: str) -> int | None:
    """The N of an unrecorded v<N> with this text, left by a crash before hashes.json."""
    for base in _generated_versions(folder, part):
        n = _version_of(base)
        draft = folder.draft_version(part, n)
        draft_ok = not draft.exists() or sha256_file(draft) == new_sha
        if n and sha256_file(base) == new_sha and draft_ok:
            return n
    return None


def _next_version(folder: ReportFolder, part: str, recorded: PartRecord) -> int:
    """One above every version number ever used for ``part`` (never reused)."""
    numbers = [int(n) for n in recorded.versions]
    numbers += folder.draft_versions(part)
    numbers += [_version_of(p) for p in _generated_versions(folder, part)]
    return max([1, *numbers]) + 1


def _version_of(path: Path) -> int:
    stem = path.name.removesuffix(".md")
    suffix = stem.rsplit(".v", 1)[-1]
    return int(suffix) if suffix.isdigit() else 0
