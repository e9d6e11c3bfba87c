"""Files, archives and forged ZIP headers for the intake's tests."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

from interchange.importing.intake import read_inputs
from interchange.importing.records import ArticleRecord, RecordError

PAGE = Path(__file__).resolve().parents[2] / "data" / "html" / "harbour_gazette.html"
PAGE_TITLE = "Port Authority Approves Night Shifts as Container Backlog Grows"
JSONL = (
    json.dumps(
        {"title": "Harbour Dredging Starts", "body": "Dredgers arrived on Monday, the port said."}
    )
    + "\n"
    + json.dumps(
        {"title": "Ferry Timetable Changes", "body": "Two sailings move, the company said."}
    )
    + "\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


# --- factories -----------------------------------------------------------------------------------


def read_all(*sources, **options) -> tuple[list[ArticleRecord | RecordError], list[str]]:
    notes: list[str] = []
    return list(read_inputs(sources, notes=notes, **options)), notes


def titles(items) -> list[str]:
    return [item.title for item in items if isinstance(item, ArticleRecord)]


def errors(items) -> list[str]:
    return [str(item) for item in items if isinstance(item, RecordError)]


def make_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_headers(data: bytes, *, size: int | None = None, flags: int | None = None) -> bytes:
    """Rewrite the first member's declared uncompressed size and/or flag bits in both its local
    header and its central-directory entry, as a forger would."""
    data = bytearray(data)
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    if size is not None:
        struct.pack_into("<I", data, local + 22, size)
        struct.pack_into("<I", data, central + 24, size)
    if flags is not None:
        struct.pack_into("<H", data, local + 6, flags)
        struct.pack_into("<H", data, central + 8, flags)
    return bytes(data)
