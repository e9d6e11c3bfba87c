"""What the parsers of other tools' files produce, and how they report what is wrong.

A parser turns one top-level JSON object (a Citron document, a Label Studio task) into an
`ExternalDoc`: which article it names (`ArticleRef`), the text the tool's offsets point into
(when the file carries it), and one `Run` per model version, each holding `Candidate`s —
complete attributions (sources, one cue, contents) still in the tool's own offsets, every span
with the text the tool says it cuts. `placing` checks them against the article later.

Everything wrong is a `Problem` naming the file, the item (record, quote, prediction, region)
and the field; one bad item never stops the others. Pure Python.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing refused, with where it is: file, item ("record 2, quote 3"), field."""

    file: str
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.file, self.item, self.field) if part)
        return f"{where}: {self.message}"


class ItemError(ValueError):
    """Raised by the readers below; the parser turns it into a Problem for the current item."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class SpanClaim:
    """A span as the tool gave it: offsets into the tool's text and the text it says they cut
    (None when the tool did not say)."""

    start: int
    end: int
    text: str | None
    field: str  # where it was in the file, for messages: "cue", "contents[1]", "region 'x7'"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One complete attribution in the tool's offsets."""

    item: str
    source: tuple[SpanClaim, ...]
    cue: SpanClaim
    content: tuple[SpanClaim, ...]
    confidence: float
    source_name: str = ""
    rule: str = ""


@dataclass(slots=True)
class Run:
    """What one model (version) proposed for one document."""

    origin: str  # the model's name as the file gives it (the parser's default when it does not)
    version: str
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """How a document names its article: our id, its external id, or a name (the file's stem:
    an external id, else our id). With none, the article is found by its text."""

    article_id: int | None = None
    external_id: str | None = None
    name: str | None = None

    def __str__(self) -> str:
        if self.article_id is not None:
            return f"article {self.article_id}"
        if self.external_id is not None:
            return f"external id {self.external_id!r}"
        return f"name {self.name!r}" if self.name else "its text"


@dataclass(frozen=True, slots=True)
class Part:
    """Where one of the article's texts lies in a flat text (our Label Studio export's
    `data.parts`): title, caption (index in reading order) or body."""

    target: str
    caption: int | None
    start: int
    end: int


@dataclass(slots=True)
class ExternalDoc:
    """One parsed document: its article, the tool's text (None: the offsets point into our
    body as stored), where each of our texts lies in it (`parts`, or None: it is the body),
    the runs, and what was refused or ignored while reading it."""

    file: str
    label: str
    ref: ArticleRef
    text: str | None = None
    parts: tuple[Part, ...] | None = None
    runs: list[Run] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Things left out on purpose and only counted ("label 'Person'", "result type 'choices'").
    ignored: Counter[str] = field(default_factory=Counter)

    def problem(self, item: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, item, field, message))


# --- readers that raise ItemError ----------------------------------------------------------


def kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return "a string" if isinstance(value, str) else "a number"


def read_object(value: object, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ItemError(field, f"expected an object, not {kind(value)}")
    return value


def read_list(value: object, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise ItemError(field, f"expected an array, not {kind(value)}")
    return value


def read_offset(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ItemError(field, f"expected a whole number of characters, not {kind(value)}")
    if value < 0:
        raise ItemError(field, f"{value} is negative")
    return value


def read_span(value: object, field: str) -> SpanClaim:
    """{"start": s, "end": e, "text": t}: code points, end exclusive; "text" optional."""
    data = read_object(value, field)
    start = read_offset(data.get("start"), f"{field}.start")
    end = read_offset(data.get("end"), f"{field}.end")
    if end <= start:
        raise ItemError(field, f"end {end} is not after start {start}")
    text = data.get("text")
    if text is not None and not isinstance(text, str):
        raise ItemError(f"{field}.text", f"expected a string, not {kind(text)}")
    return SpanClaim(start, end, text, field)


def read_score(value: object, field: str) -> float | None:
    """A score or confidence in [0, 1]: a number, or a number written as a string (Citron
    writes "0.8712"); None when absent. Anything else, or a value outside [0, 1], is refused:
    a percentage or a logit silently clamped would rank the suggestion wrongly."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise ItemError(field, f"{value!r} is not a number") from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        raise ItemError(field, f"expected a number, not {kind(value)}")
    if not math.isfinite(number) or not 0 <= number <= 1:
        raise ItemError(field, f"{value} is not in [0, 1]")
    return number


def read_name(value: object, field: str) -> str:
    """A model name or version: a string, or a number written as one; at most 100 characters
    (what Suggestion.origin and origin_version hold)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ItemError(field, f"expected a string, not {kind(value)}")
    value = value.strip()
    if len(value) > 100:
        raise ItemError(field, f"longer than 100 characters ({len(value)})")
    return value
