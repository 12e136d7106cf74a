"""End to end: no personal data from data_samples' free texts leaves the facts stage.

The planted personal data is collected from the raw exports independently of the scrubber
(strict patterns plus the generator's own name lists), then searched for in facts.json, every
draft and rendered file of the report, and every request body sent to an LLM back end (a real
local chat-completions server on 127.0.0.1).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))

from drafting_answers import as_json, good
from llm_server import FakeLLMServer, completion, section_of

from narrator.config import LLMSettings, project_root
from narrator.drafting import draft_report
from narrator.facts import load_facts
from narrator.pipeline import RunRequest, run_report
from narrator.sampledata.texts import FIRST, LAST
from narrator.sources import load_sources

DATA = project_root() / "data_samples"
MONTHS = ("2026-10", "2026-11")
PATTERNS = [
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}",  # e-mail
    r"(?:\+31|0031)[ -]?6[ -]?\d{8}|06[ -]?\d{4} ?\d{4}",  # mobile numbers
    r"NL\d{2}[A-Z]{4}\d{10}",  # IBAN
    r"KL-\d{7}",  # klantnummer
    r"\b\d{4} [A-Z]{2}\b",  # postcode
    r"\b\d{2}-\d{2}-(?:19[4-9]\d|200[0-4])\b",  # birth date
]


def _names() -> list[str]:
    full = [f"{f} {s}" for f in FIRST for s in LAST]
    return full + [f"{t} {s}" for t in ("dhr.", "mevr.") for s in LAST] + [
        f"{f[0]}. {s}" for f in FIRST for s in LAST]


@pytest.fixture(scope="module")
def planted() -> set[str]:
    """Personal data in the free texts of the months the report covers."""
    bundle = load_sources(DATA)
    inc, srv = bundle.tables["incidents"], bundle.tables["surveys"]
    texts = [*inc.loc[inc["opened_at"].dt.strftime("%Y-%m").isin(MONTHS), "description"],
             *inc.loc[inc["opened_at"].dt.strftime("%Y-%m").isin(MONTHS), "close_notes"],
             *srv.loc[srv["date"].dt.strftime("%Y-%m").isin(MONTHS), "comment"]]
    blob = "\n".join(t for t in texts if isinstance(t, str))
    found = {m for p in PATTERNS for m in re.findall(p, blob)}
    lower = blob.lower()
    found |= {n.lower() for n in _names() if n.lower() in lower}
    assert len(found) > 100, "the sample data should carry plenty of personal data"
    return found


def _leaks(text: str, planted: set[str]) -> list[str]:
    low = text.lower()
    return sorted(p for p in planted if p.lower() in low)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    return run_report(RunRequest(data_dir=DATA, month="2026-11", reports_root=out)).report_dir


def test_facts_json_has_no_personal_data(report_dir: Path, planted: set[str]) -> None:
    facts_text = (report_dir / "facts.json").read_text(encoding="utf-8")
    assert '"scrubbed": true' in facts_text
    assert "[NAAM-" in facts_text, "the scrubbed texts should still be there, with placeholders"
    assert _leaks(facts_text, planted) == []


def test_report_files_have_no_personal_data(report_dir: Path, planted: set[str]) -> None:
    files = [*report_dir.glob("draft/*.md"), *report_dir.glob("concept/*.md"),
             *report_dir.glob("concept/*.html")]
    assert len(files) >= 9
    for path in files:
        assert _leaks(path.read_text(encoding="utf-8"), planted) == [], path.name
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(report_dir / "concept/rapport.pdf")
                         .pages)
    assert "Netwerkbeschikbaarheid" in pdf_text
    assert _leaks(pdf_text, planted) == []


def test_llm_request_bodies_have_no_personal_data(report_dir: Path, planted: set[str],
                                                   tmp_path: Path) -> None:
    facts = load_facts(report_dir / "facts.json")
    server = FakeLLMServer(
        lambda body, n: completion(as_json(good(facts, section_of(body))))).start()
    try:
        settings = LLMSettings(base_url=server.base_url, api_key="test", model="fake-model",
                               timeout_s=5.0, max_retries=0)
        draft_report(facts, backend="openai", run_dir=tmp_path, settings=settings)
    finally:
        server.stop()
    assert server.raw_bodies, "the openai back end should have sent requests"
    bodies = "\n".join(server.raw_bodies)
    assert "INC0033280" in bodies, "the facts (incident numbers) should reach the prompt"
    assert _leaks(bodies, planted) == []
