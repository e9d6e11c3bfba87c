"""Which background workers are alive: each worker process's heartbeat, and the rule that says
one is dead.

A worker (`manage.py run_worker`, interchange/worker.py) writes a small record every
settings.WORKER_HEARTBEAT_SECONDS (5 s) from a thread of its own, also while a task runs: its
id (the one django-tasks-db writes into DBTaskResult.worker_ids when it claims a task), pid,
host, when it started, when it last beat, and the task and Job it is running. A worker silent
for settings.WORKER_DEAD_AFTER_SECONDS (40 s: eight missed beats, room for a slow disk or a
C extension that holds the GIL for a while) is dead; the sweep (interchange/tasks.py) then
fails what it was running. A worker that exits cleanly says so (`stopped`).

Where the records live: caches["progress"], the file cache that the web and worker processes
already share for progress, not the database. On SQLite a write to a heartbeat table would wait
behind the write lock that a long import holds for its whole transaction (up to the 20 s busy
timeout, then "database is locked"): a worker running a long import could not beat, and would
be declared dead exactly when it is busiest. A file write never waits for the database, and a
worker whose database is down still shows as alive (and says so in its log), which is the
truth. The cache API cannot list keys, so the worker ids are also kept in one index entry; two
workers starting at the same instant may overwrite each other's addition, which is why every
beat puts its own id back when it is missing (a lost entry is back within one beat).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import caches

# Records of workers that stopped or died are listed (worker_status) for this long.
KEPT = timedelta(days=1)
INDEX_KEY = "workers"


def beat_every() -> float:
    return float(getattr(settings, "WORKER_HEARTBEAT_SECONDS", 5))


def dead_after() -> float:
    return float(getattr(settings, "WORKER_DEAD_AFTER_SECONDS", 40))


def worker_key(worker_id: str) -> str:
    return f"worker:{worker_id}"


@dataclass(frozen=True)
class WorkerState:
    """One worker's last heartbeat, as read back."""

    id: str
    pid: int
    host: str
    started: float  # Unix times
    beat: float
    stopped: float | None
    task: str | None  # DBTaskResult id it is running
    task_name: str
    job: int | None  # Job id (an import or export) it is running

    @classmethod
    def of(cls, record: dict[str, Any]) -> WorkerState:
        return cls(
            id=str(record["id"]),
            pid=int(record.get("pid") or 0),
            host=str(record.get("host") or ""),
            started=float(record.get("started") or 0),
            beat=float(record.get("beat") or 0),
            stopped=record.get("stopped"),
            task=record.get("task"),
            task_name=str(record.get("task_name") or ""),
            job=record.get("job"),
        )

    def alive(self, now: float | None = None) -> bool:
        """Not stopped, and heard from within WORKER_DEAD_AFTER_SECONDS."""
        now = time.time() if now is None else now
        return self.stopped is None and now - self.beat <= dead_after()

    def last_heard(self) -> datetime:
        return datetime.fromtimestamp(self.stopped or self.beat, tz=UTC)


class Heartbeat:
    """The records one worker process writes: `beat()` now and then, `stop()` at a clean exit.
    `task` / `job` say what it is running (None between tasks)."""

    def __init__(self, worker_id: str) -> None:
        self.record: dict[str, Any] = {
            "id": worker_id,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": time.time(),
            "beat": 0.0,
            "stopped": None,
            "task": None,
            "task_name": "",
            "job": None,
        }

    def running(self, task: str | None, task_name: str = "", job: int | None = None) -> None:
        self.record |= {"task": task, "task_name": task_name, "job": job}

    def beat(self) -> None:
        self.record["beat"] = time.time()
        self._write()

    def stop(self) -> None:
        self.record |= {"stopped": time.time(), "task": None, "task_name": "", "job": None}
        self._write()

    def _write(self) -> None:
        cache = caches["progress"]
        worker_id = self.record["id"]
        cache.set(worker_key(worker_id), dict(self.record), timeout=KEPT.total_seconds())
        index = cache.get(INDEX_KEY) or []
        if worker_id not in index:
            cache.set(INDEX_KEY, [*index, worker_id], timeout=None)


def read(worker_id: str) -> WorkerState | None:
    """The last heartbeat of this worker; None if it never wrote one (a worker that does not
    beat, such as django-tasks-db's plain db_worker) or it was forgotten after KEPT."""
    record = caches["progress"].get(worker_key(worker_id))
    return WorkerState.of(record) if record else None


def workers() -> list[WorkerState]:
    """Every worker heard from within KEPT, most recently started first; the index forgets the
    others."""
    cache = caches["progress"]
    ids: list[str] = cache.get(INDEX_KEY) or []
    found = cache.get_many([worker_key(worker_id) for worker_id in ids])
    states = [WorkerState.of(record) for record in found.values()]
    if len(states) < len(ids):
        known = {state.id for state in states}
        # Read again just before writing: keeps ids added meanwhile by a starting worker.
        index = cache.get(INDEX_KEY) or []
        cache.set(INDEX_KEY, [i for i in index if i in known or i not in ids], timeout=None)
    return sorted(states, key=lambda state: state.started, reverse=True)


def live(
    states: Iterable[WorkerState] | None = None, now: float | None = None
) -> list[WorkerState]:
    return [state for state in (workers() if states is None else states) if state.alive(now)]


def any_alive() -> bool:
    """Is any worker running now? The job pages ask before showing a progress bar."""
    return bool(live())
