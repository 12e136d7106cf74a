"""Loads style_guide/*.yaml into a RuleSet; a broken file -> ConfigError with file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from narrator.config import load_yaml, project_root, validation_message
from narrator.errors import ConfigError
from narrator.validation.rules import ExistenceRule, Rule, RuleSet

_ADAPTER: TypeAdapter[Any] = TypeAdapter(Rule)


def style_dir_default() -> Path:
    return project_root() / "style_guide"


def _rule_nodes(path: Path) -> list[yaml.Node]:
    """The YAML nodes of the items of the top-level ``rules`` list (for line numbers)."""
    with open(path, encoding="utf-8") as handle:
        root = yaml.compose(handle)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("verwacht een mapping met 'rules:'", file=str(path), line=1)
    for key, value in root.value:
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            return list(value.value)
    raise ConfigError("sleutel 'rules:' (een lijst) ontbreekt", file=str(path), line=1)


def _error_line(node: yaml.Node, loc: tuple[Any, ...]) -> int:
    """Line of the key named first in a pydantic error location, else of the rule itself."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode) and loc:
        for key, value in node.value:
            if key.value == loc[0]:
                return value.start_mark.line + 1
    return line


def _read_wordlist(rule: ExistenceRule, style_dir: Path, path: Path, line: int) -> None:
    if rule.wordlist is None:
        return
    file = style_dir / rule.wordlist
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"woordenlijst {rule.wordlist} niet leesbaar", file=str(path),
                          line=line) from exc
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    rule.words = [*rule.tokens, *words]


def _load_file(path: Path, style_dir: Path) -> list[tuple[Any, int]]:
    data = load_yaml(path)
    nodes = _rule_nodes(path)
    out = []
    for item, node in zip(data["rules"], nodes, strict=True):
        try:
            rule = _ADAPTER.validate_python(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = tuple(p for p in err["loc"] if p not in {"existence", "substitution"})
            rid = item.get("id", "?") if isinstance(item, dict) else "?"
            raise ConfigError(f"regel '{rid}', {validation_message(err)}", file=str(path),
                              line=_error_line(node, err["loc"][1:] or loc)) from exc
        if isinstance(rule, ExistenceRule):
            _read_wordlist(rule, style_dir, path, node.start_mark.line + 1)
            if not rule.words and not rule.tokens:
                raise ConfigError(f"regel '{rule.id}' heeft geen woorden", file=str(path),
                                  line=node.start_mark.line + 1)
            rule.words = rule.words or list(rule.tokens)
        out.append((rule, node.start_mark.line + 1))
    return out


@lru_cache(maxsize=8)
def _load(style_dir: Path) -> RuleSet:
    files = sorted(style_dir.glob("*.yaml"))
    if not files:
        raise ConfigError("geen regelbestanden (*.yaml) gevonden", file=str(style_dir))
    rules, sources = [], {}
    for path in files:
        for rule, line in _load_file(path, style_dir):
            if rule.id in sources:
                raise ConfigError(f"regel-id '{rule.id}' komt dubbel voor (ook in "
                                  f"{sources[rule.id]})", file=str(path), line=line)
            rules.append(rule)
            sources[rule.id] = f"{path}:{line}"
    return RuleSet(rules=rules, sources=sources)


def load_rules(style_dir: Path | None = None) -> RuleSet:
    """Load every ``*.yaml`` rule file in ``style_dir`` (default: style_guide/), cached."""
    return _load(Path(style_dir or style_dir_default()).resolve())
