"""Progress of a running Job, for its page: throttled writes to caches["progress"], the
heartbeat, and the rule that says a job's worker is lost.

Progress goes to a cache the web and worker processes share (a file cache), not to the
database: an import's own transaction is open until it ends, so a progress row written inside
it would be invisible, and one written outside would wait for its lock. Any kind of job uses
it the same way: its counts are a dict the job fills in (an import: read, done, errors), and
every write carries the time, which is the heartbeat `is_stalled` reads.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from django.core.cache import caches
from django.utils import timezone

from .models import Job

# How often, at most, a job writes its progress while it works (it may also write after each
# batch, whatever the interval).
INTERVAL = 0.25
# A running job writes progress every INTERVAL while it works; one silent this long has lost
# its worker (stopped, killed, machine restarted).
STALL_AFTER = timedelta(minutes=10)


def progress_key(job_id: int) -> str:
    return f"job:{job_id}"


def read_progress(job_id: int) -> dict[str, Any]:
    """What the worker last wrote for this job: its counts, total, bytes_read, bytes_total and
    at (a Unix time); any may be missing; {} before it started."""
    return caches["progress"].get(progress_key(job_id)) or {}


def clear_progress(job_id: int) -> None:
    caches["progress"].delete(progress_key(job_id))


def is_stalled(job: Job, progress: dict[str, Any], now: datetime | None = None) -> bool:
    """Has this running job's worker stopped reporting for STALL_AFTER?"""
    if job.status != Job.Status.RUNNING:
        return False
    now = now or timezone.now()
    last = progress.get("at")
    heard = datetime.fromtimestamp(last, tz=UTC) if last else job.started
    return now - heard > STALL_AFTER


class Progress:
    """A running job's progress: `counts` (the job's own figures), the total when known, and
    how far through its input files it is when it reads files.

    The job updates `counts` as it goes and calls `write()` when it must (after a batch) or
    when `due()` says INTERVAL has passed since the last write. Hot loops test
    `clock() - last_write >= interval` inline instead of calling `due()`."""

    def __init__(
        self,
        job_id: int,
        counts: dict[str, int],
        *,
        total: int | None = None,
        streams: Sequence[IO[bytes]] = (),
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.key = progress_key(job_id)
        self.counts = counts
        self.total = total
        self.streams = list(streams)
        self.sizes = [Path(stream.name).stat().st_size for stream in self.streams]
        self.interval = interval
        self.clock = clock
        self.last_write = 0.0
        self.bytes_read = 0

    def due(self) -> bool:
        return self.clock() - self.last_write >= self.interval

    def write(self) -> None:
        self.last_write = self.clock()
        caches["progress"].set(
            self.key,
            {
                **self.counts,
                "total": self.total,
                "bytes_read": self._bytes_read(),
                "bytes_total": sum(self.sizes),
                "at": time.time(),  # the heartbeat is_stalled reads
            },
        )

    def _bytes_read(self) -> int:
        # A reader may seek back (encoding sniffing, archives): never let the figure shrink.
        position = 0
        for stream, size in zip(self.streams, self.sizes, strict=True):
            try:
                position += size if stream.closed else min(stream.tell(), size)
            except (OSError, ValueError):
                position += size
        self.bytes_read = max(self.bytes_read, position)
        return self.bytes_read
