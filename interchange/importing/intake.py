"""Where import files come from: paths and uploads, ZIP archives, format detection, limits.

The import_articles command, load_demo and the admin upload all read through `read_inputs`, so
every input gets the same checks, in this order. Each refusal is one RecordError at line 0
naming the file, or the archive member as "archive.zip/folder/member.txt":

1. Empty files ("the file is empty") and binary files (NUL bytes, or the magic number of PNG,
   PDF, JPEG, gzip, …) are refused from their first bytes.
2. The format is `format` when given, else `detection.detect_format` (extension, then
   content).
3. Size: a file over IMPORT_MAX_FILE_BYTES, an archive over IMPORT_MAX_ARCHIVE_BYTES, is
   refused unread.
4. A ZIP archive (archives.py) is checked from its central directory before anything is decompressed: the
   number of files, their total size, each member's compression ratio and size. It is then
   expanded one member at a time into a spool (memory, then disk past a few MB), each held to
   the size its directory entry declares, so a member that lies about its size is stopped too.
   Folders are walked; __MACOSX and dot-files are skipped; a zip inside a zip is refused.
   Nothing is written to the file system under the members' own names.
5. Per input (pages.py, decoding.py): a web page is counted against IMPORT_MAX_HTML_ELEMENTS
   and IMPORT_MAX_HTML_DEPTH while it is read, then parsed in a child process held to
   IMPORT_HTML_MEMORY_BYTES; a JSON, JSON Lines or CSV line (or a JSON document's record) over
   IMPORT_MAX_RECORD_BYTES characters is skipped unbuilt and reported at its line.
6. Text is decoded by `decoding.decode_lines` (`decode_text` for the parsers in TEXT_PARSERS,
   which cut text in chunks rather than lines); its notes (an encoding fallback) are appended to
   `notes`, prefixed with the file name. The format's parser then yields records and errors.

A parser that reports notes of its own (e.g. ignored columns) takes a `notes` keyword.
"""

from __future__ import annotations

import functools
import inspect
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from . import csvfile, html, jsonl, pages, plaintext
from .archives import read_archive
from .decoding import decode_lines, decode_text
from .detection import (
    ARCHIVE,
    HEAD_BYTES,
    ZIP_MAGIC,
    FormatError,
    detect_format,
    file_suffix,
    refuse_unreadable,
)
from .limits import CHUNK, SPOOL_IN_MEMORY, Limits, over, size_text
from .records import ArticleRecord, RecordError

type Parser = Callable[..., Iterator[ArticleRecord | RecordError]]
type Source = str | os.PathLike[str] | tuple[str, IO[bytes]]

PARSERS: dict[str, Parser] = {
    "plaintext": plaintext.parse,
    "jsonl": jsonl.parse,
    "json": jsonl.parse_json,
    "csv": csvfile.parse,
    "html": html.parse,
}
# Formats read line by line whose lines are held to IMPORT_MAX_RECORD_BYTES.
RECORD_LINES = frozenset({"jsonl", "json", "csv"})
# Parsers that read text in chunks (records.decode_text) rather than lines: used when present.
TEXT_PARSERS: dict[str, Callable[[Iterator[str], str], Iterator[ArticleRecord | RecordError]]] = {
    "plaintext": plaintext.parse_text,
}


def read_inputs(
    sources: Iterable[Source],
    *,
    format: str | None = None,
    notes: list[str],
    limits: Limits | None = None,
) -> Iterator[ArticleRecord | RecordError]:
    """Records and errors of every source in turn, lazily (one file, one archive member, at a
    time). A source is a path or a (name, binary file object) pair; a file object is read from
    its current position and left open. `format` applies to every file, archive members
    included; archives are recognised whatever it says."""
    if format is not None and format not in PARSERS:
        raise ValueError(f"unknown import format {format!r}; choose from {', '.join(PARSERS)}")
    limits = limits or Limits.from_settings()
    # One child process reads every web page of the run (started at the first one); it ends
    # when this generator is exhausted or closed.
    with pages.PageReader(limits) as reader:
        parse = functools.partial(_parse, limits=limits, reader=reader)
        for source in sources:
            if isinstance(source, tuple):
                name, stream = source
                yield from _read_stream(str(name), stream, format, notes, limits, parse)
            else:
                try:
                    stream = open(source, "rb")  # noqa: SIM115 (closed below, across the yields)
                except OSError as exc:
                    yield RecordError(str(source), 0, f"cannot be read: {exc.strerror or exc}")
                    continue
                with stream:
                    yield from _read_stream(str(source), stream, format, notes, limits, parse)


def format_label(sources: Iterable[Source], format: str | None = None) -> str:
    """What to record as an import's format: `format`, else the one detected format of all the
    sources, "mixed" when they differ, "unknown" when none could be told."""
    if format:
        return format
    found: set[str] = set()
    for source in sources:
        try:
            if isinstance(source, tuple):
                name, stream = source
                start = stream.tell()
                head = stream.read(HEAD_BYTES)
                stream.seek(start)
            else:
                name = str(source)
                with open(source, "rb") as opened:
                    head = opened.read(HEAD_BYTES)
            found.add(detect_format(name, head))
        except (OSError, ValueError):
            continue
    if len(found) == 1:
        return found.pop()
    return "mixed" if found else "unknown"


def _read_stream(
    name: str,
    stream: IO[bytes],
    format: str | None,
    notes: list[str],
    limits: Limits,
    parse: Callable[[str, IO[bytes], str, list[str]], Iterator[ArticleRecord | RecordError]],
) -> Iterator[ArticleRecord | RecordError]:
    spooled = None
    if not _seekable(stream):
        spooled = _spool(stream, max(limits.max_file_bytes, limits.max_archive_bytes))
        if spooled is None:
            limit = max(limits.max_file_bytes, limits.max_archive_bytes)
            yield RecordError(name, 0, f"the file is over the {size_text(limit)} limit")
            return
        stream = spooled
    try:
        start = stream.tell()
        head = stream.read(HEAD_BYTES)
        size = stream.seek(0, io.SEEK_END) - start
        stream.seek(start)
        try:
            refuse_unreadable(name, head)
            is_archive = head.startswith(ZIP_MAGIC) or file_suffix(name) == ".zip"
            kind = ARCHIVE if is_archive else format or detect_format(name, head)
        except FormatError as exc:
            yield RecordError(name, 0, str(exc))
            return
        if kind == ARCHIVE:
            if size > limits.max_archive_bytes:
                yield RecordError(name, 0, over("the archive is", size, limits, "ARCHIVE_BYTES"))
                return
            yield from read_archive(name, stream, format, notes, limits, parse)
            return
        if size > limits.max_file_bytes:
            yield RecordError(name, 0, over("the file is", size, limits, "FILE_BYTES"))
            return
        yield from parse(name, stream, kind, notes)
    finally:
        if spooled is not None:
            spooled.close()


def _parse(
    name: str,
    stream: IO[bytes],
    kind: str,
    notes: list[str],
    *,
    limits: Limits,
    reader: pages.PageReader,
) -> Iterator[ArticleRecord | RecordError]:
    if kind in TEXT_PARSERS:
        chunks, note = decode_text(stream, name)
        if note:
            notes.append(note)
        yield from TEXT_PARSERS[kind](chunks, name)
        return
    max_line = limits.max_record_bytes if kind in RECORD_LINES else None
    lines, note = decode_lines(stream, name, max_line=max_line)
    if note:
        notes.append(note)
    if kind == "html":
        yield from pages.parse(lines, name, limits=limits, reader=reader)
        return
    parser = PARSERS[kind]
    options: dict[str, object] = {}
    parameters = inspect.signature(parser).parameters
    if "notes" in parameters:
        options["notes"] = notes
    if "max_record" in parameters:
        options["max_record"] = max_line
    yield from parser(lines, name, **options)


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _spool(stream: IO[bytes], limit: int) -> IO[bytes] | None:
    """A seekable copy of a one-way stream, or None (the copy dropped) past `limit` bytes."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    copied = 0
    while chunk := stream.read(CHUNK):
        copied += len(chunk)
        if copied > limit:
            spool.close()
            return None
        spool.write(chunk)
    spool.seek(0)
    return spool
