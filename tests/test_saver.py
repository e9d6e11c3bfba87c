"""The saver's rules: matching, update vs changed, all or nothing, dry runs and previews, the
ImportRecord's life, progress, and annotated (native) records."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations import anchoring
from annotations.models import Annotation, Attribution, Source, SourceAlias
from articles import content
from articles.importers import saver
from articles.importers.records import (
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    CaptionRecord,
    RecordError,
    SourceRecord,
)
from articles.importers.saver import save_records
from articles.models import Article, ImageCaption, ImportRecord

from .factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

TITLE = "Council Votes on Bridge Repairs"
BODY = "The council approved the repairs, the mayor said.\n\nWork starts in May."
CAPTION = CaptionRecord("Traffic crosses the old bridge.", "City Press")
CLAIM_ID = "6f1c2a7e-3b4d-4e8f-9a0b-1c2d3e4f5a6b"
SOURCE_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
CUE_ID = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b"
QUOTE_ID = "2c3d4e5f-6071-4829-8b3c-4d5e6f7a8b9c"
CREATED = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)


# --- factories ---------------------------------------------------------------------------------


def record(title: str = TITLE, body: str = BODY, **fields) -> ArticleRecord:
    fields.setdefault("origin", "feed.jsonl:1")
    return ArticleRecord(title=title, body=body, **fields)


def span(
    quote: str, *, id: str = "", tag: str = "Claim", target: str = "body", text: str = BODY, **f
):
    """An AnnotationRecord over the first occurrence of `quote` in `text`."""
    start = text.index(quote)
    fields = {"author": "ana", "status": "accepted", "created": CREATED, "updated": CREATED}
    fields.update(f)
    return AnnotationRecord(
        target=target, start=start, end=start + len(quote), quote=quote, tag=tag, id=id, **fields
    )


def native(**fields) -> ArticleRecord:
    """A native record: caption, a claim, its source (a registry entry) and cue, linked."""
    fields.setdefault("external_id", "ap-1")
    fields.setdefault("captions", [CAPTION])
    fields.setdefault(
        "annotations",
        [
            span("The council approved the repairs", id=CLAIM_ID),
            span("mayor", id=SOURCE_ID, tag="Source", source="Mayor of Springfield"),
            span("said", id=CUE_ID, tag="Cue", author="ben"),
            span(
                "old bridge",
                id=QUOTE_ID,
                tag="Quote",
                target="caption",
                caption=0,
                text=CAPTION.text,
            ),
        ],
    )
    fields.setdefault(
        "attributions",
        [AttributionRecord(claim=CLAIM_ID, source_span=SOURCE_ID, cue=CUE_ID, author="ana")],
    )
    fields.setdefault(
        "sources",
        [SourceRecord("Mayor of Springfield", "person", "Elected 2022", ["the mayor", "Mayor"])],
    )
    return record(**fields)


def counts() -> tuple[int, ...]:
    User = get_user_model()
    return (
        Article.objects.count(),
        ImageCaption.objects.count(),
        Annotation.all_objects.count(),
        Attribution.objects.count(),
        Source.objects.count(),
        SourceAlias.objects.count(),
        User.objects.count(),
    )


def statuses(result) -> list[str]:
    return [row["status"] for row in result.preview]


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
    stored = ImportRecord.objects.get()
    assert stored.changed_count == 1
    assert notice in stored.report
    assert "1 changed but annotated" in result.summary()


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
    assert one_batch <= 6 + per_batch  # + the ImportRecord, savepoint, tags and registry names
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


# --- canonical text ----------------------------------------------------------------------------


def test_canonical_body_agrees_with_content_canonical_text():
    """The fast path recognises canonical text exactly: for random text made of the characters
    that matter, content.canonical_text returns what the full rebuild returns."""
    alphabet = ["a", "b", " ", "\t", "\n", "\n\n", "\r", "\u00a0", "\u2028", "\ufeff", "e\u0301"]
    alphabet += ["\x1c", "\u3000", "\x85", "\u00e9", "\x0c"]
    rng = random.Random(3)
    fast = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = content._rebuild_text(text)
        assert content.canonical_text(text) == expected, repr(text)
        assert content.is_canonical_text(text) == (expected == text), repr(text)
        fast += expected == text
    assert fast > 1000  # both branches were exercised


def test_content_hash_agrees_with_content_content_hash():
    """The saver hashes canonical text without re-canonicalising: same digest."""
    title, body = "Caf\u00e9 opens", "One.\n\nTwo \u201cquoted\u201d."
    assert content.hash_canonical(title, body) == content.content_hash(title, body)


# --- checks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "x" * 1001}, "title: Ensure this value has at most 1000 characters"),
        ({"title": " \u00a0 "}, "title: This field cannot be blank."),
        ({"body": "\n\n"}, "body: This field cannot be blank."),
        ({"body": "Nul \x00 byte."}, "body: Null characters are not allowed."),
        ({"url": "not a url"}, "url: Enter a valid URL."),
        ({"outlet": "o" * 201}, "outlet: Ensure this value has at most 200 characters"),
        ({"external_id": "e" * 301}, "external_id: Ensure this value has at most 300"),
        ({"status": "published"}, "status: 'published' is not one of"),
        (
            {"captions": [CaptionRecord("Fine", "c" * 301)]},
            "caption 1: credit: Ensure this value has at most 300 characters",
        ),
        ({"captions": [CaptionRecord(" ", "AP")]}, "caption 1: text: This field cannot be"),
    ],
)
def test_field_limits_are_record_errors(fields, message):
    """What the columns or full_clean would refuse is an error at the record's origin."""
    result = save_records([record(origin="f.jsonl:5", **fields)])
    (error,) = result.errors
    assert (error.file, error.line) == ("f.jsonl", 5)
    assert error.message.startswith(message), error.message
    assert statuses(result) == ["error"]
    assert Article.objects.count() == 0


# --- all or nothing, keep_good, dry run --------------------------------------------------------


def test_any_error_rolls_back_the_whole_run():
    """One bad record and nothing is written, updates included; every error is reported."""
    old = make_article(title="Old", body="Old text.", external_id="ap-1")
    result = save_records(
        [record(external_id="ap-1"), record(title="New"), RecordError("f.jsonl", 3, "broken")]
    )
    assert result.rolled_back
    assert (result.created, result.updated) == (0, 0)
    assert (result.would_create, result.would_update, result.failed) == (1, 1, 1)
    old.refresh_from_db()
    assert old.title == "Old"
    assert Article.objects.count() == 1
    assert ImportRecord.objects.get().status == ImportRecord.Status.FAILED


def test_keep_good_writes_the_good_records_and_reports_the_rest():
    """With keep_good the valid articles are written, bad ones reported, the run DONE."""
    result = save_records(
        [record(), record(title="x" * 1001, origin="f.jsonl:9"), RecordError("f", 3, "bad")],
        keep_good=True,
    )
    assert (result.created, result.failed, result.rolled_back) == (1, 2, False)
    assert Article.objects.count() == 1
    assert statuses(result) == ["new", "error", "error"]
    assert ImportRecord.objects.get().status == ImportRecord.Status.DONE


def test_dry_run_writes_nothing_but_fills_the_preview():
    """A dry run does everything and undoes it: the preview holds one row per record with
    its counts and status; the counts are the real ones."""
    old = make_article(title="Old", body="Old text.", external_id="ap-2")
    annotated = make_article(title="Kept", body="Kept text.", external_id="ap-3")
    make_annotation(annotated, quote="Kept")
    make_article()  # the factory's default text
    before = counts()
    result = save_records(
        [
            native(),
            record(external_id="ap-2", origin="feed.jsonl:2"),
            record(external_id="ap-3", origin="feed.jsonl:3"),
            record(
                title="Minister says the bridge will open in spring",
                body=(
                    "The minister said on Tuesday that the bridge would open in spring.\n\n"
                    "Engineers were less sure, according to a report seen by this newspaper."
                ),
                origin="feed.jsonl:4",
            ),
            RecordError("feed.jsonl", 5, "not valid JSON"),
        ],
        dry_run=True,
    )
    assert counts() == before
    old.refresh_from_db()
    assert old.title == "Old"
    assert (result.created, result.updated, result.changed, result.skipped) == (1, 1, 1, 1)
    assert (result.annotations, result.attributions, result.failed) == (4, 1, 1)
    assert result.preview[0] == {
        "origin": "feed.jsonl:1",
        "title": TITLE,
        "captions": 1,
        "paragraphs": 2,
        "annotations": 4,
        "status": "new",
        "message": "",
    }
    assert statuses(result) == ["new", "update", "changed", "duplicate", "error"]
    assert result.preview[4]["message"] == "not valid JSON"
    stored = ImportRecord.objects.get()
    assert (stored.status, stored.dry_run, stored.total) == ("previewed", True, 5)
    assert stored.preview == result.preview


def test_preview_is_capped_but_counts_are_not():
    """preview_limit bounds the preview (and titles); the counts stay complete."""
    result = save_records([record(title=f"Story {n}") for n in range(30)], preview_limit=10)
    assert result.created == 30
    assert len(result.preview) == 10
    assert len(result.titles) == 10
    assert ImportRecord.objects.get().total == 30


# --- the ImportRecord and progress -------------------------------------------------------------


def test_a_given_record_is_updated_not_duplicated_and_runs_through_its_statuses():
    """With `record`, that row is the run's: RUNNING while it runs, DONE at the end, with the
    total, counts, report and finish time."""
    admin = make_user(role="admin")
    run = ImportRecord.objects.create(
        user=admin, files=["upload.jsonl"], format="jsonl", status=ImportRecord.Status.QUEUED
    )
    seen = []

    def progress(done: int, errors: int) -> None:
        seen.append((done, errors, ImportRecord.objects.get(pk=run.pk).status))

    result = save_records([record(), record(title="Two")], record=run, progress=progress)
    assert result.record == run
    assert ImportRecord.objects.count() == 1
    run.refresh_from_db()
    assert seen[0][2] == ImportRecord.Status.RUNNING
    assert (run.status, run.total, run.created_count, run.format) == ("done", 2, 2, "jsonl")
    assert (run.files, run.user) == (["upload.jsonl"], admin)
    assert run.finished is not None
    assert len(run.preview) == 2


def test_a_crash_marks_the_record_failed():
    """An unexpected exception rolls back, marks the record FAILED with the error, and
    propagates."""

    def stream():
        yield record()
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        save_records(stream(), batch_size=1)
    stored = ImportRecord.objects.get()
    assert stored.status == ImportRecord.Status.FAILED
    assert "disk went away" in stored.report[-1]["message"]
    assert Article.objects.count() == 0


def test_progress_is_called_after_each_batch_and_at_the_end():
    """progress(done, errors) after every batch, after the last, and once the run is over."""
    calls = []
    items = [record(title="A"), RecordError("f", 2, "bad"), record(title="B"), record(title="C")]
    items.append(record(title="D"))
    save_records(items, batch_size=2, keep_good=True, progress=lambda *a: calls.append(a))
    assert calls == [(2, 1), (4, 1), (5, 1), (5, 1)]


# --- annotated records -------------------------------------------------------------------------


def test_native_record_brings_annotations_attributions_sources_and_authors():
    """Everything a native line carries is stored: ids as client ids, quotes and context from
    the canonical text, statuses and times kept, caption spans on the new caption."""
    result = save_records([native(status="approved")])
    assert (result.created, result.annotations, result.attributions) == (1, 4, 1)
    assert (result.sources, result.users) == (1, 2)
    article = Article.objects.get()
    assert article.status == "approved"
    claim = Annotation.objects.get(client_id=uuid.UUID(CLAIM_ID))
    assert (claim.article, claim.target, claim.start, claim.end) == (article, "body", 0, 32)
    assert (claim.quote, claim.prefix) == ("The council approved the repairs", "")
    assert claim.suffix == BODY[32:64]
    assert (claim.status, claim.created, claim.updated) == ("accepted", CREATED, CREATED)
    assert claim.author.username == "ana"
    caption_span = Annotation.objects.get(target="caption")
    assert caption_span.caption == article.captions.get()
    assert caption_span.quote == "old bridge"
    source = Source.objects.get()
    assert (source.name, source.kind, source.description) == (
        "Mayor of Springfield",
        "person",
        "Elected 2022",
    )
    assert sorted(source.aliases.values_list("alias", flat=True)) == ["Mayor", "the mayor"]
    assert Annotation.objects.get(client_id=uuid.UUID(SOURCE_ID)).source_entry == source


def test_attributions_are_mapped_to_the_new_annotations():
    """Record ids become the new rows' keys: claim, source span and cue of the link."""
    save_records([native()])
    link = Attribution.objects.get()
    assert link.claim.client_id == uuid.UUID(CLAIM_ID)
    assert link.source_span.client_id == uuid.UUID(SOURCE_ID)
    assert link.cue.client_id == uuid.UUID(CUE_ID)
    assert link.author.username == "ana"
    assert link.source_entry is None


def test_attribution_to_a_registry_entry():
    """An attribution may name a registry entry instead of a span."""
    save_records(
        [native(attributions=[AttributionRecord(claim=CLAIM_ID, source="Mayor of Springfield")])]
    )
    link = Attribution.objects.get()
    assert (link.source_span, link.source_entry.name) == (None, "Mayor of Springfield")


def test_unknown_authors_are_created_inactive_without_password():
    """An author missing from the database becomes an inactive account that cannot log in;
    an existing one is reused."""
    ben = make_user("ben")
    save_records([native()])
    ana = get_user_model().objects.get(username="ana")
    assert not ana.is_active
    assert not ana.has_usable_password()
    ben.refresh_from_db()
    assert ben.is_active
    assert Annotation.objects.get(client_id=uuid.UUID(CUE_ID)).author == ben


def test_an_existing_registry_entry_is_reused_as_it_is():
    """A source whose name exists is reused: no copy, its kind and aliases untouched."""
    entry = Source.objects.create(name="Mayor of Springfield", kind="government")
    result = save_records([native()])
    assert result.sources == 0
    assert Source.objects.get() == entry
    assert entry.aliases.count() == 0
    assert Annotation.objects.get(client_id=uuid.UUID(SOURCE_ID)).source_entry == entry


def test_annotation_without_author_is_the_importers():
    """A span naming no author is credited to the importing user; with nobody importing it
    is an error."""
    admin = make_user(role="admin")
    spans = [span("Work starts", author="")]
    save_records([native(annotations=spans, attributions=[])], user=admin)
    assert Annotation.objects.get().author == admin
    result = save_records([native(annotations=spans, attributions=[], external_id="x")])
    assert "annotation 1: no author" in result.errors[0].message


def test_quote_mismatch_is_an_error_naming_the_annotation():
    """A quote that is not the text at its offsets fails the record, naming the annotation;
    nothing is written."""
    bad = span("the mayor said")
    bad.quote = "the Mayor said"
    result = save_records([native(annotations=[span("Work"), bad], attributions=[])])
    (error,) = result.errors
    assert str(error).startswith("feed.jsonl:1: annotation 2: The selected text does not match")
    assert counts()[:4] == (0, 0, 0, 0)


def test_span_out_of_range_is_an_error():
    """Offsets past the end of the target text are an error naming the annotation."""
    bad = span("May.")
    bad.start, bad.end = len(BODY) - 2, len(BODY) + 5
    result = save_records([native(annotations=[bad], attributions=[])])
    assert result.errors[0].message.startswith("annotation 1: The span")
    assert "lies outside the text" in result.errors[0].message


def test_quote_is_checked_against_the_canonical_text():
    """Offsets count in the canonical text: a body with CR LF is canonicalised first."""
    raw = BODY.replace("\n", "\r\n")
    result = save_records([native(body=raw, annotations=[span("Work")], attributions=[])])
    assert result.failed == 0
    assert Annotation.objects.get().quote == "Work"


def test_unknown_tag_is_an_error_naming_it():
    """Tags are configuration: a tag name that does not exist fails the record."""
    result = save_records([native(annotations=[span("Work", tag="Rumour")], attributions=[])])
    assert result.errors[0].message == "annotation 1: unknown tag 'Rumour'"


def test_every_problem_of_a_record_is_reported():
    """Two bad annotations and a bad link: three errors, one failed record."""
    result = save_records(
        [
            native(
                annotations=[span("Work", tag="Rumour"), span("May", status="maybe")],
                attributions=[AttributionRecord(claim="nope", source="Nobody Known")],
            )
        ]
    )
    assert result.failed == 1
    messages = [e.message for e in result.errors]
    assert messages[0] == "annotation 1: unknown tag 'Rumour'"
    assert messages[1].startswith("annotation 2: status 'maybe' is not one of")
    assert len(messages) == 2  # links are not checked against annotations that failed


def test_attribution_roles_are_checked():
    """A source span must be tagged Source, a claim Claim (as Attribution.clean says)."""
    result = save_records(
        [
            native(
                attributions=[
                    AttributionRecord(claim=CLAIM_ID, source_span=CUE_ID, author="ana"),
                    AttributionRecord(claim=SOURCE_ID, source="Mayor of Springfield"),
                ]
            )
        ]
    )
    messages = [e.message for e in result.errors]
    assert messages == [
        f"attribution 1: source_span '{CUE_ID}' is not tagged as a Source",
        f"attribution 2: claim '{SOURCE_ID}' is not tagged as a Claim",
    ]


def test_undeclared_registry_source_is_an_error():
    """A span naming a registry entry that is neither stored nor carried is refused."""
    result = save_records([native(sources=[])])
    assert result.errors[0].message == (
        "annotation 2: source 'Mayor of Springfield' is neither in the registry nor in the record"
    )


def test_note_is_sanitised():
    """Notes are HTML and are sanitised on the way in."""
    note = 'See <a href="javascript:alert(1)">this</a><script>x()</script> <b>now</b>'
    save_records([native(annotations=[span("Work", note=note)], attributions=[])])
    stored = Annotation.objects.get().note
    assert "script" not in stored and "javascript" not in stored
    assert "<b>now</b>" in stored


def test_a_duplicate_article_skips_its_annotations():
    """Same text as a stored article: its annotations are not imported a second time, even
    with new ids."""
    save_records([native()])
    again = native(
        external_id="ap-2", annotations=[span("Work", id=str(uuid.uuid4()))], attributions=[]
    )
    result = save_records([again], batch_size=1)
    assert (result.skipped, result.annotations) == (1, 0)
    assert Annotation.objects.count() == 4


def test_annotations_whose_ids_are_stored_are_skipped():
    """A new article whose annotation ids already exist: the article is written, those spans
    and their links are not."""
    save_records([native()])
    result = save_records([native(external_id="ap-2", body=BODY + "\n\nMore.")])
    assert (result.created, result.annotations, result.annotations_skipped) == (1, 0, 4)
    assert result.attributions == 0
    assert Annotation.objects.count() == 4


def test_importing_the_same_native_records_twice_creates_nothing_the_second_time():
    """Idempotent: articles, captions, annotations, links, sources, aliases and users are all
    left as the first import made them."""
    first_batch = [
        native(),
        native(
            external_id="ap-2",
            title="Second story",
            annotations=[span("Work starts", id=str(uuid.uuid5(uuid.NAMESPACE_URL, "x")))],
            attributions=[],
        ),
    ]
    save_records(first_batch)
    after_first = counts()
    second = save_records(
        [
            native(),
            native(
                external_id="ap-2",
                title="Second story",
                annotations=[span("Work starts", id=str(uuid.uuid5(uuid.NAMESPACE_URL, "x")))],
                attributions=[],
            ),
        ]
    )
    assert counts() == after_first
    assert (second.created, second.updated, second.skipped, second.failed) == (0, 0, 2, 0)
    assert (second.annotations, second.attributions, second.sources, second.users) == (0, 0, 0, 0)


def test_inserts_in_statements_of_powers_of_two_keep_row_order():
    """A batch is sent in a few statement sizes (a power of two and the rest in smaller
    powers), and the keys come back in row order."""
    insert = saver._Insert(Article, saver._ARTICLE_COLUMNS)
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
    articles = saver._Insert(Article, saver._ARTICLE_COLUMNS)
    stamp = articles.prepare("created", datetime(2024, 5, 1, tzinfo=UTC))
    rows = [
        (f"T{n}", "Body.", "", "", "", None, "", f"{n:064}", 1, "new", stamp, stamp)
        for n in range(3)
    ]
    ids = articles(rows)
    assert [Article.objects.get(pk=pk).title for pk in ids] == ["T0", "T1", "T2"]

    spans = saver._Insert(Annotation, saver._ANNOTATION_COLUMNS, skip_existing="client_id")
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


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/2024/05/bridge?id=7#top",
        "http://a.bc",
        "HTTPS://News.Example.ORG/x",
        "https://xn--bcher-kva.example/",
        "https://b\u00fccher.example/",
        "https://example.org:8080/x",
        "https://user:pw@example.org/",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "ftp://files.example.org/a.txt",
        "https://localhost/x",
        "https://-bad.example.org/",
        "https://bad-.example.org/",
        "https://example.c/",
        "https://example.123/",
        "https://example.org/a b",
        "https://example.org/a\tb",
        "https://example.org\n/x",
        "javascript://example.org/%0Aalert(1)",
        "https://" + "a" * 64 + ".example.org/",
        "https://" + ".".join(["abcdefghi"] * 26) + ".org/",
        "https://example.org/" + "p" * 2040,
        "//example.org/x",
        "example.org",
        "https://example..org/",
    ],
)
def test_url_check_agrees_with_django_urlvalidator(url):
    """The saver's fast URL check accepts and refuses exactly what URLValidator does."""
    try:
        URLValidator()(url)
        expected = True
    except ValidationError:
        expected = False
    assert saver._valid_url(url) is expected


def test_stored_context_is_the_selector_anchoring_computes():
    """Quote, prefix and suffix stored for spans mid-text, at the end and in the title are
    what anchoring.text_quote gives for the canonical text."""
    last_word = BODY.rstrip(".").rsplit(" ", 1)[-1]
    spans = [span("repairs"), span(last_word), span(TITLE.split()[-1], target="title", text=TITLE)]
    save_records([record(annotations=spans)], user=make_user("importer"))
    for stored in Annotation.objects.all():
        text = TITLE if stored.target == "title" else BODY
        expected = anchoring.text_quote(text, stored.start, stored.end)
        assert (stored.quote, stored.prefix, stored.suffix) == (
            expected.exact,
            expected.prefix,
            expected.suffix,
        )
    assert Annotation.objects.count() == 3
