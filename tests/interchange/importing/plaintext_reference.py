"""A slow, line-by-line reading of the scraped plain-text format: the oracle for the fast parser.

It states the rules of interchange/importing/plaintext.py in the most direct way: every line is
canonicalised, every block is a list of canonical lines, and every test is made on those. The
fast parser must give exactly what this gives (tests/interchange/importing/test_plaintext.py
compares them on generated files); a rule changes in both places or the comparison fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from articles import content
from interchange.importing.plaintext import _stray_error  # the message, not the reading
from interchange.importing.records import ArticleRecord, CaptionRecord, RecordError

_DEBRIS = re.compile(r"[A-Z]{1,4}|\d{1,4}")
_CREDIT = re.compile(r"^(?P<text>.*\S)\s*\((?P<credit>[^()]+)\)$")
_MAX_CAPTION_BLOCKS = 4


@dataclass
class _Line:
    number: int
    raw: str
    text: str


def parse(lines: Iterable[str], filename: str) -> Iterator[ArticleRecord | RecordError]:
    blocks = list(_blocks(lines))
    if not blocks:
        yield RecordError(filename, 1, "no articles found: the file is empty")
        return
    at = 0
    stray: tuple[int, int] | None = None
    while at < len(blocks):
        header = _header(blocks, at)
        if header is None:
            start, count = stray or (blocks[at][0].number, 0)
            stray = (start, count + len(blocks[at]))
            at += 1
            continue
        if stray is not None:
            yield _stray_error(filename, *stray)
            stray = None
        title, used, first_section, repeat_tail = header
        at += used
        captions = _captions(first_section)
        known = {line.text for line in first_section}
        second = list(repeat_tail)
        while at < len(blocks) and all(
            _debris(line.text) or line.text in known or _doubled(blocks[at], i)
            for i, line in enumerate(blocks[at])
        ):
            second.extend(blocks[at])
            at += 1
        for caption in _captions(second):
            if (caption.text, caption.credit) not in {(c.text, c.credit) for c in captions}:
                captions.append(caption)
        paragraphs = []
        while at < len(blocks) and _header(blocks, at) is None:
            paragraphs.append("\n".join(line.raw for line in blocks[at]))
            at += 1
        if not paragraphs:
            yield RecordError(
                filename, title.number, f"article {title.text!r} has a headline but no body"
            )
            continue
        yield ArticleRecord(
            title=title.text,
            body=content.canonical_paragraphs(paragraphs),
            captions=captions,
            origin=f"{filename}:{title.number}",
        )
    if stray is not None:
        yield _stray_error(filename, *stray)


def _header(blocks: list[list[_Line]], at: int):
    first = blocks[at]
    if not _caption_like(first[1:]):
        return None
    between = list(first[1:])
    for index in range(1, _MAX_CAPTION_BLOCKS + 2):
        if at + index >= len(blocks):
            return None
        block = blocks[at + index]
        if block[0].text == first[0].text and _caption_like(block[1:]):
            return first[0], index + 1, between, list(block[1:])
        if index > _MAX_CAPTION_BLOCKS or not _caption_like(block):
            return None
        between.extend(block)
    return None


def _caption_like(lines: list[_Line]) -> bool:
    return all(
        _debris(line.text) or _credit(line.text) or _doubled(lines, i)
        for i, line in enumerate(lines)
    )


def _debris(text: str) -> bool:
    return _DEBRIS.fullmatch(text) is not None


def _credit(text: str) -> bool:
    return _CREDIT.match(text) is not None


def _doubled(lines: list[_Line], i: int) -> bool:
    text = lines[i].text
    return (i > 0 and lines[i - 1].text == text) or (
        i + 1 < len(lines) and lines[i + 1].text == text
    )


def _captions(lines: list[_Line]) -> list[CaptionRecord]:
    captions: list[CaptionRecord] = []
    previous = None
    for line in lines:
        if _debris(line.text):
            continue
        if line.text != previous:
            match = _CREDIT.match(line.text)
            if match is None:
                captions.append(CaptionRecord(line.text, ""))
            else:
                captions.append(
                    CaptionRecord(
                        content.canonical_line(match["text"]),
                        content.canonical_line(match["credit"]),
                    )
                )
        previous = line.text
    return captions


def _blocks(lines: Iterable[str]) -> Iterator[list[_Line]]:
    block: list[_Line] = []
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
