"""What the attribution engine hands out (`Suggestion`: spans as code points, end exclusive)
and the small span helpers every rule shares: quotation marks, trimming, the sentence-final stop
that content leaves out."""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]


OPEN_QUOTES = '"“'
CLOSE_QUOTES = '"”'
QUOTE_RE = re.compile(r"[\"“][^\"“”]+[\"”]")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed attribution; spans are (start, end) code points, end exclusive."""

    source: tuple[Span, ...]
    cue: Span
    content: tuple[Span, ...]
    confidence: float
    rule: str
    source_entity: str | None


def strip_span(text: str, start: int, end: int) -> Span:
    """The span without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def end_before_stop(text: str, start: int, end: int) -> int:
    """Sentence end minus a final stop outside quotation marks."""
    s, e = strip_span(text, start, end)
    if e > s and text[e - 1] in ".!?":
        e -= 1
    return e


def open_quotation(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in text[start:end] is still open at its end."""
    part = text[start:end]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")
