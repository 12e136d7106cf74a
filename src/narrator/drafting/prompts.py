"""Prompt files (``prompts/*.j2``) rendered in a sandbox, and the compact facts they carry.

The house style in the system prompt is rendered from ``style_guide/*.yaml`` (read generically:
each rule's message, swaps, word lists and a good example), never copied into the prompt file.
Scrubbed free text (incident notes, survey and case comments) is fenced as data, JSON-encoded
so it cannot break out of the fence, with the instruction never to follow it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from narrator.config import dimension_labels, load_yaml, project_root
from narrator.drafting import placeholders
from narrator.drafting.backends.base import Message
from narrator.drafting.narrative import termijn
from narrator.drafting.storyline import incident_ids, main_evidence
from narrator.errors import ConfigError
from narrator.facts import Facts, KPIFact
from narrator.numbers import format_month

FENCE_OPEN, FENCE_CLOSE = "<<<GEGEVENS", "GEGEVENS>>>"
MAX_LIST = 30
MAX_DATA_ITEMS = 20


@dataclass(frozen=True)
class Rendered:
    """A rendered prompt file: its name, the sha256 of its source and the text."""

    name: str
    sha256: str
    text: str


def prompts_dir() -> Path:
    return project_root() / "prompts"


def style_dir() -> Path:
    return project_root() / "style_guide"


@lru_cache(maxsize=4)
def _environment(folder: Path) -> SandboxedEnvironment:
    return SandboxedEnvironment(loader=jinja2.FileSystemLoader(str(folder)),
                                undefined=jinja2.StrictUndefined, autoescape=False,
                                trim_blocks=True, lstrip_blocks=True)


def render(name: str, **context: Any) -> Rendered:
    """Render ``prompts/<name>``; a broken prompt file becomes a ConfigError with its line."""
    folder = prompts_dir()
    path = folder / name
    try:
        source = path.read_text(encoding="utf-8")
        text = _environment(folder).get_template(name).render(**context)
    except FileNotFoundError as exc:
        raise ConfigError("promptbestand ontbreekt", file=str(path)) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"ongeldige prompt: {exc.message}", file=exc.filename or str(path),
                          line=exc.lineno) from exc
    except jinja2.TemplateError as exc:
        raise ConfigError(f"prompt kan niet worden ingevuld: {exc}", file=str(path)) from exc
    return Rendered(name, hashlib.sha256(source.encode("utf-8")).hexdigest(), text.strip())


def _clean_message(message: str, suggestion: str) -> str:
    """A rule message without its ``{match}`` slots; the suggestion fills in what they said."""
    text = re.sub(r"\s*\([^()]*\{[a-z_]+\}[^()]*\)", "", message)
    text = re.sub(r"\s*'?\{[a-z_]+\}'?", "", text)
    text = re.sub(r"\s+([:.,;])", r"\1", text).strip()
    text = re.sub(r"[:;,]\s*\.?$", "", text).strip()
    if "{" in message and suggestion:
        text = f"{text.rstrip('.')} (bijvoorbeeld: {suggestion})."
    return text


def _wordlist(rule: dict[str, Any]) -> list[str]:
    words = [str(t) for t in rule.get("tokens") or []]
    if rule.get("wordlist"):
        path = style_dir() / str(rule["wordlist"])
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            words += [w.strip().rstrip("*") for w in lines if w.strip() and not w.startswith("#")]
    return words[:MAX_LIST]


def _good_example(rule: dict[str, Any]) -> str:
    examples = (rule.get("examples") or {}).get("negative") or []
    for ex in examples:
        text = ex if isinstance(ex, str) else (ex or {}).get("text", "")
        if text and "\n" not in text and len(text) < 160:
            return text
    return ""


def style_rules() -> list[dict[str, Any]]:
    """The house-style rules of ``style_guide/*.yaml`` as short prompt lines (errors first)."""
    rules: list[dict[str, Any]] = []
    for path in sorted(style_dir().glob("*.yaml")):
        data = load_yaml(path) or {}
        for rule in data.get("rules") or []:
            if not isinstance(rule, dict) or rule.get("severity") == "info":
                continue
            swaps = [f"{a} → {b}" for a, b in (rule.get("swap") or {}).items()][:MAX_LIST]
            rules.append({"category": rule.get("category", path.stem),
                          "severity": rule.get("severity", "error"),
                          "text": _clean_message(str(rule.get("message", "")),
                                                 str(rule.get("suggestion") or "")),
                          "swaps": swaps, "avoid": _wordlist(rule), "good": _good_example(rule)})
    return sorted(rules, key=lambda r: r["severity"] != "error")


def _kpi_payload(kpi: KPIFact, *, detail: str) -> dict[str, Any]:
    """detail: 'kort' (status and figures), 'midden' (+ main evidence and top driver), 'vol'."""
    p = kpi.id
    table = placeholders.kpi_numbers(kpi)

    def ref(key: str) -> str | None:
        return f"{{{p}.{key}}}" if f"{p}.{key}" in table else None

    out: dict[str, Any] = {
        "id": p, "naam": kpi.name, "eenheid": kpi.unit, "beter": kpi.direction,
        "status": kpi.status, "waarde": ref("value"), "vorige_maand": ref("previous"),
        "verandering": ref("change_abs"), "verandering_pct": ref("change_pct"),
        "norm": ref("norm"), "norm_gehaald": kpi.norm_met, "eigenaar": kpi.owner.name,
        "seizoen": {"in_lijn_met_seizoen": kpi.seasonal.expected,
                    "patroon": kpi.seasonal.pattern, "zelfde_maand_vorig_jaar": ref("vorig_jaar")},
    }
    if detail == "kort":
        return {k: v for k, v in out.items() if v is not None}
    keep = None if detail == "vol" else 1
    dims = dimension_labels()
    drivers = sorted(enumerate(kpi.drivers, start=1), key=lambda d: -abs(d[1].share_of_change))
    out["bijdragen"] = [
        {"dimensie": dims.label(d.dimension), "segment": d.segment,
         "waarde": ref(f"driver{i}.value"), "vorige_maand": ref(f"driver{i}.previous"),
         "aandeel_in_verandering": ref(f"driver{i}.share")} for i, d in drivers[:keep]]
    main = main_evidence(kpi)
    evidence = sorted(enumerate(kpi.evidence, start=1), key=lambda e: e[1] is not main)
    out["bewijs"] = [
        {"soort": e.kind, "titel": e.title, "bron": e.source_ref.ids or [e.source_ref.file],
         "cijfers": {n: f"{{{p}.ev{i}.{n}}}" for n in e.figures}} for i, e in evidence[:keep]]
    return {k: v for k, v in out.items() if v is not None}


def facts_payload(facts: Facts, section: str) -> dict[str, Any]:
    """Compact facts for one section: numbers appear only as placeholder keys."""
    if section.startswith("afwijking:"):
        kpi = facts.kpi(section.split(":", 1)[1])
        kpis = [_kpi_payload(kpi, detail="vol")]
        numbers = set(incident_ids(kpi, facts))
    else:
        kpis = [_kpi_payload(k, detail="kort" if k.status == "groen" else "midden")
                for k in facts.kpis]
        numbers = {i.number for i in facts.incidents}
    incidents = [{"nummer": i.number, "regio": i.region, "dienst": i.service,
                  "oorzaak": i.cause, "klanten": f"{{{i.number}.klanten}}",
                  "uren": f"{{{i.number}.uren}}", "klant_uren": f"{{{i.number}.klant_uren}}"}
                 for i in facts.incidents if i.number in numbers]
    follow = [{"kpi": a.kpi_id, "actie": a.what, "eigenaar": a.owner.name,
               "hersteld": a.recovered} for a in facts.previous_actions]
    return {"maand": facts.month_label, "klanten_totaal": "{org.klanten}", "kpis": kpis,
            "incidenten": incidents, "acties_vorige_maand": follow,
            "mt": [m.name for m in facts.organisation.mt]}


def section_numbers(facts: Facts, section: str) -> dict[str, str]:
    """The placeholder table for ``section``: the keys its facts refer to, dates, trends."""
    table = placeholders.number_table(facts)
    payload = json.dumps(facts_payload(facts, section), ensure_ascii=False)
    wanted = set(placeholders.PLACEHOLDER.findall(payload))
    trend_kpis = {f"{k.id}.trend." for k in facts.kpis if k.status != "groen"}
    return {k: v for k, v in table.items()
            if k in wanted or k.startswith(("datum.", "maand."))
            or (section == "analyse" and k.startswith(tuple(trend_kpis)))}


def _defang(text: str) -> str:
    return text.replace(FENCE_OPEN, "[...]").replace(FENCE_CLOSE, "[...]")


def data_items(facts: Facts, section: str) -> list[str]:
    """Scrubbed free texts as JSON lines, for inside the data fence."""
    if section == "dashboard":
        return []
    wanted = {i.number for i in facts.incidents}
    if section.startswith("afwijking:"):
        wanted = set(incident_ids(facts.kpi(section.split(":", 1)[1]), facts))
    items = [{"incident": i.number, "beschrijving": i.description, "afsluiting": i.close_notes}
             for i in facts.incidents if i.number in wanted]
    items += [{"bron": c.source, "regio": c.region, "product": c.product, "tekst": c.text}
              for c in facts.comments]
    return [_defang(json.dumps(i, ensure_ascii=False)) for i in items[:MAX_DATA_ITEMS]]


def system_prompt(facts: Facts) -> Rendered:
    """The system prompt with the house style from style_guide/."""
    keys = list(section_numbers(facts, "dashboard"))
    example = next((k for k in keys if k.endswith(".value")), keys[0] if keys else "kpi.value")
    return render("system.j2", organisation=facts.organisation.name,
                  mt=[f"{m.name} ({m.role})" for m in facts.organisation.mt],
                  rules=style_rules(), example_key=example)


def section_prompt(facts: Facts, section: str, short: bool) -> Rendered:
    """The user prompt of one section."""
    name = "afwijking.j2" if section.startswith("afwijking:") else f"{section}.j2"
    ctx: dict[str, Any] = {
        "section": section, "short": short, "month_label": facts.month_label,
        "previous_label": format_month(facts.previous_month),
        "mt": [m.name for m in facts.organisation.mt],
        "facts_json": json.dumps(facts_payload(facts, section), ensure_ascii=False,
                                 separators=(",", ":")),
        "numbers_json": json.dumps(section_numbers(facts, section), ensure_ascii=False,
                                   separators=(",", ":")),
        "data_items": data_items(facts, section),
        "termijn_rood": termijn("rood", facts),
        "termijn_oranje": termijn("oranje", facts),
    }
    if section.startswith("afwijking:"):
        kpi = facts.kpi(section.split(":", 1)[1])
        ctx.update(kpi_name=kpi.name, status=kpi.status, owner=kpi.owner.name)
    return render(name, **ctx)


def messages_for(facts: Facts, section: str, short: bool) -> tuple[list[Message], Rendered]:
    """System + user messages for ``section`` and the rendered section prompt (for the log)."""
    user = section_prompt(facts, section, short)
    return [{"role": "system", "content": system_prompt(facts).text},
            {"role": "user", "content": user.text}], user


def repair_prompt(section: str, problems: list[str]) -> Rendered:
    """The re-ask message listing the validator's findings."""
    return render("herstel.j2", section=section, problems=problems)


def schema_instruction(schema: type[BaseModel]) -> str:
    """The schema as text, for servers without structured outputs."""
    return render("schema.j2", schema_json=json.dumps(schema.model_json_schema(),
                                                      ensure_ascii=False)).text

