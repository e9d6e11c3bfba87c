"""The background worker that survives (`manage.py run_worker`): django-tasks-db's Worker, kept
alive through database errors, with a heartbeat and a periodic sweep.

django-tasks-db's own loop (`db_worker`) lets an OperationalError escape when SQLite stays
locked longer than its busy timeout (BEGIN EXCLUSIVE of its claim is outside its own retry),
and the process dies; queued jobs then wait for ever. Here the same loop runs inside a guard:
any database error raised from it is logged, the connections are closed (Django opens fresh
ones on the next query) and the loop starts again after a capped exponential backoff
(0.5 s, 1 s, 2 s … 30 s; back to 0.5 s once a task is claimed or the loop ran a while). When the
outcome of a task cannot be recorded (the result row's own three retries failed), it is
recorded again with the same backoff instead of leaving the row RUNNING.

Beside the loop, two threads:
- the heartbeat (interchange/heartbeat.py) every WORKER_HEARTBEAT_SECONDS, also during a task,
  naming the task and Job it runs;
- the sweep (interchange.tasks.sweep_jobs) on start and every WORKER_SWEEP_SECONDS, which
  fails the jobs and task rows of dead workers. Not in --batch mode (tests, one-off drains),
  where the sweep runs once on start.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import Error as DatabaseError
from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from . import heartbeat

logger = logging.getLogger("interchange.worker")

FIRST_DELAY = 0.5
MAX_DELAY = 30.0
# The tasks whose only argument is a Job id: a heartbeat names the Job too.
JOB_TASKS = frozenset({"interchange.tasks.run_import", "interchange.tasks.run_export"})
RESULT_FIELDS = ["status", "return_value", "finished_at", "exception_class_path", "traceback"]


def sweep_every() -> float:
    return float(getattr(settings, "WORKER_SWEEP_SECONDS", 15))


class Backoff:
    """Capped exponential delays: `failed()` gives the next one, `reset()` starts over."""

    def __init__(self, first: float = FIRST_DELAY, cap: float = MAX_DELAY) -> None:
        self.first, self.cap = first, cap
        self.delay = 0.0

    def failed(self) -> float:
        self.delay = min(self.cap, self.delay * 2) if self.delay else self.first
        return self.delay

    def reset(self) -> None:
        self.delay = 0.0


def close_connections() -> None:
    """After a database error: drop this thread's connections, broken or mid-transaction;
    Django opens new ones on the next query. (A method hook, so the tests, whose database is
    one in-memory connection, can keep theirs.)"""
    connections.close_all()


class SurvivingWorker(Worker):
    """django-tasks-db's Worker, guarded: see the module docstring."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.backoff = Backoff()
        self.heartbeat = heartbeat.Heartbeat(self.worker_id)
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.close_connections: Callable[[], None] = close_connections
        self.sleep: Callable[[float], None] = time.sleep

    def run(self) -> None:
        self.heartbeat.beat()
        self._start_thread("heartbeat", heartbeat.beat_every(), self._beat)
        _sweep("on start")
        if not self.batch:
            self._start_thread("sweep", sweep_every(), self._sweep_in_thread)
        try:
            self._guarded_loop()
        finally:
            self.stopping.set()
            for thread in self.threads:
                thread.join(timeout=5)
            self.heartbeat.stop()

    def _guarded_loop(self) -> None:
        """Worker.run until it returns (batch drained, max tasks, shutdown); a database error
        from it is logged and the loop entered again after the backoff."""
        while self.running:
            entered = time.monotonic()
            try:
                super().run()
                return
            except DatabaseError as exc:
                if time.monotonic() - entered > self.backoff.cap:
                    self.backoff.reset()  # it had been working: a new spell of errors
                self._pause_after(exc, "the polling loop")
            # Worker.run sleeps up to a second before its first poll: only on the first entry.
            self.startup_delay = False

    def _pause_after(self, exc: Exception, where: str) -> None:
        delay = self.backoff.failed()
        logger.warning(
            "database error in %s of worker %s (%s: %s): trying again in %.1f s",
            where,
            self.worker_id,
            type(exc).__name__,
            exc,
            delay,
        )
        try:
            self.close_connections()
        except DatabaseError:
            logger.exception("closing the connections after the error failed")
        self.sleep(delay)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # A task was claimed: the database answers again.
        self.backoff.reset()
        args = db_task_result.args_kwargs.get("args") or []
        job = args[0] if db_task_result.task_path in JOB_TASKS and args else None
        self.heartbeat.running(str(db_task_result.id), db_task_result.task_path, job)
        self._beat()  # at once: the task's worker is known before the task's first step
        try:
            super().run_task(db_task_result)
        except DatabaseError as exc:
            # set_successful / set_failed gave up after their own retries: the instance holds
            # the outcome, which is saved again until it sticks (or the worker is stopped; a
            # dead worker's RUNNING row is failed by the sweep).
            self._record_outcome(db_task_result, exc)
        finally:
            self.heartbeat.running(None)
            self._beat()

    def _record_outcome(self, result: DBTaskResult, exc: Exception) -> None:
        while True:
            self._pause_after(exc, f"recording the outcome of task {result.id}")
            try:
                result.save(update_fields=RESULT_FIELDS)
                return
            except DatabaseError as again:
                exc = again

    # --- Threads --------------------------------------------------------------------------

    def _start_thread(self, name: str, every: float, step: Callable[[], None]) -> None:
        def loop() -> None:
            while not self.stopping.wait(every):
                step()

        thread = threading.Thread(target=loop, name=f"worker-{name}", daemon=True)
        thread.start()
        self.threads.append(thread)

    def _beat(self) -> None:
        try:
            self.heartbeat.beat()
        except Exception:  # a full disk must not stop the worker; its log says so
            logger.exception("worker %s could not write its heartbeat", self.worker_id)

    def _sweep_in_thread(self) -> None:
        try:
            _sweep("periodic")
        finally:
            connections.close_all()  # this thread's own: no snapshot held between sweeps


def _sweep(when: str) -> None:
    """interchange.tasks.sweep_jobs, its errors logged (the database may be locked or down:
    the next sweep tries again)."""
    from .tasks import sweep_jobs  # tasks imports the models: loaded once apps are ready

    try:
        swept = sweep_jobs()
    except DatabaseError as exc:
        # E.g. SQLite locked by a long import of this very worker: the next sweep will do.
        logger.warning("sweep (%s) met a database error (%s): trying again later", when, exc)
        return
    except Exception:
        logger.exception("sweep (%s) failed: trying again later", when)
        return
    if any(swept):
        logger.warning("sweep (%s): %s", when, swept)
