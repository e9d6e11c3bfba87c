"""CSV articles: a header row, then one article per record.

Columns, matched without regard to case, surrounding spaces, or " " and "-" for "_":

=============================== ================================================================
title, body                     required columns; each row needs both filled. Paragraphs of the
                                body are separated by blank lines inside the (quoted) cell; a
                                cell with no line break but a literal ``\\n\\n`` has its literal
                                ``\\n`` turned into line breaks
captions                        a JSON array, as in the JSON format: ``[{"text", "credit"}]`` or
                                strings
caption_1, caption_1_credit,    or one caption per number instead (``caption_N_text`` is the
caption_2, ...                  same as ``caption_N``); an empty caption is no caption, a credit
                                without text is an error
url, outlet, byline, published, as in the JSON format; an empty cell is no value
external_id, status
=============================== ================================================================

Other columns are ignored and listed once in `notes`. A header problem (a required column
missing, a column twice, captions given both ways) is one RecordError on the header line, and
then the file is not read further: its rows could not be understood.

The delimiter (comma, semicolon or tab) is chosen on the header line: csv.Sniffer's guess, unless
another candidate splits the header into more columns (a lone line gives the sniffer little to
go on: "title;body;caption_1,credit" fools it). Quotes follow RFC 4180 and are read strictly, so
a quote left open is reported instead of swallowing the rest of the file. Fields are checked by
the JSON importer's `article_from_fields`; each error names the line where its record starts.
Python's csv module refuses a cell longer than csv.field_size_limit() (131,072 characters by
default): such a row is reported as an error.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from articles import content

from .decoding import OverlongLine
from .records import ArticleRecord, RecordError
from .validation.article import article_from_fields, ignored_note

DELIMITERS = ",;\t"
# Columns passed through as text to article_from_fields, which checks them.
TEXT_COLUMNS = ("title", "body", "url", "outlet", "byline", "published", "external_id", "status")
_CAPTION_COLUMN = re.compile(r"caption_(?P<number>\d+)(?:_(?P<part>text|credit))?")


@dataclass(slots=True)
class _Layout:
    width: int
    text: dict[str, int] = field(default_factory=dict)  # column name -> index
    captions_json: int | None = None
    # caption number -> [text index, credit index]
    numbered: dict[int, list[int | None]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def parse(
    lines: Iterable[str], filename: str, *, notes: list[str] | None = None
) -> Iterator[ArticleRecord | RecordError]:
    """Yield an ArticleRecord or a RecordError per CSV record, in order."""
    numbered = enumerate(lines, start=1)
    header_number, header = 0, ""
    for header_number, raw in numbered:
        header = raw.removeprefix("\ufeff") if header_number == 1 else raw
        if header.strip():
            break
    else:
        yield RecordError(filename, 1, "no articles found: the file is empty")
        return
    if isinstance(header, OverlongLine):
        yield RecordError(filename, header_number, f"header row: {header.message()}")
        return
    source = _Lines(header, numbered)
    reader = csv.reader(
        source,
        delimiter=sniff_delimiter(header),
        strict=True,
    )
    try:
        names = next(reader)
    except csv.Error as exc:
        yield RecordError(filename, header_number, f"header row: not valid CSV: {exc}")
        return
    layout, problems = _layout(names)
    if problems:
        yield RecordError(filename, header_number, "header row: " + "; ".join(problems))
        return
    if layout.ignored and notes is not None:
        notes.append(f"{filename}: columns ignored: {', '.join(layout.ignored)}")
    # reader.line_num counts lines read from the header on; a record starts on the line after
    # the ones already read.
    offset = header_number - 1
    rows = 0
    ignored: Counter[str] = Counter()  # unknown keys inside a captions column
    while True:
        start = offset + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows += 1
            yield RecordError(filename, start, f"not valid CSV: {exc}")
            continue
        except _Overlong as exc:
            # The reader starts afresh at the next line; a quoted cell the long line was in
            # the middle of then reads as broken, and is reported so.
            rows += 1
            offset += 1
            yield RecordError(filename, exc.number, f"{exc.line.message()}: it is not read")
            continue
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        yield _record(row, layout, filename, start, ignored)
    if not rows:
        yield RecordError(filename, header_number, "no articles found: only a header row")
    if notes is not None and (note := ignored_note(filename, ignored)):
        notes.append(note)


def sniff_delimiter(header: str) -> str:
    """Comma, semicolon or tab: whichever splits the header into most columns, the sniffer's
    guess (else the comma) winning a tie. A candidate that makes the quoting invalid loses."""
    try:
        guess = csv.Sniffer().sniff(header, delimiters=DELIMITERS).delimiter
    except csv.Error:
        guess = ","

    def width(delimiter: str) -> int:
        try:
            return len(next(csv.reader([header], delimiter=delimiter, strict=True)))
        except csv.Error:
            return 0

    candidates = [guess, *(d for d in DELIMITERS if d != guess)]
    return max(candidates, key=width)


class _Overlong(Exception):
    def __init__(self, line: OverlongLine, number: int) -> None:
        self.line, self.number = line, number


class _Lines:
    """The lines for csv.reader, each ending with a line break (the csv module keeps a quoted
    line break only if the line it is given ends with one; decode_lines removes them). An
    OverlongLine raises _Overlong out of the reader's next(); unlike a generator, this
    iterator can go on afterwards."""

    def __init__(self, first: str, rest: Iterator[tuple[int, str]]) -> None:
        self.first: str | None = first
        self.rest = rest

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.first is not None:
            first, self.first = self.first, None
            return first + "\n"
        number, line = next(self.rest)
        if isinstance(line, OverlongLine):
            raise _Overlong(line, number)
        return line + "\n"


def _column_key(name: str) -> str:
    key = content.canonical_line(name.replace("\ufeff", "")).casefold()
    return key.replace(" ", "_").replace("-", "_")


def _layout(names: list[str]) -> tuple[_Layout, list[str]]:
    layout = _Layout(width=len(names))
    problems: list[str] = []
    seen: dict[str, str] = {}
    for index, name in enumerate(names):
        key = _column_key(name)
        caption = _CAPTION_COLUMN.fullmatch(key)
        # caption_1 and caption_1_text are the same column.
        slot = f"caption_{int(caption['number'])}_{caption['part'] or 'text'}" if caption else key
        if slot in seen and (key in TEXT_COLUMNS or key == "captions" or caption):
            problems.append(f"columns {seen[slot]!r} and {name!r} are the same field")
            continue
        seen[slot] = name
        if key in TEXT_COLUMNS:
            layout.text[key] = index
        elif key == "captions":
            layout.captions_json = index
        elif caption:
            parts = layout.numbered.setdefault(int(caption["number"]), [None, None])
            parts[1 if caption["part"] == "credit" else 0] = index
        else:
            layout.ignored.append(repr(name) if name.strip() else f"(unnamed column {index + 1})")
    missing = [name for name in ("title", "body") if name not in layout.text]
    if missing:
        problems.append(
            f"missing column(s): {', '.join(missing)}; the header has: "
            + ", ".join(repr(name) for name in names)
        )
    if layout.captions_json is not None and layout.numbered:
        problems.append("captions are given both as a 'captions' column and as caption_N columns")
    for number, (text, _credit) in sorted(layout.numbered.items()):
        if text is None:
            problems.append(f"caption_{number}_credit has no caption_{number} column")
    return layout, problems


def _record(
    row: list[str], layout: _Layout, filename: str, line: int, ignored: Counter[str]
) -> ArticleRecord | RecordError:
    problems: list[str] = []
    if len(row) > layout.width and any(cell.strip() for cell in row[layout.width :]):
        problems.append(f"the row has {len(row)} cells, the header {layout.width} columns")

    def cell(index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    data: dict[str, object] = {}
    for name, index in layout.text.items():
        if cell(index).strip():
            data[name] = cell(index)
    body = data.get("body")
    if isinstance(body, str) and "\n" not in body and "\\n\\n" in body:
        data["body"] = body.replace("\\r\\n", "\n").replace("\\n", "\n")
    if layout.captions_json is not None and cell(layout.captions_json).strip():
        try:
            data["captions"] = json.loads(cell(layout.captions_json))
        except json.JSONDecodeError as exc:
            problems.append(f"captions: not valid JSON: {exc.msg} (column {exc.colno})")
    captions: list[dict[str, str]] = []
    for number, (text_index, credit_index) in sorted(layout.numbered.items()):
        text, credit = cell(text_index).strip(), cell(credit_index).strip()
        if text:
            captions.append({"text": text, "credit": credit})
        elif credit:
            problems.append(f"caption_{number}: a credit without caption text")
    if captions:
        data["captions"] = captions
    return article_from_fields(data, filename, line, ignored=ignored, problems=problems)
