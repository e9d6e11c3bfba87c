"""The records' text helpers: notes as plain text, an article's texts laid end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interchange.exporting import records
from tests.interchange.exporting.sample_db import NOTE, annotated_article, one


def test_note_text_is_one_plain_line():
    """Tags go, entities are decoded, paragraphs are kept apart by a space."""
    assert records.note_text(NOTE) == "Check the date & the minutes. Then call."
    assert records.note_text("") == ""


@pytest.mark.django_db
def test_flat_text_offsets_put_each_part_where_it_is():
    """Shifted by where its part starts, every span cuts its quote out of the flat text."""
    article, _ = annotated_article()
    loaded = one(article)
    flat = records.flat_text(loaded)
    for a in loaded.annotations:
        shift = flat.offset(a.target, a.caption)
        assert flat.text[a.start + shift : a.end + shift] == a.quote


def test_records_and_the_native_format_import_nothing_of_django():
    """The record layer is pure Python: importing it (and the native format's tables, and the
    native writer generated from them) in a fresh interpreter loads no Django module, so
    writers can be used and tested without it."""
    code = (
        "import sys, interchange.exporting.records, interchange.native,"
        " interchange.exporting.native;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
