"""Size limits of an import and how a refusal words them (IMPORT_MAX_* settings)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

CHUNK = 64 * 1024  # bytes read at a time when copying or decompressing
SPOOL_IN_MEMORY = 8 * 1024**2  # a spooled copy moves to disk past this size


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits of one import; `from_settings` reads the IMPORT_MAX_* settings."""

    max_file_bytes: int = 100 * 1024**2
    max_archive_bytes: int = 1024**3  # total uncompressed size of an archive's members
    max_archive_members: int = 100_000
    max_compression_ratio: int = 100
    max_record_bytes: int = 8 * 1024**2  # a JSON/JSONL/CSV line, or a JSON document's record
    max_html_elements: int = 50_000
    max_html_depth: int = 512
    html_memory_bytes: int = 1024**3  # address space of the child that reads pages; 0: none
    html_pages_per_child: int = 200

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
            max_record_bytes=getattr(settings, "IMPORT_MAX_RECORD_BYTES", default.max_record_bytes),
            max_html_elements=getattr(
                settings, "IMPORT_MAX_HTML_ELEMENTS", default.max_html_elements
            ),
            max_html_depth=getattr(settings, "IMPORT_MAX_HTML_DEPTH", default.max_html_depth),
            html_memory_bytes=getattr(
                settings, "IMPORT_HTML_MEMORY_BYTES", default.html_memory_bytes
            ),
            html_pages_per_child=getattr(
                settings, "IMPORT_HTML_PAGES_PER_CHILD", default.html_pages_per_child
            ),
        )


def size_text(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "bytes":
        return f"{count:,} bytes"
    return f"{value:,.1f}".removesuffix(".0") + f" {unit}"


def over(what: str, count: int, limits: Limits, setting: str) -> str:
    limit = limits.max_file_bytes if setting == "FILE_BYTES" else limits.max_archive_bytes
    return f"{what} {size_text(count)}, over the {size_text(limit)} limit (IMPORT_MAX_{setting})"


def too_many(count: int, limits: Limits) -> str:
    return (
        f"the archive holds {count:,} files, over the {limits.max_archive_members:,} limit "
        "(IMPORT_MAX_ARCHIVE_MEMBERS): refused before decompressing"
    )
