"""Where import files come from: paths and uploads, ZIP archives, format detection, limits.

The import_articles command, load_demo and the admin upload all read through `read_inputs`, so
every input gets the same checks, in this order. Each refusal is one RecordError at line 0
naming the file, or the archive member as "archive.zip/folder/member.txt":

1. Empty files ("the file is empty") and binary files (NUL bytes, or the magic number of PNG,
   PDF, JPEG, gzip, …) are refused from their first bytes.
2. The format is `format` when given, else `detect_format` (extension, then content).
3. Size: a file over IMPORT_MAX_FILE_BYTES, an archive over IMPORT_MAX_ARCHIVE_BYTES, is
   refused unread.
4. A ZIP archive is checked from its central directory before anything is decompressed: the
   number of files, their total size, each member's compression ratio and size. It is then
   expanded one member at a time into a spool (memory, then disk past a few MB), each held to
   the size its directory entry declares, so a member that lies about its size is stopped too.
   Folders are walked; __MACOSX and dot-files are skipped; a zip inside a zip is refused.
   Nothing is written to the file system under the members' own names.
5. Text is decoded by `records.decode_lines` (`decode_text` for the parsers in TEXT_PARSERS,
   which cut text in chunks rather than lines); its notes (an encoding fallback) are appended to
   `notes`, prefixed with the file name. The format's parser then yields records and errors.

A parser that reports notes of its own (e.g. ignored columns) takes a `notes` keyword.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, BinaryIO

from django.conf import settings

from . import csvfile, html, jsonl, plaintext
from .records import ArticleRecord, RecordError, decode_lines, decode_text

type Parser = Callable[..., Iterator[ArticleRecord | RecordError]]
type Source = str | os.PathLike[str] | tuple[str, IO[bytes]]

PARSERS: dict[str, Parser] = {
    "plaintext": plaintext.parse,
    "jsonl": jsonl.parse,
    "json": jsonl.parse_json,
    "csv": csvfile.parse,
    "html": html.parse,
}
# Parsers that read text in chunks (records.decode_text) rather than lines: used when present.
TEXT_PARSERS: dict[str, Callable[[Iterator[str], str], Iterator[ArticleRecord | RecordError]]] = {
    "plaintext": plaintext.parse_text,
}
ARCHIVE = "zip"
EXTENSIONS = {
    ".txt": "plaintext",
    ".text": "plaintext",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",  # the CSV parser chooses the delimiter from the header line
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".zip": ARCHIVE,
}
HEAD_BYTES = 8192  # what detection looks at

_CHUNK = 64 * 1024
_SPOOL_IN_MEMORY = 8 * 1024**2
# Below this size a member cannot do harm whatever its compression ratio (a short file of
# spaces compresses a thousandfold): the ratio limit applies above it.
_RATIO_FLOOR = 1024**2
_BLANK = b" \t\r\n\x0b\x0c\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"%PDF-", "PDF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
    (b"ID3", "MP3"),
    (b"OggS", "Ogg"),
    (b"fLaC", "FLAC"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_RIFF = {b"WEBP": "WebP", b"WAVE": "WAV", b"AVI ": "AVI"}
# ZIP containers that are documents, not archives of articles.
_DOCUMENTS = {
    ".docx": "a Word document",
    ".xlsx": "an Excel workbook",
    ".pptx": "a PowerPoint file",
    ".odt": "an OpenDocument text",
    ".ods": "an OpenDocument spreadsheet",
    ".odp": "an OpenDocument presentation",
    ".epub": "an EPUB book",
}
_SPREADSHEETS = {".xlsx", ".ods"}
_CSV_FIELDS = {
    "title",
    "body",
    "paragraphs",
    "captions",
    "url",
    "outlet",
    "byline",
    "published",
    "external_id",
    "status",
}
_CSV_CAPTION = re.compile(r"caption_\d+(?:_text|_credit)?")


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits of one import; `from_settings` reads the IMPORT_MAX_* settings."""

    max_file_bytes: int = 100 * 1024**2
    max_archive_bytes: int = 1024**3  # total uncompressed size of an archive's members
    max_archive_members: int = 100_000
    max_compression_ratio: int = 100

    @classmethod
    def from_settings(cls) -> Limits:
        default = cls()
        return cls(
            max_file_bytes=getattr(settings, "IMPORT_MAX_FILE_BYTES", default.max_file_bytes),
            max_archive_bytes=getattr(
                settings, "IMPORT_MAX_ARCHIVE_BYTES", default.max_archive_bytes
            ),
            max_archive_members=getattr(
                settings, "IMPORT_MAX_ARCHIVE_MEMBERS", default.max_archive_members
            ),
            max_compression_ratio=getattr(
                settings, "IMPORT_MAX_COMPRESSION_RATIO", default.max_compression_ratio
            ),
        )


class FormatError(ValueError):
    """A file that no parser should read; the message is the report's reason."""


def detect_format(name: str, head_bytes: bytes) -> str:
    """The format of a file from its name and first bytes (up to HEAD_BYTES of them): a key of
    PARSERS, or ARCHIVE for a ZIP. Raises FormatError for empty, binary and unsupported files.

    The extension decides for a text file; without a known one the content does: ``[`` is
    JSON, ``{`` JSON Lines (JSON when the first line is not a whole object), markup HTML, a
    header row naming article fields CSV, anything else the scraped plain-text format."""
    refuse_unreadable(name, head_bytes)
    if head_bytes.startswith(_ZIP_MAGIC):
        return ARCHIVE
    suffix = _suffix(name)
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return _sniff(_head_text(head_bytes))


def refuse_unreadable(name: str, head_bytes: bytes) -> None:
    """Raise FormatError when the file is empty or binary (a ZIP archive is neither),
    whatever format was asked for."""
    if not head_bytes.strip(_BLANK) and len(head_bytes) < HEAD_BYTES:
        raise FormatError("the file is empty")
    suffix = _suffix(name)
    if suffix in _DOCUMENTS:
        hint = ": save it as CSV" if suffix in _SPREADSHEETS else ""
        raise FormatError(
            f"binary file (looks like {_DOCUMENTS[suffix]}), not an article export{hint}"
        )
    if head_bytes.startswith(_ZIP_MAGIC):
        return  # an archive: its members are checked one by one
    kind = next((kind for magic, kind in _MAGIC if head_bytes.startswith(magic)), None)
    if kind is None and head_bytes.startswith(b"RIFF"):
        kind = _RIFF.get(head_bytes[8:12], "a RIFF media file")
    if kind is None and head_bytes[4:8] == b"ftyp":
        kind = "MP4 or another video or image container"
    if kind is None and head_bytes.startswith(b"BZh") and head_bytes[4:10] == b"1AY&SY":
        kind = "bzip2"
    if kind is None and b"\x00" in head_bytes and not head_bytes.startswith(_UTF16_BOMS):
        raise FormatError("binary file (contains NUL bytes), not an article export")
    if kind is not None:
        raise FormatError(f"binary file (looks like {kind}), not an article export")


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
    for source in sources:
        if isinstance(source, tuple):
            name, stream = source
            yield from _read_stream(str(name), stream, format, notes, limits)
        else:
            try:
                stream = open(source, "rb")  # noqa: SIM115 (closed below, across the yields)
            except OSError as exc:
                yield RecordError(str(source), 0, f"cannot be read: {exc.strerror or exc}")
                continue
            with stream:
                yield from _read_stream(str(source), stream, format, notes, limits)


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


# --- one file ----------------------------------------------------------------------------------


def _read_stream(
    name: str, stream: IO[bytes], format: str | None, notes: list[str], limits: Limits
) -> Iterator[ArticleRecord | RecordError]:
    spooled = None
    if not _seekable(stream):
        spooled = _spool(stream, max(limits.max_file_bytes, limits.max_archive_bytes))
        if spooled is None:
            limit = max(limits.max_file_bytes, limits.max_archive_bytes)
            yield RecordError(name, 0, f"the file is over the {_size(limit)} limit")
            return
        stream = spooled
    try:
        start = stream.tell()
        head = stream.read(HEAD_BYTES)
        size = stream.seek(0, io.SEEK_END) - start
        stream.seek(start)
        try:
            refuse_unreadable(name, head)
            is_archive = head.startswith(_ZIP_MAGIC) or _suffix(name) == ".zip"
            kind = ARCHIVE if is_archive else format or detect_format(name, head)
        except FormatError as exc:
            yield RecordError(name, 0, str(exc))
            return
        if kind == ARCHIVE:
            if size > limits.max_archive_bytes:
                yield RecordError(name, 0, _over("the archive is", size, limits, "ARCHIVE_BYTES"))
                return
            yield from _read_archive(name, stream, format, notes, limits)
            return
        if size > limits.max_file_bytes:
            yield RecordError(name, 0, _over("the file is", size, limits, "FILE_BYTES"))
            return
        yield from _parse(name, stream, kind, notes)
    finally:
        if spooled is not None:
            spooled.close()


def _parse(
    name: str, stream: BinaryIO, kind: str, notes: list[str]
) -> Iterator[ArticleRecord | RecordError]:
    if kind in TEXT_PARSERS:
        chunks, note = decode_text(stream, name)
        if note:
            notes.append(note)
        yield from TEXT_PARSERS[kind](chunks, name)
        return
    lines, note = decode_lines(stream, name)
    if note:
        notes.append(note)
    parser = PARSERS[kind]
    if "notes" in inspect.signature(parser).parameters:
        yield from parser(lines, name, notes=notes)
    else:
        yield from parser(lines, name)


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _spool(stream: IO[bytes], limit: int) -> BinaryIO | None:
    """A seekable copy of a one-way stream, or None (the copy dropped) past `limit` bytes."""
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    copied = 0
    while chunk := stream.read(_CHUNK):
        copied += len(chunk)
        if copied > limit:
            spool.close()
            return None
        spool.write(chunk)
    spool.seek(0)
    return spool  # type: ignore[return-value]


# --- archives ----------------------------------------------------------------------------------


def _read_archive(
    name: str, stream: IO[bytes], format: str | None, notes: list[str], limits: Limits
) -> Iterator[ArticleRecord | RecordError]:
    declared = _declared_entry_count(stream)
    if declared is not None and declared > limits.max_archive_members:
        yield RecordError(name, 0, _too_many(declared, limits))
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        yield RecordError(name, 0, f"not a readable ZIP archive ({exc})")
        return
    with archive:
        members = [info for info in archive.infolist() if _is_wanted(info)]
        if len(members) > limits.max_archive_members:
            yield RecordError(name, 0, _too_many(len(members), limits))
            return
        if refusal := _check_directory(name, members, limits):
            yield refusal
            return
        if not members:
            yield RecordError(name, 0, "the archive holds no files to import")
            return
        for info in members:
            yield from _read_member(name, archive, info, format, notes, limits)


def _is_wanted(info: zipfile.ZipInfo) -> bool:
    """Files only; not macOS resource forks (__MACOSX/) nor dot-files (.DS_Store, .git/…)."""
    if info.is_dir():
        return False
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    return not any(part == "__MACOSX" or part.startswith(".") for part in parts)


def _check_directory(
    name: str, members: list[zipfile.ZipInfo], limits: Limits
) -> RecordError | None:
    """Refuse an archive from its central directory, before decompressing anything."""
    total = sum(info.file_size for info in members)
    if total > limits.max_archive_bytes:
        return RecordError(
            name,
            0,
            f"the archive would expand to {_size(total)}, over the "
            f"{_size(limits.max_archive_bytes)} limit (IMPORT_MAX_ARCHIVE_BYTES): refused "
            "before decompressing",
        )
    for info in members:
        if _ratio_too_high(info.file_size, info.compress_size, limits):
            ratio = info.file_size / max(info.compress_size, 1)
            return RecordError(
                f"{name}/{info.filename}",
                0,
                f"compressed {ratio:,.0f} to 1, over the {limits.max_compression_ratio:,} to 1 "
                "limit (IMPORT_MAX_COMPRESSION_RATIO): the archive is refused as a possible zip "
                "bomb, before decompressing",
            )
    return None


def _ratio_too_high(size: int, compressed: int, limits: Limits) -> bool:
    return size > _RATIO_FLOOR and size > limits.max_compression_ratio * max(compressed, 1)


def _read_member(
    archive_name: str,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    format: str | None,
    notes: list[str],
    limits: Limits,
) -> Iterator[ArticleRecord | RecordError]:
    label = f"{archive_name}/{info.filename}"
    if _suffix(info.filename) == ".zip":
        yield RecordError(label, 0, _NESTED)
        return
    if info.file_size > limits.max_file_bytes:
        yield RecordError(label, 0, _over("the file is", info.file_size, limits, "FILE_BYTES"))
        return
    if info.flag_bits & 0x1:
        yield RecordError(
            label, 0, "the file is encrypted: password-protected ZIP files cannot be read"
        )
        return
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
        try:
            error = _expand(label, archive, info, spool)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            # CPython stops a member at its declared size, so a member larger than its directory
            # entry says ends here, on a CRC mismatch: refused with the rest of the damage.
            error = RecordError(
                label,
                0,
                f"could not be decompressed ({exc}): its data does not match the archive's "
                "directory; the archive is damaged or forged",
            )
        if error is not None:
            yield error
            return
        spool.seek(0)
        head = spool.read(HEAD_BYTES)
        spool.seek(0)
        try:
            refuse_unreadable(info.filename, head)
            if head.startswith(_ZIP_MAGIC):
                raise FormatError(_NESTED)
            kind = format or detect_format(info.filename, head)
        except FormatError as exc:
            yield RecordError(label, 0, str(exc))
            return
        yield from _parse(label, spool, kind, notes)  # type: ignore[arg-type]


_NESTED = "a ZIP archive inside a ZIP archive is not expanded: unzip it and import its files"


def _expand(
    label: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, spool: IO[bytes]
) -> RecordError | None:
    """Decompress one member into `spool`, holding the data to the size the directory declares.

    That one check carries every limit over to the data: the declared sizes were checked (file
    size, total, ratio), so data that never exceeds them cannot break a limit either. CPython's
    zipfile already stops at the declared size (and then fails the CRC); counting here keeps
    the guarantee independent of that."""
    produced = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            produced += len(chunk)
            if produced > info.file_size:
                return RecordError(
                    label,
                    0,
                    f"holds more than the {_size(info.file_size)} the archive's directory "
                    "declares: refused as a possible zip bomb",
                )
            spool.write(chunk)
    return None


def _declared_entry_count(stream: IO[bytes]) -> int | None:
    """The number of entries an archive's end-of-central-directory record declares, read
    before zipfile builds a ZipInfo for each (which for millions of entries would be the
    bomb). None when the record cannot be found; zipfile then reports the archive."""
    start = stream.tell()
    try:
        end = stream.seek(0, io.SEEK_END)
        # The record (22 bytes) ends the file, after a comment of up to 65,535 bytes.
        tail_length = min(end - start, 22 + 65_535 + 20)
        stream.seek(end - tail_length)
        tail = stream.read(tail_length)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return None
        count = int.from_bytes(tail[at + 10 : at + 12], "little")
        if count != 0xFFFF:
            return count
        # ZIP64: a locator just before the record points at the ZIP64 record.
        locator = tail[at - 20 : at] if at >= 20 else b""
        if not locator.startswith(b"PK\x06\x07"):
            return None
        stream.seek(start + int.from_bytes(locator[8:16], "little"))
        record = stream.read(56)
        if not record.startswith(b"PK\x06\x06") or len(record) < 40:
            return None
        return int.from_bytes(record[32:40], "little")
    finally:
        stream.seek(start)


# --- helpers -----------------------------------------------------------------------------------


def _suffix(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _head_text(head: bytes) -> str:
    if head.startswith(_UTF16_BOMS):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="replace")


def _sniff(text: str) -> str:
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first, newline, _ = text.partition("\n")
        return "json" if newline and not _is_json_object(first) else "jsonl"
    if text.startswith("<"):
        lower = text[:2048].lower()
        markers = ("<html", "<!doctype html", "<head", "<body", "<meta", "<title", "<article")
        if lower.startswith(("<?xml", "<rss", "<feed")) and not any(m in lower for m in markers):
            raise FormatError("looks like XML (a feed?), which has no importer")
        return "html"
    if _looks_like_csv_header(text.partition("\n")[0]):
        return "csv"
    return "plaintext"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _looks_like_csv_header(line: str) -> bool:
    for delimiter in (",", ";", "\t"):
        names = {
            re.sub(r"[\s-]+", "_", cell.strip().strip('"').strip().lower())
            for cell in line.split(delimiter)
        }
        known = {n for n in names if n in _CSV_FIELDS or _CSV_CAPTION.fullmatch(n)}
        if "title" in known and len(known) >= 2:
            return True
    return False


def _size(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "bytes":
        return f"{count:,} bytes"
    return f"{value:,.1f}".removesuffix(".0") + f" {unit}"


def _over(what: str, size: int, limits: Limits, setting: str) -> str:
    limit = limits.max_file_bytes if setting == "FILE_BYTES" else limits.max_archive_bytes
    return f"{what} {_size(size)}, over the {_size(limit)} limit (IMPORT_MAX_{setting})"


def _too_many(count: int, limits: Limits) -> str:
    return (
        f"the archive holds {count:,} files, over the {limits.max_archive_members:,} limit "
        "(IMPORT_MAX_ARCHIVE_MEMBERS): refused before decompressing"
    )
