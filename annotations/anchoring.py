"""Offsets, quote selectors and highlight segments. Pure Python: no ORM, no request.

Offsets are Unicode code points into the canonical text (articles.content), `start` inclusive and
`end` exclusive, exactly Python's `text[start:end]`. See docs/offsets.md.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

CONTEXT_CHARS = 32
PARAGRAPH_SEPARATOR = "\n\n"


class AnchorError(ValueError):
    """A span that does not fit its text. `code` names the reason for clients and tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class TextQuote:
    """The W3C TextQuoteSelector of a span: exact text with up to CONTEXT_CHARS either side."""

    exact: str
    prefix: str
    suffix: str


def check_span(text: str, start: int, end: int, quote: str) -> None:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise AnchorError("not_integer", "Start and end must be whole numbers.")
    if start < 0 or end > len(text):
        raise AnchorError(
            "out_of_range",
            f"The span {start}–{end} lies outside the text, which is {len(text)} characters long.",
        )
    if start >= end:
        raise AnchorError("empty", "The span is empty: start must come before end.")
    actual = text[start:end]
    if actual != quote:
        raise AnchorError(
            "quote_mismatch",
            f"The selected text does not match the article at {start}–{end}: "
            f"expected “{clip(actual)}”, got “{clip(quote)}”. Reload the page and select again.",
        )


def clip(text: str, n: int = 60) -> str:
    """`text` cut to at most `n` characters, an ellipsis marking the cut: how quotes are shown
    in messages, panel items and chart labels."""
    return text if len(text) <= n else text[: n - 1] + "…"


def text_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextQuote:
    prefix, suffix = quote_context(text, start, end, context)
    return TextQuote(exact=text[start:end], prefix=prefix, suffix=suffix)


def quote_context(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, str]:
    """A span's prefix and suffix: up to `context` characters either side (text_quote's,
    without building a selector: the importer stores thousands of them)."""
    return text[max(0, start - context) : start], text[end : end + context]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of canonical text, separators excluded. Empty text has one
    empty paragraph so there is always something to render."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    sep = len(PARAGRAPH_SEPARATOR)
    while True:
        nxt = text.find(PARAGRAPH_SEPARATOR, pos)
        if nxt == -1:
            bounds.append((pos, len(text)))
            return bounds
        bounds.append((pos, nxt))
        pos = nxt + sep


def paragraphs_touched(bounds: Sequence[tuple[int, int]], start: int, end: int) -> list[int]:
    """Indexes of the paragraphs a span [start, end) overlaps."""
    return [i for i, (ps, pe) in enumerate(bounds) if ps < end and start < pe]


@dataclass(frozen=True, slots=True)
class Span:
    key: Hashable
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of spans; `keys` innermost (shortest) first."""

    start: int
    end: int
    keys: tuple[Hashable, ...]


def segments(start: int, end: int, spans: Iterable[Span]) -> list[Segment]:
    """Cut [start, end) at every span boundary; each piece lists the spans covering it.

    Overlapping and nested spans are fine. Runs in O((n + b) log b) for n spans and b boundaries
    plus the size of the output."""
    clipped = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    if not clipped:
        return [Segment(start, end, ())] if start < end else []
    cuts = {start, end}
    for s in clipped:
        cuts.add(max(s.start, start))
        cuts.add(min(s.end, end))
    points = sorted(cuts)
    index = {p: i for i, p in enumerate(points)}
    opens: list[list[Span]] = [[] for _ in points]
    closes: list[list[Span]] = [[] for _ in points]
    for s in clipped:
        opens[index[max(s.start, start)]].append(s)
        closes[index[min(s.end, end)]].append(s)
    active: dict[Hashable, Span] = {}
    out: list[Segment] = []
    for i in range(len(points) - 1):
        for s in closes[i]:
            active.pop(s.key, None)
        for s in opens[i]:
            active[s.key] = s
        keys = tuple(
            s.key for s in sorted(active.values(), key=lambda s: (s.end - s.start, s.start))
        )
        out.append(Segment(points[i], points[i + 1], keys))
    return out
