"""Text as the attribution engine reads it, and offsets back into the text as stored.

`suggest_attributions` answers in code points of each file exactly as stored: a byte-order mark
is character 0 and each CR is a character. The engine works on *working text*: the stored text
without a leading BOM and with every CRLF or lone CR read as one LF. So a file and its copy with
other line ends get the same suggestions, and only the offsets differ.

Mapping back: every character dropped from the stored text (the BOM, the CR of each CRLF) is
remembered by its working position. A span's start skips the dropped characters at or before it
(a span never starts on a dropped CR or BOM); its end (exclusive) counts only those strictly
before it (a span ending at a line end never swallows the CR). Pure Python, no Django.

`suggest_stored` is the engine on a stored text with every span mapped back: what the file form
of `suggest_attributions` writes and what `suggestions.runs` stores for articles, so the two can
never disagree.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from .engine import Suggestion, suggest

BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class WorkingText:
    """The working text of one stored text, and where the stored text had characters dropped."""

    text: str
    stored_length: int
    # Working position of each dropped stored character, ascending (equal for a BOM and a CR
    # that both sit at working position 0).
    dropped: tuple[int, ...]

    @classmethod
    def from_stored(cls, stored: str) -> WorkingText:
        dropped: list[int] = []
        pieces: list[str] = []
        start = 0
        if stored.startswith(BOM):
            dropped.append(0)
            start = 1
        working_length = 0
        i = start
        while True:
            cr = stored.find("\r", i)
            if cr < 0:
                pieces.append(stored[i:])
                break
            pieces.append(stored[i:cr])
            working_length += cr - i
            if stored.startswith("\n", cr + 1):
                dropped.append(working_length)  # the CR of CRLF: its LF stays
            else:
                pieces.append("\n")  # a lone CR is a line end of its own
                working_length += 1
            i = cr + 1
        return cls("".join(pieces), len(stored), tuple(dropped))

    def start_to_stored(self, offset: int) -> int:
        """A span's start in the working text, as an offset into the stored text."""
        return offset + bisect_right(self.dropped, offset)

    def end_to_stored(self, offset: int) -> int:
        """A span's end (exclusive) in the working text, as an offset into the stored text."""
        return offset + bisect_left(self.dropped, offset)

    def span_to_stored(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {span} is not inside a text of {len(self.text)} characters")
        return self.start_to_stored(start), self.end_to_stored(end)


def suggest_stored(stored: str, min_confidence: float = 0.0) -> list[Suggestion]:
    """The engine's suggestions for a text as stored, offsets into that text, those below
    `min_confidence` left out."""
    working = WorkingText.from_stored(stored)
    return [
        replace(
            found,
            source=tuple(working.span_to_stored(span) for span in found.source),
            cue=working.span_to_stored(found.cue),
            content=tuple(working.span_to_stored(span) for span in found.content),
        )
        for found in suggest(working.text)
        if found.confidence >= min_confidence
    ]
