"""Candidates in a tool's offsets, checked against an article and moved onto its texts.

Each span must cut, from the text the tool read, the text the tool says it cuts (when it says);
then it is moved onto our text: through `textmatch.align` when the tool's text differs from ours
only by canonicalisation, and into the title, a caption or the body when the tool's text is our
flat text with `parts`. All spans of one attribution must land in the same text of ours.
Whatever does not fit is a Problem for that candidate (or for the whole document when its text
is not the article's); the other candidates go on. Pure Python: the article comes in as
`ArticleTexts`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from articles.content import canonical_line, canonical_text

from .records import Candidate, ExternalDoc, Run, SpanClaim
from .textmatch import Alignment, TextMismatch, align, first_difference

Span = tuple[int, int]

OFFSETS_HINT = (
    "no span cuts the text the file says it does: if the file comes from Citron's extractor, "
    "its offsets may be spaCy token positions rather than characters (the 2021 citron-extract "
    "writes Span.start and Span.end); give each document its text, or fix the offsets"
)


@dataclass(frozen=True, slots=True)
class ArticleTexts:
    """An article's texts as stored: what suggestion offsets point into."""

    title: str
    body: str
    captions: tuple[str, ...]  # in reading order (position, id)

    def text(self, target: str, caption: int | None) -> str:
        if target == "caption":
            return self.captions[caption or 0]
        return self.title if target == "title" else self.body


@dataclass(frozen=True, slots=True)
class Placed:
    """A candidate on one of our texts: offsets into it, ready for a Proposal."""

    item: str
    target: str
    caption: int | None  # index in reading order, for a caption
    source: tuple[Span, ...]
    cue: Span
    content: tuple[Span, ...]
    confidence: float
    rule: str
    source_name: str


@dataclass(frozen=True, slots=True)
class _Frame:
    """One of our texts inside the tool's text: [start, end) there, lined up by `alignment`."""

    target: str
    caption: int | None
    start: int
    end: int
    alignment: Alignment


def place(
    doc: ExternalDoc, texts: ArticleTexts, article: str
) -> Iterator[tuple[Run, list[Placed]]]:
    """Each run of `doc` with its candidates placed on `texts`; problems go to doc.problems.
    `article` names the article in messages ("article 12")."""
    tool_text = texts.body if doc.text is None else doc.text
    frames = _frames(doc, texts, article)
    if not frames:
        return
    checked = failed = 0
    for run in doc.runs:
        placed: list[Placed] = []
        for candidate in run.candidates:
            try:
                placed.append(_place(candidate, tool_text, frames))
            except _Refused as refused:
                doc.problem(candidate.item, refused.field, refused.message)
                failed += refused.text_mismatch
                continue
            checked += 1
        yield run, placed
    if doc.text is None and failed and not checked:
        doc.problem(doc.label, "", OFFSETS_HINT)


class _Refused(ValueError):
    def __init__(self, field: str, message: str, *, text_mismatch: bool = False) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.text_mismatch = text_mismatch


def _frames(doc: ExternalDoc, texts: ArticleTexts, article: str) -> list[_Frame]:
    if doc.text is None:
        return [_Frame("body", None, 0, len(texts.body), Alignment(len(texts.body), ()))]
    if doc.parts is None:
        try:
            alignment = _align(doc.text, texts.body, canonical_text)
        except TextMismatch as mismatch:
            doc.problem(
                doc.label, "text", _differ(f"the body of {article}", mismatch, doc.text, texts.body)
            )
            return []
        return [_Frame("body", None, 0, len(doc.text), alignment)]
    frames = []
    for index, part in enumerate(doc.parts):
        field = f"data.parts[{index}]"
        if part.target == "caption" and not (part.caption or 0) < len(texts.captions):
            doc.problem(doc.label, field, f"{article} has no caption {part.caption}")
            continue
        ours = texts.text(part.target, part.caption)
        theirs = doc.text[part.start : part.end]
        canonical = canonical_text if part.target == "body" else canonical_line
        what = (
            f"caption {part.caption} of {article}"
            if part.caption is not None
            else f"the {part.target} of {article}"
        )
        try:
            alignment = _align(theirs, ours, canonical)
        except TextMismatch as mismatch:
            doc.problem(doc.label, field, _differ(what, mismatch, theirs, ours))
            continue
        frames.append(_Frame(part.target, part.caption, part.start, part.end, alignment))
    return frames


def _align(theirs: str, ours: str, canonical: Callable[[str], str]) -> Alignment:
    if theirs != ours and canonical(theirs) != ours:
        at = first_difference(canonical(theirs), ours)
        raise TextMismatch(at, at)
    return align(theirs, ours)


def _differ(what: str, mismatch: TextMismatch, theirs: str, ours: str) -> str:
    return (
        f"the text is not {what}: it differs at character {mismatch.ours} of ours "
        f"(here {_excerpt(theirs, mismatch.theirs)}, ours {_excerpt(ours, mismatch.ours)})"
    )


def _excerpt(text: str, at: int) -> str:
    return repr(text[max(0, at - 10) : at + 20]) if text else "''"


def _place(candidate: Candidate, tool_text: str, frames: list[_Frame]) -> Placed:
    roles = [
        *(("source", claim) for claim in candidate.source),
        ("cue", candidate.cue),
        *(("content", claim) for claim in candidate.content),
    ]
    frame: _Frame | None = None
    mapped: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
    for role, claim in roles:
        _check_text(claim, tool_text)
        here = next((f for f in frames if f.start <= claim.start and claim.end <= f.end), None)
        if here is None:
            raise _Refused(
                claim.field, f"[{claim.start}, {claim.end}] lies in none of the article's texts"
            )
        if frame is not None and here is not frame:
            raise _Refused(
                claim.field, f"lies in the {here.target}, the rest in the {frame.target}"
            )
        frame = here
        span = here.alignment.span(claim.start - here.start, claim.end - here.start)
        if span is None:
            raise _Refused(
                claim.field, "only characters our text does not keep (line ends, spaces)"
            )
        mapped[role].append(span)
    assert frame is not None  # a candidate always has its cue
    return Placed(
        item=candidate.item,
        target=frame.target,
        caption=frame.caption,
        source=tuple(mapped["source"]),
        cue=mapped["cue"][0],
        content=tuple(mapped["content"]),
        confidence=candidate.confidence,
        rule=candidate.rule,
        source_name=candidate.source_name,
    )


def _check_text(claim: SpanClaim, tool_text: str) -> None:
    if claim.end > len(tool_text):
        raise _Refused(claim.field, f"end {claim.end} is past the text's end ({len(tool_text)})")
    if claim.text is not None and tool_text[claim.start : claim.end] != claim.text:
        raise _Refused(
            f"{claim.field}.text",
            f"[{claim.start}, {claim.end}] cuts {tool_text[claim.start : claim.end]!r}, "
            f"not {claim.text!r}",
            text_mismatch=True,
        )
