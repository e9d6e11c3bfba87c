"""The geometry of the dashboard's horizontal bar charts: plain numbers and texts, no markup.

The SVG itself is the `chart` partial of templates/annotations/dashboard.html, which draws any
`Chart` made here. Why a template and not a charting library: the charts are a few dozen bars,
and the page runs under a strict CSP (no inline style attributes, no inline scripts, no eval).
The maintained Python libraries that draw SVG (pygal, matplotlib) write style attributes or
embedded <style>/<script> elements into their SVG, and the JavaScript ones (Chart.js, Vega)
draw on the client with injected styles; none fits without loosening the CSP or post-processing
their output. A template keeps the markup where every other fragment is (template partials),
escaped by Django, with CSS classes that static/css/app.css colours and fills taken only from a
validated #rrggbb colour. Each chart is an `role="img"` with a <title> and a <desc>, each bar
carries a <title> tooltip, and the page shows the same numbers in a table.

Not a hot path: the dashboard draws five charts of at most a few dozen rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .anchoring import clip

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CLASS = re.compile(r"[a-z0-9_-]+")

WIDTH = 640  # the natural size: a chart is drawn this wide and only ever shrinks (app.css)
LABEL_WIDTH = 180  # room for row labels on the left
VALUE_WIDTH = 64  # room for the figure after the longest bar
ROW = 30
BAR = 18
PAD = 8
LABEL_CHARS = 26


@dataclass(frozen=True, slots=True)
class Series:
    """One kind of bar: its name (legend, tooltips) and its CSS class suffix (`bar-<css>`)."""

    label: str
    css: str


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    values: Sequence[float | None]
    fill: str = ""  # optional #rrggbb for a one-series bar (tag colours)
    css: str = ""  # optional class suffix for a one-series bar, instead of the series'


@dataclass(frozen=True, slots=True)
class Text:
    x: float
    y: float
    text: str
    css: str = "value"


@dataclass(frozen=True, slots=True)
class Bar:
    css: str  # class suffix, checked against _CLASS
    x: float
    y: float
    width: float
    height: float
    fill: str = ""  # a validated #rrggbb or ""
    title: str = ""  # the bar's own tooltip (stacked segments)
    rounded: bool = False


@dataclass(slots=True)
class Mark:
    """One <g>: a tooltip, and optionally a row label, bars and a figure."""

    title: str
    label: Text | None = None
    bars: list[Bar] = field(default_factory=list)
    value: Text | None = None


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y1: float
    y2: float
    label: Text


@dataclass(slots=True)
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: float
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    axis: tuple[float, float, float] | None = None  # x, y1, y2 of the baseline
    empty: Text | None = None


def count(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _fill(colour: str) -> str:
    return colour if _COLOUR.fullmatch(colour) else ""


def _css(name: str) -> str:
    if not _CLASS.fullmatch(name):
        raise ValueError(f"not a CSS class suffix: {name!r}")
    return name


def _r(value: float) -> float:
    return round(value, 1)


def _row_label(y: float, label: str) -> Text:
    return Text(LABEL_WIDTH - PAD, _r(y + BAR / 2), clip(label, LABEL_CHARS), "label")


def _empty(chart_id: str, title: str, message: str, width: int) -> Chart:
    height = ROW + PAD
    return Chart(
        chart_id,
        title,
        message,
        width,
        height,
        empty=Text(round(width / 2), round(height / 2), message, "label muted"),
    )


def _axis(rows: int) -> tuple[float, float, float]:
    return (LABEL_WIDTH, round(PAD / 2), round(PAD + rows * ROW - (ROW - BAR) / 2))


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    *,
    series: Series,
    fmt: Callable[[float | None], str] = count,
    empty: str = "Nothing to show yet.",
    width: int = WIDTH,
) -> Chart:
    """One bar per row, its length the row's first value over the largest."""
    if not rows:
        return _empty(chart_id, title, empty, width)
    top = max((r.values[0] or 0) for r in rows) or 1
    span = width - LABEL_WIDTH - VALUE_WIDTH
    marks = []
    for i, row in enumerate(rows):
        y = PAD + i * ROW
        value = row.values[0]
        length = _r(max(0.0, (value or 0) / top * span))
        bars = (
            [
                Bar(
                    _css(row.css or series.css),
                    LABEL_WIDTH,
                    y,
                    length,
                    BAR,
                    _fill(row.fill),
                    rounded=True,
                )
            ]
            if length
            else []
        )
        marks.append(
            Mark(
                f"{row.label}: {fmt(value)}",
                _row_label(y, row.label),
                bars,
                Text(_r(LABEL_WIDTH + length + 6), _r(y + BAR / 2), fmt(value)),
            )
        )
    desc = f"Horizontal bar chart of {series.label.lower()}, one bar per row; {len(rows)} rows."
    return Chart(
        chart_id, title, desc, width, PAD * 2 + len(rows) * ROW, marks, axis=_axis(len(rows))
    )


def stacked_bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    *,
    series: Sequence[Series],
    empty: str = "Nothing to show yet.",
    width: int = WIDTH,
) -> Chart:
    """One bar per row made of one segment per series; bars share one scale (the largest total),
    so their lengths compare, and the total is written after each."""
    if not rows:
        return _empty(chart_id, title, empty, width)
    totals = [sum(v or 0 for v in r.values) for r in rows]
    top = max(totals) or 1
    span = width - LABEL_WIDTH - VALUE_WIDTH
    marks = []
    for i, (row, total) in enumerate(zip(rows, totals, strict=True)):
        y = PAD + i * ROW
        parts = ", ".join(
            f"{s.label} {count(v)}" for s, v in zip(series, row.values, strict=True) if v
        )
        bars = []
        x = float(LABEL_WIDTH)
        for s, value in zip(series, row.values, strict=True):
            if not value:
                continue
            length = value / top * span
            bars.append(
                Bar(_css(s.css), _r(x), y, _r(length), BAR, title=f"{s.label}: {count(value)}")
            )
            x += length
        marks.append(
            Mark(
                f"{row.label}: {count(total)} ({parts or 'none'})",
                _row_label(y, row.label),
                bars,
                Text(_r(x + 6), _r(y + BAR / 2), count(total)),
            )
        )
    names = ", ".join(s.label.lower() for s in series)
    desc = f"Stacked horizontal bars, one per row, split into {names}; {len(rows)} rows."
    return Chart(
        chart_id, title, desc, width, PAD * 2 + len(rows) * ROW, marks, axis=_axis(len(rows))
    )


def grouped_bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    *,
    series: Sequence[Series],
    top: float = 1.0,
    fmt: Callable[[float | None], str] = ratio,
    empty: str = "Nothing to show yet.",
    width: int = WIDTH,
) -> Chart:
    """A group of thin bars per row, one per series, on a fixed scale from 0 to `top` (1 for
    F1 and kappa) with gridlines at quarters. Missing values read "n/a"; a negative value (kappa
    below chance) draws no bar and is written out."""
    if not rows:
        return _empty(chart_id, title, empty, width)
    thin = 12
    group = thin * len(series) + 10
    span = width - LABEL_WIDTH - VALUE_WIDTH
    height = PAD * 2 + len(rows) * group + 16
    ticks = []
    for q in range(5):
        x = _r(LABEL_WIDTH + span * q / 4)
        ticks.append(Tick(x, PAD, height - 18, Text(x, height - 4, fmt(top * q / 4), "tick")))
    marks = []
    for i, row in enumerate(rows):
        y0 = PAD + i * group
        marks.append(Mark(row.label, _row_label(y0 + (thin * len(series) - BAR) // 2, row.label)))
        for k, (s, value) in enumerate(zip(series, row.values, strict=True)):
            y = y0 + k * thin
            length = _r(max(0.0, min(value or 0, top) / top * span))
            bars = [Bar(_css(s.css), LABEL_WIDTH, y, length, thin - 2)] if length else []
            marks.append(
                Mark(
                    f"{row.label}, {s.label}: {fmt(value)}",
                    None,
                    bars,
                    Text(
                        _r(LABEL_WIDTH + length + 4),
                        _r(y + (thin - 2) / 2),
                        fmt(value),
                        "value small",
                    ),
                )
            )
    names = ", ".join(s.label for s in series)
    desc = f"Grouped horizontal bars from 0 to {fmt(top)}: {names} for each of {len(rows)} rows."
    return Chart(chart_id, title, desc, width, height, marks, ticks)
