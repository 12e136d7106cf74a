"""validate_text and validate_report_dir: run every applicable rule over a Markdown text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrator.facts import REPORT_PARTS, Facts, load_facts
from narrator.report_folder import ReportFolder
from narrator.validation.context import Context
from narrator.validation.fidelity import check_fidelity
from narrator.validation.findings import Finding, sort_findings
from narrator.validation.loader import load_rules
from narrator.validation.markdown import parse
from narrator.validation.notation import check_number_format
from narrator.validation.organisation import organisation_spans, organisation_terms
from narrator.validation.privacy import check_privacy
from narrator.validation.rules import (
    ConditionalRule,
    CountRule,
    ExistenceRule,
    FidelityRule,
    NumberFormatRule,
    PatternRule,
    PrivacyRule,
    RuleSet,
    StructureRule,
    SubstitutionRule,
)
from narrator.validation.structure import check_count, check_structure
from narrator.validation.textrules import (
    check_conditional,
    check_existence,
    check_pattern,
    check_substitution,
)

# Privacy runs first: numbers inside a phone number or IBAN are reported once, as privacy.
CHECKS: list[tuple[type, Callable[[Any, Context], list[Finding]]]] = [
    (PrivacyRule, check_privacy),
    (ExistenceRule, check_existence),
    (SubstitutionRule, check_substitution),
    (PatternRule, check_pattern),
    (ConditionalRule, check_conditional),
    (NumberFormatRule, check_number_format),
    (FidelityRule, check_fidelity),
    (CountRule, check_count),
    (StructureRule, check_structure),
]
PARTS = REPORT_PARTS
STRUCTURAL = (CountRule, StructureRule)


def validate_text(text: str, *, facts: Facts | None = None, part: str | None = None,
                  file: str = "<tekst>", rules: RuleSet | None = None) -> list[Finding]:
    """All findings for the Markdown ``text``; ``part`` switches on part-specific rules."""
    ruleset = rules or load_rules()
    doc = parse(text)
    ctx = Context(doc, file, part, facts,
                  protected=organisation_spans(doc.masked, organisation_terms(facts)))
    findings: list[Finding] = []
    for kind, check in CHECKS:
        for rule in ruleset.rules:
            if not isinstance(rule, kind) or not rule.applies_to(part):
                continue
            if isinstance(rule, STRUCTURAL) and part is None and rule.parts is not None:
                continue
            findings.extend(check(rule, ctx))
    return sort_findings(findings)


def part_of(path: Path) -> str | None:
    """'draft/analyse.md' -> 'analyse'; None for other file names."""
    return path.stem if path.stem in PARTS else None


def validate_report_dir(report_dir: Path) -> list[Finding]:
    """Check draft/{dashboard,analyse,samenvatting}.md against the folder's facts.json."""
    folder = ReportFolder(Path(report_dir))
    facts = load_facts(folder.facts)
    ruleset = load_rules()
    findings: list[Finding] = []
    for part in PARTS:
        path = folder.draft(part)
        if not path.exists():
            findings.append(Finding(
                file=str(path), line=1, column=1, end_column=1, rule="ontbrekend-onderdeel",
                category="structuur", severity="error",
                message=f"onderdeel {part}.md ontbreekt in de map draft/", suggestion=None))
            continue
        findings.extend(validate_text(path.read_text(encoding="utf-8"), facts=facts, part=part,
                                      file=str(path), rules=ruleset))
    return findings
