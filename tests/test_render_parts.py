"""Unit tests for the render building blocks: number cells, charts, Markdown, page budgets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.errors import ConfigError, NarratorError
from narrator.facts import Facts, KPIFact, TrendPoint, load_facts
from narrator.numbers import parse_number
from narrator.render.charts import (
    driver_bars,
    label_decimals,
    sparkline,
    status_icon,
    trend_chart,
)
from narrator.render.dashboard import (
    dashboard_table_markdown,
    format_change,
    format_norm,
    format_value,
    kpi_rows,
    seasonal_mark,
    seasonal_notes,
    status_counts,
)
from narrator.render.documents import css_string
from narrator.render.markdown_html import RenderContext, markdown_to_html
from narrator.render.pages import check_budgets
from narrator.render.settings import RenderSettings, load_render_settings, settings_path

FACTS = Path(__file__).parent / "fixtures" / "facts_example.json"


@pytest.fixture(scope="module")
def facts() -> Facts:
    return load_facts(FACTS)


@pytest.fixture(scope="module")
def cfg() -> RenderSettings:
    return load_render_settings()


def ctx(facts: Facts, cfg: RenderSettings, part: str = "analyse") -> RenderContext:
    return RenderContext(facts, cfg, part)


# --- dashboard cells -------------------------------------------------------------------------

@pytest.mark.parametrize(("kpi_id", "value", "previous"), [
    ("beschikbaarheid", "99,87%", "99,95%"),
    ("storingsimpact", "612.400", "198.300"),
    ("hersteltijd", "3,9", "3,8"),
    ("contacten", "131,2", "122,0"),
    ("wachttijd", "104", "101"),
    ("churn", "1,31%", "1,18%"),
    ("nps", "18", "21"),
])
def test_format_value(facts: Facts, kpi_id: str, value: str, previous: str) -> None:
    kpi = facts.kpi(kpi_id)
    assert format_value(kpi.value, kpi) == value
    assert format_value(kpi.previous, kpi) == previous


@settings(max_examples=60, deadline=None)
@given(value=st.floats(-1e9, 1e9), decimals=st.integers(0, 3), unit=st.sampled_from(["%", "uur"]))
def test_format_value_round_trips(facts: Facts, value: float, decimals: int, unit: str) -> None:
    kpi = facts.kpi("hersteltijd").model_copy(update={"decimals": decimals, "unit": unit})
    text = format_value(value, kpi)
    assert text.endswith("%") is (unit == "%")
    parsed, shown = parse_number(text.lstrip("-"))
    assert shown == decimals
    assert abs(parsed - abs(value)) <= 0.5 * 10**-decimals + 1e-9 * abs(value)


def test_missing_value_is_a_dash(facts: Facts) -> None:
    assert format_value(None, facts.kpi("nps")) == "–"


@pytest.mark.parametrize(("kpi_id", "first", "second"), [
    ("beschikbaarheid", "-0,08 %-punt", "onbeschikbaarheid +160%"),
    ("storingsimpact", "+414.100", "+208,8%"),
    ("contacten", "+9,2", "+7,5%"),
    ("churn", "+0,13 %-punt", "+11,0%"),
    ("nps", "-3", ""),
])
def test_format_change(facts: Facts, cfg: RenderSettings, kpi_id: str, first: str,
                       second: str) -> None:
    assert format_change(facts.kpi(kpi_id), cfg) == (first, second)


@pytest.mark.parametrize(("kpi_id", "norm", "state"), [
    ("beschikbaarheid", "≥ 99,90%", "✗ niet gehaald"),
    ("hersteltijd", "≤ 4,0", "✓ gehaald"),
    ("wachttijd", "≤ 120", "✓ gehaald"),
    ("storingsimpact", "geen norm", ""),
    ("nps", "≥ 20", "✗ niet gehaald"),
])
def test_format_norm(facts: Facts, cfg: RenderSettings, kpi_id: str, norm: str,
                     state: str) -> None:
    assert format_norm(facts.kpi(kpi_id), cfg) == (norm, state)


@pytest.mark.parametrize(("status", "expected", "mark"), [
    ("rood", True, "in lijn met seizoen"),
    ("rood", False, "niet verklaard"),
    ("oranje", False, "niet verklaard"),
    ("groen", False, "–"),
    ("groen", True, "in lijn met seizoen"),
])
def test_seasonal_mark(facts: Facts, cfg: RenderSettings, status: str, expected: bool,
                       mark: str) -> None:
    kpi = facts.kpi("contacten")
    seasonal = kpi.seasonal.model_copy(update={"expected": expected})
    kpi = kpi.model_copy(update={"status": status, "seasonal": seasonal})
    assert seasonal_mark(kpi, cfg) == mark


def test_status_counts_worst_first(facts: Facts, cfg: RenderSettings) -> None:
    counts = [(c.status, c.count) for c in status_counts(facts, cfg)]
    assert counts == [("rood", 4), ("oranje", 3), ("groen", 2)]


def test_dashboard_markdown_table(facts: Facts, cfg: RenderSettings) -> None:
    md = dashboard_table_markdown(kpi_rows(facts, cfg))
    lines = md.strip().splitlines()
    assert len(lines) == 2 + 9
    assert "| Netwerkbeschikbaarheid | rood | 99,87% | 99,95% |" in md


# --- charts ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "tag"), [("groen", "<circle"), ("oranje", "<polygon"),
                                             ("rood", "<rect")])
def test_status_icon_has_a_shape_per_status(cfg: RenderSettings, status: str, tag: str) -> None:
    svg = status_icon(cfg.status[status])
    assert tag in svg and cfg.status[status].colour in svg


def test_sparkline_breaks_at_missing_months() -> None:
    svg = sparkline([1.0, 2.0, None, 3.0, 4.0], "#000")
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 1  # the report month


def test_sparkline_of_flat_or_empty_series() -> None:
    assert "<polyline" in sparkline([5.0] * 13, "#000")
    assert sparkline([None] * 13, "#000") == ""


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(-1e7, 1e7)), min_size=1, max_size=13))
def test_sparkline_stays_inside_its_box(values: list[float | None]) -> None:
    svg = sparkline(values, "#000", width=84, height=26)
    for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", svg):
        assert 0 <= float(x) <= 84 and 0 <= float(y) <= 26


def test_driver_bars_show_segment_and_remainder(facts: Facts, cfg: RenderSettings) -> None:
    svg = driver_bars(facts.kpi("contacten"), cfg)
    assert ">Oost<" in svg and ">+8,1<" in svg
    assert ">overig<" in svg and ">+1,1<" in svg  # 9,2 total - 8,1 Oost
    assert ">regio<" in svg


def two_dimensions(kpi: KPIFact) -> KPIFact:
    """The contacten KPI with a second breakdown (channel) after its region driver."""
    first = kpi.drivers[0]
    extra = [first.model_copy(update={"dimension": "channel", "segment": seg,
                                      "contribution": val})
             for seg, val in (("telefoon", 7.0), ("chat", 2.2), ("onderhoud en herstel thuis "
                                                                 "na een grote storing", 0.05))]
    return kpi.model_copy(update={"drivers": [first, *extra]})


@pytest.mark.parametrize(("dimension", "shown", "hidden"), [
    (None, ">Oost<", ">telefoon<"),          # default: the top driver's dimension
    ("channel", ">telefoon<", ">Oost<"),
    ("region", ">Oost<", ">chat<"),
])
def test_driver_bars_dimension(facts: Facts, cfg: RenderSettings, dimension: str | None,
                               shown: str, hidden: str) -> None:
    svg = driver_bars(two_dimensions(facts.kpi("contacten")), cfg, dimension)
    assert shown in svg and hidden not in svg


def test_driver_bars_shorten_long_segment_names(facts: Facts, cfg: RenderSettings) -> None:
    svg = driver_bars(two_dimensions(facts.kpi("contacten")), cfg, "channel")
    assert ">onderhoud en herstel th…<" in svg


@pytest.mark.parametrize(("values", "decimals", "expected"), [
    ([-0.014, 0.003], 2, 3),
    ([-0.0001], 2, 4),
    ([12.9, -1.3], 1, 1),
    ([419999.0], 0, 0),
    ([0.0, 0.0], 1, 1),
])
def test_label_decimals(values: list[float], decimals: int, expected: int) -> None:
    assert label_decimals(values, decimals) == expected


@pytest.mark.parametrize(("markdown", "shown"), [
    ("![Bijdrage per kanaal](chart:contacten:drivers)", ">telefoon<"),
    ("![Bijdrage per regio](chart:contacten:drivers)", ">Oost<"),
    ("![Bijdrage](chart:contacten:drivers:channel)", ">telefoon<"),
    ("![Bijdrage per regio](chart:contacten:drivers:channel)", ">telefoon<"),
])
def test_chart_dimension_from_reference_or_caption(facts: Facts, cfg: RenderSettings,
                                                   markdown: str, shown: str) -> None:
    f = facts.model_copy(update={"kpis": [two_dimensions(k) if k.id == "contacten" else k
                                          for k in facts.kpis]})
    assert shown in markdown_to_html(markdown + "\n", ctx(f, cfg))


def test_chart_with_unknown_dimension_is_an_error(facts: Facts, cfg: RenderSettings) -> None:
    with pytest.raises(NarratorError, match="geen uitsplitsing naar 'kanaal'"):
        markdown_to_html("![x](chart:contacten:drivers:kanaal)\n", ctx(facts, cfg))


def test_driver_bars_empty_without_drivers(facts: Facts, cfg: RenderSettings) -> None:
    assert driver_bars(facts.kpi("storingsimpact"), cfg) == ""


def test_trend_chart_has_norm_line_and_dutch_labels(facts: Facts, cfg: RenderSettings) -> None:
    svg = trend_chart(facts.kpi("churn"), cfg)
    assert 'stroke-dasharray="4 3"' in svg and ">norm<" in svg
    assert ">1,31<" in svg and ">1,45<" in svg
    assert ">nov &#x27;25<" in svg and ">nov &#x27;26<" in svg
    assert not re.search(r">\d+\.\d+<", svg)


def test_trend_chart_without_norm(facts: Facts, cfg: RenderSettings) -> None:
    svg = trend_chart(facts.kpi("storingsimpact"), cfg)
    assert ">norm<" not in svg and ">612.400<" in svg


def test_trend_chart_with_gaps(facts: Facts, cfg: RenderSettings) -> None:
    kpi: KPIFact = facts.kpi("nps")
    trend = [TrendPoint(month=p.month, value=None if i == 5 else p.value)
             for i, p in enumerate(kpi.trend)]
    svg = trend_chart(kpi.model_copy(update={"trend": trend}), cfg)
    assert svg.count("<polyline") == 2


# --- Markdown -> HTML --------------------------------------------------------------------------

@pytest.mark.parametrize(("ref", "message"), [
    ("chart:onbekend:trend", "onbekende KPI 'onbekend'"),
    ("chart:churn:taart", "onbekend soort 'taart'"),
    ("chart:churn", "ongeldige grafiekverwijzing"),
    ("https://example.org/x.png", "niet toegestaan"),
])
def test_bad_image_references_are_errors(facts: Facts, cfg: RenderSettings, ref: str,
                                         message: str) -> None:
    with pytest.raises(NarratorError, match=message):
        markdown_to_html(f"Tekst.\n\n![Grafiek]({ref})\n", ctx(facts, cfg))


def test_chart_reference_becomes_figure(facts: Facts, cfg: RenderSettings) -> None:
    c = ctx(facts, cfg)
    html = markdown_to_html("![Churn en norm](chart:churn:trend)\n", c)
    assert '<figure class="chart">' in html and "<figcaption>Churn en norm</figcaption>" in html
    assert 'class="chart chart-trend"' in html and "chart:" not in html
    assert c.charts == ["chart:churn:trend"]


def test_two_charts_in_one_paragraph_share_a_row(facts: Facts, cfg: RenderSettings) -> None:
    html = markdown_to_html("![a](chart:churn:drivers) ![b](chart:churn:trend)\n",
                            ctx(facts, cfg))
    assert '<div class="figure-row">' in html and html.count("<figure") == 2


def test_chart_without_data_shows_a_note(facts: Facts, cfg: RenderSettings) -> None:
    html = markdown_to_html("![x](chart:storingsimpact:drivers)\n", ctx(facts, cfg))
    assert "Geen gegevens voor deze grafiek (Klant-uren zonder dienst door storingen)." in html


@pytest.mark.parametrize(("quote", "boxed"), [
    ("> **Handmatig controleren:** cijfers nalopen", True),
    ("> **handmatig controleren** cijfers nalopen", True),
    ("> **Let op:** iets anders", False),
    ("> Handmatig controleren: zonder vet", False),
])
def test_review_marker_becomes_warning_box(facts: Facts, cfg: RenderSettings, quote: str,
                                           boxed: bool) -> None:
    html = markdown_to_html(f"## Trends\n\n{quote}\n", ctx(facts, cfg))
    assert ('class="review-warning"' in html) is boxed


def test_raw_html_in_a_draft_is_escaped(facts: Facts, cfg: RenderSettings) -> None:
    html = markdown_to_html('<img src="file:///etc/passwd">\n\nTekst <b>vet</b>\n',
                            ctx(facts, cfg))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html


def test_kpi_heading_gets_status_badge(facts: Facts, cfg: RenderSettings) -> None:
    html = markdown_to_html("### Opzeggingen (churn)\n\n### Iets anders\n", ctx(facts, cfg))
    assert '<h3 data-bookmark="Opzeggingen (churn)">' in html
    assert 'class="badge badge-rood"' in html and "<span>rood</span>" in html
    assert "<h3>Iets anders</h3>" in html


def test_actions_table_is_marked(facts: Facts, cfg: RenderSettings) -> None:
    md = "| Wat | Wie | Wanneer | Verwacht effect |\n|---|---|---|---|\n| a | b | c | d |\n"
    html = markdown_to_html(md, ctx(facts, cfg))
    assert '<table class="actions">' in html and "<td>d</td>" in html


# --- budgets and small helpers -----------------------------------------------------------------

@pytest.mark.parametrize(("pages", "flagged"), [
    ({"dashboard": 1, "analyse": 2, "samenvatting": 1}, set()),
    ({"dashboard": 1, "analyse": 4, "samenvatting": 1}, set()),
    ({"dashboard": 2, "analyse": 3, "samenvatting": 1}, {"dashboard"}),
    ({"dashboard": 1, "analyse": 5, "samenvatting": 1}, {"analyse"}),
    ({"dashboard": 1, "analyse": 1, "samenvatting": 1}, {"analyse"}),
    ({"dashboard": 1, "analyse": 3, "samenvatting": 2}, {"samenvatting"}),
])
def test_page_budgets(cfg: RenderSettings, pages: dict[str, int], flagged: set[str]) -> None:
    assert set(check_budgets(pages, cfg)) == flagged


def test_budget_messages_are_dutch(cfg: RenderSettings) -> None:
    found = check_budgets({"dashboard": 2, "analyse": 1, "samenvatting": 1}, cfg)
    assert found["dashboard"] == (
        "Dashboard beslaat 2 pagina's; het maximum is 1. Kort de tekst in en render opnieuw.")
    assert "het minimum is 2" in found["analyse"]


def test_broken_settings_file_is_a_dutch_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "render.yaml"
    bad.write_text(settings_path().read_text(encoding="utf-8").replace(
        "max_pages: 4", "max_pages: vier"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"render\.yaml.*parts\.analyse\.max_pages"):
        load_render_settings(bad)
    bad.write_text("report_order: [samenvatting\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ongeldige YAML"):
        load_render_settings(bad)


def test_css_string_escapes_quotes_and_tags() -> None:
    assert css_string('a "b" \\ </style>') == 'a \\"b\\" \\\\ \\3c /style>'


def test_seasonal_patterns_are_numbered_notes(facts: Facts) -> None:
    patterns = {"churn": "januari: hogere churn", "contacten": "december: piekbelasting",
                "wachttijd": "december: piekbelasting"}
    data = facts.model_copy(deep=True)
    for kpi in data.kpis:
        if kpi.id in patterns:
            kpi.seasonal = kpi.seasonal.model_copy(update={"pattern": patterns[kpi.id]})
    rows = {r.id: r for r in kpi_rows(data, load_render_settings())}
    assert seasonal_notes(list(rows.values())) == ["december: piekbelasting",
                                                   "januari: hogere churn"]
    assert (rows["contacten"].seasonal_note, rows["wachttijd"].seasonal_note,
            rows["churn"].seasonal_note, rows["nps"].seasonal_note) == (1, 1, 2, None)
