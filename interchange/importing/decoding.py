"""How raw bytes become text: the encoding settled before the first line, lines or chunks
read lazily, line ends made LF. Used by intake for every file and archive member."""

from __future__ import annotations

import codecs
import functools
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import IO

_CHUNK = 64 * 1024
# Bytes that Windows-1252 leaves undefined: a file containing one is Latin-1, not 1252.
_UNDEFINED_IN_CP1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")


class OverlongLine(str):
    """What `decode_lines` yields instead of a line longer than its `max_line`: an empty string
    that says how long the line was. The line itself is never held: it is read and dropped in
    pieces of `max_line` characters."""

    length: int
    limit: int

    def __new__(cls, length: int, limit: int) -> OverlongLine:
        line = super().__new__(cls, "")
        line.length, line.limit = length, limit
        return line

    def message(self) -> str:
        return (
            f"the line has {self.length:,} characters, over the limit of {self.limit:,} "
            "(IMPORT_MAX_RECORD_BYTES)"
        )


def decode_lines(
    source: str | os.PathLike[str] | IO[bytes], filename: str, *, max_line: int | None = None
) -> tuple[Iterator[str], str | None]:
    """Lines of a text file of unknown encoding, without their line endings, read lazily.

    `source` is a path or a binary stream. The encoding is settled before the first line is
    returned: UTF-8 (a BOM is dropped), UTF-16 when the file starts with its BOM, otherwise
    Windows-1252, or Latin-1 when a byte undefined in 1252 occurs. Deciding needs the whole
    file, so it is read twice in chunks (the first pass only validates); a stream that cannot
    seek is first spooled to a temporary file. Memory stays constant either way. Switching
    decoders half-way through a file would silently mix encodings, hence the extra pass.

    CR LF and lone CR become line ends. The note says which fallback was used, or is None.
    A line of more than `max_line` characters comes as an `OverlongLine`.
    """
    if max_line is None:
        return _decode(source, filename, _read_lines)
    return _decode(source, filename, functools.partial(_read_bounded_lines, max_line=max_line))


def decode_text(
    source: str | os.PathLike[str] | IO[bytes], filename: str
) -> tuple[Iterator[str], str | None]:
    """The text of a file as `decode_lines` decodes it, in chunks of about TEXT_CHUNK
    characters instead of lines: each chunk ends with a whole line (CR LF and lone CR already
    made LF, which is kept) or at the end of the file. For parsers that cut text with
    regular expressions rather than walk it line by line."""
    return _decode(source, filename, _read_chunks)


TEXT_CHUNK = 256 * 1024


def _read_lines(text: io.TextIOBase) -> Iterator[str]:
    for line in text:
        yield line.removesuffix("\n")


def _read_bounded_lines(text: io.TextIOBase, *, max_line: int) -> Iterator[str]:
    while line := text.readline(max_line + 1):
        if len(line) <= max_line or line.endswith("\n"):
            yield line.removesuffix("\n")
            continue
        length = len(line)
        del line
        while piece := text.readline(max_line):
            length += len(piece)
            if piece.endswith("\n"):
                length -= 1
                break
        yield OverlongLine(length, max_line)


def _read_chunks(text: io.TextIOBase) -> Iterator[str]:
    while chunk := text.read(TEXT_CHUNK):
        if not chunk.endswith("\n"):
            chunk += text.readline()  # complete the last line: chunks end at line ends
        yield chunk


type _Reader = Callable[[io.TextIOBase], Iterator[str]]


def _decode(
    source: str | os.PathLike[str] | IO[bytes], filename: str, reader: _Reader
) -> tuple[Iterator[str], str | None]:
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        with open(path, "rb") as stream:
            encoding, note = _sniff(stream, filename)
        return _from_path(path, encoding, reader), note

    binary: IO[bytes] = source
    if not binary.seekable():
        # Closed by _from_stream once the text is exhausted.
        spool = tempfile.SpooledTemporaryFile(max_size=_CHUNK * 16)  # noqa: SIM115
        while chunk := binary.read(_CHUNK):
            spool.write(chunk)
        spool.seek(0)
        encoding, note = _sniff(spool, filename)
        return _from_stream(spool, encoding, 0, reader, close=True), note
    start = binary.tell()
    encoding, note = _sniff(binary, filename)
    return _from_stream(binary, encoding, start, reader, close=False), note


def _sniff(stream: IO[bytes], filename: str) -> tuple[str, str | None]:
    """Choose the encoding by reading the stream to its end; leaves the position unchanged."""
    start = stream.tell()
    try:
        head = stream.read(4)
        stream.seek(start)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not head.startswith(
            codecs.BOM_UTF8
        ):
            if _first_bad_offset(stream, "utf-16") is None:
                return "utf-16", f"{filename}: decoded as UTF-16 (byte-order mark found)"
            stream.seek(start)
        bad = _first_bad_offset(stream, "utf-8-sig")
        if bad is None:
            return "utf-8-sig", None
        stream.seek(start)
        line = 1
        latin1 = False
        offset = 0
        while chunk := stream.read(_CHUNK):
            if offset < bad:
                line += chunk.count(b"\n", 0, max(0, bad - offset))
            latin1 = latin1 or not _UNDEFINED_IN_CP1252.isdisjoint(chunk)
            offset += len(chunk)
        name = "Latin-1" if latin1 else "Windows-1252"
        return (
            "latin-1" if latin1 else "cp1252",
            f"{filename}: not valid UTF-8 (first bad byte on line {line}); decoded as {name}",
        )
    finally:
        stream.seek(start)


def _first_bad_offset(stream: IO[bytes], encoding: str) -> int | None:
    """Byte offset (from the current position) of the first undecodable byte, or None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    while True:
        chunk = stream.read(_CHUNK)
        # The decoder may hold the first bytes of a character split across chunks; exc.start
        # counts from those, not from the start of this chunk.
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return max(0, offset - pending + exc.start)
        if not chunk:
            return None
        offset += len(chunk)


def _from_path(path: str, encoding: str, reader: _Reader) -> Iterator[str]:
    with open(path, encoding=encoding, newline=None) as text:
        yield from reader(text)


def _from_stream(
    stream: IO[bytes], encoding: str, start: int, reader: _Reader, *, close: bool
) -> Iterator[str]:
    stream.seek(start)
    text = io.TextIOWrapper(stream, encoding=encoding, newline=None)
    try:
        yield from reader(text)
    finally:
        # Detach so that dropping the wrapper does not close a stream the caller owns.
        text.detach()
        if close:
            stream.close()
