"""articles/importers/inputs.py: format detection, limits, binary and empty files, ZIP archives,
and the import_articles command reading through it."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.importers import inputs
from articles.importers.inputs import FormatError, Limits, detect_format, read_inputs
from articles.importers.records import ArticleRecord, RecordError
from articles.models import Article, ImportRecord
from tests.conftest import needs_seed

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_02c3dc859b8b1f10.txt"
PAGE = Path(__file__).resolve().parent / "data" / "html" / "harbour_gazette.html"
TITLE_1 = "US Strikes Target Extremists in Syria"
TITLE_2 = "After al-Sadr\u2019s Boycott, al-Abadi Withdraws from Iraq\u2019s Upcoming Elections"
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


def run_command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def no_decompression(monkeypatch):
    """Fail the test if any archive member is opened for reading (writing one is fine)."""
    real_open = zipfile.ZipFile.open

    def read_refused(self, name, mode="r", *args, **kwargs):
        if mode == "r":
            raise AssertionError("a member was decompressed")
        return real_open(self, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", read_refused)


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


# --- read_inputs: single files -------------------------------------------------------------------


@needs_seed
def test_seed_file_by_path():
    """The seed read by path gives its two articles, origins naming the path."""
    items, notes = read_all(SEED)
    assert titles(items) == [TITLE_1, TITLE_2]
    assert items[0].origin == f"{SEED}:1"
    assert notes == []


@needs_seed
def test_name_and_file_object_pair():
    """A (name, binary file) pair reads like a path, named by the given name."""
    with SEED.open("rb") as stream:
        items, _ = read_all(("upload.txt", stream))
        assert not stream.closed
    assert titles(items) == [TITLE_1, TITLE_2]
    assert items[1].origin == "upload.txt:43"


@needs_seed
def test_one_way_stream_is_spooled():
    """A stream that cannot seek (a pipe, a network body) is copied first and read the same."""

    class OneWay(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            return self._data.readinto(buffer)

    items, _ = read_all(("pipe.txt", OneWay(SEED.read_bytes())))
    assert titles(items) == [TITLE_1, TITLE_2]


@needs_seed
def test_unreadable_path_is_an_error(tmp_path):
    """A path that cannot be opened is reported like any other bad input, and the next one is
    still read."""
    items, _ = read_all(tmp_path / "gone.txt", SEED)
    assert errors(items) == [
        f"{tmp_path / 'gone.txt'}:0: cannot be read: No such file or directory"
    ]
    assert titles(items) == [TITLE_1, TITLE_2]


def test_png_renamed_txt_is_refused(tmp_path):
    """A PNG named .txt is reported as binary, at line 0 of the file, and nothing else."""
    photo = tmp_path / "photo.txt"
    photo.write_bytes(PNG)
    items, _ = read_all(photo)
    assert errors(items) == [f"{photo}:0: binary file (looks like PNG), not an article export"]
    assert titles(items) == []


def test_pdf_is_refused(tmp_path):
    """A PDF gets the message of the issue, word for word."""
    items, _ = read_all(("report.pdf", io.BytesIO(b"%PDF-1.4\n1 0 obj\n")))
    assert errors(items) == ["report.pdf:0: binary file (looks like PDF), not an article export"]


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b" \r\n\n\t\n"])
def test_empty_file(data):
    """An empty file (or one of only blank space and a BOM) gets one clear error."""
    items, _ = read_all(("empty.txt", io.BytesIO(data)))
    assert errors(items) == ["empty.txt:0: the file is empty"]


@needs_seed
def test_windows_1252_file_is_read_and_noted(tmp_path):
    """A Windows-1252 file is decoded and the fallback is noted under the file's name."""
    path = tmp_path / "cp1252.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252"))
    items, notes = read_all(path)
    assert titles(items) == [TITLE_1, TITLE_2]
    assert len(notes) == 1
    assert notes[0].startswith(f"{path}: not valid UTF-8")
    assert notes[0].endswith("decoded as Windows-1252")


@needs_seed
def test_format_override_beats_the_extension(tmp_path):
    """`format` reads a file whatever its name says."""
    copy = tmp_path / "seed.json"
    copy.write_bytes(SEED.read_bytes())
    assert titles(read_all(copy, format="plaintext")[0]) == [TITLE_1, TITLE_2]
    assert titles(read_all(copy)[0]) == []


def test_unknown_format_is_a_programming_error():
    """Asking for a format that does not exist fails loudly, before reading anything."""
    with pytest.raises(ValueError, match="unknown import format"):
        read_all(SEED, format="docx")


def test_every_format_is_routed_to_its_parser(tmp_path):
    """JSON Lines, JSON, CSV and HTML each reach their parser from their extension."""
    (tmp_path / "a.jsonl").write_text(JSONL)
    (tmp_path / "b.json").write_text("[" + ",".join(JSONL.splitlines()) + "]")
    (tmp_path / "c.csv").write_text(
        'title,body\nQuay Lights Fixed,"Lights work again, she said."\n'
    )
    items, _ = read_all(tmp_path / "a.jsonl", tmp_path / "b.json", tmp_path / "c.csv", PAGE)
    assert titles(items) == [
        "Harbour Dredging Starts",
        "Ferry Timetable Changes",
        "Harbour Dredging Starts",
        "Ferry Timetable Changes",
        "Quay Lights Fixed",
        PAGE_TITLE,
    ]


@needs_seed
def test_file_over_the_size_limit_is_refused_unread(tmp_path):
    """A file bigger than max_file_bytes is one error naming the limit and its setting."""
    items, _ = read_all(SEED, limits=Limits(max_file_bytes=1024))
    [message] = errors(items)
    assert message.startswith(f"{SEED}:0: the file is ")
    assert message.endswith("over the 1 KB limit (IMPORT_MAX_FILE_BYTES)")
    assert titles(items) == []


def test_limits_come_from_settings(settings):
    """Limits.from_settings reads the four IMPORT_MAX_* settings."""
    settings.IMPORT_MAX_FILE_BYTES = 10
    settings.IMPORT_MAX_ARCHIVE_BYTES = 20
    settings.IMPORT_MAX_ARCHIVE_MEMBERS = 3
    settings.IMPORT_MAX_COMPRESSION_RATIO = 4
    assert Limits.from_settings() == Limits(10, 20, 3, 4)


def test_default_limits():
    """Without overrides: 100 MB a file, 1 GB an archive, 100,000 members, 100 to 1."""
    assert Limits.from_settings() == Limits(100 * 1024**2, 1024**3, 100_000, 100)


# --- archives ------------------------------------------------------------------------------------


@needs_seed
def test_archive_of_every_format_in_folders(tmp_path):
    """A ZIP with the seed, a JSON Lines file and a saved page in nested folders imports them
    all, in archive order, each named archive/member; macOS debris and dot-files are skipped."""
    archive = make_zip(
        tmp_path / "batch.zip",
        {
            "2024/march/seed.txt": SEED.read_bytes(),
            "2024/march/feed.jsonl": JSONL.encode(),
            "pages/harbour.html": PAGE.read_bytes(),
            "__MACOSX/2024/march/._seed.txt": b"\x00\x05\x16\x07 resource fork",
            "pages/.DS_Store": b"\x00\x00\x00\x01Bud1",
            ".git/config": b"[core]\n",
        },
    )
    items, notes = read_all(archive)
    assert errors(items) == []
    assert titles(items) == [
        TITLE_1,
        TITLE_2,
        "Harbour Dredging Starts",
        "Ferry Timetable Changes",
        PAGE_TITLE,
    ]
    assert items[0].origin == f"{archive}/2024/march/seed.txt:1"
    assert items[2].origin == f"{archive}/2024/march/feed.jsonl:1"
    assert notes == []


@needs_seed
def test_archive_member_encoding_note_names_the_member(tmp_path):
    """A Windows-1252 member is noted as archive/member."""
    data = SEED.read_text(encoding="utf-8").encode("cp1252")
    archive = make_zip(tmp_path / "old.zip", {"legacy/seed.txt": data})
    items, notes = read_all(archive)
    assert titles(items) == [TITLE_1, TITLE_2]
    assert notes[0].startswith(f"{archive}/legacy/seed.txt: not valid UTF-8")


@needs_seed
def test_archive_from_an_upload_and_with_format_override(tmp_path):
    """An archive given as a file object is expanded too; `format` applies to its members."""
    data = zip_bytes({"scrape.json": SEED.read_bytes()})
    items, _ = read_all(("upload.zip", io.BytesIO(data)), format="plaintext")
    assert titles(items) == [TITLE_1, TITLE_2]
    assert items[0].origin == "upload.zip/scrape.json:1"


@needs_seed
def test_archive_recognised_by_content_whatever_its_name(tmp_path):
    """A ZIP named .txt is still an archive."""
    path = tmp_path / "batch.txt"
    path.write_bytes(zip_bytes({"seed.txt": SEED.read_bytes()}))
    assert titles(read_all(path)[0]) == [TITLE_1, TITLE_2]


@needs_seed
def test_bad_members_are_reported_and_the_rest_read(tmp_path):
    """A binary or empty member is one error naming archive and member; the others import."""
    archive = make_zip(
        tmp_path / "mixed.zip",
        {"photo.txt": PNG, "empty.txt": b"", "seed.txt": SEED.read_bytes()},
    )
    items, _ = read_all(archive)
    assert errors(items) == [
        f"{archive}/photo.txt:0: binary file (looks like PNG), not an article export",
        f"{archive}/empty.txt:0: the file is empty",
    ]
    assert titles(items) == [TITLE_1, TITLE_2]


@needs_seed
def test_zip_inside_a_zip_is_refused(tmp_path):
    """An inner archive is not expanded, whether named .zip or only zipped inside."""
    inner = zip_bytes({"seed.txt": SEED.read_bytes()})
    archive = make_zip(tmp_path / "outer.zip", {"inner.zip": inner, "disguised.txt": inner})
    items, _ = read_all(archive)
    message = "a ZIP archive inside a ZIP archive is not expanded: unzip it and import its files"
    assert errors(items) == [
        f"{archive}/inner.zip:0: {message}",
        f"{archive}/disguised.txt:0: {message}",
    ]
    assert titles(items) == []


@needs_seed
def test_zip_bomb_is_refused_by_ratio_before_decompressing(tmp_path, no_decompression):
    """200 MB of zeros squeezed into under 1 MB: refused from the central directory, so not a
    byte is decompressed."""
    bomb = tmp_path / "bomb.zip"
    block = bytes(1024 * 1024)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("seed.txt", SEED.read_bytes())
        with archive.open("zeros.txt", "w") as member:
            for _ in range(200):
                member.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    items, _ = read_all(bomb)
    [message] = errors(items)
    assert message.startswith(f"{bomb}/zeros.txt:0: compressed ")
    assert "over the 100 to 1 limit (IMPORT_MAX_COMPRESSION_RATIO)" in message
    assert message.endswith("refused as a possible zip bomb, before decompressing")
    assert titles(items) == []  # the whole archive is refused, the seed with it


@needs_seed
def test_archive_total_size_is_checked_before_decompressing(tmp_path, no_decompression):
    """The members' declared sizes add up past max_archive_bytes: refused unread."""
    archive = make_zip(
        tmp_path / "big.zip", {"a.txt": SEED.read_bytes(), "b.txt": SEED.read_bytes()}
    )
    limit = SEED.stat().st_size + 10
    items, _ = read_all(archive, limits=Limits(max_archive_bytes=limit))
    [message] = errors(items)
    assert message.startswith(f"{archive}:0: the archive would expand to ")
    assert message.endswith("limit (IMPORT_MAX_ARCHIVE_BYTES): refused before decompressing")


def test_archive_with_too_many_members_is_refused_before_its_directory_is_read(
    tmp_path, monkeypatch
):
    """The member count comes from the end record, before zipfile lists the members."""
    archive = make_zip(tmp_path / "many.zip", {f"{i}.txt": b"x" for i in range(5)})

    def refuse(*args, **kwargs):
        raise AssertionError("the central directory was parsed")

    monkeypatch.setattr(zipfile, "ZipFile", refuse)
    items, _ = read_all(archive, limits=Limits(max_archive_members=4))
    assert errors(items) == [
        f"{archive}:0: the archive holds 5 files, over the 4 limit (IMPORT_MAX_ARCHIVE_MEMBERS): "
        "refused before decompressing"
    ]


@needs_seed
def test_member_over_the_file_limit_is_refused_alone(tmp_path):
    """One member bigger than max_file_bytes is refused; smaller ones import."""
    archive = make_zip(
        tmp_path / "two.zip", {"big.txt": SEED.read_bytes() * 3, "seed.txt": SEED.read_bytes()}
    )
    limit = SEED.stat().st_size + 100
    items, _ = read_all(archive, limits=Limits(max_file_bytes=limit))
    [message] = errors(items)
    assert message.startswith(f"{archive}/big.txt:0: the file is ")
    assert message.endswith("(IMPORT_MAX_FILE_BYTES)")
    assert titles(items) == [TITLE_1, TITLE_2]


@needs_seed
def test_archive_itself_over_the_archive_limit_is_refused_unread(tmp_path):
    """The archive file's own size counts against max_archive_bytes."""
    archive = make_zip(tmp_path / "a.zip", {"seed.txt": SEED.read_bytes()}, zipfile.ZIP_STORED)
    items, _ = read_all(archive, limits=Limits(max_archive_bytes=1000))
    [message] = errors(items)
    assert message.startswith(f"{archive}:0: the archive is ")
    assert message.endswith("over the 1,000 bytes limit (IMPORT_MAX_ARCHIVE_BYTES)")


def test_member_lying_about_its_size_is_stopped(tmp_path):
    """A member whose directory says 100 bytes but holds 50 KB passes the directory checks, is
    cut at 100 bytes while decompressing, and refused: its data does not match."""
    data = patch_headers(zip_bytes({"story.txt": b"word " * 10_000}), size=100)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("story.txt").file_size == 100
    items, _ = read_all(("forged.zip", io.BytesIO(data)), limits=Limits(max_file_bytes=1000))
    [message] = errors(items)
    assert message.startswith("forged.zip/story.txt:0: could not be decompressed (Bad CRC-32")
    assert message.endswith(
        "does not match the archive's directory; the archive is damaged or forged"
    )


def test_bytes_beyond_the_declared_size_are_counted(tmp_path, monkeypatch):
    """Should a ZIP reader ever hand out more than the directory declared, the count of bytes
    actually produced stops the member."""
    archive = make_zip(tmp_path / "a.zip", {"story.txt": b"short text\n"})
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info: io.BytesIO(b"x" * 500_000))
    items, _ = read_all(archive)
    assert errors(items) == [
        f"{archive}/story.txt:0: holds more than the 11 bytes the archive's directory declares: "
        "refused as a possible zip bomb"
    ]


@needs_seed
def test_encrypted_member_is_reported(tmp_path):
    """A password-protected member cannot be read: said so, not a decoding error."""
    data = patch_headers(zip_bytes({"seed.txt": SEED.read_bytes()}), flags=0x1)
    items, _ = read_all(("locked.zip", io.BytesIO(data)))
    assert errors(items) == [
        "locked.zip/seed.txt:0: the file is encrypted: password-protected ZIP files cannot be read"
    ]


def test_damaged_archive_and_empty_archive(tmp_path):
    """A .zip that is not one, and an archive with nothing to import, are one error each."""
    broken = tmp_path / "broken.zip"
    broken.write_text("this is not really an archive\n")
    empty = make_zip(tmp_path / "empty.zip", {"__MACOSX/._a": b"\x00", "folder/.keep": b""})
    items, _ = read_all(broken, empty)
    assert errors(items)[0].startswith(f"{broken}:0: not a readable ZIP archive (")
    assert errors(items)[1] == f"{empty}:0: the archive holds no files to import"


@needs_seed
def test_archive_members_are_read_lazily(tmp_path, monkeypatch):
    """Members are expanded one at a time as records are consumed, not all up front."""
    archive = make_zip(
        tmp_path / "a.zip", {"one.txt": SEED.read_bytes(), "two.txt": SEED.read_bytes()}
    )
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, info, *args, **kwargs):
        opened.append(info.filename)
        return real_open(self, info, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    stream = read_inputs([archive], notes=[])
    assert next(stream).title == TITLE_1
    assert opened == ["one.txt"]
    list(stream)
    assert opened == ["one.txt", "two.txt"]


# --- the command -------------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_command_format_override(tmp_path):
    """--format reads a file its extension would misname; without it the file fails."""
    copy = tmp_path / "seed.json"
    copy.write_bytes(SEED.read_bytes())
    with pytest.raises(CommandError):
        run_command("import_articles", str(copy))
    assert Article.objects.count() == 0
    out, _ = run_command("import_articles", str(copy), "--format", "plaintext")
    assert out.strip().splitlines()[-1] == "created 2, updated 0, skipped 0 duplicates, failed 0"
    assert ImportRecord.objects.latest("pk").format == "plaintext"


@pytest.mark.django_db
def test_command_format_choices_are_the_parsers():
    """--format offers exactly the importers."""
    with pytest.raises(CommandError, match="invalid choice"):
        run_command("import_articles", str(SEED), "--format", "docx")
    assert set(inputs.PARSERS) == {"plaintext", "jsonl", "json", "csv", "html"}


@pytest.mark.django_db
def test_command_detects_json_lines_by_content(tmp_path):
    """A file with an unknown extension holding JSON Lines is read as such."""
    feed = tmp_path / "feed.dat"
    feed.write_text(JSONL)
    out, _ = run_command("import_articles", str(feed))
    assert out.strip().endswith("created 2, updated 0, skipped 0 duplicates, failed 0")
    assert ImportRecord.objects.get().format == "jsonl"


@needs_seed
@pytest.mark.django_db
def test_command_imports_an_archive(tmp_path):
    """A ZIP of a seed copy, a JSON Lines file and a saved page imports all five articles."""
    archive = make_zip(
        tmp_path / "batch.zip",
        {
            "seed.txt": SEED.read_bytes(),
            "feed.jsonl": JSONL.encode(),
            "page.html": PAGE.read_bytes(),
        },
    )
    out, _ = run_command("import_articles", str(archive))
    assert out.strip().splitlines()[-1] == "created 5, updated 0, skipped 0 duplicates, failed 0"
    assert Article.objects.filter(title=PAGE_TITLE, byline="Mara Lindqvist").exists()
    assert ImportRecord.objects.get().format == "zip"


@needs_seed
@pytest.mark.django_db
def test_command_reports_a_binary_file_and_writes_nothing(tmp_path):
    """A PNG among the inputs is reported as file:0 and, by default, nothing is written."""
    photo = tmp_path / "photo.txt"
    photo.write_bytes(PNG)
    out = io.StringIO()
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_articles", str(SEED), str(photo), stdout=out, stderr=err)
    assert f"{photo}:0: binary file (looks like PNG), not an article export" in err.getvalue()
    assert Article.objects.count() == 0
    # The import's format is that of the files that have one.
    assert ImportRecord.objects.get().format == "plaintext"


@needs_seed
@pytest.mark.django_db
def test_command_notes_windows_1252(tmp_path):
    """The encoding fallback of a file is printed as a note naming it."""
    path = tmp_path / "cp.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252"))
    _, err = run_command("import_articles", str(path))
    assert f"note: {path}: not valid UTF-8" in err
    assert Article.objects.filter(title=TITLE_2).exists()
