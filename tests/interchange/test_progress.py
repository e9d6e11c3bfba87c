"""interchange/progress.py: the heartbeat a running job writes, and the rule that says its worker
is lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from interchange import progress
from interchange.models import Job
from tests.interchange.job_factories import running_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def test_a_running_import_whose_worker_went_silent_is_stalled():
    """Running and no progress for STALL_AFTER (or none at all since it started that long
    ago) is stalled; a recent heartbeat, or any other status, is not."""
    record = running_record()
    now = timezone.now()
    fresh = {"at": (now - timedelta(minutes=1)).timestamp()}
    silent = {"at": (now - progress.STALL_AFTER - timedelta(seconds=1)).timestamp()}
    assert not progress.is_stalled(record, fresh, now)
    assert progress.is_stalled(record, silent, now)
    assert not progress.is_stalled(record, {}, now)  # just started
    assert progress.is_stalled(record, {}, now + progress.STALL_AFTER + timedelta(seconds=1))
    record.status = Job.Status.DONE
    assert not progress.is_stalled(record, silent, now)


def test_progress_writes_the_counts_the_bytes_read_and_the_heartbeat(tmp_path, monkeypatch):
    """A write carries the job's counts, its total, how far through its files it is (a reader
    seeking back never makes that shrink) and the time, read back by read_progress; `due`
    says when the interval has passed; clear_progress removes it."""
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"x" * 100)
    ticks = iter([10.0, 10.1, 10.3, 10.4])
    monkeypatch.setattr(progress.time, "time", lambda: 1234.5)
    with path.open("rb") as stream:
        job_progress = progress.Progress(
            7, {"read": 0}, total=5, streams=[stream], clock=lambda: next(ticks)
        )
        stream.seek(60)
        job_progress.counts["read"] = 3
        job_progress.write()  # at 10.0
        assert progress.read_progress(7) == {
            "read": 3,
            "total": 5,
            "bytes_read": 60,
            "bytes_total": 100,
            "at": 1234.5,
        }
        assert not job_progress.due()  # 10.1
        assert job_progress.due()  # 10.3
        stream.seek(10)
        job_progress.write()
        assert progress.read_progress(7)["bytes_read"] == 60
    progress.clear_progress(7)
    assert progress.read_progress(7) == {}
