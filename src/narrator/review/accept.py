"""``narrator accept``: turn reviewed drafts into an immutable, archived final version.

Steps: read facts and drafts -> validate (refuse on error findings unless forced with a
reason) -> build ``final/vN/`` in a staging folder (final PDFs without concept mark, accepted
Markdown, facts, findings, actions, manifest) -> make it read-only and rename it into place ->
copy it to the archive tree. See docs/review.md.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import narrator
from narrator.atomic import atomic_write_text
from narrator.errors import ReviewError
from narrator.facts import Facts, load_facts
from narrator.report_folder import PARTS, ReportFolder, sha256_file
from narrator.review.actions import ACTIONS_FILE, ActionsFile, parse_actions
from narrator.review.archive import archive_dir_for, default_archive_root, file_in_archive, publish
from narrator.review.drafts import read_hash_record
from narrator.review.manifest import (
    MANIFEST_FILE,
    Manifest,
    Override,
    hash_tree,
    part_diff,
    read_call_log,
    summarize_findings,
)

Validator = Callable[[Path], list[Any]]
Renderer = Callable[..., Any]
TEXT_DIR = "tekst"


class AcceptOutcome(BaseModel):
    """What ``narrator accept`` produced."""

    version: int
    version_dir: Path
    archive_dir: Path
    manifest: Manifest
    notes: list[str]


def accept_report(
    report_dir: Path,
    reviewer: str,
    *,
    force: bool = False,
    reason: str | None = None,
    archive_root: Path | None = None,
    data_dir: Path | None = None,
    validator: Validator | None = None,
    renderer: Renderer | None = None,
) -> AcceptOutcome:
    """Accept the drafts in ``report_dir`` as the next final version ``final/vN/``.

    Refuses (ReviewError) while error findings remain, unless ``force`` with a ``reason``.
    ``validator``/``renderer`` default to ``narrator.validation.validate_report_dir`` and
    ``narrator.render.render_report`` (injectable for tests). ``data_dir`` (the exports, for
    the manifest and ``verify``) defaults to the folder recorded by ``narrator run``.
    """
    folder = ReportFolder(Path(report_dir))
    reviewer, reason = _check_request(reviewer, force, reason)
    facts = _load_folder_facts(folder)
    texts = read_accepted_texts(folder)
    findings = _validate(folder, validator, force)
    override = _override(findings, force, reason)
    version = (folder.latest_version() or 0) + 1
    archive = archive_dir_for(archive_root or default_archive_root(folder.root), facts.month,
                              version)
    context = _Context(folder=folder, facts=facts, texts=texts, findings=findings,
                       reviewer=reviewer, override=override, version=version,
                       archive=archive, data_dir=data_dir or folder.recorded_data_dir())
    target = publish(folder.version_dir(version),
                     lambda staging: _build(staging, context, renderer or _default_renderer()))
    manifest = Manifest.model_validate_json((target / MANIFEST_FILE).read_text("utf-8"))
    file_in_archive(target, archive)
    return AcceptOutcome(version=version, version_dir=target, archive_dir=archive,
                         manifest=manifest, notes=_notes(manifest))


@dataclass(frozen=True)
class _Context:
    """Everything the staging build needs."""

    folder: ReportFolder
    facts: Facts
    texts: dict[str, str]
    findings: list[Any] | None
    reviewer: str
    override: Override | None
    version: int
    archive: Path
    data_dir: Path | None


def _check_request(reviewer: str, force: bool, reason: str | None) -> tuple[str, str | None]:
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("geef de naam van de reviewer op met --reviewer.")
    reason = (reason or "").strip() or None
    if force and not reason:
        raise ReviewError("--force vereist een reden: --reden \"...\" (wordt vastgelegd).")
    if reason and not force:
        raise ReviewError("--reden hoort bij --force; zonder --force is geen reden nodig.")
    return reviewer, reason


def _load_folder_facts(folder: ReportFolder) -> Facts:
    if not folder.root.is_dir():
        raise ReviewError(f"rapportmap {folder.root} bestaat niet.")
    facts = load_facts(folder.facts)
    if folder.month and folder.month != facts.month:
        raise ReviewError(f"map {folder.root.name} hoort niet bij facts.json "
                          f"(maand {facts.month}).")
    return facts


def read_accepted_texts(folder: ReportFolder) -> dict[str, str]:
    """The reviewer's drafts ``draft/<part>.md`` for every part; ReviewError when one is missing."""
    missing = [f"draft/{p}.md" for p in PARTS if not folder.draft(p).is_file()]
    if missing:
        raise ReviewError(f"concepttekst ontbreekt in {folder.root}: {', '.join(missing)}.")
    return {p: folder.draft(p).read_text(encoding="utf-8") for p in PARTS}


def _validate(folder: ReportFolder, validator: Validator | None, force: bool) -> list[Any] | None:
    """Findings on the drafts; None when no validator is available and ``force`` allows it."""
    if validator is None:
        try:
            from narrator.validation import validate_report_dir
        except ImportError as exc:
            if force:
                return None
            raise ReviewError("de controle (narrator.validation) is niet beschikbaar; zonder "
                              "controle wordt niets definitief (alleen met --force --reden).") \
                from exc
        validator = validate_report_dir
    return list(validator(folder.root))


def _override(findings: list[Any] | None, force: bool, reason: str | None) -> Override | None:
    errors = [f for f in findings or [] if getattr(f, "severity", "error") == "error"]
    if errors and not force:
        shown = "\n".join(f"  - {_describe(f)}" for f in errors[:10])
        more = f"\n  … en nog {len(errors) - 10}" if len(errors) > 10 else ""
        raise ReviewError(
            f"niet geaccepteerd: er zijn nog {len(errors)} fouten in de concepttekst. Los ze "
            f"op (narrator check) of accepteer met --force --reden \"...\".\n{shown}{more}")
    if not force:
        return None
    return Override(reason=reason or "", errors_overridden=len(errors),
                    validator_available=findings is not None)


def _describe(finding: Any) -> str:
    fmt = getattr(finding, "format_text", None)
    return fmt() if callable(fmt) else str(getattr(finding, "message", finding))


def _default_renderer() -> Renderer:
    try:
        from narrator.render import render_report
    except ImportError as exc:
        raise ReviewError("opmaak (narrator.render) is niet beschikbaar; de definitieve "
                          "PDF's kunnen niet worden gemaakt.") from exc
    return render_report


def _build(staging: Path, ctx: _Context, renderer: Renderer) -> None:
    """Fill the staging folder: PDFs, accepted text, facts, findings, actions, manifest.

    A part outside its page budget refuses the accept (unless forced): the final report must
    keep the 1-page dashboard and summary and the 2-4 page analysis.
    """
    rendered = renderer(ctx.facts, ctx.texts, staging, concept=False)
    overflows = dict(getattr(rendered, "overflows", None) or {})
    if overflows and ctx.override is None:
        raise ReviewError("niet geaccepteerd: " + " ".join(overflows.values())
                          + " Of accepteer met --force --reden \"...\".")
    for part, text in ctx.texts.items():
        atomic_write_text(staging / TEXT_DIR / f"{part}.md", text)
    shutil.copyfile(ctx.folder.facts, staging / "facts.json")
    atomic_write_text(staging / "findings.json", _findings_json(ctx.findings))
    accepted_at = datetime.now(UTC).isoformat(timespec="seconds")
    actions = ActionsFile(month=ctx.facts.month, version=ctx.version, accepted_at=accepted_at,
                          actions=parse_actions(ctx.texts.get("analyse", ""), ctx.facts))
    atomic_write_text(staging / ACTIONS_FILE, actions.model_dump_json(indent=2))
    manifest = _manifest(staging, ctx, accepted_at)
    atomic_write_text(staging / MANIFEST_FILE, manifest.model_dump_json(indent=2))


def _findings_json(findings: list[Any] | None) -> str:
    if findings is None:
        return "null"
    dumped = [f.model_dump(mode="json") if hasattr(f, "model_dump") else vars(f)
              for f in findings]
    return json.dumps(dumped, ensure_ascii=False, indent=2)


def _manifest(staging: Path, ctx: _Context, accepted_at: str) -> Manifest:
    folder = ctx.folder
    prompts, backends, models = read_call_log(folder.calls)
    record = read_hash_record(folder)
    return Manifest(
        month=ctx.facts.month, version=ctx.version, narrator_version=narrator.__version__,
        reviewer=ctx.reviewer, accepted_at=accepted_at,
        facts_generated_at=ctx.facts.generated_at,
        drafts_generated_at={p: r.generated_at for p, r in record.parts.items()},
        facts_sha256=sha256_file(folder.facts),
        data_dir=str(ctx.data_dir.resolve()) if ctx.data_dir else None,
        inputs=list(ctx.facts.sources), prompts=prompts, backends=backends, models=models,
        findings=summarize_findings(ctx.findings),
        diff=[part_diff(folder, p, t) for p, t in ctx.texts.items()],
        override=ctx.override,
        open_draft_versions={p: v for p in PARTS if (v := folder.draft_versions(p))},
        archive_dir=_relative(ctx.archive, folder.root),
        files=hash_tree(staging),
    )


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def _notes(manifest: Manifest) -> list[str]:
    """Dutch remarks for the CLI beyond the plain result."""
    notes = []
    if manifest.override:
        notes.append(f"GEFORCEERD: {manifest.override.errors_overridden} fouten genegeerd; "
                     f"reden vastgelegd: {manifest.override.reason}")
        if not manifest.override.validator_available:
            notes.append("De controle was niet beschikbaar; de tekst is NIET gecontroleerd.")
    for part, versions in manifest.open_draft_versions.items():
        names = ", ".join(f"draft/{part}.v{n}.md" for n in versions)
        notes.append(f"Let op: nieuwere gegenereerde tekst niet verwerkt in draft/{part}.md "
                     f"({names}).")
    return notes
