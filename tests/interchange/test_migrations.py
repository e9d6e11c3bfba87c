"""The import history moves from articles.ImportRecord into interchange.Job, and back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0003_article_url_index"), ("interchange", "0001_job")]
AFTER = [("articles", "0004_delete_importrecord"), ("interchange", "0002_copy_import_records")]
STARTED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_import_records_become_jobs_and_come_back():
    """Each ImportRecord becomes an import Job with its fields, its counts and its start time,
    its preview link mapped; reversing the migrations gives the same ImportRecords back."""
    apps = migrate(BEFORE)
    ImportRecord = apps.get_model("articles", "ImportRecord")
    preview = ImportRecord.objects.create(
        files=["a.txt"], format="plaintext", dry_run=True, status="previewed", total=2,
        created_count=2, options={"keep_good": True}, report=[{"level": "note"}],
    )  # fmt: skip
    ImportRecord.objects.create(
        files=["a.txt"], format="plaintext", status="done", total=2, created_count=1,
        skipped_count=1, failed_count=0, preview_of=preview,
    )  # fmt: skip
    ImportRecord.objects.update(started=STARTED)

    apps = migrate(AFTER)
    Job = apps.get_model("interchange", "Job")
    first, second = Job.objects.order_by("pk")
    assert (first.kind, first.status, first.dry_run, first.total) == (
        "import",
        "previewed",
        True,
        2,
    )
    assert first.counts == {"created": 2, "updated": 0, "changed": 0, "skipped": 0, "failed": 0}
    assert (first.options, first.report, first.started) == (
        {"keep_good": True}, [{"level": "note"}], STARTED,
    )  # fmt: skip
    assert second.preview_of_id == first.pk
    assert (second.counts["created"], second.counts["skipped"]) == (1, 1)
    assert first.uuid != second.uuid

    apps = migrate(BEFORE)
    ImportRecord = apps.get_model("articles", "ImportRecord")
    back = list(ImportRecord.objects.order_by("pk"))
    assert [(r.status, r.created_count, r.skipped_count, r.started) for r in back] == [
        ("previewed", 2, 0, STARTED),
        ("done", 1, 1, STARTED),
    ]
    assert back[1].preview_of_id == back[0].pk
    assert not apps.get_model("interchange", "Job").objects.exists()  # moved back, not copied
    migrate(AFTER)
