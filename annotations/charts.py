"""Horizontal bar charts as inline SVG, built on the server.

No chart library and no script: the dashboard's figures are a few dozen bars, which a small
function draws exactly. The markup obeys the strict CSP: no style attributes and no event
handlers, only presentation attributes (a fill taken from a validated #rrggbb colour) and CSS
classes that static/css/app.css colours. Every text goes through `escape`; each chart is an
`role="img"` with a <title> and a <desc>, each bar carries a <title> tooltip, and the page shows
the same numbers in a table for screen readers and for copying.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


def clip(text: str, n: int = LABEL_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def count(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _fill(colour: str) -> str:
    return f' fill="{colour}"' if _COLOUR.fullmatch(colour) else ""


def _css(name: str) -> str:
    if not _CLASS.fullmatch(name):
        raise ValueError(f"not a CSS class suffix: {name!r}")
    return name


def _frame(
    chart_id: str, title: str, desc: str, height: int, body: list[str], width: int = WIDTH
) -> SafeString:
    ident = escape(chart_id)
    head = (
        f'<svg class="chart" id="{ident}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
    )
    # Safe: every text above and in `body` went through escape(); the rest is fixed markup.
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308


def _row_label(y: int, label: str) -> str:
    return (
        f'<text class="label" x="{LABEL_WIDTH - PAD}" y="{y + BAR / 2:.1f}" text-anchor="end" '
        f'dominant-baseline="central">{escape(clip(label))}</text>'
    )


def _empty(chart_id: str, title: str, message: str, width: int = WIDTH) -> SafeString:
    height = ROW + PAD
    body = [
        f'<text class="label muted" x="{width / 2:.0f}" y="{height / 2:.0f}" '
        f'text-anchor="middle" dominant-baseline="central">{escape(message)}</text>'
    ]
    return _frame(chart_id, title, message, height, body, width)


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    *,
    series: Series,
    fmt: Callable[[float | None], str] = count,
    empty: str = "Nothing to show yet.",
    width: int = WIDTH,
) -> SafeString:
    """One bar per row, its length the row's first value over the largest."""
    if not rows:
        return _empty(chart_id, title, empty, width)
    top = max((r.values[0] or 0) for r in rows) or 1
    span = width - LABEL_WIDTH - VALUE_WIDTH
    body = []
    for i, row in enumerate(rows):
        y = PAD + i * ROW
        value = row.values[0]
        length = max(0.0, (value or 0) / top * span)
        text = f"{row.label}: {fmt(value)}"
        body.append(f"<g><title>{escape(text)}</title>{_row_label(y, row.label)}")
        if length:
            body.append(
                f'<rect class="bar bar-{_css(row.css or series.css)}"{_fill(row.fill)} x="{LABEL_WIDTH}" '
                f'y="{y}" width="{length:.1f}" height="{BAR}" rx="2"/>'
            )
        body.append(
            f'<text class="value" x="{LABEL_WIDTH + length + 6:.1f}" y="{y + BAR / 2:.1f}" '
            f'dominant-baseline="central">{escape(fmt(value))}</text></g>'
        )
    body.append(_baseline(len(rows)))
    desc = f"Horizontal bar chart of {series.label.lower()}, one bar per row; {len(rows)} rows."
    return _frame(chart_id, title, desc, PAD * 2 + len(rows) * ROW, body, width)


def stacked_bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    *,
    series: Sequence[Series],
    empty: str = "Nothing to show yet.",
    width: int = WIDTH,
) -> SafeString:
    """One bar per row made of one segment per series; bars share one scale (the largest total),
    so their lengths compare, and the total is written after each."""
    if not rows:
        return _empty(chart_id, title, empty, width)
    totals = [sum(v or 0 for v in r.values) for r in rows]
    top = max(totals) or 1
    span = width - LABEL_WIDTH - VALUE_WIDTH
    body = []
    for i, (row, total) in enumerate(zip(rows, totals, strict=True)):
        y = PAD + i * ROW
        parts = ", ".join(
            f"{s.label} {count(v)}" for s, v in zip(series, row.values, strict=True) if v
        )
        body.append(
            f"<g><title>{escape(f'{row.label}: {count(total)} ({parts or "none"})')}</title>"
            f"{_row_label(y, row.label)}"
        )
        x = float(LABEL_WIDTH)
        for s, value in zip(series, row.values, strict=True):
            if not value:
                continue
            length = value / top * span
            body.append(
                f'<rect class="bar bar-{_css(s.css)}" x="{x:.1f}" y="{y}" '
                f'width="{length:.1f}" height="{BAR}"><title>{escape(f"{s.label}: {count(value)}")}'
                f"</title></rect>"
            )
            x += length
        body.append(
            f'<text class="value" x="{x + 6:.1f}" y="{y + BAR / 2:.1f}" '
            f'dominant-baseline="central">{escape(count(total))}</text></g>'
        )
    body.append(_baseline(len(rows)))
    names = ", ".join(s.label.lower() for s in series)
    desc = f"Stacked horizontal bars, one per row, split into {names}; {len(rows)} rows."
    return _frame(chart_id, title, desc, PAD * 2 + len(rows) * ROW, body, width)


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
) -> SafeString:
    """A group of thin bars per row, one per series, on a fixed scale from 0 to `top` (1 for
    F1 and kappa) with gridlines at quarters. Missing values read "n/a"; a negative value (kappa
    below chance) draws no bar and is written out."""
    if not rows:
        return _empty(chart_id, title, empty, width)
    thin = 12
    group = thin * len(series) + 10
    span = width - LABEL_WIDTH - VALUE_WIDTH
    height = PAD * 2 + len(rows) * group + 16
    body = []
    for q in range(5):
        x = LABEL_WIDTH + span * q / 4
        body.append(
            f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{PAD}" y2="{height - 18}"/>'
            f'<text class="tick" x="{x:.1f}" y="{height - 4}" text-anchor="middle">'
            f"{escape(fmt(top * q / 4))}</text>"
        )
    for i, row in enumerate(rows):
        y0 = PAD + i * group
        body.append(
            f"<g><title>{escape(row.label)}</title>"
            f"{_row_label(y0 + (thin * len(series) - BAR) // 2, row.label)}</g>"
        )
        for k, (s, value) in enumerate(zip(series, row.values, strict=True)):
            y = y0 + k * thin
            length = max(0.0, min(value or 0, top) / top * span)
            body.append(f"<g><title>{escape(f'{row.label}, {s.label}: {fmt(value)}')}</title>")
            if length:
                body.append(
                    f'<rect class="bar bar-{_css(s.css)}" x="{LABEL_WIDTH}" y="{y}" '
                    f'width="{length:.1f}" height="{thin - 2}"/>'
                )
            body.append(
                f'<text class="value small" x="{LABEL_WIDTH + length + 4:.1f}" '
                f'y="{y + (thin - 2) / 2:.1f}" dominant-baseline="central">'
                f"{escape(fmt(value))}</text></g>"
            )
    names = ", ".join(s.label for s in series)
    desc = f"Grouped horizontal bars from 0 to {fmt(top)}: {names} for each of {len(rows)} rows."
    return _frame(chart_id, title, desc, height, body, width)


def _baseline(rows: int) -> str:
    return (
        f'<line class="axis" x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH}" y1="{PAD / 2:.0f}" '
        f'y2="{PAD + rows * ROW - (ROW - BAR) / 2:.0f}"/>'
    )
