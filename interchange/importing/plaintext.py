"""Scraped plain text: several articles per file, as a news-site scraper writes them.

The format (see ../shared/seeds/ beside the checkout for a real file)::

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

Lines are compared as `content.canonical_line` gives them. Speed (docs/import.md): the text is
cut into blocks by one regular expression over large chunks (no Python step per line), and most
blocks are body paragraphs that are never canonicalised: the tests that tell a paragraph from a
headline (is the next block debris, does it end in a credit, does it start with the same line)
are made on the raw text wherever that gives the same answer as on the canonical text, as the
comments below argue. tests/interchange/importing/test_plaintext.py holds the parser to the
plain line-by-line reading in tests/interchange/importing/plaintext_reference.py on generated
files. It is one reading of one format, kept in one module (a little over 400 lines) because its
shortcuts are argued against each other in the comments.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, repeat

from articles import content

from .records import ArticleRecord, CaptionRecord, RecordError

# Short all-caps tokens and bare numbers: page furniture the scraper caught ("TT", "20").
_DEBRIS = re.compile(r"[A-Z]{1,4}|\d{1,4}")
# A credit is the last parenthesised group on the line, with nothing after it.
_CREDIT = re.compile(r"^(?P<text>.*\S)\s*\((?P<credit>[^()]+)\)$")
# How many caption-like blocks may separate a headline from its repetition.
_MAX_CAPTION_BLOCKS = 4
_LOOKAHEAD = _MAX_CAPTION_BLOCKS + 2  # the headline's block, the caption blocks, the repetition
# The end of a block: the LF ending its last line and the blank lines after it. A blank line
# holds only whitespace (str.isspace, which is what \s matches), BOMs being removed first.
# Greedy \s* backtracks to the run's last LF: indentation of the next line stays with it.
_SEPARATOR = re.compile(r"(\n\s*\n)")
# A blank line that ends inside a chunk: only then can a chunk end a block.
_BLANK_LINE = re.compile(r"^[^\S\n]*\n", re.MULTILINE)
_LEADING_BLANK = re.compile(r"(?:[^\S\n]*\n)*")
_BOM = "\ufeff"
_LINES_PER_CHUNK = 4096


@dataclass(slots=True)
class _Header:
    title: str
    number: int
    blocks_used: int  # blocks from the headline to its repetition, inclusive
    first_section: list[str]  # caption lines between the headline and its repetition
    repeat_tail: list[str]  # caption lines in the repetition block after the headline


def parse(lines: Iterable[str], filename: str) -> Iterator[ArticleRecord | RecordError]:
    """Yield an ArticleRecord per article and a RecordError per unreadable stretch, in order.
    `lines` come without their line endings (as decoding.decode_lines gives them)."""
    return parse_text(_joined(lines), filename)


def parse_text(chunks: Iterable[str], filename: str) -> Iterator[ArticleRecord | RecordError]:
    """`parse` for text in chunks (as decoding.decode_text gives them): the fast way in."""
    blocks = _Blocks(chunks)
    if not blocks.fill(1):
        yield RecordError(filename, 1, "no articles found: the file is empty")
        return
    stray_start: int | None = None
    stray_lines = 0
    header = _match_header(blocks)
    while blocks.fill(1):
        if header is None:
            stray_start = stray_start or blocks.number[blocks.pos]
            stray_lines += blocks.raw[blocks.pos].count("\n") + 1
            blocks.pos += 1
            header = _match_header(blocks)
            continue
        if stray_start is not None:
            yield _stray_error(filename, stray_start, stray_lines)
            stray_start, stray_lines = None, 0
        article, header = _read_article(blocks, header, filename)
        yield article
    if stray_start is not None:
        yield _stray_error(filename, stray_start, stray_lines)


def split_credit(line: str) -> CaptionRecord:
    """'Smoke over Idlib. (AP)' -> CaptionRecord('Smoke over Idlib.', 'AP')."""
    return _split_canonical(content.canonical_line(line))


def _split_canonical(line: str) -> CaptionRecord:
    match = _CREDIT.match(line)
    if match is None:
        return CaptionRecord(text=line, credit="")
    return CaptionRecord(
        text=_canonical_line(match["text"]),
        credit=_canonical_line(match["credit"]),
    )


def _read_article(
    blocks: _Blocks, header: _Header, filename: str
) -> tuple[ArticleRecord | RecordError, _Header | None]:
    """The article that `header` starts, and the header of the next one (None at the end of
    the text, or where stray text follows)."""
    blocks.pos += header.blocks_used
    captions = _captions(header.first_section)
    known = set(header.first_section)
    known_keys = {_words(line) for line in known}
    second_section = list(header.repeat_tail)
    while blocks.fill(1) and _all_caption_lines(blocks, known, known_keys):
        second_section.extend(blocks.lines(blocks.pos))
        blocks.pos += 1
    # A line of the first section made its caption already (or repeated one that did).
    seen = {(c.text, c.credit) for c in captions}
    for caption in _captions([line for line in second_section if line not in known]):
        if (caption.text, caption.credit) not in seen:
            seen.add((caption.text, caption.credit))
            captions.append(caption)

    paragraphs: list[str] = []
    next_header = None
    raw, keys = blocks.raw, blocks.keys  # the same lists as blocks refill
    while True:
        if blocks.pos + 2 > len(raw):
            blocks.fill(_LOOKAHEAD)
        i = blocks.pos
        if i >= len(raw):
            break
        # The common case, without _match_header: a plain paragraph followed by a plain
        # block that is not the same line cannot start an article (_match_header would stop
        # at that second block: not caption-like, not the repetition).
        if i + 1 < len(raw):
            mine, theirs = keys[i], keys[i + 1]
            if mine is not None and theirs is not None and mine != theirs:
                paragraphs.append(raw[i])
                blocks.pos = i + 1
                continue
        if (next_header := _match_header(blocks)) is not None:
            break
        paragraphs.append(raw[blocks.pos])
        blocks.pos += 1
    if not paragraphs:
        error = RecordError(
            filename, header.number, f"article {header.title!r} has a headline but no body"
        )
        return error, next_header
    record = ArticleRecord(
        title=header.title,
        body=content.canonical_paragraphs(paragraphs),
        captions=captions,
        origin=f"{filename}:{header.number}",
    )
    return record, next_header


def _match_header(blocks: _Blocks) -> _Header | None:
    """Does an article start at the next block? Looks ahead without consuming."""
    blocks.fill(_LOOKAHEAD)
    first, end = blocks.pos, len(blocks.raw)
    if first >= end:
        return None
    multiline = "\n" in blocks.raw[first]
    if multiline and not _loosely_caption_like(blocks.lines(first)[1:]):
        return None
    for index in range(1, _MAX_CAPTION_BLOCKS + 2):
        at = first + index
        if at >= end:
            return None
        if blocks.same_start(at, first) and _loosely_caption_like(blocks.lines(at)[1:]):
            between = blocks.lines(first)[1:]
            for middle in range(first + 1, at):
                between.extend(blocks.lines(middle))
            return _Header(
                title=blocks.lines(first)[0],
                number=blocks.number[first],
                blocks_used=index + 1,
                first_section=between,
                repeat_tail=blocks.lines(at)[1:],
            )
        if index > _MAX_CAPTION_BLOCKS or not blocks.caption_like(at):
            return None
    return None


def _is_debris(text: str) -> bool:
    return len(text) <= 4 and _DEBRIS.fullmatch(text) is not None  # length first: it is cheap


def _has_credit(text: str) -> bool:
    return text.endswith(")") and _CREDIT.match(text) is not None


def _loosely_caption_like(lines: list[str]) -> bool:
    """Could these (canonical) lines sit between a headline and its repetition?"""
    for i, text in enumerate(lines):
        if _is_debris(text) or _doubled(lines, i) or _has_credit(text):  # the regex last
            continue
        return False
    return True


def _all_caption_lines(blocks: _Blocks, known: set[str], known_keys: set[tuple[str, str]]) -> bool:
    """Strict test for the next block, after the repeated headline: is it a caption block
    again? A body paragraph that merely ends in a parenthesis must not be mistaken for one.
    A plain block (see _keys) is debris-free and cannot be doubled, so it is a
    caption line only when known; its first and last words tell most paragraphs apart from
    the known lines without canonicalising them."""
    plain = blocks.keys[blocks.pos]
    if plain is not None and plain not in known_keys:
        return False
    lines = blocks.lines(blocks.pos)
    return all(
        _is_debris(text) or text in known or _doubled(lines, i) for i, text in enumerate(lines)
    )


def _doubled(lines: list[str], i: int) -> bool:
    text = lines[i]
    return (i > 0 and lines[i - 1] == text) or (i + 1 < len(lines) and lines[i + 1] == text)


def _captions(lines: list[str]) -> list[CaptionRecord]:
    captions: list[CaptionRecord] = []
    previous = None
    for text in lines:
        if _is_debris(text):
            continue
        if text != previous:
            captions.append(_split_canonical(text))
        previous = text
    return captions


def _stray_error(filename: str, line: int, count: int) -> RecordError:
    return RecordError(
        filename,
        line,
        f"{count} line(s) not part of any article: expected a headline, its captions and the "
        "headline repeated",
    )


class _Blocks:
    """The text's blocks (runs of non-blank lines), read a chunk at a time, as parallel lists:
    `raw` (lines joined by LF, as read) and `number` (line number of the first line), with
    what the parser asks of a block (its canonical lines, its key, whether it is caption-like)
    made once, when first asked. `pos` is the next block not yet consumed; consumed blocks are
    dropped when more are read, so memory holds about a chunk."""

    def __init__(self, chunks: Iterable[str]) -> None:
        self._batches = _batches(chunks)
        self.raw: list[str] = []
        self.number: list[int] = []
        self.keys: list[tuple[str, str] | None] = []
        self._lines: list[list[str] | None] = []
        self._caption: list[bool | None] = []
        self.pos = 0

    def fill(self, count: int) -> bool:
        """Read on until `count` blocks from `pos` are here; False if the text ends first."""
        while self.pos + count > len(self.raw):
            batch = next(self._batches, None)
            if batch is None:
                return False
            if self.pos:
                for column in (self.raw, self.number, self.keys, self._lines, self._caption):
                    del column[: self.pos]
                self.pos = 0
            raw, numbers = batch
            self.raw.extend(raw)
            self.number.extend(numbers)
            self.keys.extend(_keys(raw))
            self._lines.extend([None] * len(raw))
            self._caption.extend([None] * len(raw))
        return True

    def lines(self, index: int) -> list[str]:
        """The block's lines as canonical_line gives them (shared: do not change the list)."""
        lines = self._lines[index]
        if lines is None:
            lines = self._lines[index] = [
                _canonical_line(line) for line in self.raw[index].split("\n")
            ]
        return lines

    def same_start(self, a: int, b: int) -> bool:
        """Do blocks a and b start with the same canonical line?"""
        key_a, key_b = self.keys[a], self.keys[b]
        if key_a is not None and key_b is not None and key_a != key_b:
            return False
        return self.lines(a)[0] == self.lines(b)[0]

    def caption_like(self, index: int) -> bool:
        """_loosely_caption_like(lines(index)), remembered."""
        caption = self._caption[index]
        if caption is None:
            # A plain block (see _keys) is not caption-like, and its lines are never made.
            plain = self.keys[index] is not None
            caption = self._caption[index] = not plain and _loosely_caption_like(self.lines(index))
        return caption


def _keys(raw: list[str]) -> list[tuple[str, str] | None]:
    """For each plain block, the first and last word of its canonical line; None for others.

    Plain: one line, NFC, more than four characters once stripped, not ending in ")". Such a
    block is not caption-like, and the raw text tells: debris is at most four ASCII capitals
    or digits and NFC never composes into those, so canonical debris is raw.strip(); a
    canonical line ends in ")" exactly when the raw one does, trailing space aside, since no
    character composes with or normalises to ")"; and one line cannot be doubled.
    canonical_line only joins the words of str.split() with single spaces when the line is
    NFC (BOMs are gone), so two plain blocks whose keys differ are different lines, told apart
    without canonicalising either. One comprehension for a whole batch: no Python call per
    block."""
    is_nfc = unicodedata.is_normalized
    return [
        (block.split(None, 1)[0], block.rsplit(None, 1)[-1])
        if "\n" not in block
        and len(block.strip()) > 4
        and not block.rstrip().endswith(")")
        and is_nfc("NFC", block)
        else None
        for block in raw
    ]


# Caption lines come doubled and again in the repeated block, headlines twice: a small cache
# canonicalises each once. Lines of header and caption blocks get here, seldom a paragraph.
_canonical_line = functools.lru_cache(maxsize=256)(content.canonical_line)


def _words(line: str) -> tuple[str, str]:
    """The first and last word of a canonical line: its key, as _keys makes it."""
    return (line.split(" ", 1)[0], line.rsplit(" ", 1)[-1])


def _batches(chunks: Iterable[str]) -> Iterator[tuple[list[str], list[int]]]:
    """The blocks of the text and their first lines' numbers, a batch per chunk that ends any.

    The cutting and the line counting are C loops (re.split, str.count, accumulate). Text
    that holds no block end yet waits in `pending` and is joined once, when one comes, so a
    long block costs no repeated copying. What is left after the last separator starts at a
    line start; blank lines there (the file's first lines) are skipped. `line` is the number
    of the first line of the text being cut. The sentinel at the end ends the last block."""
    pending: list[str] = []
    line = 1
    for chunk in _with_sentinel(chunks):
        if _BOM in chunk:
            chunk = chunk.replace(_BOM, "")  # canonical text and lines drop BOMs anyway
        pending.append(chunk)
        if _BLANK_LINE.search(chunk) is None:
            continue
        text = "".join(pending)
        # The pattern matches the empty string: match() is never None.
        leading = _LEADING_BLANK.match(text).end()  # type: ignore[union-attr]
        if leading:
            line += text.count("\n", 0, leading)
            text = text[leading:]
        parts = _SEPARATOR.split(text)  # block, separator, block, ..., the unfinished rest
        starts = list(accumulate(map(str.count, parts, repeat("\n")), initial=line))
        pending = [parts[-1]]
        line = starts[len(parts) - 1]
        if len(parts) > 1:
            yield parts[0 : len(parts) - 1 : 2], starts[0 : len(parts) - 1 : 2]


def _with_sentinel(chunks: Iterable[str]) -> Iterator[str]:
    yield from chunks
    yield "\n\n"


def _joined(lines: Iterable[str]) -> Iterator[str]:
    """Lines (endings removed) back into chunks of text for parse_text."""
    batch: list[str] = []
    for line in lines:
        batch.append(line.rstrip("\r\n"))
        if len(batch) == _LINES_PER_CHUNK:
            yield "\n".join(batch) + "\n"
            batch = []
    if batch:
        yield "\n".join(batch) + "\n"
