"""ZIP archives of import files, read without trusting them (intake step 4).

An archive is checked from its central directory before anything is decompressed: the number
of files, their total size, each member's compression ratio and size. It is then expanded one
member at a time into a spool (memory, then disk past a few MB), each held to the size its
directory entry declares, so a member that lies about its size is stopped too. Folders are
walked; __MACOSX and dot-files are skipped; a member whose path leads outside the archive
(`../x`, `/etc/x`) is skipped with a note in the report; a zip inside a zip is refused. Nothing is written
to the file system under the members' own names.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO

from .detection import (
    HEAD_BYTES,
    ZIP_MAGIC,
    FormatError,
    detect_format,
    file_suffix,
    refuse_unreadable,
)
from .limits import CHUNK, SPOOL_IN_MEMORY, Limits, over, size_text, too_many
from .records import ArticleRecord, RecordError

type MemberParser = Callable[
    [str, IO[bytes], str, list[str]], Iterator[ArticleRecord | RecordError]
]

# Below this size a member cannot do harm whatever its compression ratio (a short file of
# spaces compresses a thousandfold): the ratio limit applies above it.
_RATIO_FLOOR = 1024**2


def read_archive(
    name: str,
    stream: IO[bytes],
    format: str | None,
    notes: list[str],
    limits: Limits,
    parse: MemberParser,
) -> Iterator[ArticleRecord | RecordError]:
    """Records and errors of every member of a ZIP archive, one member at a time, each read by
    `parse(label, spooled member, format key, notes)` after the checks of the module doc."""
    declared = _declared_entry_count(stream)
    if declared is not None and declared > limits.max_archive_members:
        yield RecordError(name, 0, too_many(declared, limits))
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        yield RecordError(name, 0, f"not a readable ZIP archive ({exc})")
        return
    with archive:
        members = []
        for info in archive.infolist():
            if _escapes(info):
                # Never written anywhere, but a name like this is a sign of a crafted archive:
                # say so rather than skip it as quietly as a .DS_Store.
                notes.append(
                    f"{name}: skipped {info.filename!r}: its path leads outside the archive"
                )
            elif _is_wanted(info):
                members.append(info)
        if len(members) > limits.max_archive_members:
            yield RecordError(name, 0, too_many(len(members), limits))
            return
        if refusal := _check_directory(name, members, limits):
            yield refusal
            return
        if not members:
            yield RecordError(name, 0, "the archive holds no files to import")
            return
        for info in members:
            yield from _read_member(name, archive, info, format, notes, limits, parse)


def _escapes(info: zipfile.ZipInfo) -> bool:
    """A member named with `..` or from the root (`/etc/x`, `C:\\x`): a path-traversal name."""
    path = info.filename.replace("\\", "/")
    return (
        path.startswith("/")
        or (len(path) > 1 and path[1] == ":")
        or ".." in PurePosixPath(path).parts
    )


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
            f"the archive would expand to {size_text(total)}, over the "
            f"{size_text(limits.max_archive_bytes)} limit (IMPORT_MAX_ARCHIVE_BYTES): refused "
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
    parse: MemberParser,
) -> Iterator[ArticleRecord | RecordError]:
    label = f"{archive_name}/{info.filename}"
    if file_suffix(info.filename) == ".zip":
        yield RecordError(label, 0, _NESTED)
        return
    if info.file_size > limits.max_file_bytes:
        yield RecordError(label, 0, over("the file is", info.file_size, limits, "FILE_BYTES"))
        return
    if info.flag_bits & 0x1:
        yield RecordError(
            label, 0, "the file is encrypted: password-protected ZIP files cannot be read"
        )
        return
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
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
            if head.startswith(ZIP_MAGIC):
                raise FormatError(_NESTED)
            kind = format or detect_format(info.filename, head)
        except FormatError as exc:
            yield RecordError(label, 0, str(exc))
            return
        yield from parse(label, spool, kind, notes)


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
        while chunk := member.read(CHUNK):
            produced += len(chunk)
            if produced > info.file_size:
                return RecordError(
                    label,
                    0,
                    f"holds more than the {size_text(info.file_size)} the archive's directory "
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
