"""read_inputs (interchange/importing/intake.py): paths and uploads, one-way streams, limits,
every format routed to its parser."""

from __future__ import annotations

import io

import pytest

from interchange.importing.intake import Limits
from tests.conftest import needs_seed
from tests.interchange.importing.intake_factories import (
    JSONL,
    PAGE,
    PAGE_TITLE,
    PNG,
    errors,
    read_all,
    titles,
)
from tests.interchange.importing.plaintext_factories import SEED, TITLE_1, TITLE_2

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
