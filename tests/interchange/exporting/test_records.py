"""The records' text helpers: notes as plain text, an article's texts laid end to end."""

from __future__ import annotations

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
