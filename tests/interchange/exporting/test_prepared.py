"""Prepared exports' files (interchange/exporting/prepared.py): where they are written, and
expiry of whatever is left in their folder."""

from __future__ import annotations

import os
import time

import pytest
from django.utils import timezone

from interchange.exporting import prepared
from interchange.models import Job
from tests.interchange.exporting.sample_db import annotated_article, one


def test_old_exports_are_purged(media, settings):
    """Files older than EXPORT_KEEP_DAYS go when the sweep runs (before each job); newer ones
    stay."""
    settings.EXPORT_KEEP_DAYS = 1
    folder = media / "exports"
    folder.mkdir()
    old, new = folder / "old.jsonl", folder / "new.jsonl"
    old.write_text("x")
    new.write_text("y")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    assert prepared.delete_old_files(timezone.now()) == 1
    assert not old.exists() and new.exists()


def test_an_export_is_written_whole_under_its_uuid(media):
    """The file is MEDIA_ROOT/exports/<uuid>.<ext>, with no partial file left beside it, and its
    size is returned."""
    job = Job(kind=Job.Kind.EXPORT, format="csv", options={"writer": {}})
    size = prepared.write_file(job, [], [])
    path = media / "exports" / f"{job.uuid}.csv"
    assert prepared.export_path(job) == path
    assert path.stat().st_size == size > 0
    assert not prepared.partial_path(job).exists()


@pytest.mark.django_db
def test_a_writer_that_fails_leaves_no_file(media):
    """An export that fails part way leaves neither its file nor its partial file."""
    article, _ = annotated_article()
    loaded = one(article)

    def articles():
        yield loaded
        raise RuntimeError("database went away")

    job = Job(kind=Job.Kind.EXPORT, format="native", options={"writer": {}})
    with pytest.raises(RuntimeError):
        prepared.write_file(job, articles(), [])
    assert not prepared.export_path(job).exists()
    assert not prepared.partial_path(job).exists()
