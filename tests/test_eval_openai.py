"""`narrator eval --backend openai` against the real local fake server (tests/llm_server.py).

Nothing is mocked on the client side: the official openai client talks HTTP to 127.0.0.1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import drafting_answers as answers
import llm_server
import pytest
from typer.testing import CliRunner

from narrator.cli import app
from narrator.facts import load_facts
from narrator.privacy import scrub_facts

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "evals" / "cases" / "facts" / "typische_maand.json"


def _eval(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: Any) -> tuple[int, dict]:
    server = llm_server.FakeLLMServer(script).start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test-key")
        result = CliRunner().invoke(app, ["eval", "--backend", "openai", "--model", "fake-model",
                                          "--case", "typische_maand", "--pages", "none",
                                          "--out", str(tmp_path)])
    finally:
        server.stop()
    card = json.loads((tmp_path / "scorecard_openai.json").read_text(encoding="utf-8"))
    return result.exit_code, card


def test_good_model_answers_pass_and_cost_is_measured(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    facts = scrub_facts(load_facts(CASE))

    def script(body: dict[str, Any], _n: int) -> Any:
        section = llm_server.section_of(body)
        return llm_server.completion(answers.as_json(answers.good(facts, section)))

    code, card = _eval(tmp_path, monkeypatch, script)
    assert code == 0, card["cases"][0]["failures"]
    m = card["metrics"]
    assert m["calls"] == 10 and m["tokens_in"] == 10 * 1000 and m["tokens_out"] == 10 * 200
    assert m["fallback_rate"] == 0.0 and m["latency_s_mean"] > 0
    assert card["model"] == "fake-model"


def test_model_that_never_answers_json_falls_back_and_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def script(_body: dict[str, Any], _n: int) -> Any:
        return llm_server.completion("Ik schrijf liever proza dan JSON.")

    code, card = _eval(tmp_path, monkeypatch, script)
    assert code == 1
    m = card["metrics"]
    assert m["fallback_rate"] == 1.0 and m["flagged_sections"] == 10
    assert any("handmatig controleren" in f for f in card["cases"][0]["failures"])
