"""Background imports (Django's tasks framework; django-tasks-db runs them).

Imports run here so that the request that uploads or confirms never waits for one. Each is a
Job (interchange/models.py); its progress goes through interchange/progress.py.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .forms import DETECT, UPLOAD_DIR
from .importing.intake import format_label, read_inputs
from .importing.records import ArticleRecord, RecordError
from .importing.saver.run import save_records
from .models import Job
from .progress import STALL_AFTER, Progress, clear_progress, is_stalled, read_progress

logger = logging.getLogger(__name__)

# The uploads of a preview nobody confirmed are deleted after this long.
PREVIEW_KEPT = timedelta(days=1)


def sweep_imports(now: datetime | None = None) -> tuple[int, int]:
    """Tidy what lost or abandoned imports leave behind; (stalled marked failed, previews
    whose uploads were deleted). Run when a worker starts an import, and by
    `manage.py sweep_imports`.

    A running import whose worker went silent is marked failed: an import is one transaction,
    so it was written whole or not at all, and its report says to check and upload again.
    A preview older than PREVIEW_KEPT that nobody confirmed loses its uploads (its report
    stays); confirming it then asks for the files again."""
    now = now or timezone.now()
    stalled = 0
    imports = Job.objects.filter(kind=Job.Kind.IMPORT)
    for job in imports.filter(status=Job.Status.RUNNING):
        if not is_stalled(job, read_progress(job.pk), now):
            continue
        lost = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING)
        message = (
            f"the worker stopped reporting for over {STALL_AFTER // timedelta(minutes=1)} minutes "
            "(stopped or killed): an import is written in one transaction, so it was saved whole "
            "or not at all; check the article list, and upload the files again if needed"
        )
        if lost.update(
            status=Job.Status.FAILED,
            finished=now,
            error=message,
            report=[*job.report, {"level": "error", "message": message}],
        ):
            stalled += 1
            delete_uploads(job)
            clear_progress(job.pk)
    abandoned = imports.filter(
        dry_run=True, started__lt=now - PREVIEW_KEPT, confirmations__isnull=True
    ).exclude(uploads=[])
    cleared = 0
    for job in abandoned.exclude(status=Job.Status.RUNNING):
        delete_uploads(job)
        cleared += 1
    return stalled, cleared


def enqueue_import(job: Job) -> None:
    """Queue run_import for `job` once the transaction that created it has committed (the
    worker must find the row)."""
    transaction.on_commit(partial(run_import.enqueue, job.pk))


@task
def run_import(job_id: int) -> None:
    """Run one queued import Job: a dry run (preview) or the real import it confirms."""
    sweep_imports()
    # Claimed with one conditional UPDATE, so a task run twice (or by two workers) imports once.
    queued = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED)
    if not queued.update(status=Job.Status.RUNNING):
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
