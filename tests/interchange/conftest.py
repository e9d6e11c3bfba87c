"""Fixtures the interchange tests share: a temporary media folder and progress cache, the
background worker, an admin, and imports run through the admin's pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.management.commands import db_worker

from interchange import heartbeat, worker
from interchange.models import Job
from tests.factories import make_user
from tests.interchange.job_factories import confirm, report_url, upload

# The readers in sample_records check what they parse with assert: rewrite those as in tests.
pytest.register_assert_rewrite("tests.interchange.exporting.sample_records")


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """Exports and the progress cache go to a temporary folder, not the checkout's var/; users
    get a fast password hash (the tests make several per test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        **settings.CACHES,
        "progress": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "progress"),
        },
    }
    return tmp_path


@pytest.fixture
def run_worker(monkeypatch):
    """run_worker() runs the worker production runs, `run_worker --batch` (django-tasks-db's
    loop, guarded, with its heartbeat). Like Django's test client for requests, it is kept
    from calling close_old_connections: that closes a connection inside a transaction, as
    every pytest-django test is, which only shows on PostgreSQL (SQLite's in-memory test
    database is never closed)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(worker, "close_connections", lambda: None)

    def run() -> None:
        call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)

    return run


@pytest.fixture
def live_worker(media):
    """A worker's fresh heartbeat, as a running `run_worker` writes it: the job pages show
    progress, not "Worker offline". It stops (cleanly) when the test ends."""
    beating = heartbeat.Heartbeat("test-worker")
    beating.beat()
    yield beating
    beating.stop()


@pytest.fixture
def admin_client(client) -> Client:
    client.force_login(make_user("boss", role="admin"))
    return client


@pytest.fixture
def previewed(admin_client, django_capture_on_commit_callbacks, run_worker):
    """previewed(*files, **data) -> the dry run Job, after the worker ran it."""

    def make(*files, **data) -> Job:
        response = upload(admin_client, django_capture_on_commit_callbacks, *files, **data)
        assert response.status_code == 302, response.content.decode()[:2000]
        record = Job.objects.latest("started")
        run_worker()
        record.refresh_from_db()
        return record

    return make


@pytest.fixture
def imported(admin_client, django_capture_on_commit_callbacks, previewed, run_worker):
    """imported(*files, **data) -> the confirmed Job, after the worker ran it."""

    def make(*files, **data) -> Job:
        dry_run = previewed(*files, **data)
        response = confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
        record = dry_run.confirmations.get()
        assert response.url == report_url(record)
        run_worker()
        record.refresh_from_db()
        return record

    return make
