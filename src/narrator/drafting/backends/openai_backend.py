"""The OpenAI-compatible back end: the official ``openai`` client (OpenAI or Azure OpenAI).

Structured outputs (``response_format`` json_schema, strict) at temperature 0, with the
client's own timeouts and retries on 429/5xx. OpenAI-compatible servers differ, so when a
server rejects json_schema (llama.cpp answers HTTP 500, others 400/422 naming
``response_format``) the back end falls back to ``json_object`` with the schema in the prompt,
then to plain text from which the JSON is extracted (code fences, prose around it). The
fallback is remembered for the rest of the run. Missing ``usage`` is estimated from length.
"""

from __future__ import annotations

import copy
import json
import threading
from typing import Any

import openai
from pydantic import BaseModel, ValidationError

from narrator.config import LLMSettings
from narrator.drafting.backends.base import Backend, BackendError, Message, Reply, T
from narrator.drafting.cache import ResponseCache, request_key
from narrator.drafting.jsonextract import extract_json
from narrator.drafting.prompts import schema_instruction

MODES = ("json_schema", "json_object", "text")
_CAPABILITY_WORDS = ("response_format", "json_schema", "json schema", "structured", "grammar",
                     "json_object", "schema")
_UNSUPPORTED_KEYS = ("title", "default", "minItems", "maxItems", "minLength", "maxLength")


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the subset that strict structured outputs accept."""
    schema = copy.deepcopy(model.model_json_schema())

    def fix(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                fix(item)
        if not isinstance(node, dict):
            return
        for key in _UNSUPPORTED_KEYS:
            node.pop(key, None)
        props = node.get("properties")
        if isinstance(props, dict):
            node["additionalProperties"] = False
            node["required"] = list(props)
            for value in props.values():
                fix(value)
        for key, value in node.items():
            if key != "properties":
                fix(value)

    fix(schema)
    return schema


def make_client(settings: LLMSettings) -> openai.OpenAI:
    """An OpenAI or AzureOpenAI client from the settings (env via narrator.config)."""
    if settings.azure_endpoint:
        return openai.AzureOpenAI(azure_endpoint=settings.azure_endpoint,
                                  api_version=settings.azure_api_version or "2024-08-01-preview",
                                  api_key=settings.api_key, timeout=settings.timeout_s,
                                  max_retries=settings.max_retries)
    return openai.OpenAI(base_url=settings.base_url, api_key=settings.api_key or "niet-nodig",
                         timeout=settings.timeout_s, max_retries=settings.max_retries)


def _estimate(text: str) -> int:
    return max(1, len(text) // 4)


def _capability_error(exc: openai.APIStatusError) -> bool:
    if exc.status_code not in (400, 404, 415, 422, 500, 501):
        return False
    text = f"{exc.message} {exc.body}".lower()
    return any(word in text for word in _CAPABILITY_WORDS)


class OpenAIBackend(Backend):
    """Chat completions against any OpenAI-compatible endpoint."""

    name = "openai"

    def __init__(self, settings: LLMSettings, cache: ResponseCache | None = None) -> None:
        self.settings = settings
        self.model = settings.model
        self.client = make_client(settings)
        self.cache = cache
        self._mode = 0
        self._lock = threading.Lock()

    @property
    def mode(self) -> str:
        return MODES[self._mode]

    def _degrade(self, seen: int) -> bool:
        with self._lock:
            if self._mode == seen and self._mode < len(MODES) - 1:
                self._mode += 1
            return self._mode > seen

    def request(self, messages: list[Message], schema: type[BaseModel],
                mode: str) -> dict[str, Any]:
        """The chat-completions request body for ``mode``."""
        msgs = [dict(m) for m in messages]
        body: dict[str, Any] = {"model": self.model, "temperature": 0}
        if mode == "json_schema":
            body["response_format"] = {"type": "json_schema", "json_schema": {
                "name": schema.__name__, "strict": True, "schema": strict_schema(schema)}}
        else:
            msgs[0]["content"] += "\n\n" + schema_instruction(schema)
            if mode == "json_object":
                body["response_format"] = {"type": "json_object"}
        body["messages"] = msgs
        return body

    def complete(self, messages: list[Message], schema: type[T], *, section: str) -> Reply[T]:
        """Ask the model; degrade the output mode when the server lacks the capability."""
        while True:
            seen = self._mode
            body = self.request(messages, schema, MODES[seen])
            try:
                content, t_in, t_out, cached = self._send(body)
            except openai.APIStatusError as exc:
                if _capability_error(exc) and self._degrade(seen):
                    continue
                raise BackendError(f"server antwoordde met HTTP {exc.status_code}") from exc
            except openai.APITimeoutError as exc:
                raise BackendError("het taalmodel antwoordde niet binnen de tijd") from exc
            except openai.APIConnectionError as exc:
                raise BackendError("het taalmodel is niet bereikbaar") from exc
            return self._parse(content, schema, t_in, t_out, cached, MODES[seen])

    def _send(self, body: dict[str, Any]) -> tuple[str, int, int, bool]:
        key = request_key(body)
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            return hit["content"], int(hit.get("tokens_in", 0)), int(hit.get("tokens_out", 0)), \
                True
        response = self.client.chat.completions.create(**body)
        choice = response.choices[0] if response.choices else None
        content = (choice.message.content if choice and choice.message else None) or ""
        usage = getattr(response, "usage", None)
        t_in = getattr(usage, "prompt_tokens", None) or _estimate(json.dumps(body["messages"]))
        t_out = getattr(usage, "completion_tokens", None) or _estimate(content)
        if self.cache is not None:
            self.cache.put(key, content, t_in, t_out)
        return content, t_in, t_out, False

    def _parse(self, content: str, schema: type[T], t_in: int, t_out: int, cached: bool,
               mode: str) -> Reply[T]:
        try:
            value = schema.model_validate(extract_json(content))
        except ValueError as exc:
            detail = _short_error(exc)
            raise BackendError(f"antwoord past niet in het schema: {detail}", retryable=True,
                               raw=content, tokens_in=0 if cached else t_in,
                               tokens_out=0 if cached else t_out) from exc
        return Reply(value=value, raw=content, tokens_in=0 if cached else t_in,
                     tokens_out=0 if cached else t_out, cached=cached, mode=mode)


def _short_error(exc: ValueError) -> str:
    if isinstance(exc, ValidationError):
        parts = [f"{'.'.join(str(p) for p in e['loc']) or 'object'}: {e['msg']}"
                 for e in exc.errors()[:5]]
        return "; ".join(parts)
    return str(exc)
