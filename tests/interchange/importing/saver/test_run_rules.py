"""save_records' rules (interchange/importing/saver/run.py): all or nothing, keep good, dry
runs and previews, the Job's life, progress."""

from __future__ import annotations

import pytest

from articles.models import Article
from interchange.importing.records import (
    RecordError,
)
from interchange.importing.saver.run import save_records
from interchange.models import Job
from tests.factories import make_annotation, make_article, make_user
from tests.interchange.importing.native_records import (
    TITLE,
    counts,
    native,
    record,
    statuses,
)

pytestmark = pytest.mark.django_db


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
    assert Job.objects.get().status == Job.Status.FAILED


def test_keep_good_writes_the_good_records_and_reports_the_rest():
    """With keep_good the valid articles are written, bad ones reported, the run DONE."""
    result = save_records(
        [record(), record(title="x" * 1001, origin="f.jsonl:9"), RecordError("f", 3, "bad")],
        keep_good=True,
    )
    assert (result.created, result.failed, result.rolled_back) == (1, 2, False)
    assert Article.objects.count() == 1
    assert statuses(result) == ["new", "error", "error"]
    assert Job.objects.get().status == Job.Status.DONE


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
    stored = Job.objects.get()
    assert (stored.status, stored.dry_run, stored.total) == ("previewed", True, 5)
    assert stored.preview == result.preview


def test_preview_is_capped_but_counts_are_not():
    """preview_limit bounds the preview (and titles); the counts stay complete."""
    result = save_records([record(title=f"Story {n}") for n in range(30)], preview_limit=10)
    assert result.created == 30
    assert len(result.preview) == 10
    assert len(result.titles) == 10
    assert Job.objects.get().total == 30


# --- the Job and progress -------------------------------------------------------------


def test_a_given_record_is_updated_not_duplicated_and_runs_through_its_statuses():
    """With `record`, that row is the run's: RUNNING while it runs, DONE at the end, with the
    total, counts, report and finish time."""
    admin = make_user(role="admin")
    run = Job.objects.create(
        user=admin, files=["upload.jsonl"], format="jsonl", status=Job.Status.QUEUED
    )
    seen = []

    def progress(done: int, errors: int) -> None:
        seen.append((done, errors, Job.objects.get(pk=run.pk).status))

    result = save_records([record(), record(title="Two")], job=run, progress=progress)
    assert result.job == run
    assert Job.objects.count() == 1
    run.refresh_from_db()
    assert seen[0][2] == Job.Status.RUNNING
    assert (run.status, run.total, run.count("created"), run.format) == ("done", 2, 2, "jsonl")
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
    stored = Job.objects.get()
    assert stored.status == Job.Status.FAILED
    assert "disk went away" in stored.report[-1]["message"]
    assert Article.objects.count() == 0


def test_progress_is_called_after_each_batch_and_at_the_end():
    """progress(done, errors) after every batch, after the last, and once the run is over."""
    calls = []
    items = [record(title="A"), RecordError("f", 2, "bad"), record(title="B"), record(title="C")]
    items.append(record(title="D"))
    save_records(items, batch_size=2, keep_good=True, progress=lambda *a: calls.append(a))
    assert calls == [(2, 1), (4, 1), (5, 1), (5, 1)]
