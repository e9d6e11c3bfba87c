"""Fault test: a real `manage.py run_worker` killed with SIGKILL in the middle of an import.

The worker runs in its own process on a SQLite file shared with the test (the migrated test
database copied to a file), with a heartbeat every 0.5 s, dead after 3 s and a sweep every 1 s
(the production figures are 5 s, 40 s and 15 s: the rule is the same, scaled down). The
import is slowed in that process only (tests/interchange/fault_steps.py). Bounded: every wait
has a deadline, and every process started is killed at the end.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 40

pytestmark = pytest.mark.django_db(transaction=True)


class Setup:
    def __init__(self, folder: Path) -> None:
        self.db = folder / "db.sqlite3"
        self.var = folder / "var"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "fault-test-" + "k" * 50,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "",
            "SQLITE_PATH": str(self.db),
            "NEWSROOM_VAR_DIR": str(self.var),
            "NEWSROOM_WORKER_HEARTBEAT_SECONDS": "0.5",
            "NEWSROOM_WORKER_DEAD_AFTER_SECONDS": "3",
            "NEWSROOM_WORKER_SWEEP_SECONDS": "1",
        }
        self.processes: list[subprocess.Popen[bytes]] = []
        self.log = folder / "workers.log"

    def step(self, *args: str) -> Any:
        done = subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
            [sys.executable, "-m", "tests.interchange.fault_steps", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()[-3000:]
        return json.loads(done.stdout.decode().strip().splitlines()[-1])

    def start(self, *command: str) -> subprocess.Popen[bytes]:
        with self.log.open("ab") as log:
            process = subprocess.Popen(  # noqa: S603 (this interpreter, fixed arguments)
                [sys.executable, *command], cwd=ROOT, env=self.env, stdout=log, stderr=log
            )
        self.processes.append(process)
        return process

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db, timeout=5) as db:
            return db.execute(sql, params).fetchall()

    def job(self, job_id: int) -> tuple[str, str]:
        return self.query("SELECT status, error FROM interchange_job WHERE id = ?", job_id)[0]

    def progress(self, job_id: int) -> dict[str, Any]:
        cache = FileBasedCache(str(self.var / "progress"), {})
        return cache.get(f"job:{job_id}") or {}


@pytest.fixture
def fault(tmp_path) -> Iterator[Setup]:
    if connection.vendor != "sqlite":
        pytest.skip("shares a SQLite file with the worker process")
    setup = Setup(tmp_path)
    # The migrated test database, copied to a file the worker processes open.
    connection.ensure_connection()
    target = sqlite3.connect(setup.db)
    connection.connection.backup(target)
    target.close()
    yield setup
    for process in setup.processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def wait_for(what: str, check: Callable[[], Any], seconds: float) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s: {what}")


def test_a_worker_killed_mid_import_leaves_an_honest_state_and_a_retry_imports_once(fault):
    """SIGKILL while an import has written rows in its open transaction: no article is
    visible; a second worker marks the job failed (all or nothing) and its task row failed
    within seconds (scaled); worker_status lists the killed worker as dead; the preview is
    confirmed again (two clicks, one retry) and the retry imports every article exactly once."""
    ids = fault.step("setup", str(ARTICLES))
    job = ids["job"]
    slow = fault.start("-m", "tests.interchange.fault_steps", "slow-worker")
    wait_for("the slow worker to claim the import", lambda: fault.job(job)[0] == "running", 20)
    # A second worker, started while the first imports: it sweeps every second.
    fault.start("manage.py", "run_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2")
    wait_for("the import to pass 15 records", lambda: fault.progress(job).get("read", 0) >= 15, 20)
    slow.send_signal(signal.SIGKILL)
    slow.wait(timeout=5)
    killed = time.monotonic()
    assert fault.job(job)[0] == "running"
    assert fault.query("SELECT count(*) FROM articles_article") == [(0,)]

    status, error = wait_for(
        "the job to be marked failed",
        lambda: (row := fault.job(job))[0] == "failed" and row,
        15,
    )
    detected = time.monotonic() - killed
    assert detected < 8, detected  # dead after 3 s, a sweep every 1 s
    assert "killed or crashed" in error and "all or nothing" in error
    assert fault.query("SELECT count(*) FROM articles_article") == [(0,)]
    rows = fault.query(
        "SELECT status, exception_class_path FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'interchange.tasks.run_import' AND status != 'SUCCESSFUL'"
    )
    assert rows == [("FAILED", "interchange.tasks.WorkerLost")]
    health, first, second = fault.step("confirm", str(ids["preview"]))
    assert "1 live worker(s)" in health and f"was running job {job} (run_import)" in health
    assert first == second and not first.endswith(f"/{job}/report/")
    retry = int(first.rstrip("/").split("/")[-2])
    wait_for("the retry to finish", lambda: fault.job(retry)[0] == "done", 15)
    assert fault.query("SELECT count(*), count(DISTINCT title) FROM articles_article") == [
        (ARTICLES, ARTICLES)
    ]
    assert fault.query(
        "SELECT count(*) FROM interchange_job WHERE preview_of_id = ?", ids["preview"]
    ) == [(2,)]
    print(f"kill -9 detected in {detected:.1f} s")
