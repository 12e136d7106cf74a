"""The rule loader: broken rule files are reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.errors import ConfigError
from narrator.validation import load_rules, validate_text

GOOD = """\
rules:
  - id: testregel
    type: existence
    category: marketingtaal
    message: "Niet doen: {match}"
    tokens: [geweldig*]
    examples:
      positive: ["Een geweldige maand."]
"""


def _write(tmp_path: Path, text: str, name: str = "regels.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_valid_custom_rule_dir_is_used(tmp_path: Path) -> None:
    rules = load_rules(_write(tmp_path, GOOD))
    found = validate_text("Een geweldige en geweldig mooie maand.", rules=rules)
    assert [f.match for f in found] == ["geweldige", "geweldig"]


@pytest.mark.parametrize(("text", "line", "fragment"), [
    (GOOD.replace("category: marketingtaal", "category: reclame"), 4, "category"),
    (GOOD.replace("    tokens: [geweldig*]\n", "    tokens: [geweldig*]\n    bogus: 1\n"), 7,
     "bogus"),
    (GOOD.replace("      positive: [\"Een geweldige maand.\"]", "      positive: []"), 8,
     "positive"),
    (GOOD.replace("id: testregel", "id: Test Regel"), 2, "id"),
    (GOOD + "  - id: b\n    type: pattern\n    category: jargon\n    message: x\n"
     "    patterns: ['(']\n    examples: {positive: [x]}\n", 13, "reguliere expressie"),
    # every regex field is compiled at load, also an existence rule's exceptions
    (GOOD.replace("    tokens: [geweldig*]\n", "    tokens: [geweldig*]\n    exceptions: ['[']\n"),
     7, "reguliere expressie"),
    (GOOD + "  - id: c\n    type: conditional\n    category: jargon\n    message: x\n"
     "    when: ['a(']\n    require: [{name: b, pattern: b}]\n    examples: {positive: [x]}\n",
     13, "reguliere expressie"),
    (GOOD + "  - id: c\n    type: conditional\n    category: jargon\n    message: x\n"
     "    when: [a]\n    require: [{name: b, pattern: 'b)'}]\n    examples: {positive: [x]}\n",
     14, "reguliere expressie"),
    ("rules:\n  - id: [unclosed\n", 3, "YAML"),
    ("regels: []\n", 1, "rules"),
])
def test_broken_rule_file_names_file_and_line(tmp_path: Path, text: str, line: int,
                                              fragment: str) -> None:
    folder = _write(tmp_path, text)
    with pytest.raises(ConfigError) as exc:
        load_rules(folder)
    assert exc.value.file == str(folder / "regels.yaml")
    assert exc.value.line == line
    assert fragment in exc.value.message


def test_duplicate_rule_id_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, GOOD, "a.yaml")
    _write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(ConfigError, match="dubbel"):
        load_rules(tmp_path)


def test_missing_wordlist_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("tokens: [geweldig*]", "wordlist: ontbreekt.txt")
    with pytest.raises(ConfigError, match="woordenlijst"):
        load_rules(_write(tmp_path, text))


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="geen regelbestanden"):
        load_rules(tmp_path)


def test_every_category_has_at_least_one_rule() -> None:
    cats = {r.category for r in load_rules().rules}
    assert cats == {"terminologie", "jargon", "marketingtaal", "getalnotatie",
                    "incident-impact", "privacy", "cijfers", "structuur"}
