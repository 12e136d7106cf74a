"""A real, tiny OpenAI-compatible chat-completions server for the drafting tests.

It runs ``http.server`` in a thread on 127.0.0.1 (random port), records every request body,
and answers from a *script*: a function ``(body, n) -> Answer`` where ``n`` counts requests.
Nothing is mocked on the client side: the official ``openai`` client talks HTTP to it.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    """One HTTP answer: status, JSON body (or raw text), optional delay and headers."""

    status: int = 200
    body: dict[str, Any] | str = field(default_factory=dict)
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


Script = Callable[[dict[str, Any], int], Answer]


def completion(content: str, *, usage: bool = True, model: str = "fake-model") -> Answer:
    """A chat.completion answer with ``content`` (and usage unless ``usage=False``)."""
    body: dict[str, Any] = {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1_700_000_000,
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
    }
    if usage:
        body["usage"] = {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200}
    return Answer(body=body)


def error(status: int, message: str) -> Answer:
    """An OpenAI-style error answer."""
    return Answer(status=status, body={"error": {"message": message, "type": "server_error",
                                                 "code": status}},
                  headers={"retry-after-ms": "10"} if status == 429 else {})


def section_of(body: dict[str, Any]) -> str:
    """The section id the prompt asks for ('Sectie: afwijking:churn')."""
    for msg in body.get("messages", []):
        if msg.get("role") == "user":
            found = re.search(r"^Sectie: (\S+)", msg.get("content", ""), re.M)
            if found:
                return found.group(1)
    return ""


def is_repair(body: dict[str, Any]) -> bool:
    """True when the request is a re-ask after the validator rejected an answer."""
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    return len(users) > 1


class FakeLLMServer:
    """Start with :meth:`start`; ``base_url`` is then ``http://127.0.0.1:<port>/v1``."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[dict[str, Any]] = []
        self.raw_bodies: list[str] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> FakeLLMServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                return

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                text = raw.decode("utf-8")
                with owner._lock:
                    owner.raw_bodies.append(text)
                    owner.requests.append(json.loads(text))
                    n = len(owner.requests)
                answer = owner.script(json.loads(text), n)
                time.sleep(answer.delay)
                payload = answer.body if isinstance(answer.body, str) else json.dumps(answer.body)
                data = payload.encode("utf-8")
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in answer.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
