"""Decoding import files (interchange/importing/decoding.py): the encoding fallbacks, chunks,
streams that cannot seek."""

from __future__ import annotations

import io

from interchange.importing import decoding
from interchange.importing.decoding import decode_lines
from interchange.importing.plaintext import parse
from tests.conftest import needs_seed
from tests.interchange.importing.plaintext_factories import (
    TITLE_1,
    TITLE_2,
    article_text,
    paragraphs,
    parse_bytes,
    seed_text,
)


@needs_seed
def test_windows_1252_fallback_is_noted(tmp_path):
    """A file that is not UTF-8 is decoded as Windows-1252 and the note says so."""
    path = tmp_path / "cp.txt"
    path.write_bytes(seed_text().encode("cp1252"))
    lines, note = decode_lines(path, "cp.txt")
    assert note is not None
    assert "Windows-1252" in note
    assert "line 43" in note  # the first curly apostrophe
    assert TITLE_2 in list(lines)


@needs_seed
def test_decode_text_gives_whole_lines_in_chunks_as_decode_lines_decodes_them(
    tmp_path, monkeypatch
):
    """decode_text: the same text and encoding note as decode_lines, CR LF and CR made LF, in
    chunks that each end at a line end."""
    monkeypatch.setattr(decoding, "TEXT_CHUNK", 64)
    text = seed_text().replace("\n", "\r\n", 20).replace("\n", "\r", 3)
    path = tmp_path / "cp.txt"
    path.write_bytes(text.encode("cp1252"))
    chunks, note = decoding.decode_text(path, "cp.txt")
    chunks = list(chunks)
    lines, line_note = decode_lines(path, "cp.txt")
    assert note == line_note and "Windows-1252" in note
    assert "".join(chunks).removesuffix("\n").split("\n") == list(lines)
    assert len(chunks) > 10
    assert all(chunk.endswith("\n") for chunk in chunks[:-1])
    assert "\r" not in "".join(chunks)


def test_latin1_fallback_when_a_byte_is_undefined_in_1252(tmp_path):
    """A byte that Windows-1252 leaves undefined makes the file Latin-1."""
    text = article_text(title="Z\u00fcrich Caf\u00e9 Reopens", paragraphs=("Ca\u00f1a \x81 ok.",))
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    lines, note = decode_lines(path, "latin.txt")
    (record,) = parse(lines, "latin.txt")
    assert "Latin-1" in note
    assert record.title == "Z\u00fcrich Caf\u00e9 Reopens"
    assert record.body == "Ca\u00f1a \x81 ok."


def test_latin1_text_in_1252_range_reads_correctly(tmp_path):
    """Latin-1 letters (all inside Windows-1252's range) come out right."""
    text = article_text(
        title="S\u00e3o Paulo Mayor \u00c9lu", paragraphs=("Na\u00efve \u00fcber.",)
    )
    (record,) = parse_bytes(tmp_path, text.encode("latin-1"))
    assert record.title == "S\u00e3o Paulo Mayor \u00c9lu"
    assert record.body == "Na\u00efve \u00fcber."


def test_late_invalid_byte_decodes_the_whole_file_consistently(tmp_path):
    """A bad byte far past the first chunk still switches the whole file to Windows-1252
    before any line is read, and the note names its line."""
    filler = tuple(
        f"Paragraph {n} says nothing in particular, the clerk said." for n in range(3000)
    )
    text = article_text(title="Cafe Opens", paragraphs=(*filler, "Last \u2019word\u2019."))
    data = text.encode("cp1252")
    assert max(data[:150_000]) < 0x80 and b"\x92" in data[150_000:]
    path = tmp_path / "late.txt"
    path.write_bytes(data)
    lines, note = decode_lines(path, "late.txt")
    (record,) = parse(lines, "late.txt")
    assert "Windows-1252" in note
    last_line = text.split("\n").index("Last \u2019word\u2019.") + 1
    assert f"line {last_line}" in note
    assert record.title == "Cafe Opens"
    assert paragraphs(record)[-1] == "Last \u2019word\u2019."


class _Unseekable(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self._inner.readinto(buffer)


@needs_seed
def test_unseekable_stream_is_spooled(tmp_path):
    """A stream that cannot seek (a pipe, an upload) reads like a file."""
    stream = io.BufferedReader(_Unseekable(seed_text().encode("cp1252")))
    lines, note = decode_lines(stream, "pipe.txt")
    records = list(parse(lines, "pipe.txt"))
    assert "Windows-1252" in note
    assert [r.title for r in records] == [TITLE_1, TITLE_2]


@needs_seed
def test_binary_stream_is_read_from_its_position_and_left_open():
    """A caller's stream is read from where it stands and not closed afterwards."""
    stream = io.BytesIO(b"junk" + seed_text().encode())
    stream.seek(4)
    lines, _ = decode_lines(stream, "stream.txt")
    assert [r.title for r in parse(lines, "stream.txt")] == [TITLE_1, TITLE_2]
    assert not stream.closed
