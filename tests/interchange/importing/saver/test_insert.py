"""Bulk inserts (interchange/importing/saver/insert.py): statement sizes, keys in row order."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.models import Annotation
from articles.models import Article
from interchange.importing.saver.insert import ANNOTATION_COLUMNS, ARTICLE_COLUMNS, Insert
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db


def test_inserts_in_statements_of_powers_of_two_keep_row_order():
    """A batch is sent in a few statement sizes (a power of two and the rest in smaller
    powers), and the keys come back in row order."""
    insert = Insert(Article, ARTICLE_COLUMNS)
    insert.per_statement = 4
    stamp = insert.prepare("created", datetime(2024, 5, 1, tzinfo=UTC))
    rows = [
        (f"T{n}", "Body.", "", "", "", None, "", f"{n:064}", 1, "new", stamp, stamp)
        for n in range(7)
    ]
    with CaptureQueriesContext(connection) as captured:
        ids = insert(rows)
    assert [Article.objects.get(pk=pk).title for pk in ids] == [f"T{n}" for n in range(7)]
    if connection.vendor == "sqlite":  # one executemany, then the keys read back
        assert len(captured.captured_queries) == 2
    else:
        assert len(captured.captured_queries) == 3  # 4 + 2 + 1 rows, keys returned
        assert sorted(size for size, _ in insert._sql) == [1, 2, 4]


def test_keys_come_back_in_row_order_after_other_rows_and_skipped_ones():
    """The keys of an insert are those of its own rows, in order, even when rows with higher
    explicit keys came before it in the transaction and some rows are skipped as taken."""
    make_article(title="Placed high", pk=10_000)
    articles = Insert(Article, ARTICLE_COLUMNS)
    stamp = articles.prepare("created", datetime(2024, 5, 1, tzinfo=UTC))
    rows = [
        (f"T{n}", "Body.", "", "", "", None, "", f"{n:064}", 1, "new", stamp, stamp)
        for n in range(3)
    ]
    ids = articles(rows)
    assert [Article.objects.get(pk=pk).title for pk in ids] == ["T0", "T1", "T2"]

    spans = Insert(Annotation, ANNOTATION_COLUMNS, skip_existing="client_id")
    taken = make_annotation(Article.objects.get(pk=ids[0]), start=0, end=4)
    tag, author = taken.tag_id, taken.author_id
    fresh = [uuid.uuid4() for _ in range(3)]
    values = [fresh[0], taken.client_id, fresh[1], fresh[2]]
    made = spans.new_rows(
        [
            (
                spans.prepare("client_id", value),
                ids[0],
                "body",
                None,
                0,
                4,
                "Body",
                "",
                ".",
                tag,
                "",
                None,
                author,
                "pending",
                stamp,
                stamp,
            )  # fmt: skip
            for value in values
        ]
    )
    stored = {a.pk: a.client_id for a in Annotation.objects.exclude(pk=taken.pk)}
    assert {stored[pk] for pk in made.values()} == set(fresh)
    assert len(made) == 3
