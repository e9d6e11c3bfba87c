"""Sentence spans for the attribution engine: a stop followed by space and a capital or quote,
outside quotations, and not after an abbreviation or an initial ("Mr.", "U.S.", "J."); a
blank line always ends a sentence."""

from __future__ import annotations

from . import lexicon
from .spans import CLOSE_QUOTES, OPEN_QUOTES, Span, strip_span


def sentences(text: str) -> list[Span]:
    """Sentence spans: a stop followed by space and a capital or quote, outside quotations, or
    the end of a line.

    A quotation running over several sentences stays in one sentence, so its content is one
    fragment (the convention marks a continuing quotation as one attribution).
    """
    spans: list[Span] = []
    start = 0
    inside = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "“":
            inside = True
        elif ch in '”"' and (ch == "”" or inside):
            inside = False
            # '… before winter." She said …': a stop inside the marks ends the sentence too
            if i > start and text[i - 1] in ".!?" and _capital_follows(text, i + 1):
                spans.append((start, i + 1))
                start = i + 1
        elif ch == '"':
            inside = True
        elif ch == "\n":  # a line (a headline, a paragraph) always ends a sentence
            inside = False
            spans.append((start, i))
            start = i + 1
        elif ch in ".!?" and not inside:
            j = i + 1
            while j < n and text[j] in CLOSE_QUOTES and text[j] != '"':
                j += 1
            if j < n and text[j].isspace() and not _abbreviation(text, start, i):
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k >= n or text[k].isupper() or text[k] in OPEN_QUOTES:
                    spans.append((start, j))
                    start = k
                    i = k
                    continue
        i += 1
    if start < n:
        spans.append((start, n))
    return [(s, e) for s, e in (strip_span(text, s, e) for s, e in spans) if s < e]


def _capital_follows(text: str, j: int) -> bool:
    """Whether white space then a capital letter or an opening quotation mark come at `j`."""
    if j >= len(text) or not text[j].isspace():
        return False
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    return k < len(text) and (text[k].isupper() or text[k] in OPEN_QUOTES)


def _abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the stop at `stop` ends an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    k = stop
    while k > start and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:stop].lower()
    if not word:
        return False
    if word in lexicon.ABBREVIATIONS:
        return True
    return len(word) == 1 and text[k].isupper()
