"""No network while building the analyzer and scrubbing; no personal data in logs or output."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from typing import Any

import pytest

from narrator.privacy import Scrubber, detect, engine

PII = ["Jansen", "06-12345678", "p.jansen@ziggo.nl", "NL91ABNA0417164300", "111222333",
       "Kerkstraat 12"]
TEXT = ("Dhr. Jansen (06-12345678, p.jansen@ziggo.nl) wil terugstorting op NL91ABNA0417164300, "
        "BSN 111222333, adres Kerkstraat 12.")


def _no_network(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("netwerkgebruik tijdens het scrubben")


@pytest.fixture
def fresh_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Force the lazy singleton to be rebuilt inside the test."""
    monkeypatch.setattr(engine, "_engine", None)


def test_build_and_scrub_without_sockets(monkeypatch: pytest.MonkeyPatch,
                                         fresh_engine: None) -> None:
    monkeypatch.setattr(socket, "socket", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    out = Scrubber().scrub(TEXT)
    assert all(p not in out for p in PII)


def test_fresh_process_imports_and_scrubs_without_sockets() -> None:
    """Fresh interpreter: importing presidio/spaCy too. urllib3 creates (never connects) a
    socket at import to probe IPv6, so here every way to connect or send is blocked."""
    code = (
        "import socket\n"
        "def no(*a, **k): raise SystemExit('netwerk gebruikt')\n"
        "for name in ('connect', 'connect_ex', 'sendto', 'sendall', 'send'):\n"
        "    setattr(socket.socket, name, no)\n"
        "socket.create_connection = no; socket.getaddrinfo = no\n"
        "from narrator.privacy import Scrubber\n"
        f"print(Scrubber().scrub({TEXT!r}))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=False)
    assert res.returncode == 0, res.stderr
    assert "[NAAM-1]" in res.stdout
    assert all(p not in res.stdout + res.stderr for p in PII)


def test_no_pii_in_logs_or_output(caplog: pytest.LogCaptureFixture,
                                  capsys: pytest.CaptureFixture[str],
                                  fresh_engine: None) -> None:
    root = logging.getLogger()
    old = root.level
    root.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG):
            for name in ("presidio-analyzer", "presidio_analyzer"):
                logging.getLogger(name).setLevel(logging.DEBUG)
            Scrubber().scrub(TEXT)
            for ent in detect(TEXT):
                logging.getLogger("narrator").debug("gevonden: %s", ent.entity_type)
    finally:
        root.setLevel(old)
    captured = capsys.readouterr()
    logged = caplog.text + captured.out + captured.err
    assert all(p not in logged for p in PII), logged
    assert root.level == old
