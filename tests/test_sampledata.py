"""The sample-data generator: deterministic per seed, and the committed data_samples."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from sampledata_kpis import deviation, kpis, status
from typer.testing import CliRunner

from narrator.cli import app
from narrator.sampledata import generate
from narrator.sources import load_sources

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("a", "b"):
        result = runner.invoke(app, ["sample-data", "--out", str(tmp_path / name), "--months",
                                     "2", "--scale", "0.02", "--seed", "7"])
        assert result.exit_code == 0, result.output
        assert "exportbestanden geschreven" in result.output
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_other_seed_gives_other_data(tmp_path: Path) -> None:
    generate(tmp_path / "a", months=1, scale=0.02, seed=1)
    generate(tmp_path / "b", months=1, scale=0.02, seed=2)
    assert _digest(tmp_path / "a") != _digest(tmp_path / "b")


def test_generated_small_set_reads_cleanly(tmp_path: Path) -> None:
    files = generate(tmp_path, months=2, scale=0.02, seed=3)
    names = {f.name for f in files}
    assert "servicenow_incidents_2026-11.csv" in names
    assert "salesforce_accounts.csv" in names
    bundle = load_sources(tmp_path)
    assert bundle.warnings == []
    assert all(bundle.months[t] == ["2026-10", "2026-11"] for t in bundle.tables)


@pytest.fixture(scope="module")
def samples():
    return load_sources(SAMPLES)


def test_committed_samples_read_cleanly(samples) -> None:
    assert samples.warnings == []
    for table, months in samples.months.items():
        assert len(months) == 24, table
        assert months[0] == "2024-12" and months[-1] == "2026-11", table
    total = sum(p.stat().st_size for p in SAMPLES.iterdir())
    assert total < 25_000_000


def test_committed_samples_have_connectnl_scale(samples) -> None:
    acc = samples.tables["accounts"]
    nov = acc[acc["month"] == "2026-11"]
    assert 2_400_000 < nov["customers_start"].sum() < 2_600_000
    cases = samples.tables["cases"]
    monthly = cases.groupby(cases["date"].dt.strftime("%Y-%m"))["contacts"].sum()
    assert monthly.between(250_000, 380_000).all()


PII_PATTERNS = {
    "mobile": r"\b06[- ]?\d{4} ?\d{4}\b",
    "international": r"(?:\+31|0031) 6 \d{8}",
    "email": r"[\w.]+@[\w.]+\.(?:nl|com)",
    "iban": r"\bNL\d{2}[A-Z]{4}\d{10}\b",
    "customer_no": r"\bKL-\d{7}\b",
    "postcode": r"\b\d{4} [A-Z]{2}\b",
    "birth_date": r"geb\. \d{2}-\d{2}-\d{4}",
    "lower_case_name": r"klant [a-z]+ (?:de |van )?[a-z]+",
    "hard_surname": r"\b(?:Groen|Bakker|Visser|de Boer)\b",
}


@pytest.mark.parametrize(("kind", "pattern"), PII_PATTERNS.items())
def test_free_texts_carry_realistic_pii(samples, kind: str, pattern: str) -> None:
    texts = pd.concat([samples.tables["incidents"]["description"].dropna(),
                       samples.tables["incidents"]["close_notes"].dropna(),
                       samples.tables["surveys"]["comment"].dropna()])
    assert texts.str.contains(pattern).sum() >= 3, kind


def test_exactly_two_planted_injections(samples) -> None:
    marker = "Negeer alle eerdere instructies"
    comments = samples.tables["surveys"]["comment"].dropna()
    notes = samples.tables["incidents"]["close_notes"].dropna()
    assert comments.str.contains(marker).sum() == 1
    assert notes.str.contains(marker).sum() == 1


EXPECTED_NOVEMBER = {
    "beschikbaarheid": "rood", "storingsimpact": "rood", "contacten": "rood",
    "wachttijd": "rood", "churn": "rood", "nps": "oranje",
    "fcr": "groen", "sla_techniek": "groen", "hersteltijd": "groen",
}


@pytest.mark.parametrize(("kpi", "expected"), EXPECTED_NOVEMBER.items())
def test_planted_anomalies_give_expected_status(samples, kpi: str, expected: str) -> None:
    now, before = kpis(samples, "2026-11"), kpis(samples, "2026-10")
    assert status(deviation(kpi, now[kpi], before[kpi])) == expected


@pytest.mark.parametrize(("kpi", "where"), [
    ("contacten", {"region": "Oost"}), ("beschikbaarheid", {"region": "Oost"}),
    ("nps", {"region": "Oost"}), ("churn", {"region": "West", "product": "Mobiel"}),
    ("wachttijd", {"channel": "telefoon"}),
])
def test_anomaly_is_concentrated_in_its_segment(samples, kpi: str, where: dict) -> None:
    now, before = kpis(samples, "2026-11", where), kpis(samples, "2026-10", where)
    assert deviation(kpi, now[kpi], before[kpi]) > 15


def test_fibre_cut_incident_is_the_top_incident(samples) -> None:
    inc = samples.tables["incidents"]
    nov = inc[inc["opened_at"].dt.strftime("%Y-%m") == "2026-11"].copy()
    hours = (nov["resolved_at"] - nov["opened_at"]).dt.total_seconds() / 3600
    nov["impact"] = nov["customers_affected"].astype(float) * hours
    top = nov.sort_values("impact").iloc[-1]
    assert top["priority"] == "1 - Critical" and top["region"] == "Oost"
    assert 45_000 <= top["customers_affected"] <= 50_000
    assert "Glasvezelbreuk door graafwerkzaamheden" in top["description"]
