"""ZIP archives (interchange/importing/archives.py): members read lazily, bombs and lies refused
before decompressing."""

from __future__ import annotations

import io
import zipfile

import pytest

from interchange.importing.intake import Limits, read_inputs
from tests.conftest import needs_seed
from tests.interchange.importing.intake_factories import (
    JSONL,
    PAGE,
    PAGE_TITLE,
    PNG,
    errors,
    make_zip,
    patch_headers,
    read_all,
    titles,
    zip_bytes,
)
from tests.interchange.importing.plaintext_factories import SEED, TITLE_1, TITLE_2


@pytest.fixture
def no_decompression(monkeypatch):
    """Fail the test if any archive member is opened for reading (writing one is fine)."""
    real_open = zipfile.ZipFile.open

    def read_refused(self, name, mode="r", *args, **kwargs):
        if mode == "r":
            raise AssertionError("a member was decompressed")
        return real_open(self, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", read_refused)


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


def test_members_whose_path_leads_outside_are_skipped_with_a_note(tmp_path):
    """`../x`, `a/../../x` and `/etc/x` are never read, and the report says which were skipped
    and why, while the archive's ordinary members import."""
    archive = make_zip(
        tmp_path / "crafted.zip",
        {
            "feed.jsonl": JSONL.encode(),
            "../evil.jsonl": JSONL.encode(),
            "a/../../evil2.jsonl": JSONL.encode(),
            "/etc/evil3.jsonl": JSONL.encode(),
        },
    )
    items, notes = read_all(archive)
    assert errors(items) == []
    assert titles(items) == ["Harbour Dredging Starts", "Ferry Timetable Changes"]
    assert notes == [
        f"{archive}: skipped '{name}': its path leads outside the archive"
        for name in ("../evil.jsonl", "a/../../evil2.jsonl", "/etc/evil3.jsonl")
    ]


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
