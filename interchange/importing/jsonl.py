"""JSON Lines and JSON articles, including the native format that the export writes.

Two entry points, both yielding ArticleRecord and RecordError in file order:

* `parse` reads JSON Lines: one article object per line; blank lines are ignored. It holds one
  line at a time. A file whose first non-blank line is ``[`` or ``{`` alone, or starts an array,
  is really a JSON document and is handed to `parse_json`, so a misnamed file still reads.
* `parse_json` reads a JSON document: one article object, an array of them, or several of
  either one after another. It streams as well: a small scanner follows brackets and strings line
  by line to find where each array element ends, and only that element is decoded. Memory is
  bounded by the largest element and the longest line, so an array written on one single line
  (``json.dump`` without ``indent``) is held whole: for big files, prefer JSON Lines.

Each decoded object is checked and made a record by `validation.article.article_from_fields`
(what an article object may hold is listed there; the native format is interchange/native.py and
docs/formats/native.md). A key repeated in one object is an error (json would keep the last one
silently).

Errors: one RecordError per bad record, naming its line (JSON Lines: the line; JSON documents:
"record N" and the line where the record starts, or where its syntax error is) and every bad
field at once, joined with "; ". A bad record never stops the file.

`json_objects` is the same streaming reader for other kinds of objects (suggestions.external
reads other tools' pre-annotations with it): it yields each decoded object with its line and
label, and leaves checking its fields to the caller.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, repeat
from typing import Any, NamedTuple

from .decoding import OverlongLine
from .records import ArticleRecord, RecordError
from .validation.article import article_from_fields, ignored_note
from .validation.values import kind


def parse(
    lines: Iterable[str],
    filename: str,
    *,
    notes: list[str] | None = None,
    max_record: int | None = None,
) -> Iterator[ArticleRecord | RecordError]:
    """Yield an ArticleRecord or a RecordError per non-blank line of a JSON Lines file.

    Unknown keys of non-native records are summed up in one note appended to `notes`. A line
    that decode_lines cut as an OverlongLine is an error at its line; so is a record of a JSON
    document longer than `max_record` characters."""
    ignored: Counter[str] = Counter()
    rest = iter(lines)
    found = False
    for number, raw in enumerate(rest, start=1):
        if isinstance(raw, OverlongLine):
            found = True
            yield RecordError(filename, number, f"{raw.message()}: it is not read")
            continue
        line = raw.removeprefix("\ufeff") if number == 1 else raw
        text = line.strip()
        if not text:
            continue
        if not found and (text in ("{", "[") or text.startswith("[")):
            # A JSON document, not JSON Lines: keep the line numbers by padding with blanks.
            document = chain(repeat("", number - 1), [line], rest)
            yield from parse_json(document, filename, notes=notes, max_record=max_record)
            return
        found = True
        try:
            data = _DECODER.decode(text)
        except json.JSONDecodeError as exc:
            column = exc.colno + len(line) - len(line.lstrip())
            yield RecordError(filename, number, f"not valid JSON: {exc.msg} (column {column})")
            continue
        except _DuplicateKey as exc:
            yield RecordError(filename, number, _duplicate_message(exc))
            continue
        except RecursionError:
            yield RecordError(filename, number, _TOO_DEEP)
            continue
        if not isinstance(data, dict):
            yield RecordError(filename, number, f"expected an article object, not {kind(data)}")
            continue
        yield article_from_fields(data, filename, number, ignored=ignored)
    if not found:
        yield RecordError(filename, 1, "no articles found: the file is empty")
    _note_ignored(notes, filename, ignored)


# Python's JSON reader recurses once per level of nesting: a line of 200,000 "[" exhausts the
# stack. No record of ours nests more than five levels, so this is only ever a hostile file.
_TOO_DEEP = "not valid JSON: arrays or objects nested too deeply to read"


def parse_json(
    lines: Iterable[str],
    filename: str,
    *,
    notes: list[str] | None = None,
    max_record: int | None = None,
) -> Iterator[ArticleRecord | RecordError]:
    """Yield a record or an error per article object of a JSON document (see the module doc).

    Records are labelled "record N" (counting from 1 through the whole file) in error messages;
    their origin is the line where the object starts."""
    ignored: Counter[str] = Counter()

    def build(data: dict[str, Any], line: int, label: str) -> ArticleRecord | RecordError:
        return article_from_fields(data, filename, line, label=label, ignored=ignored)

    yield from _scan(lines, _DocumentScanner(filename, build, "article", max_record))
    _note_ignored(notes, filename, ignored)


class JsonObject(NamedTuple):
    """One top-level object of a JSON document, as `json_objects` yields it."""

    data: dict[str, Any]
    line: int  # where the object starts
    label: str  # "record N", counting objects from 1 through the file


def json_objects(
    lines: Iterable[str], filename: str, *, noun: str = "object"
) -> Iterator[JsonObject | RecordError]:
    """Each top-level object of a JSON document (one object, an array of them, or several one
    after another, JSON Lines included), streamed as `parse_json` streams articles; syntax
    errors, repeated keys and non-objects come as RecordErrors naming "record N" and the line.
    `noun` names the objects in those messages ("a task object")."""
    yield from _scan(lines, _DocumentScanner(filename, JsonObject, noun))


def _scan[T](lines: Iterable[str], scanner: _DocumentScanner[T]) -> Iterator[T | RecordError]:
    for number, line in enumerate(lines, start=1):
        if isinstance(line, OverlongLine):
            yield from scanner.overlong(line, number)
            continue
        yield from scanner.feed(line.removeprefix("\ufeff") if number == 1 else line, number)
    yield from scanner.close()


def _note_ignored(notes: list[str] | None, filename: str, ignored: Counter[str]) -> None:
    if notes is not None and (note := ignored_note(filename, ignored)):
        notes.append(note)


# --- decoding -----------------------------------------------------------------------------------


class _DuplicateKey(ValueError):
    """json keeps the last of two equal keys without a word; here it is an error."""


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def _duplicate_message(exc: _DuplicateKey) -> str:
    return f"the key {exc.args[0]!r} appears twice in one object"


_DECODER = json.JSONDecoder(object_pairs_hook=_object)

_NON_SPACE = re.compile(r"[^ \t\r\n]")
# Everything up to the next bracket or comma outside a string, complete strings included (a
# JSON string cannot hold a raw line break, so a string ends on its line). Possessive: no
# backtracking.
_VALUE_TEXT = re.compile(r'(?:[^"{}\[\],]++|"(?:[^"\\]++|\\.)*+")*+')

_TOP, _ARRAY, _ITEM, _SKIP = "top", "array", "item", "skip"
_SKIP_IN_ARRAY = "skip in array"  # after an overlong line inside an array


class _DocumentScanner[T]:
    """Cuts a JSON document, fed line by line, into the texts of its top-level objects, and
    hands each decoded object to `build` (data, line, "record N").

    Between values it reads structure itself; inside a value it only tracks strings and
    bracket depth to find the end (a "," or "]" at depth 0 in an array, the closing "}" of a
    top-level object). The text found is decoded by json, which reports any syntax error in it,
    so one broken element does not hide the ones after it."""

    def __init__(
        self,
        filename: str,
        build: Callable[[dict[str, Any], int, str], T],
        noun: str,
        max_record: int | None = None,
    ) -> None:
        self.max_record = max_record
        self.held = 0  # characters of the current element held in pieces
        self.overflow = 0  # its length once over max_record (its pieces are then dropped)
        self.filename = filename
        self.build = build
        self.noun = noun
        self.state = _TOP
        self.records = 0  # elements met, for "record N"
        self.yielded = 0
        self.array_line = 0
        self.after_comma = False
        self.in_array = False
        self.depth = 0
        self.pieces: list[str] = []
        self.start_line = 0
        self.start_column = 0
        self.last_line = 0

    def feed(self, line: str, number: int) -> Iterator[T | RecordError]:
        self.last_line = number
        position, segment = 0, 0
        if self.state == _SKIP:
            match = _NON_SPACE.search(line)
            if match is None or match[0] not in "{[":
                return
            self.state = _TOP
        elif self.state == _SKIP_IN_ARRAY:
            match = _NON_SPACE.search(line)
            if match is None or match[0] not in "{]":
                return
            self.state, self.after_comma = _ARRAY, False
        while position < len(line):
            if self.state != _ITEM:
                match = _NON_SPACE.search(line, position)
                if match is None:
                    break
                position = match.start()
                char = line[position]
                if self.state == _TOP:
                    if char == "[":
                        self.state, self.array_line, self.after_comma = _ARRAY, number, False
                        position += 1
                        continue
                    if char != "{":
                        yield self._error(
                            number,
                            f"expected {_a(self.noun)} object or an array of them, found {char!r} "
                            f"(column {position + 1}); skipped to the next line that starts "
                            "with '{' or '['",
                        )
                        self.state = _SKIP
                        return
                    self._start(number, position, in_array=False)
                else:  # _ARRAY: an element or the end of the array
                    if char == "]":
                        if self.after_comma:
                            yield self._error(
                                number,
                                f"record {self.records}: not valid JSON: a comma before ']' "
                                f"(column {position + 1})",
                            )
                        self.state = _TOP
                        position += 1
                        continue
                    self._start(number, position, in_array=True)
                segment = position
            # The pattern matches the empty string: match() is never None (no check per line).
            position = _VALUE_TEXT.match(line, position).end()  # type: ignore[union-attr]
            if position >= len(line):
                break
            char = line[position]
            if char == '"':  # a string left open on this line: invalid, decoding will say so
                break
            if char in "{[":
                self.depth += 1
                position += 1
            elif char in "}]" and self.depth > 0:
                self.depth -= 1
                position += 1
                if self.depth == 0 and not self.in_array:
                    yield self._finish(line[segment:position])
                    self.state = _TOP
            elif char == "]" and self.in_array:
                yield self._finish(line[segment:position])
                self.state = _TOP
                position += 1
            elif char == "," and self.depth == 0 and self.in_array:
                yield self._finish(line[segment:position])
                self.state, self.after_comma = _ARRAY, True
                position += 1
            else:  # a stray "}" or a "," inside a value: left for the decoder to judge
                position += 1
        if self.state == _ITEM:
            self._hold(line[segment:] + "\n")

    def overlong(self, line: OverlongLine, number: int) -> Iterator[RecordError]:
        """A line decode_lines did not read: its structure is unknown, so the element it is in
        (if any) is lost. Inside an array, reading resumes at the next line that starts with
        '{' (the next element) or ']'; elsewhere at the next line that starts with '{' or '['."""
        in_array = self.state in (_ARRAY, _SKIP_IN_ARRAY) or (self.state == _ITEM and self.in_array)
        if self.state == _ITEM:
            self.pieces, self.held, self.overflow = [], 0, 0
        elif self.state == _ARRAY:
            self.records += 1  # the element the line began: "record N" keeps counting it
        resume = "'{' or ']'" if in_array else "'{' or '['"
        yield self._error(
            number,
            f"{line.message()}; skipped to the next line that starts with {resume} (a JSON "
            "document on one line is read whole: write big files as JSON Lines, one article "
            "per line)",
        )
        self.state = _SKIP_IN_ARRAY if in_array else _SKIP

    def _hold(self, piece: str) -> None:
        if self.overflow:
            self.overflow += len(piece)
            return
        self.held += len(piece)
        if self.max_record is not None and self.held > self.max_record:
            self.overflow, self.pieces = self.held, []
            return
        self.pieces.append(piece)

    def close(self) -> Iterator[T | RecordError]:
        unclosed = self.state in (_ARRAY, _SKIP_IN_ARRAY) or (self.state == _ITEM and self.in_array)
        if self.state == _ITEM:
            yield self._finish("")
        if unclosed:
            yield self._error(
                max(self.last_line, 1), f"the array opened on line {self.array_line} is not closed"
            )
        if not self.yielded:
            yield self._error(1, f"no {self.noun}s found: the file holds no {self.noun} object")

    def _start(self, number: int, column: int, *, in_array: bool) -> None:
        self.state = _ITEM
        self.in_array = in_array
        self.depth = 0
        self.pieces, self.held, self.overflow = [], 0, 0
        self.start_line, self.start_column = number, column
        self.records += 1

    def _finish(self, tail: str) -> T | RecordError:
        self._hold(tail)
        text = "".join(self.pieces)
        self.pieces = []
        self.yielded += 1
        label = f"record {self.records}"
        line = self.start_line
        if self.overflow:
            length, self.overflow, self.held = self.overflow, 0, 0
            assert self.max_record is not None
            return RecordError(
                self.filename,
                line,
                f"{label} has {length:,} characters, over the limit of {self.max_record:,} "
                "(IMPORT_MAX_RECORD_BYTES): it is not read",
            )
        self.held = 0
        try:
            data = _DECODER.decode(text)
        except json.JSONDecodeError as exc:
            column = exc.colno + (self.start_column if exc.lineno == 1 else 0)
            return RecordError(
                self.filename,
                line + exc.lineno - 1,
                f"{label}: not valid JSON: {exc.msg} (column {column})",
            )
        except _DuplicateKey as exc:
            return RecordError(self.filename, line, f"{label}: {_duplicate_message(exc)}")
        except RecursionError:
            return RecordError(self.filename, line, f"{label}: {_TOO_DEEP}")
        if not isinstance(data, dict):
            return RecordError(
                self.filename, line, f"{label}: expected {_a(self.noun)} object, not {kind(data)}"
            )
        return self.build(data, line, label)

    def _error(self, line: int, message: str) -> RecordError:
        self.yielded += 1
        return RecordError(self.filename, line, message)


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"
