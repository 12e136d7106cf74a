"""Numbers in model output: placeholders filled by code.

Choice (see docs/drafting.md): the model never writes a figure. It gets a table of keys with
their values (``{churn.value}`` = ``1,31%``) and writes the KEY; code replaces each key with
the value from Facts in Dutch notation (via narrator.numbers). Any digit the model writes
itself (outside incident numbers, KPI names and dates) is rejected before the validator runs,
and an unknown key is rejected too; the repair loop then re-asks. So no number reaches the
draft unless it was formatted by code from a fact, and the validator's number-fidelity check
stays as a second line of defence. Why: a model copying "1,31" is usually right, but "usually"
is not good enough for an MT report, and Dutch notation is easier to get right in code.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from narrator.calendar import next_month
from narrator.drafting import formatting as fmt
from narrator.facts import Facts, KPIFact
from narrator.numbers import MONTHS_NL, format_month, format_number

PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.:-]+)\}")
_MONTHS = "|".join(MONTHS_NL)
_DATES = re.compile(rf"\b(?:\d{{1,2}} )?(?:{_MONTHS}) \d{{4}}\b", re.IGNORECASE)
_IDS = re.compile(r"\b[A-Z]{2,5}\d{4,}\b")
_DIGIT = re.compile(r"[-+]?\d[\d.,]*%?")
_DOUBLE_BRACES = re.compile(r"\{\{\s*([A-Za-z0-9_.:-]+)\s*\}\}")


def kpi_numbers(kpi: KPIFact) -> dict[str, str]:
    """Placeholder keys of one KPI and their formatted values."""
    table: dict[str, str] = {}
    p = kpi.id

    def put(key: str, value: float | None, text: str | None = None) -> None:
        if value is not None:
            table[f"{p}.{key}"] = text if text is not None else fmt.bare(kpi, value)

    put("value", kpi.value)
    put("previous", kpi.previous)
    put("norm", kpi.norm)
    if kpi.change_abs is not None:
        put("change_abs", kpi.change_abs, format_number(kpi.change_abs, kpi.decimals, signed=True))
    if kpi.change_pct is not None and kpi.basis == "relative":
        put("change_pct", kpi.change_pct, format_number(kpi.change_pct, 1, signed=True) + "%")
    put("vorig_jaar", kpi.seasonal.same_month_last_year)
    for point in kpi.trend:
        put(f"trend.{point.month}", point.value)
    for i, drv in enumerate(kpi.drivers, start=1):
        put(f"driver{i}.value", drv.value)
        put(f"driver{i}.previous", drv.previous)
        put(f"driver{i}.share", drv.share_of_change, fmt.share(drv.share_of_change))
    for i, ev in enumerate(kpi.evidence, start=1):
        for name, value in ev.figures.items():
            put(f"ev{i}.{name}", value, fmt.figure(value))
    return table


def number_table(facts: Facts) -> dict[str, str]:
    """Every placeholder key of the month with its value in Dutch notation."""
    table = {"org.klanten": format_number(facts.organisation.customers)}
    for kpi in facts.kpis:
        table.update(kpi_numbers(kpi))
    for inc in facts.incidents:
        table[f"{inc.number}.klanten"] = format_number(inc.customers_affected)
        table[f"{inc.number}.uren"] = fmt.figure(inc.duration_hours)
        table[f"{inc.number}.klant_uren"] = fmt.figure(inc.customer_hours)
    if facts.deadline:
        table["datum.mt_overleg"] = fmt.long_date(facts.deadline)
    table["maand.volgende"] = format_month(next_month(facts.month))
    return table


def allowed_literals(facts: Facts) -> list[str]:
    """Texts with digits that the model may write literally (names, ids, file names)."""
    items = [k.name for k in facts.kpis] + [i.number for i in facts.incidents]
    items += [s.path for s in facts.sources] + ["1.000 klanten"]
    return sorted({i for i in items if any(c.isdigit() for c in i)}, key=len, reverse=True)


def stray_numbers(text: str, facts: Facts) -> list[str]:
    """Digits the model wrote itself instead of a placeholder."""
    rest = PLACEHOLDER.sub(" ", text)
    for literal in allowed_literals(facts):
        rest = rest.replace(literal, " ")
    rest = _IDS.sub(" ", _DATES.sub(" ", rest))
    return _DIGIT.findall(rest)


def fill_text(text: str, table: dict[str, str], unknown: list[str]) -> str:
    """Replace ``{key}`` by its value; collect keys that do not exist in ``unknown``."""
    def repl(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in table:
            unknown.append(key)
            return match.group(0)
        return table[key]

    text = _DOUBLE_BRACES.sub(r"{\1}", text)
    filled = PLACEHOLDER.sub(repl, text)
    return filled.replace("%%", "%").replace("% %", "%")


def _walk(node: Any, fn: Any) -> Any:
    if isinstance(node, str):
        return fn(node)
    if isinstance(node, list):
        return [_walk(n, fn) for n in node]
    if isinstance(node, dict):
        return {k: _walk(v, fn) for k, v in node.items()}
    return node


def texts_of(obj: BaseModel) -> list[str]:
    """Every string inside a section object."""
    found: list[str] = []
    _walk(obj.model_dump(), lambda s: found.append(s) or s)
    return found


def fill(obj: BaseModel, facts: Facts) -> tuple[BaseModel, list[str], list[str]]:
    """Fill placeholders in every string; return (filled object, unknown keys, stray numbers)."""
    table = number_table(facts)
    stray: list[str] = []
    for text in texts_of(obj):
        stray += stray_numbers(text, facts)
    unknown: list[str] = []
    data = _walk(obj.model_dump(), lambda s: fill_text(s, table, unknown))
    return type(obj).model_validate(data), unknown, stray
