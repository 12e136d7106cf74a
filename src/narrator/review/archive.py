"""Immutability and the archive tree (``archief/YYYY/MM/vN/``) ready for SharePoint.

An accepted version is built in a hidden staging folder, made read-only and then renamed into
place in one step, so a reader sees either no version or a complete one. Nothing here deletes
an accepted version; only an unfinished staging folder of our own is removed.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from narrator.errors import ReviewError
from narrator.review.manifest import hash_tree

_READ_ONLY_FILE = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
_READ_ONLY_DIR = _READ_ONLY_FILE | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH


def default_archive_root(report_dir: Path) -> Path:
    """``archief/`` next to the reports root: ``reports/2026-11`` -> ``archief``."""
    return Path(report_dir).resolve().parent.parent / "archief"


def archive_dir_for(archive_root: Path, month: str, version: int) -> Path:
    """``<archive_root>/2026/11/v1`` for month ``2026-11``, version 1."""
    year, mon = month.split("-")
    return Path(archive_root) / year / mon / f"v{version}"


def make_read_only(root: Path) -> None:
    """Make every file under ``root`` read-only (0444) and every folder 0555, bottom-up."""
    for dirpath, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            os.chmod(Path(dirpath) / name, _READ_ONLY_FILE)
        os.chmod(dirpath, _READ_ONLY_DIR)


def is_read_only(path: Path) -> bool:
    """True when nobody has write permission bits on ``path``."""
    return not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def publish(target: Path, build: Callable[[Path], None]) -> Path:
    """Build a folder with ``build(staging)``, make it read-only, rename it to ``target``.

    Refuses (ReviewError) when ``target`` already exists; removes only its own staging folder
    when ``build`` fails.
    """
    if target.exists():
        raise ReviewError(f"{target} bestaat al; een geaccepteerde versie wordt nooit "
                          "overschreven.")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        build(staging)
        make_read_only(staging)
        if target.exists():
            raise ReviewError(f"{target} is intussen door een ander proces aangemaakt.")
        os.rename(staging, target)
    except BaseException:
        _remove_staging(staging)
        raise
    return target


def _remove_staging(staging: Path) -> None:
    if staging.exists():
        for dirpath, _dirs, _files in os.walk(staging):
            os.chmod(dirpath, stat.S_IRWXU)
        shutil.rmtree(staging, ignore_errors=True)


def file_in_archive(version_dir: Path, target: Path) -> Path:
    """Copy an accepted version to the archive ``target`` (read-only).

    An existing identical copy is accepted as is; a different one is refused.
    """
    if target.exists():
        if hash_tree(target, frozenset()) == hash_tree(version_dir, frozenset()):
            return target
        raise ReviewError(f"archiefmap {target} bestaat al met andere inhoud; "
                          "niets overschreven.")

    def copy(staging: Path) -> None:
        for src in sorted(p for p in version_dir.rglob("*") if p.is_file()):
            dst = staging / src.relative_to(version_dir)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)

    return publish(target, copy)
