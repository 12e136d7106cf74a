"""Small hand-made SVG charts: status icons, sparklines, driver bars, trend with norm.

Hand-made SVG keeps rendering fast (no matplotlib import) and the output deterministic, so
golden files stay stable. Every label is written in Dutch notation via ``narrator.numbers``.
"""

from __future__ import annotations

from html import escape

from narrator.facts import Contribution, KPIFact
from narrator.numbers import format_number
from narrator.render.settings import RenderSettings, StatusStyle

FONT = "DejaVu Sans"
Point = tuple[float, float]


def _fmt(value: float) -> str:
    """Compact coordinate for SVG attributes."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def status_icon(style: StatusStyle, size: int = 11) -> str:
    """A filled shape (circle, triangle, square) in the status colour; reads in grey print."""
    s, c = size, style.colour
    if style.shape == "circle":
        body = f'<circle cx="{s / 2}" cy="{s / 2}" r="{s / 2 - 0.5}" fill="{c}"/>'
    elif style.shape == "triangle":
        body = f'<polygon points="{s / 2},0.5 {s - 0.5},{s - 0.5} 0.5,{s - 0.5}" fill="{c}"/>'
    else:
        body = f'<rect x="0.5" y="0.5" width="{s - 1}" height="{s - 1}" fill="{c}"/>'
    return (f'<svg class="status-icon" width="{s}" height="{s}" viewBox="0 0 {s} {s}" '
            f'xmlns="http://www.w3.org/2000/svg" aria-hidden="true">{body}</svg>')


def _scale(values: list[float], lo_px: float, hi_px: float) -> tuple[float, float, float]:
    """Return (min, max, px-per-unit) so that values map into [lo_px, hi_px] (y grows down)."""
    vmin, vmax = min(values), max(values)
    if vmax - vmin < 1e-12:
        vmin, vmax = vmin - 1, vmax + 1
    return vmin, vmax, (hi_px - lo_px) / (vmax - vmin)


def _segments(points: list[Point | None]) -> list[list[Point]]:
    """Split a series at missing points, so gaps show as gaps."""
    runs: list[list[Point]] = [[]]
    for p in points:
        if p is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(p)
    return [r for r in runs if r]


def _polylines(points: list[Point | None], colour: str, width: float) -> str:
    parts = []
    for run in _segments(points):
        coords = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in run)
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                     f'stroke-width="{width}" stroke-linejoin="round" stroke-linecap="round"/>')
    return "".join(parts)


def sparkline(values: list[float | None], colour: str, width: int = 84, height: int = 26) -> str:
    """A 13-month sparkline; the last point (the report month) is marked with a dot."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    pad = 3.0
    vmin, _, k = _scale(known, pad, height - pad)
    step = (width - 2 * pad) / max(len(values) - 1, 1)
    pts: list[Point | None] = [
        None if v is None else (pad + i * step, height - pad - (v - vmin) * k)
        for i, v in enumerate(values)
    ]
    dot = ""
    if pts[-1] is not None:
        x, y = pts[-1]
        dot = f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="2.2" fill="{colour}"/>'
    return (f'<svg class="sparkline" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
            f'aria-hidden="true">{_polylines(pts, colour, 1.2)}{dot}</svg>')


def _text(x: float, y: float, text: str, *, size: float = 8, anchor: str = "start",
          colour: str = "#1d1d1b", weight: str = "normal") -> str:
    return (f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-family="{FONT}" font-size="{size}" '
            f'text-anchor="{anchor}" fill="{colour}" font-weight="{weight}">{escape(text)}</text>')


def _driver_dimension(kpi: KPIFact, dimension: str | None) -> list[Contribution]:
    """Segments of one dimension, largest contribution first (at most 6).

    Without ``dimension``: the dimension of the KPI stage's top driver (``drivers[0]``), the
    same one the drafting layer names in its caption.
    """
    dim = dimension or kpi.drivers[0].dimension
    same = [c for c in kpi.drivers if c.dimension == dim]
    return sorted(same, key=lambda c: abs(c.contribution), reverse=True)[:6]


def _driver_rows(kpi: KPIFact, settings: RenderSettings,
                 dimension: str | None) -> list[tuple[str, float]]:
    segments = _driver_dimension(kpi, dimension)
    rows = [(c.segment, c.contribution) for c in segments]
    if kpi.change_abs is not None:
        rest = kpi.change_abs - sum(c.contribution for c in segments)
        if abs(rest) >= 0.5 * 10 ** (-kpi.decimals):
            rows.append((settings.remainder_label, rest))
    return rows


def label_decimals(values: list[float], decimals: int, extra: int = 2) -> int:
    """Decimals for contribution labels: the KPI's, plus up to ``extra`` more until the largest
    value shows at least two significant digits (0,0123 -> '0,012', not '0,01')."""
    largest = max((abs(v) for v in values), default=0.0)
    d = decimals
    while d < decimals + extra and 0 < largest * 10**d < 10:
        d += 1
    return d


def _fit_label(label: str, max_chars: int = 24) -> str:
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


def driver_bars(kpi: KPIFact, settings: RenderSettings, dimension: str | None = None,
                width: int = 300) -> str:
    """Diverging horizontal bars: each segment's contribution to the month-over-month change.

    ``dimension`` picks the breakdown (region, channel, ...); segments beyond the largest six
    and whatever the dimension leaves unexplained are shown as one 'overig' bar.
    """
    if not kpi.drivers or (dimension and all(c.dimension != dimension for c in kpi.drivers)):
        return ""
    rows = [(_fit_label(label), value)
            for label, value in _driver_rows(kpi, settings, dimension)]
    decimals = label_decimals([v for _, v in rows], kpi.decimals)
    longest = max(len(label) for label, _ in rows)
    bar_h, gap, top, value_w = 13, 5, 16, 52
    label_w = min(max(48, round(4.6 * longest) + 10), 122)
    height = top + len(rows) * (bar_h + gap) + 4
    plot_l, plot_r = label_w, width - value_w
    lo = min(0.0, *(v for _, v in rows))
    hi = max(0.0, *(v for _, v in rows))
    k = (plot_r - plot_l) / ((hi - lo) or 1.0)
    zero = plot_l + (0 - lo) * k
    c = settings.colours
    dim = settings.dimension_label(dimension or kpi.drivers[0].dimension)
    out = [_text(label_w - 6, 9, dim, size=7, anchor="end", colour=c.muted),
           _text(width - 2, 9, "bijdrage", size=7, anchor="end", colour=c.muted)]
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        x0, x1 = sorted((zero, zero + value * k))
        fill = c.chart_bar if label != settings.remainder_label else c.chart_bar_negative
        out.append(f'<rect x="{_fmt(x0)}" y="{y}" width="{_fmt(max(x1 - x0, 0.8))}" '
                   f'height="{bar_h}" fill="{fill}"/>')
        out.append(_text(label_w - 6, y + bar_h - 3, label, anchor="end"))
        out.append(_text(width - 2, y + bar_h - 3,
                         format_number(value, decimals, signed=True), anchor="end"))
    out.append(f'<line x1="{_fmt(zero)}" y1="{top - 3}" x2="{_fmt(zero)}" y2="{height - 2}" '
               f'stroke="{c.muted}" stroke-width="0.8"/>')
    return (f'<svg class="chart chart-drivers" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
            f'{"".join(out)}</svg>')


def trend_chart(kpi: KPIFact, settings: RenderSettings, width: int = 300,
                height: int = 130) -> str:
    """13-month trend line with the norm as a dashed line and the report month labelled."""
    values = [p.value for p in kpi.trend]
    known = [v for v in values if v is not None]
    if not known:
        return ""
    c = settings.colours
    last = next((v for v in reversed(values) if v is not None), known[-1])
    label_w = 5.2 * len(format_number(last, kpi.decimals))  # 7,5 pt bold digits
    left, right, top, bottom = 44, max(34, round(label_w) + 8), 14, 18
    scale_vals = known + ([kpi.norm] if kpi.norm is not None else [])
    vmin, vmax, k = _scale(scale_vals, top, height - bottom)
    step = (width - left - right) / max(len(values) - 1, 1)

    def y_of(v: float) -> float:
        return height - bottom - (v - vmin) * k

    pts: list[Point | None] = [
        None if v is None else (left + i * step, y_of(v)) for i, v in enumerate(values)
    ]
    out = [_axis(kpi, vmin, vmax, y_of, left, width - right, settings)]
    out += _month_labels(kpi, left, step, height, settings)
    if kpi.norm is not None:
        out.append(_norm_line(y_of(kpi.norm), pts, left, width - right, settings))
    out.append(_polylines(pts, c.chart_line, 1.6))
    out.append(_last_point(kpi, pts, c.chart_line))
    return (f'<svg class="chart chart-trend" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
            f'{"".join(out)}</svg>')


def _axis(kpi: KPIFact, vmin: float, vmax: float, y_of: object, x0: float, x1: float,
          settings: RenderSettings) -> str:
    """Min and max gridlines with their values on the left."""
    c = settings.colours
    out = []
    for v in (vmin, vmax):
        y = y_of(v)  # type: ignore[operator]
        out.append(f'<line x1="{x0}" y1="{_fmt(y)}" x2="{x1}" y2="{_fmt(y)}" '
                   f'stroke="{c.rule}" stroke-width="0.6"/>')
        out.append(_text(x0 - 4, y + 3, format_number(v, kpi.decimals), size=7,
                         anchor="end", colour=c.muted))
    return "".join(out)


def _norm_line(yn: float, pts: list[Point | None], x0: float, x1: float,
               settings: RenderSettings) -> str:
    """Dashed norm line; its label moves away from the report month's value label."""
    colour = settings.colours.chart_norm
    label_y = yn + 3
    if pts and pts[-1] is not None and abs(pts[-1][1] - 4 - label_y) < 9:
        label_y = yn + 11 if pts[-1][1] <= yn else yn - 4
    return (f'<line x1="{x0}" y1="{_fmt(yn)}" x2="{x1}" y2="{_fmt(yn)}" stroke="{colour}" '
            f'stroke-width="1" stroke-dasharray="4 3"/>'
            + _text(x1 + 3, label_y, "norm", size=7, colour=colour))


def _month_label(month: str, settings: RenderSettings, with_year: bool) -> str:
    label = settings.month_abbreviation(month)
    return f"{label} '{month[2:4]}" if with_year else label


def _month_labels(kpi: KPIFact, left: float, step: float, height: float,
                  settings: RenderSettings) -> list[str]:
    """Every third month, counted back from the report month; first and last with the year."""
    out = []
    last = len(kpi.trend) - 1
    for i, point in enumerate(kpi.trend):
        if (last - i) % 3 == 0:
            label = _month_label(point.month, settings, with_year=i in (0, last))
            out.append(_text(left + i * step, height - 5, label, size=7, anchor="middle",
                             colour=settings.colours.muted))
    return out


def _last_point(kpi: KPIFact, pts: list[Point | None], colour: str) -> str:
    if not pts or pts[-1] is None or kpi.trend[-1].value is None:
        return ""
    x, y = pts[-1]
    label = format_number(kpi.trend[-1].value, kpi.decimals)
    return (f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="2.8" fill="{colour}"/>'
            + _text(x + 5, y - 4, label, size=7.5, colour=colour, weight="bold"))
