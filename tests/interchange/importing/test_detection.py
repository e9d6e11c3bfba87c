"""Format detection and the refusal of empty and binary files
(interchange/importing/detection.py)."""

from __future__ import annotations

import pytest

from interchange.importing.intake import FormatError, detect_format
from tests.interchange.importing.intake_factories import (
    PNG,
)

# --- detect_format ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "plaintext"),
        ("A.TXT", "plaintext"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.json", "json"),
        ("a.csv", "csv"),
        ("a.tsv", "csv"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.zip", "zip"),
        ("folder\\in\\windows.csv", "csv"),
    ],
)
def test_extension_decides_for_text(name, expected):
    """A known extension names the format of a text file."""
    assert detect_format(name, b"anything at all\n") == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'[{"title": "A"}]', "json"),
        (b'\xef\xbb\xbf  {"title": "A", "body": "B"}\n{"title": "C"', "jsonl"),
        (b'{\n  "title": "A",\n  "body": "B"\n}\n', "json"),
        (b"<!DOCTYPE html>\n<html><head><title>A</title>", "html"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">',
            "html",
        ),
        (b"Title,Body,Caption_1\nA,B,C\n", "csv"),
        (b"title\tbody\turl\nA\tB\thttp://x\n", "csv"),
        (b"title;body\nA;B\n", "csv"),
        (b"Headline\n\nCaption. (AP)\nCaption. (AP)\n", "plaintext"),
        (b"Title, as they say, matters\n\nbody", "plaintext"),
        ("\ufeffHeadline\n".encode("utf-16"), "plaintext"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
    ],
)
def test_content_decides_without_a_known_extension(head, expected):
    """Without a known extension the first bytes decide: JSON, JSON Lines, HTML, a CSV header
    naming article fields, a ZIP, else the scraped plain-text format."""
    assert detect_format("export.dat", head) == expected


def test_xml_that_is_not_html_is_refused():
    """A feed or other XML has no importer: the message says what it looks like."""
    with pytest.raises(FormatError, match="looks like XML"):
        detect_format("feed", b'<?xml version="1.0"?>\n<rss version="2.0"><channel>')


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (PNG, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Microsoft Office document"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP"),
    ],
)
def test_binary_magic_numbers_are_refused_whatever_the_name(head, kind):
    """Binary formats are recognised by their magic number, even named .txt."""
    with pytest.raises(FormatError) as raised:
        detect_format("story.txt", head)
    assert str(raised.value) == f"binary file (looks like {kind}), not an article export"


def test_nul_bytes_mean_binary_but_utf16_with_bom_is_text():
    """NUL bytes make a file binary, unless it starts with a UTF-16 byte-order mark."""
    with pytest.raises(FormatError, match=r"binary file \(contains NUL bytes\)"):
        detect_format("a.txt", b"abc\x00\x01\x02")
    assert detect_format("a.txt", "\ufeffHeadline".encode("utf-16-le")) == "plaintext"


def test_office_documents_are_refused_with_a_hint():
    """A workbook is a ZIP inside, but not an archive of articles: save it as CSV."""
    with pytest.raises(FormatError, match=r"looks like an Excel workbook.*save it as CSV"):
        detect_format("articles.xlsx", b"PK\x03\x04\x14\x00")
