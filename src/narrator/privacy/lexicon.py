"""Word lists for the name and street recognizers.

First names, surnames, interfixes and common words come from the installed ``deduce`` package
(LGPL-3.0), read as plain files: the package is never imported, because importing it switches
the process's logging to DEBUG on stdout. ``config/privacy/names.yaml`` adds what the lists lack.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from narrator.errors import ConfigError
from narrator.privacy.models import NameConfig
from narrator.privacy.settings import read_word_file

_LOOKUP = Path("data") / "lookup" / "src"


@dataclass(frozen=True)
class NameLexicon:
    """Lower-cased word sets used by the name rules."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    interfix_surnames: frozenset[str]
    interfixes: frozenset[str]
    common_words: frozenset[str]
    stop_words: frozenset[str]
    ambiguous: frozenset[str]
    places: frozenset[str]
    streets: frozenset[str]
    not_names: frozenset[str]
    sentence_starters: frozenset[str] = frozenset()


def deduce_lookup_dir() -> Path:
    """The ``lookup/src`` folder of the installed deduce package, found without importing it."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("het pakket 'deduce' (namenlijsten) is niet geïnstalleerd")
    return Path(next(iter(spec.submodule_search_locations))) / _LOOKUP


def _read_list(folder: Path) -> set[str]:
    """items.txt minus exceptions.txt, lower-cased."""
    items = _lines(folder / "items.txt")
    return {w.lower() for w in items} - {w.lower() for w in _lines(folder / "exceptions.txt")}


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _places(root: Path) -> set[str]:
    out: set[str] = set()
    for sub in ("lst_province", "lst_residence", "lst_municipality", "lst_region"):
        out |= _read_list(root / "locations" / "lst_placename" / sub)
    return out


def build_lexicon(cfg: NameConfig) -> NameLexicon:
    """Assemble the word sets from deduce's lists and ``names.yaml``."""
    root = deduce_lookup_dir()
    if not (root / "names" / "lst_first_name" / "items.txt").exists():
        raise ConfigError(f"namenlijsten van deduce niet gevonden in {root}")
    names = root / "names"
    stop = _read_list(root / "whitelist" / "lst_stop_word")
    common = _read_list(root / "whitelist" / "lst_common_word") | stop
    not_names = {w.lower() for w in read_word_file(cfg.not_names_file)}
    common |= not_names
    return NameLexicon(
        first_names=frozenset(_read_list(names / "lst_first_name")
                              | {w.lower() for w in cfg.extra_first_names}),
        surnames=frozenset(_read_list(names / "lst_surname")
                           | {w.lower() for w in cfg.extra_surnames}),
        interfix_surnames=frozenset(_read_list(names / "lst_interfix_surname")),
        interfixes=frozenset(_read_list(names / "lst_interfix")),
        common_words=frozenset(common),
        stop_words=frozenset(stop),
        ambiguous=frozenset(w.lower() for w in cfg.ambiguous_surnames),
        places=frozenset(_places(root)),
        streets=frozenset(_read_list(root / "locations" / "lst_street")),
        not_names=frozenset(not_names),
        sentence_starters=frozenset(
            w.lower() for w in read_word_file(cfg.sentence_starters_file)
        ) if cfg.sentence_starters_file else frozenset(),
    )
