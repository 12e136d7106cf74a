"""The repair loop: draft each section with the model, validate, re-ask, else fall back.

Per section: ask; fill the placeholders; check (own checks + validator); on errors re-ask with
the findings, at most ``llm.max_repairs`` times and within ``llm.token_budget`` tokens
(config/drafting.yaml); after that the template text is used and the section is flagged
("handmatig controleren"). Sections run concurrently. A final check over each assembled part
catches errors that only appear when the sections are put together; that part's model sections
then fall back as well.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrator.config import LLMSettings, llm_settings
from narrator.drafting import prompts
from narrator.drafting.backends.base import Backend, BackendError, Message
from narrator.drafting.backends.template import TemplateBackend
from narrator.drafting.cache import ResponseCache
from narrator.drafting.calllog import CallLog, CallRecord
from narrator.drafting.checks import Checker
from narrator.drafting.markdown import assemble, part_of
from narrator.drafting.schemas import SectionObject
from narrator.drafting.settings import settings as drafting_settings
from narrator.drafting.storyline import phrases
from narrator.errors import DraftError
from narrator.facts import Facts

# Keys of the reviewer-readable reasons in phrases.yaml (flag_reasons).
REASON_UNREACHABLE = "unreachable"
REASON_FINDINGS = "findings"
REASON_BUDGET = "budget"
REASON_FINAL = "final"


@dataclass
class SectionOutcome:
    """The object chosen for one section and what it cost."""

    section: str
    obj: SectionObject
    flag: str | None = None
    from_model: bool = False
    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    categories: list[str] = field(default_factory=list)


@dataclass
class Attempt:
    """The result of one call: an accepted object, problems to re-ask with, or a fatal error."""

    filled: Any = None
    problems: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    raw: str = ""
    fatal: str = ""


@dataclass
class Drafter:
    """Everything one section needs; shared (read-only) by the worker threads."""

    facts: Facts
    backend: Backend
    template: TemplateBackend
    checker: Checker
    log: CallLog
    shorten: set[str]
    max_repairs: int
    token_budget: int

    def record(self, section: str, prompt: prompts.Rendered, messages: list[Message],
               attempt: int, start: float, **fields: Any) -> None:
        from narrator.drafting.cache import request_key

        self.log.add(CallRecord(section=section, template=prompt.name,
                                template_sha256=prompt.sha256,
                                prompt_sha256=request_key({"messages": messages}),
                                backend=self.backend.name, model=self.backend.model,
                                attempt=attempt, latency_s=round(time.perf_counter() - start, 3),
                                **fields))

    def draft(self, section: str) -> SectionOutcome:
        """Draft one section through the repair loop."""
        short = part_of(section) in self.shorten
        messages, prompt = prompts.messages_for(self.facts, section, short)
        out = SectionOutcome(section, self.template.build(section))
        reason, categories = REASON_FINDINGS, ["onbekend"]
        for attempt in range(1, self.max_repairs + 2):
            result = self.attempt(out, messages, prompt, attempt)
            if result.fatal:
                return self.fallback(out, REASON_UNREACHABLE, [result.fatal])
            if result.filled is not None:
                out.obj, out.from_model = result.filled, True
                return out
            categories = result.categories
            if out.tokens_in + out.tokens_out >= self.token_budget:
                reason = REASON_BUDGET
                break
            if attempt <= self.max_repairs:
                fix = prompts.repair_prompt(section, result.problems)
                messages = [*messages, {"role": "assistant", "content": result.raw or "{}"},
                            {"role": "user", "content": fix.text}]
        return self.fallback(out, reason, categories)

    def attempt(self, out: SectionOutcome, messages: list[Message], prompt: prompts.Rendered,
                attempt: int) -> Attempt:
        """One call plus its checks; counts calls and tokens into ``out`` and logs them."""
        from narrator.drafting.draft import schema_for

        section, start = out.section, time.perf_counter()
        try:
            reply = self.backend.complete(messages, schema_for(section), section=section)
        except BackendError as exc:
            out.calls += 1
            out.tokens_in += exc.tokens_in
            out.tokens_out += exc.tokens_out
            self.record(section, prompt, messages, attempt, start, outcome="fout",
                        detail=exc.message, tokens_in=exc.tokens_in, tokens_out=exc.tokens_out)
            if not exc.retryable:
                return Attempt(fatal=_detail(exc.message))
            return Attempt(problems=[f"Geen geldig JSON-object: {exc.message}"],
                           categories=["schema"], raw=exc.raw)
        out.calls += 0 if reply.cached else 1
        out.tokens_in += reply.tokens_in
        out.tokens_out += reply.tokens_out
        filled, problems, categories = self.checker.section_problems(section, reply.value)
        self.record(section, prompt, messages, attempt, start, mode=reply.mode,
                    cached=reply.cached, tokens_in=reply.tokens_in, tokens_out=reply.tokens_out,
                    outcome="afgekeurd" if problems else "goedgekeurd",
                    detail=" | ".join(problems)[:2000])
        if problems:
            return Attempt(problems=problems, categories=categories, raw=reply.raw)
        return Attempt(filled=filled)

    def fallback(self, out: SectionOutcome, reason: str, categories: list[str]) -> SectionOutcome:
        """Use the template text and flag the section for the reviewer."""
        out.obj = self.template.build(out.section)
        out.categories = categories
        words = phrases()
        names = words["flag_categories"]
        labels = ", ".join(names.get(c, c) for c in categories) or "onbekend"
        out.flag = words["flag_reasons"][reason].format(detail=labels, categories=labels)
        out.from_model = False
        return out


def _detail(message: str) -> str:
    lowered = message.lower()
    if "tijd" in lowered:
        return "geen antwoord binnen de tijd"
    if "bereikbaar" in lowered:
        return "niet bereikbaar"
    return "serverfout"


def final_check(drafter: Drafter, outcomes: dict[str, SectionOutcome]) -> None:
    """Fall back every model section of a part whose assembled text has new errors."""
    objects = {s: o.obj for s, o in outcomes.items()}
    texts = assemble(drafter.facts, objects, {}, drafter.shorten)
    for part, text in texts.items():
        found = drafter.checker.new_errors(texts, part) if text else []
        if not found:
            continue
        categories = sorted({f.category for f in found})
        for section, outcome in outcomes.items():
            if part_of(section) == part and outcome.from_model:
                drafter.fallback(outcome, REASON_FINAL, categories)


def draft_with_llm(facts: Facts, *, template: TemplateBackend, log: CallLog, run_dir: Path,
                   model: str | None, settings: LLMSettings | None, shorten: set[str],
                   backend: Backend | None = None, max_repairs: int | None = None,
                   token_budget: int | None = None,
                   ) -> tuple[dict[str, SectionObject], dict[str, str],
                              tuple[int, int, int, int], str | None]:
    """Draft all sections with the OpenAI back end (or ``backend``); see module docstring.

    ``max_repairs`` and ``token_budget`` default to ``llm`` in config/drafting.yaml.
    """
    from narrator.drafting.backends.openai_backend import OpenAIBackend
    from narrator.drafting.draft import section_ids

    if not facts.scrubbed:
        raise DraftError("de facts zijn niet geanonimiseerd (scrubbed=false); ze gaan niet "
                         "naar een taalmodel. Draai eerst de privacystap.")
    if backend is None:
        chosen = settings or llm_settings(model)
        if model:
            chosen = chosen.model_copy(update={"model": model})
        backend = OpenAIBackend(chosen, ResponseCache(Path(run_dir).parent / ".cache" / "llm"))
    sections = section_ids(facts)
    checker = Checker(facts, {s: template.build(s) for s in sections}, shorten)
    limits = drafting_settings().llm
    drafter = Drafter(facts, backend, template, checker, log, shorten,
                      limits.max_repairs if max_repairs is None else max_repairs,
                      limits.token_budget if token_budget is None else token_budget)
    with ThreadPoolExecutor(max_workers=min(limits.parallel_requests, len(sections))) as pool:
        outcomes = dict(zip(sections, pool.map(drafter.draft, sections), strict=True))
    final_check(drafter, outcomes)
    flags = {s: o.flag for s, o in outcomes.items() if o.flag}
    stats = (sum(o.calls for o in outcomes.values()), sum(o.tokens_in for o in outcomes.values()),
             sum(o.tokens_out for o in outcomes.values()), len(flags))
    return {s: o.obj for s, o in outcomes.items()}, flags, stats, backend.model
