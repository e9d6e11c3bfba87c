"""manage.py suggest_attributions: JSON Lines for files, offsets into the file as stored."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

TEXT = (
    'The port authority said that the quay would reopen.\n\n"We are ready," Ana Berg said.\n'
    "Prices rose, according to the statistics office.\n"
)


def run(*args: str) -> tuple[list[dict], str]:
    """The command's JSON lines (parsed) and its standard error."""
    out, err = StringIO(), StringIO()
    call_command("suggest_attributions", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_every_key_and_doc_from_file_name(tmp_path: Path) -> None:
    """Each line has every key; doc is the file name without folder and last extension."""
    path = tmp_path / "story.v2.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    records, err = run(str(path))
    assert len(records) == 3
    for record in records:
        assert set(record) == {"doc", "source", "cue", "content", "confidence", "source_entity"}
        assert record["doc"] == "story.v2"
    assert "3 suggestion(s)" in err


def test_bom_and_crlf_copy_gets_same_suggestions_with_stored_offsets(tmp_path: Path) -> None:
    """A BOM+CRLF copy gives the same suggestions as the LF file, offsets into the stored text."""
    lf = tmp_path / "lf.txt"
    lf.write_bytes(TEXT.encode("utf-8"))
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(("\ufeff" + TEXT.replace("\n", "\r\n")).encode("utf-8"))
    lf_records, _ = run(str(lf))
    crlf_records, _ = run(str(crlf))
    stored_lf, stored_crlf = TEXT, "\ufeff" + TEXT.replace("\n", "\r\n")
    assert len(lf_records) == len(crlf_records) == 3
    for a, b in zip(lf_records, crlf_records, strict=True):
        for role in ("source", "cue", "content"):
            assert [stored_lf[s:e] for s, e in a[role]] == [stored_crlf[s:e] for s, e in b[role]]
        assert a["confidence"] == b["confidence"]
    assert crlf_records[1]["cue"] != lf_records[1]["cue"]  # shifted by the BOM and a CR


def test_output_file_and_min_confidence(tmp_path: Path) -> None:
    """-o writes the lines to a file (stdout stays empty); --min-confidence filters them."""
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    records, _ = run(str(path), "-o", str(out))
    assert records == []
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    high, _ = run(str(path), "--min-confidence", "0.86")
    assert 0 < len(high) < 3
    assert all(r["confidence"] >= 0.86 for r in high)
