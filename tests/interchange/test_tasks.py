"""interchange/tasks.py: the import and export tasks as the worker runs them (once each, however
often delivered; failures recorded; progress written), and the sweep after lost, abandoned and
expired jobs."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from interchange import progress, tasks
from interchange.exporting import prepared
from interchange.exporting.formats import FORMATS
from interchange.models import Job
from tests.conftest import SEED_FILE, needs_seed
from tests.factories import make_article
from tests.interchange.exporting.sample_db import annotated_article
from tests.interchange.job_factories import export_job, report_url, running_record, seed_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


# --- Imports ---------------------------------------------------------------------------------


@needs_seed
def test_the_worker_writes_progress_while_it_runs(admin_client, previewed, monkeypatch):
    """The task writes read/done/errors and the bytes read to caches["progress"] as it goes,
    and clears them at the end."""
    seen: list[dict] = []
    original = progress.Progress.write

    def spy(self) -> None:
        original(self)
        seen.append(progress.read_progress(int(self.key.split(":")[1])))

    monkeypatch.setattr(progress.Progress, "write", spy)
    record = previewed(seed_upload())
    size = SEED_FILE.stat().st_size
    assert seen[0]["read"] == 0 and seen[0]["bytes_total"] == size
    assert seen[-1]["done"] == 2 and seen[-1]["errors"] == 0
    assert seen[-1]["bytes_read"] == size
    assert progress.read_progress(record.pk) == {}


def test_a_failing_task_marks_the_record_failed(admin_client, media):
    """An import that cannot run (its upload is gone) ends FAILED with the reason in its
    report, which its page shows."""
    record = Job.objects.create(
        files=["gone.txt"],
        uploads=["imports/0123/000.upload"],
        format="detect",
        options={"format": "detect", "keep_good": False},
        dry_run=True,
        status=Job.Status.QUEUED,
    )
    with pytest.raises(FileNotFoundError):
        tasks.run_import.call(record.pk)
    record.refresh_from_db()
    assert record.status == Job.Status.FAILED
    assert record.finished is not None
    assert "No such file" in record.report[-1]["message"]
    content = admin_client.get(report_url(record)).content.decode()
    assert "The import stopped" in content and "No such file" in content


@needs_seed
def test_a_task_runs_a_record_once(previewed):
    """Running the task again for a finished record changes nothing."""
    record = previewed(seed_upload())
    tasks.run_import.call(record.pk)
    assert Job.objects.get(pk=record.pk).preview == record.preview


def test_stored_upload_paths_cannot_leave_the_upload_folder():
    """A tampered uploads entry is refused rather than read."""
    with pytest.raises(ValueError, match="outside"):
        tasks.upload_path("imports/../../secrets.txt")


# --- Exports -------------------------------------------------------------------------------------


def test_an_export_task_writes_its_file_and_records_what_it_wrote(media):
    """The task writes MEDIA_ROOT/exports/<uuid>.<ext> and records the outcome: done, the
    articles, annotations and bytes written, no notes, the time it finished."""
    article, _ = annotated_article()
    job = export_job(total=1)
    tasks.run_export.call(job.pk)
    job.refresh_from_db()
    path = media / "exports" / f"{job.uuid}.jsonl"
    assert job.status == Job.Status.DONE and job.finished is not None and job.error == ""
    assert job.counts == {"articles": 1, "annotations": 7, "bytes": path.stat().st_size, "notes": 0}
    assert path.read_text(encoding="utf-8").count("\n") == 1
    assert not list((media / "exports").glob("*.part"))


def test_an_export_task_counts_the_links_its_format_drops(media):
    """A doccano export (no relations) records how many attribution links it dropped; a native
    export, which keeps them all, records no such count."""
    annotated_article()
    job = export_job(total=1, format="doccano")
    tasks.run_export.call(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.counts["links_dropped"] == 2
    native = export_job(total=1)
    tasks.run_export.call(native.pk)
    native.refresh_from_db()
    assert "links_dropped" not in native.counts


def test_an_export_task_delivered_twice_exports_once(media, monkeypatch):
    """The task claims its Job queued → running in one conditional UPDATE: run again (a retry,
    a second worker) it writes nothing, and neither does one for a Job already running."""
    annotated_article()
    written = []
    real = prepared.write_file
    monkeypatch.setattr(prepared, "write_file", lambda *a: written.append(a[0].pk) or real(*a))
    job = export_job()
    tasks.run_export.call(job.pk)
    finished = Job.objects.get(pk=job.pk).finished
    tasks.run_export.call(job.pk)
    running = export_job(status=Job.Status.RUNNING)
    tasks.run_export.call(running.pk)
    assert written == [job.pk]
    assert Job.objects.get(pk=job.pk).finished == finished
    assert Job.objects.get(pk=running.pk).status == Job.Status.RUNNING


def test_an_export_task_runs_only_export_jobs():
    """Given the id of a queued import, the export task leaves it alone."""
    record = Job.objects.create(files=["a.txt"], format="plaintext", status=Job.Status.QUEUED)
    tasks.run_export.call(record.pk)
    record.refresh_from_db()
    assert record.status == Job.Status.QUEUED


def test_the_export_worker_writes_progress_while_it_runs(media, monkeypatch):
    """The task writes the articles and annotations written so far and the total to
    caches["progress"], with the heartbeat, and clears them at the end."""
    annotated_article()
    make_article(title="A second story")
    make_article(title="A third story")
    seen: list[dict] = []
    original = progress.Progress.write

    def spy(self) -> None:
        original(self)
        seen.append(progress.read_progress(int(self.key.split(":")[1])))

    monkeypatch.setattr(progress.Progress, "write", spy)
    job = export_job(total=3)
    tasks.run_export.call(job.pk)
    assert (seen[0]["articles"], seen[0]["total"]) == (0, 3)
    assert (seen[-1]["articles"], seen[-1]["annotations"]) == (3, 7)
    assert all("at" in figures for figures in seen)
    assert progress.read_progress(job.pk) == {}


def test_a_failing_export_is_recorded_and_leaves_no_file(media, monkeypatch):
    """An export whose writer fails ends FAILED with the reason, and leaves no file, partial
    or whole."""
    annotated_article()

    def broken(articles, **options):
        for _ in articles:
            yield "x"
            raise RuntimeError("disk full")

    monkeypatch.setitem(FORMATS, "native", FORMATS["native"]._replace(write=broken))
    job = export_job()
    with pytest.raises(RuntimeError):
        tasks.run_export.call(job.pk)
    job.refresh_from_db()
    assert (job.status, job.error) == (Job.Status.FAILED, "disk full")
    assert not prepared.export_path(job).exists() and not prepared.partial_path(job).exists()


# --- The sweep -------------------------------------------------------------------------------


def test_sweep_marks_stalled_imports_failed_and_clears_old_previews_uploads(media):
    """sweep_jobs (run by every worker, or by the command): an import run by no task and
    silent for STALL_AFTER (the fallback rule) is FAILED with a report line, its uploads kept
    for a retry; a live one is untouched; an unconfirmed preview older than PREVIEW_KEPT loses
    its uploads, a recent one keeps them."""
    now = timezone.now()
    folders = {}
    for name in ("stalled", "live", "old", "recent"):
        folder = media / "imports" / name
        folder.mkdir(parents=True)
        (folder / "000.upload").write_text("x")
        folders[name] = [f"imports/{name}/000.upload"]
    stalled = running_record(uploads=folders["stalled"])
    live = running_record(uploads=folders["live"])
    caches["progress"].set(progress.progress_key(live.pk), {"at": now.timestamp()})
    old = Job.objects.create(
        files=["a.txt"], uploads=folders["old"], dry_run=True, status="previewed"
    )
    recent = Job.objects.create(
        files=["b.txt"], uploads=folders["recent"], dry_run=True, status="previewed"
    )
    Job.objects.filter(pk__in=[stalled.pk, live.pk, old.pk]).update(
        started=now - tasks.PREVIEW_KEPT - timedelta(hours=1)
    )
    out = StringIO()
    call_command("sweep_jobs", stdout=out)
    assert out.getvalue().strip() == (
        "1 stalled job(s) marked failed; uploads of 1 unconfirmed preview(s) deleted; "
        "0 export(s) older than 7 day(s) deleted; 0 task row(s) of dead workers marked failed"
    )
    for record in (stalled, live, old, recent):
        record.refresh_from_db()
    assert stalled.status == Job.Status.FAILED and stalled.finished is not None
    assert "no progress for over 10 minutes" in stalled.report[-1]["message"]
    assert "Confirm the preview again" in stalled.error and stalled.worker_lost
    assert live.status == Job.Status.RUNNING
    assert (stalled.uploads, old.uploads) == (folders["stalled"], [])
    assert (media / "imports" / "stalled").exists() and not (media / "imports" / "old").exists()
    assert live.uploads == folders["live"] and recent.uploads == folders["recent"]
    assert (media / "imports" / "recent" / "000.upload").exists()


def test_sweep_marks_a_stalled_export_failed_and_deletes_its_partial_file(media):
    """A running export whose worker went silent is FAILED like an import, saying to export
    again; the partial file its worker left is deleted and its progress cleared. A live
    export, and its partial file, are untouched."""
    now = timezone.now()
    long_ago = now - progress.STALL_AFTER - timedelta(minutes=1)
    stalled = export_job(status=Job.Status.RUNNING)
    live = export_job(status=Job.Status.RUNNING)
    Job.objects.filter(pk__in=[stalled.pk, live.pk]).update(started=long_ago)
    caches["progress"].set(progress.progress_key(stalled.pk), {"at": long_ago.timestamp()})
    caches["progress"].set(progress.progress_key(live.pk), {"at": now.timestamp()})
    for job in (stalled, live):
        prepared.partial_path(job).parent.mkdir(parents=True, exist_ok=True)
        prepared.partial_path(job).write_text("{half a line")
    assert tasks.sweep_jobs(now) == (1, 0, 0, 0)
    stalled.refresh_from_db()
    live.refresh_from_db()
    assert stalled.status == Job.Status.FAILED and stalled.finished is not None
    assert "no progress for over 10 minutes" in stalled.error and "export again" in stalled.error
    assert stalled.report[-1] == {"level": "error", "message": stalled.error}
    assert not prepared.partial_path(stalled).exists()
    assert progress.read_progress(stalled.pk) == {}
    assert live.status == Job.Status.RUNNING and prepared.partial_path(live).exists()


def test_sweep_deletes_exports_older_than_the_days_they_are_kept(media, settings):
    """An export older than EXPORT_KEEP_DAYS goes, file and Job; a newer one stays, and so does
    an import of the same age (the history of imports is kept)."""
    settings.EXPORT_KEEP_DAYS = 2
    now = timezone.now()
    old, new = export_job(status=Job.Status.DONE), export_job(status=Job.Status.DONE)
    old_import = Job.objects.create(files=["a.txt"], format="plaintext")
    Job.objects.filter(pk__in=[old.pk, old_import.pk]).update(started=now - timedelta(days=3))
    for job in (old, new):
        prepared.export_path(job).parent.mkdir(parents=True, exist_ok=True)
        prepared.export_path(job).write_text("{}\n")
    out = StringIO()
    call_command("sweep_jobs", stdout=out)
    assert "; 1 export(s) older than 2 day(s) deleted;" in out.getvalue()
    assert not Job.objects.filter(pk=old.pk).exists()
    assert not prepared.export_path(old).exists()
    assert Job.objects.filter(pk__in=[new.pk, old_import.pk]).count() == 2
    assert prepared.export_path(new).exists()


@needs_seed
def test_a_worker_sweeps_before_it_runs_an_import(previewed, monkeypatch):
    """A worker sweeps when it starts, and each import it starts first tidies after lost
    ones."""
    swept = []
    monkeypatch.setattr(tasks, "sweep_jobs", lambda: swept.append(True) or (0, 0, 0, 0))
    previewed(seed_upload())
    assert swept == [True, True]


def test_a_worker_sweeps_before_it_runs_an_export(monkeypatch):
    """Each export a worker starts first tidies after lost and expired jobs."""
    swept = []
    monkeypatch.setattr(tasks, "sweep_jobs", lambda: swept.append(True) or (0, 0, 0))
    tasks.run_export.call(export_job().pk)
    assert swept == [True]


@pytest.mark.django_db
def test_sweep_imports_is_the_former_name_of_sweep_jobs():
    """The documented name of the command before exports became jobs still runs the same sweep
    (a cron entry written against it keeps working)."""
    out = StringIO()
    call_command("sweep_imports", stdout=out)
    assert out.getvalue().strip() == (
        "0 stalled job(s) marked failed; uploads of 0 unconfirmed preview(s) deleted; "
        "0 export(s) older than 7 day(s) deleted; 0 task row(s) of dead workers marked failed"
    )
