"""Lining up the text a tool read with the text we store, to move its offsets onto ours.

A tool may have read an article's text with a byte-order mark, CRLF line ends, trailing spaces,
extra blank lines or decomposed accents: what `articles.content.canonical_text` (or
`canonical_line` for titles and captions) takes away when we store a text. When the tool's
text canonicalises to ours, `align` walks both once and notes which of the tool's characters
have no counterpart in ours (a dropped BOM, the CR of a CRLF, a trailing space, a combining
accent folded into its letter by NFC); every other character corresponds one to one, in order.
An offset o into the tool's text is then o minus the dropped characters before it, for a start
as for an end (so a span never begins or ends on a dropped character, and a span made only of
dropped characters maps to nothing and is refused).

When the texts differ in any other way, `TextMismatch` says where. Pure Python.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

# Characters canonical_text turns into LF (a lone CR; the CR of a CRLF is dropped instead).
_TO_LF = frozenset("\r\u2028\u2029\x85\x0b\x0c")
_BOM = "\ufeff"
_BLOCK = 256  # equal stretches are compared a block at a time, not a character at a time


class TextMismatch(ValueError):
    """The tool's text is not ours up to canonicalisation; positions of the first difference."""

    def __init__(self, theirs: int, ours: int) -> None:
        super().__init__(f"the texts differ at character {theirs} (ours: {ours})")
        self.theirs = theirs
        self.ours = ours


@dataclass(frozen=True, slots=True)
class Alignment:
    """Offsets of the tool's text moved onto ours."""

    length: int  # of the tool's text
    dropped: tuple[int, ...]  # positions in the tool's text with no counterpart, ascending

    def offset(self, position: int) -> int:
        """A start or an (exclusive) end in the tool's text, as an offset into ours."""
        return position - bisect_left(self.dropped, position)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span in our text, or None when nothing of it is left (only dropped characters)."""
        mapped = self.offset(start), self.offset(end)
        return mapped if mapped[0] < mapped[1] else None


def align(theirs: str, ours: str) -> Alignment:
    """Line `theirs` up with `ours`, which must be `theirs` canonicalised (see the module doc);
    raises TextMismatch otherwise. One pass; identical texts cost one comparison."""
    if theirs == ours:
        return Alignment(len(theirs), ())
    dropped: list[int] = []
    i = j = 0
    n, m = len(theirs), len(ours)
    while i < n:
        if theirs[i : i + _BLOCK] == ours[j : j + _BLOCK]:
            step = min(_BLOCK, n - i)
            i, j = i + step, j + step
            continue
        t = theirs[i]
        if t == "\r" and theirs.startswith("\n", i + 1):
            dropped.append(i)  # the CR of a CRLF: its LF is the line end
            i += 1
            continue
        if j < m:
            o = ours[j]
            if t == o or (o == "\n" and t in _TO_LF):
                i, j = i + 1, j + 1
                continue
            cluster = _composed(theirs, i, ours, j)
            if cluster is not None:
                k, length = cluster  # theirs[i:k] composes to `length` characters of ours
                dropped.extend(range(i + length, k))
                i, j = k, j + length
                continue
        if t == _BOM or t.isspace():
            dropped.append(i)
            i += 1
            continue
        raise TextMismatch(i, j)
    if j < m:
        raise TextMismatch(n, j)
    return Alignment(n, tuple(dropped))


def _composed(theirs: str, i: int, ours: str, j: int) -> tuple[int, int] | None:
    """A letter with combining marks at theirs[i] that NFC makes into ours[j:j + length]
    (length no more than the tool's characters): (end in theirs, length), else None."""
    k = i + 1
    while k < len(theirs) and unicodedata.combining(theirs[k]):
        k += 1
    length = 1
    while j + length < len(ours) and unicodedata.combining(ours[j + length]):
        length += 1
    if k - i < length or unicodedata.normalize("NFC", theirs[i:k]) != ours[j : j + length]:
        return None
    return k, length


def first_difference(a: str, b: str) -> int:
    """Where two texts first differ (the shorter one's length when one begins the other)."""
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))
