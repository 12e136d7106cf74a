"""``narrator verify``: recompute hashes and confirm an accepted version is still intact.

Checks, for ``final/vN/`` (latest by default): every file listed in the manifest exists with
the recorded sha256, no unlisted file was added, the copied facts.json matches the manifest's
facts hash and input list, the input files (where they can be found) still have their recorded
hash, and the archive copy matches too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from narrator.errors import DataError, ReviewError
from narrator.facts import load_facts
from narrator.report_folder import ReportFolder, sha256_file
from narrator.review.manifest import MANIFEST_FILE, Manifest, hash_tree, read_manifest

CheckStatus = Literal["ok", "gewijzigd", "ontbreekt", "onverwacht", "niet-gevonden"]
FAILING: frozenset[str] = frozenset({"gewijzigd", "ontbreekt", "onverwacht"})
_LABEL = {"ok": "OK", "gewijzigd": "GEWIJZIGD", "ontbreekt": "ONTBREEKT",
          "onverwacht": "ONVERWACHT", "niet-gevonden": "NIET GEVONDEN"}


class Check(BaseModel):
    """One verified item."""

    path: str
    status: CheckStatus
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status in FAILING

    def line(self) -> str:
        """``GEWIJZIGD  final/v1/tekst/analyse.md: ...``."""
        text = f"{_LABEL[self.status]:<13} {self.path}"
        return f"{text}: {self.detail}" if self.detail else text


class VerifyReport(BaseModel):
    """All checks for one accepted version."""

    report_dir: Path
    version: int
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return not any(c.failed for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.failed]


def verify_report(
    report_dir: Path,
    version: int | None = None,
    *,
    data_dir: Path | None = None,
    archive_dir: Path | None = None,
) -> VerifyReport:
    """Verify ``final/v<version>/`` (default: the latest) of ``report_dir``.

    ``data_dir`` locates the input files (default: the one recorded at accept);
    ``archive_dir`` overrides the archive copy's location. Raises ReviewError when there is
    no such accepted version.
    """
    folder = ReportFolder(Path(report_dir))
    version = version or folder.latest_version()
    if version is None or not folder.version_dir(version).is_dir():
        which = f"versie {version}" if version else "geen geaccepteerde versie"
        raise ReviewError(f"{folder.root}: {which} gevonden in final/.")
    vdir = folder.version_dir(version)
    prefix = vdir.relative_to(folder.root).as_posix()
    try:
        manifest = read_manifest(vdir / MANIFEST_FILE)
    except DataError as exc:
        check = Check(path=f"{prefix}/{MANIFEST_FILE}", status="gewijzigd", detail=exc.message)
        return VerifyReport(report_dir=folder.root, version=version, checks=[check])
    checks = check_files(vdir, manifest, prefix)
    checks += check_facts(vdir, manifest, prefix)
    checks += check_inputs(manifest, data_dir)
    checks += check_archive(folder, vdir, manifest, archive_dir)
    return VerifyReport(report_dir=folder.root, version=version, checks=checks)


def check_files(vdir: Path, manifest: Manifest, prefix: str) -> list[Check]:
    """Every listed file present with its hash; nothing unlisted added."""
    actual = {f.path: f.sha256 for f in hash_tree(vdir)}
    checks = []
    for entry in manifest.files:
        path = f"{prefix}/{entry.path}"
        found = actual.get(entry.path)
        if found is None:
            checks.append(Check(path=path, status="ontbreekt"))
        elif found != entry.sha256:
            checks.append(Check(path=path, status="gewijzigd", detail=_mismatch(entry.sha256,
                                                                                found)))
        else:
            checks.append(Check(path=path, status="ok"))
    listed = {f.path for f in manifest.files}
    checks += [Check(path=f"{prefix}/{p}", status="onverwacht", detail="niet in het manifest")
               for p in sorted(set(actual) - listed)]
    return checks


def check_facts(vdir: Path, manifest: Manifest, prefix: str) -> list[Check]:
    """The accepted facts.json has the manifest's facts hash and the same input list."""
    path = vdir / "facts.json"
    name = f"{prefix}/facts.json (feiten)"
    if not path.exists():
        return [Check(path=name, status="ontbreekt")]
    found = sha256_file(path)
    if found != manifest.facts_sha256:
        return [Check(path=name, status="gewijzigd",
                      detail=_mismatch(manifest.facts_sha256, found))]
    try:
        sources = load_facts(path).sources
    except DataError as exc:
        return [Check(path=name, status="gewijzigd", detail=exc.message)]
    if sources != manifest.inputs:
        return [Check(path=name, status="gewijzigd", detail="bronbestanden wijken af van manifest")]
    return [Check(path=name, status="ok")]


def check_inputs(manifest: Manifest, data_dir: Path | None) -> list[Check]:
    """Each input file, where it can be found, still has its recorded sha256."""
    base = data_dir or (Path(manifest.data_dir) if manifest.data_dir else None)
    checks = []
    for source in manifest.inputs:
        path = _locate(source.path, base)
        if path is None:
            hint = "" if base else " (geef de exportmap op met --data)"
            checks.append(Check(path=f"invoer {source.path}", status="niet-gevonden",
                                detail=f"niet gecontroleerd{hint}"))
            continue
        found = sha256_file(path)
        status: CheckStatus = "ok" if found == source.sha256 else "gewijzigd"
        detail = "" if status == "ok" else _mismatch(source.sha256, found)
        checks.append(Check(path=f"invoer {path}", status=status, detail=detail))
    return checks


def _locate(recorded: str, base: Path | None) -> Path | None:
    candidate = Path(recorded)
    options = [candidate] if candidate.is_absolute() else []
    if base is not None:
        options.append(base / candidate)
    return next((p for p in options if p.is_file()), None)


def check_archive(folder: ReportFolder, vdir: Path, manifest: Manifest,
                  archive_dir: Path | None) -> list[Check]:
    """The archive copy holds the manifest's files with their hashes and the same manifest."""
    target = archive_dir or (folder.root / manifest.archive_dir if manifest.archive_dir else None)
    if target is None or not target.is_dir():
        return [Check(path=f"archief {target}", status="niet-gevonden",
                      detail="archiefkopie niet gecontroleerd")]
    target = target.resolve()
    copy = {f.path: f.sha256 for f in hash_tree(target)}
    checks = []
    for entry in manifest.files:
        found = copy.get(entry.path)
        if found != entry.sha256:
            detail = "ontbreekt in archief" if found is None else _mismatch(entry.sha256, found)
            checks.append(Check(path=f"archief {target / entry.path}",
                                status="ontbreekt" if found is None else "gewijzigd",
                                detail=detail))
    checks += [Check(path=f"archief {target / p}", status="onverwacht",
                     detail="niet in het manifest")
               for p in sorted(set(copy) - {f.path for f in manifest.files})]
    checks += _compare_manifests(vdir, target, folder)
    return checks or [Check(path=f"archief {target}", status="ok")]


def _compare_manifests(vdir: Path, target: Path, folder: ReportFolder) -> list[Check]:
    ours, theirs = vdir / MANIFEST_FILE, target / MANIFEST_FILE
    if not theirs.is_file():
        return [Check(path=f"archief {theirs}", status="ontbreekt")]
    if sha256_file(ours) == sha256_file(theirs):
        return []
    return [Check(path=ours.relative_to(folder.root).as_posix(), status="gewijzigd",
                  detail=f"wijkt af van de archiefkopie {theirs}")]


def _mismatch(expected: str, found: str) -> str:
    return f"sha256 verwacht {expected[:12]}…, gevonden {found[:12]}…"
