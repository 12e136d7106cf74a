"""Every rule in style_guide/ is run on its own examples; a rule must fire on its positives."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.facts import load_facts
from narrator.validation import load_rules, validate_text
from narrator.validation.rules import Example

FACTS = load_facts(Path(__file__).parent / "fixtures" / "facts_example.json")
RULES = load_rules()
CASES = [
    pytest.param(rule.id, kind, ex, id=f"{rule.id}-{kind}-{i}")
    for rule in RULES.rules
    for kind, examples in (("positive", rule.examples.positive),
                           ("negative", rule.examples.negative))
    for i, ex in enumerate(examples)
]


def _fired(rule_id: str, ex: Example) -> list[str]:
    findings = validate_text(ex.full_text(), facts=FACTS if ex.facts else None, part=ex.part)
    return [f.format_text() for f in findings if f.rule == rule_id]


def test_every_rule_has_a_positive_example() -> None:
    assert all(rule.examples.positive for rule in RULES.rules)


@pytest.mark.parametrize(("rule_id", "kind", "example"), CASES)
def test_rule_example(rule_id: str, kind: str, example: Example) -> None:
    fired = _fired(rule_id, example)
    if kind == "positive":
        assert fired, f"regel {rule_id} gaat niet af op: {example.text!r}"
    else:
        assert not fired, f"regel {rule_id} gaat onterecht af: {fired}"
