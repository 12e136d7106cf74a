"""Load the privacy configuration files in ``config/privacy/`` into pydantic models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from narrator.config import config_dir, load_model, load_organisation
from narrator.errors import ConfigError
from narrator.privacy.models import KeepListConfig, NameConfig, RecognizerConfig

M = TypeVar("M", bound=BaseModel)


def privacy_dir() -> Path:
    """Folder holding the scrubber's data files."""
    return config_dir() / "privacy"


def _load(name: str, model: type[M]) -> M:
    return load_model(model, privacy_dir() / name)


def _check_regexes(patterns: list[str], file: str) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"ongeldige reguliere expressie {pattern!r}: {exc}",
                              file=file) from exc


def load_recognizer_config() -> RecognizerConfig:
    """Read ``recognizers.yaml``; every regex is compiled once to fail early."""
    cfg = _load("recognizers.yaml", RecognizerConfig)
    file = str(privacy_dir() / "recognizers.yaml")
    for spec in cfg.recognizers:
        _check_regexes(spec.patterns, file)
        if spec.entity not in cfg.placeholders:
            raise ConfigError(f"geen placeholder voor entiteit {spec.entity}", file=file)
    return cfg


def load_name_config() -> NameConfig:
    """Read ``names.yaml``."""
    return _load("names.yaml", NameConfig)


def load_keep_list() -> KeepListConfig:
    """Read ``keep_list.yaml``, plus the MT names and roles from ``organisation.yaml``."""
    cfg = _load("keep_list.yaml", KeepListConfig)
    _check_regexes(cfg.patterns, str(privacy_dir() / "keep_list.yaml"))
    extra = [p for p in _organisation_phrases() if p not in cfg.phrases]
    return cfg.model_copy(update={"phrases": [*cfg.phrases, *extra]})


def _organisation_phrases() -> list[str]:
    """MT member names and role titles: owners in the report are no personal data to mask."""
    try:
        org = load_organisation()
    except ConfigError:  # the scrubber also works without an organisation file
        return []
    return [t for m in org.mt for t in (m.name, m.role) if t.strip()]


def read_word_file(name: str) -> list[str]:
    """One word per line; blank lines and ``#`` comments skipped."""
    path = privacy_dir() / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise ConfigError("bestand ontbreekt", file=str(path)) from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
