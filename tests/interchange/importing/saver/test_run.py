"""save_records (interchange/importing/saver/run.py): the seed saved, duplicates, all or nothing,
keep good, dry runs, batches, crashes, the Job of the run, progress."""

from __future__ import annotations

import pytest

from articles import content
from articles.models import Article, ImageCaption
from interchange.importing.intake import read_inputs
from interchange.importing.records import (
    RecordError,
)
from interchange.importing.saver.run import save_records
from interchange.models import Job
from tests.conftest import needs_seed
from tests.interchange.importing.plaintext_factories import (
    CAPTION_1,
    CAPTION_2,
    SEED,
    TITLE_1,
    TITLE_2,
    make_record,
)

# --- the saver ---------------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_saving_the_seed_creates_articles_and_captions():
    """Both seed articles are written with their captions, canonical text and hash."""
    result = save_records(read_inputs([SEED], notes=[]), files=[SEED])
    assert (result.created, result.updated, result.skipped, result.failed) == (2, 0, 0, 0)
    assert result.titles == [TITLE_1, TITLE_2]
    article = Article.objects.get(title=TITLE_1)
    assert article.content_hash == content.content_hash(article.title, article.body)
    assert len(article.body.split("\n\n")) == 14
    caption = article.captions.get()
    assert (caption.position, caption.text, caption.credit) == (0, CAPTION_1.text, "AP")
    assert Article.objects.get(title=TITLE_2).captions.get().credit == CAPTION_2.credit


@pytest.mark.django_db
def test_saved_article_matches_what_article_save_would_store():
    """bulk_create bypasses Article.save, so the saver must canonicalise the same way."""
    record = make_record(title="  Spaced\u00a0 Title ", body="Para one.  \r\n\r\n\r\nPara two.")
    save_records([record])
    saved = Article.objects.get()
    manual = Article(title=record.title, body=record.body)
    manual.save()
    assert (saved.title, saved.body, saved.content_hash) == (
        manual.title,
        manual.body,
        manual.content_hash,
    )


@needs_seed
@pytest.mark.django_db
def test_second_import_is_a_no_op():
    """Importing the same file again skips both articles and writes nothing."""
    save_records(read_inputs([SEED], notes=[]))
    result = save_records(read_inputs([SEED], notes=[]))
    assert (result.created, result.skipped, result.failed) == (0, 2, 0)
    assert Article.objects.count() == 2
    assert ImageCaption.objects.count() == 2


@pytest.mark.django_db
def test_duplicates_within_one_run_are_skipped():
    """The same article twice in one stream is written once."""
    result = save_records([make_record(), make_record(origin="made.txt:9")])
    assert (result.created, result.skipped) == (1, 1)


@pytest.mark.django_db
def test_duplicates_across_batches_are_skipped():
    """Dedupe works across batch boundaries (earlier batches are found in the database)."""
    records = [make_record(title=f"T{n % 3}") for n in range(7)]
    result = save_records(records, batch_size=2)
    assert (result.created, result.skipped) == (3, 4)
    assert sorted(Article.objects.values_list("title", flat=True)) == ["T0", "T1", "T2"]


@pytest.mark.django_db
def test_external_id_and_url_identify_the_stored_article():
    """A record whose external_id or url is already stored is that article: with different
    text (and no annotations) it updates it rather than adding a copy."""
    save_records([make_record(title="Old", external_id="wire-1", url="https://ex.org/a")])
    result = save_records(
        [
            make_record(title="New text, same id", external_id="wire-1"),
            make_record(title="New text, same url", url="https://ex.org/a"),
            make_record(title="Really new", external_id="wire-2", url="https://ex.org/b"),
        ]
    )
    assert (result.created, result.updated, result.skipped) == (1, 2, 0)
    assert result.titles == ["Really new"]
    assert Article.objects.get(external_id="wire-1").title == "New text, same url"


@pytest.mark.django_db
def test_an_error_rolls_everything_back():
    """All or nothing: one error and no article is written; every error is reported."""
    items = [
        make_record(title="Good one"),
        RecordError("f.txt", 3, "broken"),
        make_record(title="Good two"),
        RecordError("f.txt", 9, "also broken"),
    ]
    result = save_records(items, files=["f.txt"])
    assert Article.objects.count() == 0
    assert ImageCaption.objects.count() == 0
    assert result.rolled_back
    assert (result.created, result.would_create, result.failed) == (0, 2, 2)
    assert [str(e) for e in result.errors] == ["f.txt:3: broken", "f.txt:9: also broken"]


@pytest.mark.django_db
def test_failed_import_is_still_recorded():
    """The Job survives the rollback and carries the report."""
    save_records([make_record(), RecordError("f.txt", 3, "broken")], files=["f.txt"])
    record = Job.objects.get()
    assert record.files == ["f.txt"]
    assert (record.count("created"), record.count("failed")) == (0, 1)
    assert {"level": "error", "file": "f.txt", "line": 3, "message": "broken"} in record.report
    assert record.finished is not None


@pytest.mark.django_db
def test_keep_good_saves_the_valid_articles():
    """With keep_good the valid articles are written and the errors still reported."""
    result = save_records(
        [make_record(title="Good"), RecordError("f.txt", 3, "broken")], keep_good=True
    )
    assert list(Article.objects.values_list("title", flat=True)) == ["Good"]
    assert (result.created, result.failed, result.rolled_back) == (1, 1, False)


@pytest.mark.django_db
def test_invalid_record_becomes_an_error_at_its_origin():
    """A record the model rejects (title too long) is a RecordError at the record's line."""
    result = save_records([make_record(title="x" * 1001, origin="long.txt:12"), make_record()])
    (error,) = result.errors
    assert (error.file, error.line) == ("long.txt", 12)
    assert error.message.startswith("title: Ensure this value has at most 1000 characters")
    assert Article.objects.count() == 0


@needs_seed
@pytest.mark.django_db
def test_dry_run_writes_nothing_but_counts():
    """A dry run reports what would be created and leaves the database as it was."""
    result = save_records(read_inputs([SEED], notes=[]), dry_run=True)
    assert (result.created, result.skipped, result.failed) == (2, 0, 0)
    assert Article.objects.count() == 0
    assert ImageCaption.objects.count() == 0
    assert Job.objects.get().dry_run is True


@pytest.mark.django_db
def test_records_are_written_in_batches_while_streaming():
    """The saver consumes a generator lazily and flushes each full batch before reading on."""
    seen_counts = []

    def stream():
        for n in range(5):
            seen_counts.append(Article.objects.count())
            yield make_record(title=f"Streamed {n}")

    result = save_records(stream(), batch_size=2)
    assert seen_counts == [0, 0, 2, 2, 4]
    assert result.created == 5


@pytest.mark.django_db
def test_a_crash_rolls_back_and_is_recorded():
    """An unexpected exception undoes the writes, is recorded, and propagates."""

    def stream():
        yield make_record()
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        save_records(stream(), batch_size=1)
    assert Article.objects.count() == 0
    assert "disk went away" in Job.objects.get().report[-1]["message"]
