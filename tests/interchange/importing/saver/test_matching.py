"""Matching (interchange/importing/saver/matching.py): new, duplicate, update, changed, by
external id, URL and content hash, within a batch and across; the queries per batch."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import content
from articles.models import Article, ImageCaption
from interchange.importing.records import (
    CaptionRecord,
)
from interchange.importing.saver.run import save_records
from interchange.models import Job
from tests.factories import make_annotation, make_article
from tests.interchange.importing.native_records import (
    BODY,
    CAPTION,
    TITLE,
    native,
    record,
    statuses,
)

pytestmark = pytest.mark.django_db


# --- matching ----------------------------------------------------------------------------------


def test_same_text_under_the_same_external_id_is_a_duplicate():
    """Matched by external id with the same text: skipped, not written again."""
    save_records([record(external_id="ap-1")])
    result = save_records([record(external_id="ap-1", origin="again.jsonl:4")])
    assert (result.created, result.updated, result.skipped) == (0, 0, 1)
    assert statuses(result) == ["duplicate"]
    assert Article.objects.count() == 1


def test_same_text_at_the_same_url_is_a_duplicate():
    """Matched by URL with the same text: skipped."""
    save_records([record(url="https://ex.org/a")])
    result = save_records([record(url="https://ex.org/a")])
    assert (result.created, result.skipped) == (0, 1)


def test_same_text_without_ids_is_a_duplicate_by_content_hash():
    """Without external id or URL, the canonical text identifies the article: extra spaces and
    CR LF do not make a new one."""
    save_records([record()])
    result = save_records([record(title=f"  {TITLE} ", body=BODY.replace("\n", "\r\n") + "\n")])
    assert (result.created, result.skipped) == (0, 1)
    assert result.preview[0]["message"] == f"same text as article {Article.objects.get().pk}"


def test_same_text_under_a_new_external_id_is_still_a_duplicate():
    """The content hash is the last key: same text is the same article whatever the ids."""
    save_records([record(external_id="ap-1")])
    result = save_records([record(external_id="reuters-9")])
    assert (result.created, result.skipped) == (0, 1)


def test_url_under_another_external_id_is_another_article():
    """Two different publisher ids at one URL are two articles, not an update."""
    save_records([record(external_id="ap-1", url="https://ex.org/live")])
    result = save_records([record(title="Later", external_id="ap-2", url="https://ex.org/live")])
    assert (result.created, result.updated) == (1, 0)
    assert Article.objects.count() == 2


def test_new_text_under_a_known_external_id_updates_the_article():
    """Matched by external id, text changed, no annotations: title, body, captions and the
    metadata the record carries are replaced, and the revision goes up."""
    old = make_article(title="Old", body="Old text.", captions=[("Old caption", "AP")])
    Article.objects.filter(pk=old.pk).update(external_id="ap-1", outlet="Wire")
    result = save_records(
        [record(external_id="ap-1", captions=[CAPTION], byline="Ana Ruiz", url="https://x.org/1")]
    )
    assert (result.created, result.updated, result.changed) == (0, 1, 0)
    assert statuses(result) == ["update"]
    old.refresh_from_db()
    assert (old.title, old.body, old.revision) == (TITLE, BODY, 2)
    assert old.content_hash == content.content_hash(TITLE, BODY)
    assert (old.byline, old.url, old.outlet) == ("Ana Ruiz", "https://x.org/1", "Wire")
    assert list(old.captions.values_list("position", "text", "credit")) == [
        (0, CAPTION.text, CAPTION.credit)
    ]
    assert result.notices[0]["level"] == "update"


def test_new_text_at_a_known_url_updates_the_article():
    """Matched by URL, text changed, no annotations: updated, and a missing external id is
    filled in."""
    old = make_article(title="Old", body="Old text.", url="https://ex.org/a")
    result = save_records([record(url="https://ex.org/a", external_id="ap-7")])
    assert result.updated == 1
    old.refresh_from_db()
    assert (old.title, old.external_id, old.revision) == (TITLE, "ap-7", 2)


def test_new_text_of_an_annotated_article_is_changed_and_not_overwritten():
    """An annotated article keeps its text: the record is counted and reported as changed,
    with its origin."""
    old = make_article(title="Old", body="Old text here.", external_id="ap-1")
    make_annotation(old, quote="Old text")
    result = save_records([record(external_id="ap-1", origin="feed.jsonl:7")], files=["feed"])
    assert (result.created, result.updated, result.changed, result.skipped) == (0, 0, 1, 0)
    assert statuses(result) == ["changed"]
    old.refresh_from_db()
    assert (old.title, old.body, old.revision) == ("Old", "Old text here.", 1)
    notice = result.notices[0]
    assert (notice["level"], notice["file"], notice["line"]) == ("changed", "feed.jsonl", 7)
    assert "has annotations" in notice["message"]
    stored = Job.objects.get()
    assert stored.count("changed") == 1
    assert notice in stored.report
    assert "1 changed but annotated" in result.summary()


def test_new_text_of_an_approved_article_is_changed_and_not_overwritten():
    """An approved article is read-only until a reviewer reopens it, annotated or not: a new
    text for it is reported as changed (saying why), and neither its text nor the record's
    annotations are written."""
    old = make_article(title="Old", body="Old text here.", external_id="ap-1")
    Article.objects.filter(pk=old.pk).update(status=Article.Status.APPROVED)
    result = save_records([native(origin="feed.jsonl:2")], files=["feed"])
    assert (result.created, result.updated, result.changed) == (0, 0, 1)
    old.refresh_from_db()
    assert (old.title, old.body, old.revision) == ("Old", "Old text here.", 1)
    assert "it is approved" in result.notices[0]["message"]
    assert not old.annotations.exists()


def test_an_article_whose_annotations_were_all_deleted_is_still_changed():
    """Deleted annotations are kept for undo, and their offsets point into the old text."""
    old = make_article(title="Old", body="Old text here.", external_id="ap-1")
    make_annotation(old, quote="Old text").mark_deleted()
    result = save_records([record(external_id="ap-1")])
    assert result.changed == 1


def test_an_update_is_seen_by_later_records_of_the_same_batch():
    """Records are matched as if saved one by one: after an update, the old text is gone, so a
    later record with that old text is new."""
    make_article(title="Old", body="Old text.", external_id="ap-1")
    result = save_records([record(external_id="ap-1"), record(title="Old", body="Old text.")])
    assert (result.updated, result.created) == (1, 1)


def test_the_same_record_twice_in_a_batch_is_written_once():
    """An identical record later in the batch is a duplicate of the first."""
    result = save_records([record(), record(origin="feed.jsonl:2")], batch_size=100)
    assert (result.created, result.skipped) == (1, 1)
    assert statuses(result) == ["new", "duplicate"]
    assert result.preview[1]["message"] == f"same text as article {Article.objects.get().pk}"


def test_a_repeat_of_a_changed_record_is_changed_too():
    """A record repeating one that was refused as changed is refused the same way."""
    old = make_article(title="Old", body="Old text here.", external_id="ap-1")
    make_annotation(old, quote="Old text")
    result = save_records([record(external_id="ap-1"), record(external_id="ap-1")])
    assert (result.changed, result.skipped) == (2, 0)


def test_a_corrected_record_later_in_the_batch_updates_the_earlier_one():
    """Same external id, new text, in one run: the first creates, the second updates."""
    result = save_records(
        [record(external_id="ap-1"), record(external_id="ap-1", body="Corrected.")],
        batch_size=100,
    )
    assert (result.created, result.updated) == (1, 1)
    assert Article.objects.get().body == "Corrected."


def test_queries_grow_with_batches_not_records():
    """No query per record: each batch of plain articles with captions costs the dedupe query
    and two inserts (batches of 64 articles with 128 captions: one statement each), plus, on
    SQLite, the query that reads the new articles' keys back (PostgreSQL returns them)."""

    def queries(count: int, start: int) -> int:
        records = [
            record(title=f"Story {n}", captions=[CAPTION, CAPTION])
            for n in range(start, start + count)
        ]
        with CaptureQueriesContext(connection) as captured:
            save_records(records, batch_size=64)
        return len(captured.captured_queries)

    one_batch = queries(64, 0)
    three_batches = queries(3 * 64, 1000)
    per_batch = 4 if connection.vendor == "sqlite" else 3
    assert three_batches - one_batch == 2 * per_batch
    assert one_batch <= 6 + per_batch  # + the Job, savepoint, tags and registry names
    assert ImageCaption.objects.count() == 4 * 128


def test_saved_rows_equal_what_the_models_would_store():
    """The inserts bypass Article.save and ImageCaption.save, so the saver canonicalises the
    same way and fills the same defaults."""
    result = save_records(
        [
            record(
                title=" Spaced\u00a0 Title ",
                body="Para one.  \r\n\r\n\r\nPara two.\u2028",
                captions=[CaptionRecord(" A  caption ", " AP ")],
                published=datetime(2024, 5, 1, 8, 30),
            )
        ]
    )
    saved = Article.objects.get()
    manual = Article(title=" Spaced\u00a0 Title ", body="Para one.  \r\n\r\n\r\nPara two.\u2028")
    manual.save()
    assert (saved.title, saved.body, saved.content_hash) == (
        manual.title,
        manual.body,
        manual.content_hash,
    )
    assert (saved.revision, saved.status) == (1, "new")
    assert saved.created is not None and saved.updated is not None
    assert saved.published == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    assert saved.captions.get().text == "A caption"
    assert result.titles == ["Spaced Title"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
def test_dedupe_queries_use_indexes():
    """Finding stored articles by external id, URL and content hash never scans the table:
    the partial indexes are used (the queries repeat their conditions)."""
    with CaptureQueriesContext(connection) as captured:
        save_records([record(external_id="ap-1", url="https://ex.org/a")])
    lookups = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith('SELECT "articles_article"."id"')
    ]
    assert len(lookups) == 3
    with connection.cursor() as cursor:
        for sql in lookups:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "USING" in plan and "INDEX" in plan, (sql, plan)
