"""End-to-end rendering: page budgets, text layers, concept mark, golden dashboard HTML."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest

from narrator.errors import NarratorError
from narrator.facts import Facts, load_facts
from narrator.render import RenderResult, render_report
from narrator.render.pdf import count_pages, page_texts

ROOT = Path(__file__).parent
FACTS = ROOT / "fixtures" / "facts_example.json"
DRAFTS = ROOT / "fixtures" / "drafts"
GOLDEN = ROOT / "golden" / "render"
PARTS = ("dashboard", "analyse", "samenvatting")


def flat(text: str) -> str:
    """Collapse all whitespace, so words wrapped over lines compare as one phrase."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def facts() -> Facts:
    return load_facts(FACTS)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p: (DRAFTS / f"{p}.md").read_text(encoding="utf-8") for p in PARTS}


@pytest.fixture(scope="module")
def concept_run(facts: Facts, texts: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                ) -> tuple[RenderResult, Path, list[logging.LogRecord]]:
    out = tmp_path_factory.mktemp("concept")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        result = render_report(facts, texts, out, concept=True)
    finally:
        logger.removeHandler(handler)
    return result, out, records


@pytest.fixture(scope="module")
def final_run(facts: Facts, texts: dict[str, str],
              tmp_path_factory: pytest.TempPathFactory) -> tuple[RenderResult, Path]:
    out = tmp_path_factory.mktemp("final")
    return render_report(facts, texts, out, concept=False), out


def test_writes_every_file(concept_run: tuple[RenderResult, Path, list]) -> None:
    result, out, _ = concept_run
    expected = {f"{p}.{ext}" for p in PARTS for ext in ("pdf", "html", "md")} | {"rapport.pdf"}
    assert {p.name for p in out.iterdir()} == expected
    assert set(result.paths) == expected
    assert all(path.stat().st_size > 0 for path in result.paths.values())


def test_page_counts_read_from_the_pdfs(concept_run: tuple[RenderResult, Path, list]) -> None:
    result, out, _ = concept_run
    pages = {p: count_pages((out / f"{p}.pdf").read_bytes()) for p in PARTS}
    assert pages["dashboard"] == 1
    assert 2 <= pages["analyse"] <= 4
    assert pages["samenvatting"] == 1
    assert count_pages((out / "rapport.pdf").read_bytes()) == sum(pages.values())
    assert result.pages == {**pages, "rapport": sum(pages.values())}
    assert result.overflows == {}


def test_dashboard_text_layer_has_every_kpi_with_status(
        facts: Facts, concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    [page] = page_texts((out / "dashboard.pdf").read_bytes())
    text = flat(page)
    assert len(facts.kpis) == 9
    for kpi in facts.kpis:
        assert f"{kpi.status} {kpi.name}" in text, kpi.id


@pytest.mark.parametrize("figure", ["99,87%", "99,95%", "612.400", "198.300", "+414.100",
                                    "+208,8%", "131,2", "1,31%", "≥ 99,90%", "≤ 4,0",
                                    "november 2026", "4 rood", "3 oranje", "2 groen"])
def test_dashboard_uses_dutch_notation(figure: str,
                                       concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    assert figure in flat(page_texts((out / "dashboard.pdf").read_bytes())[0])


def test_no_english_decimal_points_on_dashboard(
        concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    text = page_texts((out / "dashboard.pdf").read_bytes())[0]
    assert not re.search(r"\d\.\d{1,2}(?!\d)", text)


def test_rapport_order_is_conclusion_first(concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    pages = page_texts((out / "rapport.pdf").read_bytes())
    assert "Executive summary november 2026" in pages[0]
    assert "Dashboard november 2026" in pages[1]
    assert "Analyse november 2026" in pages[2]


def test_summary_priorities_then_kpi_overview(
        facts: Facts, concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    text = flat(page_texts((out / "samenvatting.pdf").read_bytes())[0])
    assert text.index("Top 3 prioriteiten") < text.index("Stand van de 9 KPI's")
    overview = text[text.index("Stand van de 9 KPI's"):]
    for kpi in facts.kpis:
        assert f"{kpi.status} {kpi.name}" in overview, kpi.id


def test_concept_mark_on_every_page(concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    for name in (*PARTS, "rapport"):
        for i, text in enumerate(page_texts((out / f"{name}.pdf").read_bytes()), 1):
            assert "CONCEPT" in text, f"{name} pagina {i}"
            assert "Concept, nog niet vastgesteld" in text


def test_no_concept_mark_after_accept(final_run: tuple[RenderResult, Path]) -> None:
    result, out = final_run
    for name in (*PARTS, "rapport"):
        for text in page_texts((out / f"{name}.pdf").read_bytes()):
            assert "concept" not in text.lower()
    for part in PARTS:
        html = (out / f"{part}.html").read_text(encoding="utf-8")
        assert 'class="watermark"' not in html
    assert result.pages["dashboard"] == 1


def test_header_and_page_numbers(concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    pages = page_texts((out / "analyse.pdf").read_bytes())
    for i, text in enumerate(pages, 1):
        assert "Operationeel MT · november 2026" in text
        assert f"pagina {i} van {len(pages)}" in text


def test_chart_references_resolved(concept_run: tuple[RenderResult, Path, list]) -> None:
    result, out, _ = concept_run
    html = (out / "analyse.html").read_text(encoding="utf-8")
    assert "chart:" not in html
    assert html.count('class="chart chart-drivers"') == 3
    assert html.count('class="chart chart-trend"') == 3
    assert result.charts["analyse"] == [
        f"chart:{k}:{kind}" for k in ("beschikbaarheid", "contacten", "churn")
        for kind in ("drivers", "trend")
    ]
    # the Markdown version keeps the references, for the reviewer
    assert "](chart:churn:trend)" in (out / "analyse.md").read_text(encoding="utf-8")


def test_actions_rendered_as_table(concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    html = (out / "analyse.html").read_text(encoding="utf-8")
    assert '<table class="actions">' in html
    text = flat(" ".join(page_texts((out / "analyse.pdf").read_bytes())))
    assert "Wat Wie Wanneer Verwacht effect" in text


def test_dashboard_markdown_holds_kpi_table(
        facts: Facts, concept_run: tuple[RenderResult, Path, list]) -> None:
    _, out, _ = concept_run
    md = (out / "dashboard.md").read_text(encoding="utf-8")
    assert md.startswith("# Dashboard november 2026")
    for kpi in facts.kpis:
        assert f"| {kpi.name} | {kpi.status} |" in md


def test_weasyprint_reports_no_css_or_layout_warnings(
        concept_run: tuple[RenderResult, Path, list]) -> None:
    _, _, records = concept_run
    messages = [r.getMessage() for r in records]
    # font subsetting via fontTools instead of HarfBuzz is about the machine, not our CSS
    assert [m for m in messages if not m.startswith("Using fontTools")] == []


def test_golden_dashboard_html(concept_run: tuple[RenderResult, Path, list]) -> None:
    """The dashboard HTML is deterministic; regenerate with NARRATOR_UPDATE_GOLDEN=1.

    The only normalisation: the inlined stylesheet is left out (it is tested via the PDFs).
    """
    _, out, _ = concept_run
    html = (out / "dashboard.html").read_text(encoding="utf-8")
    assert "@page" in html and "size: A4" in html  # the stylesheet is inlined...
    # ...but house-style tweaks should not churn the golden file: compare without it
    html = re.sub(r"(?s)<style>.*?</style>", "<style><!-- house.css --></style>", html)
    golden = GOLDEN / "dashboard.html"
    if os.environ.get("NARRATOR_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_long_seasonal_patterns_stay_on_one_dashboard_page(facts: Facts, texts: dict[str, str],
                                                          tmp_path: Path) -> None:
    """Seasonal patterns become numbered notes; in the narrow column they used to push the
    dashboard of every September onto two pages."""
    pattern = "september: meer technische vragen (thuiswerken na vakantie)"
    seasonal = facts.model_copy(deep=True)
    for kpi in seasonal.kpis:
        kpi.seasonal = kpi.seasonal.model_copy(update={"expected": True, "pattern": pattern})
    result = render_report(seasonal, texts, tmp_path, concept=True)
    assert result.pages["dashboard"] == 1
    dashboard = page_texts((tmp_path / "dashboard.pdf").read_bytes())[0]
    assert dashboard.count("thuiswerken na vakantie") == 1


def test_overflow_and_underflow_are_reported(facts: Facts, texts: dict[str, str],
                                             tmp_path: Path) -> None:
    long_conclusion = " ".join(["De storing in regio Oost raakte 48.200 klanten."] * 60)
    short = {
        "dashboard": f"# Dashboard november 2026\n\n{long_conclusion}\n",
        "samenvatting": texts["samenvatting"] + "\n" + f"\n\n{long_conclusion}\n" * 2,
        "analyse": "# Analyse november 2026\n\n> **Handmatig controleren:** sectie ontbreekt\n\n"
                   "## Conclusie\n\nEén storing bepaalt het beeld.\n",
    }
    result = render_report(facts, short, tmp_path, concept=True)
    assert result.pages["dashboard"] >= 2
    assert result.pages["samenvatting"] >= 2
    assert result.pages["analyse"] == 1
    assert set(result.overflows) == {"dashboard", "samenvatting", "analyse"}
    assert "Dashboard beslaat" in result.overflows["dashboard"]
    assert "maximum is 1" in result.overflows["dashboard"]
    assert "minimum is 2" in result.overflows["analyse"]
    analyse = page_texts((tmp_path / "analyse.pdf").read_bytes())[0]
    assert "Handmatig controleren: sectie ontbreekt" in analyse
    assert 'class="review-warning"' in (tmp_path / "analyse.html").read_text(encoding="utf-8")


def test_long_analysis_overflows(facts: Facts, texts: dict[str, str], tmp_path: Path) -> None:
    body = texts["analyse"].split("## Conclusie", 1)[1]
    long_text = "# Analyse november 2026\n\n## Conclusie" + body * 3
    result = render_report(facts, {**texts, "analyse": long_text}, tmp_path)
    assert result.pages["analyse"] > 4
    assert result.overflows == {"analyse": result.overflows["analyse"]}
    assert f"beslaat {result.pages['analyse']} pagina's" in result.overflows["analyse"]


def test_bad_chart_reference_writes_nothing(facts: Facts, texts: dict[str, str],
                                            tmp_path: Path) -> None:
    bad = texts["analyse"] + "\n![Trend](chart:onbekend:trend)\n"
    out = tmp_path / "out"
    with pytest.raises(NarratorError, match="onbekende KPI 'onbekend'"):
        render_report(facts, {**texts, "analyse": bad}, out)
    assert not out.exists() or not any(out.iterdir())


def test_missing_text_is_refused(facts: Facts, texts: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(NarratorError, match="Tekst ontbreekt voor: samenvatting"):
        render_report(facts, {**texts, "samenvatting": "  "}, tmp_path / "out")
    assert not (tmp_path / "out").exists()
