"""Scraped plain text: several articles per file, as a news-site scraper writes them.

The format (see /work/shared/seeds/ for a real file)::

    Headline                                   <- one line
                                               <- blank
    Caption one. (AP)                          <- each caption line twice in a row, ending in
    Caption one. (AP)                             its credit in parentheses (a trailing NBSP
    Caption two (Archive – Government Media)      and space are common)
    Caption two (Archive – Government Media)
    TT                                         <- scraper debris: short all-caps tokens and
    20                                            bare numbers on their own lines
                                               <- blank
    Headline                                   <- the headline again
                                               <- blank
    Caption one. (AP)                          <- the caption block again (debris optional)
    Caption one. (AP)
    ...
                                               <- blank
    First body paragraph.                      <- paragraphs separated by blank lines
                                               <- blank
    Second body paragraph.
                                               <- one or more blank lines
    Next headline                              <- the next article
    ...

Reading rules, all deliberate:

* Text is cut into blocks at blank lines (a line of only whitespace, NBSP or BOM is blank).
* An article starts at a block whose first line (the headline) comes back as the first line of
  a later block, with only caption-like blocks in between. A caption-like line is debris, ends
  in a parenthesised credit, or is doubled. A block may also carry caption lines after its
  headline when the scraper left out the blank line. The search looks at most a few blocks
  ahead, so memory is bounded by one article.
* Captions come from the first caption block: debris dropped, doubled lines collapsed, the final
  "(credit)" split off. A caption without a credit keeps an empty credit. Captions found only in
  the repeated block are added. After the repeated headline, blocks made only of known
  captions, doubled lines and debris are skipped; the first other block starts the body.
* The body is every block up to the next article, each block one paragraph, in order.
* Errors are yielded, never dropped: text before the first headline, an article with a headline
  but no body, an empty file. Each names the line where the problem starts.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from articles import content

from .records import ArticleRecord, CaptionRecord, RecordError

# Short all-caps tokens and bare numbers: page furniture the scraper caught ("TT", "20").
_DEBRIS = re.compile(r"[A-Z]{1,4}|\d{1,4}")
# A credit is the last parenthesised group on the line, with nothing after it.
_CREDIT = re.compile(r"^(?P<text>.*\S)\s*\((?P<credit>[^()]+)\)$")
# How many caption-like blocks may separate a headline from its repetition.
_MAX_CAPTION_BLOCKS = 4


@dataclass(slots=True, frozen=True)
class _Line:
    number: int
    raw: str  # as read, line ending removed
    text: str  # canonical_line(raw)


type _Block = list[_Line]


@dataclass(slots=True)
class _Header:
    title: _Line
    blocks_used: int  # blocks from the headline to its repetition, inclusive
    first_section: list[_Line]  # caption lines between the headline and its repetition
    repeat_tail: list[_Line]  # caption lines in the repetition block after the headline


def parse(lines: Iterable[str], filename: str) -> Iterator[ArticleRecord | RecordError]:
    """Yield an ArticleRecord per article and a RecordError per unreadable stretch, in order."""
    blocks = _Lookahead(_blocks(lines))
    if blocks.peek() is None:
        yield RecordError(filename, 1, "no articles found: the file is empty")
        return
    stray_start: int | None = None
    stray_lines = 0
    while blocks.peek() is not None:
        header = _match_header(blocks)
        if header is None:
            block = blocks.pop()
            stray_start = stray_start or block[0].number
            stray_lines += len(block)
            continue
        if stray_start is not None:
            yield _stray_error(filename, stray_start, stray_lines)
            stray_start, stray_lines = None, 0
        yield _read_article(blocks, header, filename)
    if stray_start is not None:
        yield _stray_error(filename, stray_start, stray_lines)


def split_credit(line: str) -> CaptionRecord:
    """'Smoke over Idlib. (AP)' -> CaptionRecord('Smoke over Idlib.', 'AP')."""
    line = content.canonical_line(line)
    match = _CREDIT.match(line)
    if match is None:
        return CaptionRecord(text=line, credit="")
    return CaptionRecord(
        text=content.canonical_line(match["text"]),
        credit=content.canonical_line(match["credit"]),
    )


def _read_article(
    blocks: _Lookahead, header: _Header, filename: str
) -> ArticleRecord | RecordError:
    for _ in range(header.blocks_used):
        blocks.pop()
    captions = _captions(header.first_section)
    known = {line.text for line in header.first_section}
    second_section = list(header.repeat_tail)
    while (block := blocks.peek()) is not None and _all_caption_lines(block, known):
        second_section.extend(blocks.pop())
    seen = {(c.text, c.credit) for c in captions}
    for caption in _captions(second_section):
        if (caption.text, caption.credit) not in seen:
            seen.add((caption.text, caption.credit))
            captions.append(caption)

    paragraphs: list[str] = []
    while blocks.peek() is not None and _match_header(blocks) is None:
        paragraphs.append("\n".join(line.raw for line in blocks.pop()))
    title = header.title.text
    if not paragraphs:
        return RecordError(
            filename, header.title.number, f"article {title!r} has a headline but no body"
        )
    return ArticleRecord(
        title=title,
        body=content.canonical_paragraphs(paragraphs),
        captions=captions,
        origin=f"{filename}:{header.title.number}",
    )


def _match_header(blocks: _Lookahead) -> _Header | None:
    """Does an article start at the next block? Looks ahead without consuming."""
    first = blocks.peek()
    if first is None or not _loosely_caption_like(first[1:]):
        return None
    title = first[0]
    between: list[_Line] = list(first[1:])
    for index in range(1, _MAX_CAPTION_BLOCKS + 2):
        block = blocks.peek(index)
        if block is None:
            return None
        if block[0].text == title.text and _loosely_caption_like(block[1:]):
            return _Header(title, index + 1, between, list(block[1:]))
        if index > _MAX_CAPTION_BLOCKS or not _loosely_caption_like(block):
            return None
        between.extend(block)
    return None


def _is_debris(text: str) -> bool:
    return len(text) <= 4 and _DEBRIS.fullmatch(text) is not None  # length first: it is cheap


def _has_credit(text: str) -> bool:
    return text.endswith(")") and _CREDIT.match(text) is not None


def _loosely_caption_like(lines: list[_Line]) -> bool:
    """Could these lines sit between a headline and its repetition?"""
    for i, line in enumerate(lines):
        if _is_debris(line.text) or _has_credit(line.text) or _doubled(lines, i):
            continue
        return False
    return True


def _all_caption_lines(block: _Block, known: set[str]) -> bool:
    """Strict test for the repeated caption block: a body paragraph that merely ends in a
    parenthesis must not be mistaken for a caption."""
    return all(
        _is_debris(line.text) or line.text in known or _doubled(block, i)
        for i, line in enumerate(block)
    )


def _doubled(lines: list[_Line], i: int) -> bool:
    text = lines[i].text
    return (i > 0 and lines[i - 1].text == text) or (
        i + 1 < len(lines) and lines[i + 1].text == text
    )


def _captions(lines: list[_Line]) -> list[CaptionRecord]:
    captions: list[CaptionRecord] = []
    previous = None
    for line in lines:
        if _is_debris(line.text):
            continue
        if line.text != previous:
            captions.append(split_credit(line.text))
        previous = line.text
    return captions


def _stray_error(filename: str, line: int, count: int) -> RecordError:
    return RecordError(
        filename,
        line,
        f"{count} line(s) not part of any article: expected a headline, its captions and the "
        "headline repeated",
    )


def _blocks(lines: Iterable[str]) -> Iterator[_Block]:
    block: _Block = []
    for number, raw in enumerate(lines, start=1):
        raw = raw.rstrip("\r\n")
        text = content.canonical_line(raw)
        if text:
            block.append(_Line(number, raw, text))
        elif block:
            yield block
            block = []
    if block:
        yield block


class _Lookahead:
    """A block stream that can be peeked a bounded distance ahead."""

    def __init__(self, blocks: Iterator[_Block]) -> None:
        self._blocks = blocks
        self._buffer: deque[_Block] = deque()

    def peek(self, index: int = 0) -> _Block | None:
        while len(self._buffer) <= index:
            block = next(self._blocks, None)
            if block is None:
                return None
            self._buffer.append(block)
        return self._buffer[index]

    def pop(self) -> _Block:
        if not self._buffer and self.peek() is None:
            raise IndexError("no more blocks")
        return self._buffer.popleft()
