"""``draft_report``: the entry point of the drafting layer.

Sections: ``dashboard``, ``analyse`` (conclusion, trends, actions), ``samenvatting`` and one
``afwijking:<kpi>`` per oranje/rood KPI. The template back end writes them directly; the
OpenAI back end drafts them concurrently through the repair loop (:mod:`.repair`), which falls
back to the template text per section and flags it for the reviewer.
"""

from __future__ import annotations

import time
from pathlib import Path

from narrator.config import LLMSettings
from narrator.drafting.backends.template import TemplateBackend
from narrator.drafting.calllog import CallLog, CallRecord
from narrator.drafting.markdown import assemble
from narrator.drafting.schemas import (
    AnalysisCore,
    Dashboard,
    Deviation,
    DraftResult,
    SectionObject,
    Summary,
)
from narrator.drafting.storyline import deviating
from narrator.errors import ConfigError, DraftError
from narrator.facts import Facts

BACKENDS = ("template", "openai")


def section_ids(facts: Facts) -> list[str]:
    """Every section of the report, in drafting order."""
    return ["dashboard", "analyse", "samenvatting",
            *[f"afwijking:{k.id}" for k in deviating(facts)]]


def schema_for(section: str) -> type[SectionObject]:
    """The output schema of a section."""
    if section.startswith("afwijking:"):
        return Deviation
    return {"dashboard": Dashboard, "analyse": AnalysisCore, "samenvatting": Summary}[section]


def draft_report(facts: Facts, *, backend: str = "template", model: str | None = None,
                 run_dir: Path, settings: LLMSettings | None = None,
                 shorten: set[str] | None = None) -> DraftResult:
    """Draft the three report texts for ``facts`` (already scrubbed).

    Writes ``calls.jsonl`` into ``run_dir`` and (for ``openai``) uses the response cache in
    ``run_dir/../.cache/llm``. ``shorten`` names parts that overflowed their page budget.
    """
    if backend not in BACKENDS:
        raise ConfigError(f"onbekende back end '{backend}'; kies uit {', '.join(BACKENDS)}")
    shorten = set(shorten or ())
    run_dir = Path(run_dir)
    log = CallLog(run_dir)
    template = TemplateBackend(facts, shorten)
    if backend == "template":
        objects, flags, stats = _template_sections(facts, template, log), {}, (0, 0, 0, 0)
        used_model = None
    else:
        from narrator.drafting.repair import draft_with_llm

        objects, flags, stats, used_model = draft_with_llm(
            facts, template=template, log=log, run_dir=run_dir, model=model,
            settings=settings, shorten=shorten)
    texts = assemble(facts, objects, flags, shorten)
    log.write()
    return _result(objects, texts, flags, stats, backend, used_model)


def _template_sections(facts: Facts, template: TemplateBackend,
                       log: CallLog) -> dict[str, SectionObject]:
    objects: dict[str, SectionObject] = {}
    for section in section_ids(facts):
        start = time.perf_counter()
        objects[section] = template.build(section)
        log.add(CallRecord(section=section, template="template", template_sha256="",
                           backend="template", model=None, mode="template",
                           latency_s=round(time.perf_counter() - start, 4), outcome="ok"))
    return objects


def _result(objects: dict[str, SectionObject], texts: dict[str, str],
            flags: dict[str, str], stats: tuple[int, int, int, int], backend: str,
            model: str | None) -> DraftResult:
    calls, tokens_in, tokens_out, fallbacks = stats
    devs = {s.split(":", 1)[1]: o for s, o in objects.items() if isinstance(o, Deviation)}
    dash, core, summ = objects["dashboard"], objects["analyse"], objects["samenvatting"]
    if not (isinstance(dash, Dashboard) and isinstance(core, AnalysisCore)
            and isinstance(summ, Summary)):
        raise DraftError("interne fout: sectie van het verkeerde type")
    return DraftResult(texts=texts, flagged=flags, calls=calls, tokens_in=tokens_in,
                       tokens_out=tokens_out, fallbacks=fallbacks, backend=backend, model=model,
                       dashboard=dash, analysis=core, deviations=devs, summary=summ)
