"""The manifest of an accepted version (``final/vN/manifest.json``) and what goes into it.

The manifest makes a monthly report traceable to its source for internal audit: which input
files (sha256) and facts it rests on, which prompts and model wrote the text, what the
validator found, who accepted it and how much the reviewer changed.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from narrator.errors import DataError
from narrator.facts import SourceFile
from narrator.report_folder import ReportFolder, sha256_file
from narrator.strict import StrictModel

MANIFEST_FILE = "manifest.json"
MANIFEST_SCHEMA = "narrator-manifest/1"



class FileHash(StrictModel):
    """One file of the accepted version, relative to ``final/vN/``."""

    path: str
    sha256: str
    bytes: int


class PromptUse(StrictModel):
    """A prompt template used by the drafting calls, with its hash(es) from calls.jsonl."""

    template: str
    hashes: dict[str, str] = Field(default_factory=dict)
    calls: int = 0


class FindingsSummary(StrictModel):
    """Validator findings on the accepted drafts, counted by severity."""

    validated: bool
    errors: int = 0
    warnings: int = 0
    info: int = 0
    error_rules: list[str] = Field(default_factory=list, description="rules of error findings")


class DiffStats(StrictModel):
    """How much the accepted text differs from the text narrator generated (per line)."""

    part: str
    base: str | None = Field(description="the generated file compared against; None = unknown")
    lines_generated: int
    lines_accepted: int
    added: int
    removed: int
    changed: int
    pct_changed: float = Field(description="(added+removed+changed) / longer text's lines, %")


class Override(StrictModel):
    """An accept forced past error findings (or an unavailable validator)."""

    reason: str
    errors_overridden: int
    validator_available: bool


class Manifest(StrictModel):
    """Contents of ``final/vN/manifest.json``."""

    schema_id: Literal["narrator-manifest/1"] = MANIFEST_SCHEMA
    month: str
    version: int
    narrator_version: str
    reviewer: str
    accepted_at: str
    facts_generated_at: str
    drafts_generated_at: dict[str, str] = Field(default_factory=dict)
    facts_sha256: str
    data_dir: str | None = None
    inputs: list[SourceFile]
    prompts: list[PromptUse] = Field(default_factory=list)
    backends: list[str] = Field(default_factory=list)
    models: list[str] = Field(default_factory=list)
    findings: FindingsSummary
    diff: list[DiffStats]
    override: Override | None = None
    open_draft_versions: dict[str, list[int]] = Field(default_factory=dict)
    archive_dir: str | None = Field(None, description="relative to the report folder")
    files: list[FileHash]


def diff_stats(part: str, generated: str | None, accepted: str, base: str | None) -> DiffStats:
    """Line diff between the generated text and the accepted text (difflib).

    A replaced block of n old and m new lines counts min(n, m) changed lines plus the rest as
    added or removed.
    """
    old = (generated or "").splitlines()
    new = accepted.splitlines()
    added = removed = changed = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        changed += common
        added += (j2 - j1 - common) if tag in ("insert", "replace") else 0
        removed += (i2 - i1 - common) if tag in ("delete", "replace") else 0
    touched = added + removed + changed
    pct = min(100.0, round(100.0 * touched / max(len(old), len(new), 1), 1))
    return DiffStats(part=part, base=base, lines_generated=len(old), lines_accepted=len(new),
                     added=added, removed=removed, changed=changed, pct_changed=pct)


def part_diff(folder: ReportFolder, part: str, accepted: str) -> DiffStats:
    """Diff against the closest text narrator generated for ``part`` (its base or a v<N>)."""
    candidates = [folder.generated(part), *sorted(folder.generated_dir.glob(f"{part}.v*.md"))]
    stats = [diff_stats(part, p.read_text(encoding="utf-8"), accepted,
                        p.relative_to(folder.root).as_posix())
             for p in candidates if p.exists()]
    if not stats:
        return diff_stats(part, None, accepted, None)
    return min(stats, key=lambda s: (s.added + s.removed + s.changed, s.base or ""))


def summarize_findings(findings: list[Any] | None) -> FindingsSummary:
    """Count findings by severity; ``None`` means the validator could not run."""
    if findings is None:
        return FindingsSummary(validated=False)
    severities = [getattr(f, "severity", "error") for f in findings]
    rules = sorted({f"{getattr(f, 'category', '')}/{getattr(f, 'rule', '')}"
                    for f in findings if getattr(f, "severity", "error") == "error"})
    return FindingsSummary(validated=True, errors=severities.count("error"),
                           warnings=severities.count("warning"), info=severities.count("info"),
                           error_rules=rules)


def read_call_log(path: Path) -> tuple[list[PromptUse], list[str], list[str]]:
    """Prompts (template + hashes), back ends and models from ``calls.jsonl``; tolerant."""
    if not path.exists():
        return [], [], []
    prompts: dict[str, PromptUse] = {}
    backends: set[str] = set()
    models: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = _json_line(line)
        if record is None:
            continue
        template = str(_first(record, "template", "prompt_template", "template_name", "prompt"))
        use = prompts.setdefault(template, PromptUse(template=template))
        use.calls += 1
        use.hashes.update({k: v for k, v in record.items()
                           if isinstance(v, str) and v and ("sha256" in k or "hash" in k)})
        backends.update(str(v) for v in [_first(record, "backend", "back_end")] if v)
        models.update(str(v) for v in [_first(record, "model")] if v)
    return sorted(prompts.values(), key=lambda p: p.template), sorted(backends), sorted(models)


def _json_line(line: str) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _first(record: dict[str, Any], *keys: str) -> Any:
    return next((record[k] for k in keys if record.get(k)), "")


def hash_tree(root: Path, exclude: frozenset[str] = frozenset({MANIFEST_FILE})) -> list[FileHash]:
    """sha256 of every file under ``root`` (relative posix paths, sorted), minus ``exclude``."""
    out = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if rel not in exclude:
                out.append(FileHash(path=rel, sha256=sha256_file(path),
                                    bytes=path.stat().st_size))
    return sorted(out, key=lambda f: f.path)


def read_manifest(path: Path) -> Manifest:
    """Read and validate a manifest.json; DataError naming the file otherwise."""
    try:
        return Manifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise DataError("manifest ontbreekt", file=str(path)) from exc
    except (ValueError, ValidationError) as exc:
        raise DataError(f"ongeldig manifest: {exc}", file=str(path)) from exc
