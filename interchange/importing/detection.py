"""What kind of file this is: format detection from the name and the first bytes, and the
refusal of empty and binary files (magic numbers of images, PDFs, archives, office documents).

`detect_format` gives a key of intake.intake.PARSERS, or ARCHIVE for a ZIP. The extension decides for
a text file; without a known one the content does.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

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

_BLANK = b" \t\r\n\x0b\x0c\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
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


class FormatError(ValueError):
    """A file that no parser should read; the message is the report's reason."""


def detect_format(name: str, head_bytes: bytes) -> str:
    """The format of a file from its name and first bytes (up to HEAD_BYTES of them): a key of
    intake.PARSERS, or ARCHIVE for a ZIP. Raises FormatError for empty, binary and unsupported
    files.

    The extension decides for a text file; without a known one the content does: ``[`` is
    JSON, ``{`` JSON Lines (JSON when the first line is not a whole object), markup HTML, a
    header row naming article fields CSV, anything else the scraped plain-text format."""
    refuse_unreadable(name, head_bytes)
    if head_bytes.startswith(ZIP_MAGIC):
        return ARCHIVE
    suffix = file_suffix(name)
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return _sniff(_head_text(head_bytes))


def refuse_unreadable(name: str, head_bytes: bytes) -> None:
    """Raise FormatError when the file is empty or binary (a ZIP archive is neither),
    whatever format was asked for."""
    if not head_bytes.strip(_BLANK) and len(head_bytes) < HEAD_BYTES:
        raise FormatError("the file is empty")
    suffix = file_suffix(name)
    if suffix in _DOCUMENTS:
        hint = ": save it as CSV" if suffix in _SPREADSHEETS else ""
        raise FormatError(
            f"binary file (looks like {_DOCUMENTS[suffix]}), not an article export{hint}"
        )
    if head_bytes.startswith(ZIP_MAGIC):
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


def file_suffix(name: str) -> str:
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
