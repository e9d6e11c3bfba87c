"""interchange/worker.py, heartbeat.py and the sweep's heartbeat rule: the worker survives
database errors, beats while it works, and a dead worker's job ends failed, its task row too,
and its preview can be confirmed again, once."""

from __future__ import annotations

import time
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.utils import OperationalError
from django.tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from interchange import heartbeat, tasks, worker
from interchange.models import Job
from tests.interchange.job_factories import (
    confirm,
    confirm_url,
    export_job,
    jsonl_upload,
    report_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def make_worker(**options) -> worker.SurvivingWorker:
    values = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": "unit-worker",
        "excluded_queue_names": [],
        **options,
    }
    made = worker.SurvivingWorker(**values)
    made.close_connections = lambda: None  # the test database is one in-memory connection
    return made


def stale_heartbeat(worker_id: str, seconds_ago: float) -> None:
    """A heartbeat last written `seconds_ago`, never stopped: a killed worker's."""
    beating = heartbeat.Heartbeat(worker_id)
    beating.record["beat"] = time.time() - seconds_ago
    beating._write()


def claimed_by(job: Job, worker_id: str) -> DBTaskResult:
    """What a worker does before it is killed: its task row RUNNING under its id, the Job
    claimed."""
    row = DBTaskResult.objects.get(args_kwargs__args__0=job.pk)
    row.claim(worker_id)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    return row


# --- Surviving database errors -----------------------------------------------------------


def test_backoff_doubles_up_to_its_cap_and_starts_over_when_reset():
    """0.5 s, 1 s, 2 s … capped at 30 s; reset() starts again at 0.5 s."""
    backoff = worker.Backoff()
    delays = [backoff.failed() for _ in range(9)]
    assert delays == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]
    backoff.reset()
    assert backoff.failed() == 0.5


def test_a_database_error_in_the_polling_loop_is_retried_and_the_next_task_runs(
    monkeypatch, caplog
):
    """ "database is locked" raised where django-tasks-db's loop does not catch it (entering its
    exclusive transaction) twice: the worker logs it, waits 0.5 s then 1 s, and goes on to
    run the queued export."""
    job = export_job()
    real = db_worker.exclusive_transaction
    failures = [OperationalError("database is locked")] * 2

    @contextmanager
    def flaky(using):
        if failures:
            raise failures.pop()
        with real(using):
            yield

    monkeypatch.setattr(db_worker, "exclusive_transaction", flaky)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    slept: list[float] = []
    surviving = make_worker()
    surviving.sleep = slept.append
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        tasks.enqueue(job)
    surviving.run()
    job.refresh_from_db()
    assert slept == [0.5, 1]
    assert job.status == Job.Status.DONE
    assert "database error in the polling loop" in caplog.text


def test_an_outcome_that_cannot_be_saved_is_saved_again_not_left_running(monkeypatch):
    """When the task row's own retries (3 for success, 3 for failure) all meet a locked
    database, the worker keeps saving the outcome after a backoff: the row ends finished, not
    RUNNING for ever."""
    job = export_job()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        tasks.enqueue(job)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr("django_tasks_db.utils.time.sleep", lambda seconds: None)
    real_save = DBTaskResult.save
    refusals = [6]

    def locked_save(self, *args, **kwargs):
        if "finished_at" in (kwargs.get("update_fields") or []) and refusals[0]:
            refusals[0] -= 1
            raise OperationalError("database is locked")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(DBTaskResult, "save", locked_save)
    slept: list[float] = []
    surviving = make_worker()
    surviving.sleep = slept.append
    surviving.run()
    row = DBTaskResult.objects.get()
    assert row.status != TaskResultStatus.RUNNING and row.finished_at is not None
    assert slept == [0.5] and refusals == [0]


# --- Heartbeat ---------------------------------------------------------------------------


def test_a_worker_beats_naming_its_job_and_says_when_it_stopped(monkeypatch):
    """While a task runs, the worker's heartbeat names the task and its Job; after a clean
    exit it says stopped, and the worker is no longer live."""
    job = export_job()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        tasks.enqueue(job)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    seen: list[heartbeat.WorkerState] = []
    real_write = tasks.prepared.write_file

    def spy(*args, **kwargs):
        seen.extend(heartbeat.live())
        return real_write(*args, **kwargs)

    monkeypatch.setattr(tasks.prepared, "write_file", spy)
    make_worker(worker_id="beating").run()
    assert [(state.id, state.job, state.task_name) for state in seen] == [
        ("beating", job.pk, "interchange.tasks.run_export")
    ]
    state = heartbeat.read("beating")
    assert state is not None and state.stopped and not state.alive()
    assert state.job is None and heartbeat.live() == []


def test_a_heartbeat_is_alive_until_silent_for_the_dead_after_setting(settings):
    """Alive when heard from within WORKER_DEAD_AFTER_SECONDS, dead after."""
    settings.WORKER_DEAD_AFTER_SECONDS = 40
    stale_heartbeat("recent", 39)
    stale_heartbeat("silent", 41)
    assert [state.id for state in heartbeat.live()] == ["recent"]
    assert {state.id for state in heartbeat.workers()} == {"recent", "silent"}


def test_worker_status_lists_workers_and_fails_when_none_is_live(live_worker):
    """The health check: exit 0 with a live worker, 1 (and a message) with only dead ones."""
    stale_heartbeat("killed", 600)
    out = StringIO()
    call_command("worker_status", stdout=out)
    assert "live    test-worker" in out.getvalue() and "DEAD    killed" in out.getvalue()
    live_worker.stop()
    err = StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("worker_status", stdout=StringIO(), stderr=err)
    assert exit.value.code == 1 and "No background worker is running" in err.getvalue()


def test_the_job_pages_say_worker_offline_when_no_worker_beats(
    admin_client, django_capture_on_commit_callbacks, previewed
):
    """No fresh heartbeat: the import page says so instead of a progress bar that would never
    move; so does the export page."""
    dry_run = previewed(jsonl_upload(bad_line=None))
    confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    page = admin_client.get(report_url(dry_run.confirmations.get())).content.decode()
    assert "No background worker is running: the job waits until one starts" in page
    assert "<progress" not in page
    export = export_job()
    page = admin_client.get(f"/annotations/export/{export.uuid}/").content.decode()
    assert "No background worker is running" in page and "<progress" not in page


# --- A dead worker's job -----------------------------------------------------------------


def test_a_dead_workers_import_fails_its_task_row_too_and_keeps_its_files(
    admin_client, django_capture_on_commit_callbacks, previewed, live_worker
):
    """A confirmed import whose worker stopped beating (killed): the sweep marks it failed,
    saying it was all or nothing; its task row is FAILED (WorkerLost), not RUNNING; the
    files stay for the retry."""
    dry_run = previewed(jsonl_upload(bad_line=None))
    confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    job = dry_run.confirmations.get()
    row = claimed_by(job, "killed-worker")
    stale_heartbeat("killed-worker", 60)
    assert tasks.sweep_jobs().stalled == 1
    job.refresh_from_db()
    row.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.worker_lost
    assert "killed or crashed" in job.error and "all or nothing" in job.error
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == "interchange.tasks.WorkerLost"
    assert job.uploads == dry_run.uploads and tasks.upload_path(job.uploads[0]).exists()


def test_a_job_whose_worker_beats_is_left_running(
    admin_client, django_capture_on_commit_callbacks, previewed, live_worker
):
    """However long it has run, an import whose worker still beats is not touched."""
    dry_run = previewed(jsonl_upload(bad_line=None))
    confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    job = dry_run.confirmations.get()
    row = claimed_by(job, live_worker.record["id"])
    assert tasks.sweep_jobs() == (0, 0, 0, 0)
    job.refresh_from_db()
    row.refresh_from_db()
    assert job.status == Job.Status.RUNNING and row.status == TaskResultStatus.RUNNING


def test_a_preview_whose_import_died_is_confirmed_again_once_and_imports_once(
    admin_client, django_capture_on_commit_callbacks, previewed, run_worker, live_worker
):
    """After its import died with its worker, the preview offers Confirm again; two clicks
    make one retry, which imports the four articles once."""
    dry_run = previewed(jsonl_upload(bad_line=None))
    confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    lost = dry_run.confirmations.get()
    claimed_by(lost, "killed-worker")
    stale_heartbeat("killed-worker", 60)
    tasks.sweep_jobs()
    page = admin_client.get(report_url(dry_run)).content.decode()
    assert f"Import #{lost.pk} from this preview stopped" in page
    assert confirm_url(dry_run) in page
    first = confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    second = confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    retry = dry_run.confirmations.exclude(pk=lost.pk).get()
    assert first.url == second.url == report_url(retry)
    run_worker()
    retry.refresh_from_db()
    assert retry.status == Job.Status.DONE and retry.count("created") == 4
    assert Article.objects.count() == 4
    page = admin_client.get(report_url(dry_run)).content.decode()
    assert f"see import #{retry.pk}" in page and confirm_url(dry_run) not in page


def test_a_dead_workers_other_task_rows_are_failed_and_its_queued_job_queued_again(
    live_worker,
):
    """Any task row left RUNNING by a dead worker is failed; an export whose task died
    before it claimed the Job (still queued) gets a new task."""
    job = export_job()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        tasks.enqueue(job)
        DBTaskResult.objects.get().claim("killed-worker")
        stale_heartbeat("killed-worker", 60)
        assert tasks.sweep_jobs().tasks == 1
    rows = DBTaskResult.objects.order_by("enqueued_at")
    assert [row.status for row in rows] == [TaskResultStatus.FAILED, TaskResultStatus.READY]
    assert rows[1].args_kwargs["args"] == [job.pk]
