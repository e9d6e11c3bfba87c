"""Background jobs (Django's tasks framework; django-tasks-db runs them): imports and exports.

Imports run here so that the request that uploads or confirms never waits for one; so do
exports too large to stream while the browser waits. Each is a Job (interchange/models.py),
enqueued by `enqueue` once the row is committed, with its id as the task's only argument; the
task claims it with one conditional UPDATE (queued → running), so a task delivered twice (or
run by two workers) runs the job once. Progress goes through interchange/progress.py, the
same for both kinds. `sweep_jobs` tidies after lost, abandoned and expired jobs of both kinds.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from . import heartbeat
from .exporting import prepared
from .exporting.formats import DroppedLinks
from .exporting.loader import load_articles
from .exporting.records import ArticleData
from .forms import DETECT, UPLOAD_DIR
from .importing.intake import format_label, read_inputs
from .importing.records import ArticleRecord, RecordError
from .importing.saver.run import save_records
from .models import WORKER_LOST, Job
from .progress import STALL_AFTER, Progress, clear_progress, is_stalled, read_progress

logger = logging.getLogger(__name__)

# The uploads of a preview nobody confirmed are deleted after this long.
PREVIEW_KEPT = timedelta(days=1)


class Swept(NamedTuple):
    stalled: int  # running jobs (either kind) whose worker died, marked failed
    previews: int  # unconfirmed previews whose uploads were deleted
    expired: int  # exports older than EXPORT_KEEP_DAYS deleted, file and job
    tasks: int = 0  # task rows left RUNNING by a dead worker, marked failed


class WorkerLost(Exception):
    """Recorded as the error of a task row whose worker died while running it."""


def sweep_jobs(now: datetime | None = None) -> Swept:
    """Tidy what dead workers, abandoned previews and expired exports leave behind. Run by
    every worker on start and every WORKER_SWEEP_SECONDS, before each job, and by
    `manage.py sweep_jobs`."""
    now = now or timezone.now()
    stalled = _fail_lost_jobs(now)
    tasks = _fail_lost_tasks(now)
    return Swept(stalled, _clear_abandoned_previews(now), _delete_expired_exports(now), tasks)


def _task_rows(job: Job) -> list[DBTaskResult]:
    """The task rows enqueued for this job (one, unless it was delivered again)."""
    run = run_export if job.kind == Job.Kind.EXPORT else run_import
    return list(DBTaskResult.objects.filter(task_path=run.module_path, args_kwargs__args__0=job.pk))


def _why_lost(job: Job, now: datetime) -> tuple[str, list[DBTaskResult]] | None:
    """Why this running job will never finish, and its task rows still RUNNING; None while
    its worker is alive (or may be). The heartbeat rule: the worker that claimed its task is
    dead. A job run by no task row (`manage.py import_articles`), or by a worker that writes
    no heartbeat (django-tasks-db's plain db_worker), falls back on its progress: silent for
    STALL_AFTER."""
    rows = _task_rows(job)
    running = [row for row in rows if row.status == TaskResultStatus.RUNNING]
    if rows and not running:
        if any(row.status == TaskResultStatus.READY for row in rows):
            return None  # delivered again: a worker will take it
        # A job is finished before its task row: this task ended without finishing it.
        return "its task ended without finishing it", []
    states = [heartbeat.read(row.worker_ids[-1]) for row in running if row.worker_ids]
    if not running or None in states or len(states) < len(running):
        if is_stalled(job, read_progress(job.pk), now):
            minutes = STALL_AFTER // timedelta(minutes=1)
            return f"no progress for over {minutes} minutes", running
        return None
    if any(state.alive(now.timestamp()) for state in states if state is not None):
        return None
    heard = max(state.last_heard() for state in states if state is not None)
    return f"its heartbeat stopped at {heard:%H:%M:%S} UTC: killed or crashed", running


def _lost_message(job: Job, why: str) -> str:
    if job.kind == Job.Kind.EXPORT:
        return (
            f"{WORKER_LOST} while writing this export ({why}). Its partial file is deleted: "
            "export again."
        )
    if job.dry_run:
        return (
            f"{WORKER_LOST} while reading the files for this preview ({why}). Nothing was "
            "saved: upload the files again."
        )
    return (
        f"{WORKER_LOST} while running this import ({why}). An import is all or nothing (one "
        "transaction), so none of it was saved. Confirm the preview again to retry: the files "
        "are kept, and any article already stored is skipped as a duplicate."
    )


def _fail_lost_jobs(now: datetime) -> int:
    """Mark failed the running jobs whose worker died (and their task rows). An export's
    partial file is deleted; a preview's uploads too (upload again); a confirmed import keeps
    its uploads, so that its preview can be confirmed again (confirm_view)."""
    failed = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING):
        lost = _why_lost(job, now)
        if lost is None:
            continue
        why, rows = lost
        message = _lost_message(job, why)
        with transaction.atomic():  # the job and its task row fail together
            marked = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.FAILED,
                finished=now,
                error=message,
                report=[*job.report, {"level": "error", "message": message}],
            )
            for row in rows:
                _fail_task_row(row, message, now)
        if marked:
            failed += 1
            logger.warning("job %s failed: %s", job.pk, message)
            if job.kind == Job.Kind.EXPORT:
                prepared.delete_files(job)
            elif job.dry_run:
                delete_uploads(job)
            clear_progress(job.pk)
    return failed


def _fail_lost_tasks(now: datetime) -> int:
    """Mark failed the task rows (any task: imports, exports, suggestions) left RUNNING by a
    dead worker, instead of RUNNING for ever. A job whose task died before the job was
    claimed is queued again."""
    failed = 0
    for row in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        state = heartbeat.read(row.worker_ids[-1]) if row.worker_ids else None
        if state is None or state.alive(now.timestamp()):
            continue
        message = (
            f"{WORKER_LOST} while running this task (worker {state.id}, pid {state.pid} on "
            f"{state.host}; last heard from at {state.last_heard():%H:%M:%S} UTC)"
        )
        if _fail_task_row(row, message, now):
            failed += 1
            if row.task_path in (run_import.module_path, run_export.module_path):
                job = Job.objects.filter(
                    pk=row.args_kwargs["args"][0], status=Job.Status.QUEUED
                ).first()
                if job is not None:
                    enqueue(job)
    return failed


def _fail_task_row(row: DBTaskResult, message: str, now: datetime) -> int:
    """RUNNING → FAILED, conditionally (the worker may have recorded it meanwhile)."""
    path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
    return DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        return_value=None,
        exception_class_path=path,
        traceback=f"{path}: {message}\n",
    )


def _clear_abandoned_previews(now: datetime) -> int:
    """A preview older than PREVIEW_KEPT that nobody confirmed (or whose confirmed import
    only died with its worker) loses its uploads (its report stays); confirming it then asks
    for the files again."""
    confirmed = (
        Job.objects.filter(preview_of__isnull=False)
        .exclude(status=Job.Status.FAILED, error__startswith=WORKER_LOST)
        .values("preview_of")
    )
    abandoned = (
        Job.objects.filter(kind=Job.Kind.IMPORT, dry_run=True, started__lt=now - PREVIEW_KEPT)
        .exclude(pk__in=confirmed)
        .exclude(uploads=[])
    )
    cleared = 0
    for job in abandoned.exclude(status=Job.Status.RUNNING):
        delete_uploads(job)
        cleared += 1
    return cleared


def _delete_expired_exports(now: datetime) -> int:
    """An export older than EXPORT_KEEP_DAYS is deleted, its file with it, and so is any other
    file of the export folder that old (a partial file a dead worker left, a record of the
    export mechanism before Jobs)."""
    old = Job.objects.filter(kind=Job.Kind.EXPORT, started__lt=now - prepared.kept_for())
    expired = list(old.exclude(status=Job.Status.RUNNING))
    for job in expired:
        prepared.delete_files(job)
    Job.objects.filter(pk__in=[job.pk for job in expired]).delete()
    prepared.delete_old_files(now)
    return len(expired)


def enqueue(job: Job) -> None:
    """Queue the task of `job` (run_import or run_export) once the transaction that created it
    has committed (the worker must find the row)."""
    run = run_export if job.kind == Job.Kind.EXPORT else run_import
    transaction.on_commit(partial(run.enqueue, job.pk))


def _claim(job_id: int, kind: Job.Kind) -> bool:
    """Queued → running, in one conditional UPDATE: only one run of a task gets True."""
    queued = Job.objects.filter(pk=job_id, kind=kind, status=Job.Status.QUEUED)
    return bool(queued.update(status=Job.Status.RUNNING))


@task
def run_import(job_id: int) -> None:
    """Run one queued import Job: a dry run (preview) or the real import it confirms."""
    sweep_jobs()
    if not _claim(job_id, Job.Kind.IMPORT):
        logger.warning("import %s is not queued: not run again", job_id)
        return
    job = Job.objects.select_related("preview_of").get(pk=job_id)
    try:
        chosen = job.options.get("format") or DETECT
        with ExitStack() as stack:
            streams = [stack.enter_context(upload_path(p).open("rb")) for p in job.uploads]
            sources = list(zip(job.files, streams, strict=True))
            job.format = format_label(sources, None if chosen == DETECT else chosen)
            job.save(update_fields=["format"])
            progress = Progress(
                job_id,
                {"read": 0, "done": 0, "errors": 0},
                total=job.preview_of.total if job.preview_of else None,
                streams=streams,
            )
            progress.write()
            notes: list[str] = []
            items = read_inputs(sources, format=None if chosen == DETECT else chosen, notes=notes)
            save_records(
                _counted(items, progress),
                user=job.user,
                files=job.files,
                format=job.format,
                dry_run=job.dry_run,
                keep_good=bool(job.options.get("keep_good")),
                notes=notes,
                job=job,
                progress=partial(_saved, progress),
            )
    except Exception as exc:
        _mark_failed(job_id, exc)
        raise
    finally:
        clear_progress(job_id)
        if not job.dry_run:
            # The confirmed import is the uploads' last use (its dry run cannot be confirmed
            # twice): whatever the outcome, the report says what happened, not the files.
            delete_uploads(job)


def _counted(
    items: Iterable[ArticleRecord | RecordError], progress: Progress
) -> Iterator[ArticleRecord | RecordError]:
    """The records flowing from the readers to the saver, counted (read, errors), the counts
    written now and then; "done" is never behind "read" (the saver's batches lag)."""
    counts = progress.counts
    clock, interval = progress.clock, progress.interval
    for item in items:
        if isinstance(item, RecordError):
            counts["errors"] += 1
        else:
            counts["read"] += 1
        if clock() - progress.last_write >= interval:
            counts["done"] = max(counts["done"], counts["read"])
            progress.write()
        yield item


def _saved(progress: Progress, done: int, errors: int) -> None:
    """The saver's callback after each batch: its error count includes the records it refused."""
    counts = progress.counts
    counts["done"] = max(done, counts["read"])
    counts["errors"] = max(counts["errors"], errors)
    progress.write()


@task
def run_export(job_id: int) -> None:
    """Write one queued export Job to its file (interchange/exporting/prepared.py); record the
    outcome, the counts and the writer's report."""
    sweep_jobs()
    if not _claim(job_id, Job.Kind.EXPORT):
        logger.warning("export %s is not queued: not run again", job_id)
        return
    job = Job.objects.get(pk=job_id)
    progress = Progress(job_id, {"articles": 0, "annotations": 0}, total=job.total)
    report: list[str] = []
    size, status, error = 0, Job.Status.FAILED, "the export was interrupted"
    try:
        progress.write()
        articles = load_articles(
            prepared.articles_of(job), approved_only=bool(job.options.get("approved_only"))
        )
        dropped = DroppedLinks(job.format)
        size = prepared.write_file(job, dropped.counted(_exported(articles, progress)), report)
        if dropped.applies:
            progress.counts["links_dropped"] = dropped.count
        status, error = Job.Status.DONE, ""
    except Exception as exc:
        logger.exception("export %s failed", job_id)
        error = str(exc) or exc.__class__.__name__
        raise
    finally:
        # Conditional, as the claim: a job the sweep has meanwhile marked failed stays so.
        Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
            status=status,
            error=error,
            counts={**progress.counts, "bytes": size, "notes": len(report)},
            report=prepared.report_rows(report),
            finished=timezone.now(),
        )
        clear_progress(job_id)


def _exported(articles: Iterable[ArticleData], progress: Progress) -> Iterator[ArticleData]:
    """The articles flowing from the loader to the writer, counted (articles, annotations), the
    counts written now and then and once at the end."""
    counts = progress.counts
    clock, interval = progress.clock, progress.interval
    for article in articles:
        counts["articles"] += 1
        counts["annotations"] += len(article.annotations)
        if clock() - progress.last_write >= interval:
            progress.write()
        yield article
    progress.write()


def upload_path(stored: str) -> Path:
    """The file a Job.uploads entry names; refuses anything outside the upload dir."""
    root = (Path(settings.MEDIA_ROOT) / UPLOAD_DIR).resolve()
    path = (Path(settings.MEDIA_ROOT) / stored).resolve()
    if not path.is_relative_to(root):
        raise ValueError(f"stored upload {stored!r} is outside {root}")
    return path


def delete_uploads(job: Job) -> None:
    folders = {upload_path(stored).parent for stored in job.uploads}
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    Job.objects.filter(pk__in=[job.pk, job.preview_of_id]).update(uploads=[])


def _mark_failed(job_id: int, exc: Exception) -> None:
    """The saver records its own crashes; this covers what fails before or around it."""
    logger.exception("import %s failed", job_id)
    job = Job.objects.get(pk=job_id)
    if job.status == Job.Status.FAILED:
        return
    job.status = Job.Status.FAILED
    job.error = f"import stopped: {exc}"
    job.report = [*job.report, {"level": "error", "message": job.error}]
    job.finished = timezone.now()
    job.save(update_fields=["status", "error", "report", "finished"])
