"""Background work of the articles app (Django's tasks framework; django-tasks-db runs it).

Imports run here so that the request that uploads or confirms never waits for one. Progress
goes to caches["progress"] (a file cache the web and worker processes share), not to the
database: the import's own transaction is open until it ends, so a progress row written inside
it would be invisible, and one written outside would wait for its lock.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .forms import DETECT, UPLOAD_DIR
from .importers.inputs import format_label, read_inputs
from .importers.records import ArticleRecord, RecordError
from .importers.saver import save_records
from .models import ImportRecord

logger = logging.getLogger(__name__)

# How often, at most, the reading loop writes progress (the saver also reports per batch).
PROGRESS_INTERVAL = 0.25
# A running import writes progress every PROGRESS_INTERVAL while it reads and after every
# batch; one silent this long has lost its worker (stopped, killed, machine restarted).
STALL_AFTER = timedelta(minutes=10)
# The uploads of a preview nobody confirmed are deleted after this long.
PREVIEW_KEPT = timedelta(days=1)


def progress_key(record_id: int) -> str:
    return f"import:{record_id}"


def read_progress(record_id: int) -> dict[str, Any]:
    """What the worker last wrote for this import: read, done, errors, total, bytes_read,
    bytes_total, at (a Unix time; any may be missing), or {} before it started."""
    return caches["progress"].get(progress_key(record_id)) or {}


def is_stalled(record: ImportRecord, progress: dict[str, Any], now: datetime | None = None) -> bool:
    """Has this running import's worker stopped reporting for STALL_AFTER?"""
    if record.status != ImportRecord.Status.RUNNING:
        return False
    now = now or timezone.now()
    last = progress.get("at")
    heard = datetime.fromtimestamp(last, tz=UTC) if last else record.started
    return now - heard > STALL_AFTER


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
    for record in ImportRecord.objects.filter(status=ImportRecord.Status.RUNNING):
        if not is_stalled(record, read_progress(record.pk), now):
            continue
        lost = ImportRecord.objects.filter(pk=record.pk, status=ImportRecord.Status.RUNNING)
        message = (
            f"the worker stopped reporting for over {STALL_AFTER // timedelta(minutes=1)} minutes "
            "(stopped or killed): an import is written in one transaction, so it was saved whole "
            "or not at all; check the article list, and upload the files again if needed"
        )
        if lost.update(
            status=ImportRecord.Status.FAILED,
            finished=now,
            report=[*record.report, {"level": "error", "message": message}],
        ):
            stalled += 1
            delete_uploads(record)
            caches["progress"].delete(progress_key(record.pk))
    abandoned = ImportRecord.objects.filter(
        dry_run=True, started__lt=now - PREVIEW_KEPT, imports__isnull=True
    ).exclude(uploads=[])
    cleared = 0
    for record in abandoned.exclude(status=ImportRecord.Status.RUNNING):
        delete_uploads(record)
        cleared += 1
    return stalled, cleared


def enqueue_import(record: ImportRecord) -> None:
    """Queue run_import for `record` once the transaction that created it has committed (the
    worker must find the row)."""
    transaction.on_commit(partial(run_import.enqueue, record.pk))


@task
def run_import(record_id: int) -> None:
    """Run one queued ImportRecord: a dry run (preview) or the real import it confirms."""
    sweep_imports()
    # Claimed with one conditional UPDATE, so a task run twice (or by two workers) imports once.
    queued = ImportRecord.objects.filter(pk=record_id, status=ImportRecord.Status.QUEUED)
    if not queued.update(status=ImportRecord.Status.RUNNING):
        logger.warning("import %s is not queued: not run again", record_id)
        return
    record = ImportRecord.objects.select_related("preview_of").get(pk=record_id)
    try:
        chosen = record.options.get("format") or DETECT
        with ExitStack() as stack:
            streams = [stack.enter_context(upload_path(p).open("rb")) for p in record.uploads]
            sources = list(zip(record.files, streams, strict=True))
            record.format = format_label(sources, None if chosen == DETECT else chosen)
            record.save(update_fields=["format"])
            tracker = _Progress(
                record_id,
                streams,
                total=record.preview_of.total if record.preview_of else None,
            )
            tracker.write()
            notes: list[str] = []
            items = read_inputs(sources, format=None if chosen == DETECT else chosen, notes=notes)
            save_records(
                tracker.count(items),
                user=record.user,
                files=record.files,
                format=record.format,
                dry_run=record.dry_run,
                keep_good=bool(record.options.get("keep_good")),
                notes=notes,
                record=record,
                progress=tracker.saved,
            )
    except Exception as exc:
        _mark_failed(record_id, exc)
        raise
    finally:
        caches["progress"].delete(progress_key(record_id))
        if not record.dry_run:
            # The confirmed import is the uploads' last use (its dry run cannot be confirmed
            # twice): whatever the outcome, the report says what happened, not the files.
            delete_uploads(record)


def upload_path(stored: str) -> Path:
    """The file an ImportRecord.uploads entry names; refuses anything outside the upload dir."""
    root = (Path(settings.MEDIA_ROOT) / UPLOAD_DIR).resolve()
    path = (Path(settings.MEDIA_ROOT) / stored).resolve()
    if not path.is_relative_to(root):
        raise ValueError(f"stored upload {stored!r} is outside {root}")
    return path


def delete_uploads(record: ImportRecord) -> None:
    folders = {upload_path(stored).parent for stored in record.uploads}
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    ImportRecord.objects.filter(pk__in=[record.pk, record.preview_of_id]).update(uploads=[])


def _mark_failed(record_id: int, exc: Exception) -> None:
    """The saver records its own crashes; this covers what fails before or around it."""
    logger.exception("import %s failed", record_id)
    record = ImportRecord.objects.get(pk=record_id)
    if record.status == ImportRecord.Status.FAILED:
        return
    record.status = ImportRecord.Status.FAILED
    record.report = [*record.report, {"level": "error", "message": f"import stopped: {exc}"}]
    record.finished = timezone.now()
    record.save(update_fields=["status", "report", "finished"])


class _Progress:
    """Counts the records flowing from the readers to the saver and writes them, with the
    bytes read so far, to the progress cache (throttled)."""

    def __init__(self, record_id: int, streams: list[IO[bytes]], total: int | None) -> None:
        self.key = progress_key(record_id)
        self.streams = streams
        self.sizes = [Path(stream.name).stat().st_size for stream in streams]
        self.total = total
        self.read = 0
        self.errors = 0
        self.done = 0
        self.bytes_read = 0
        self.last_write = 0.0

    def count(
        self, items: Iterable[ArticleRecord | RecordError]
    ) -> Iterator[ArticleRecord | RecordError]:
        for item in items:
            if isinstance(item, RecordError):
                self.errors += 1
            else:
                self.read += 1
            if time.monotonic() - self.last_write >= PROGRESS_INTERVAL:
                self.write()
            yield item

    def saved(self, done: int, errors: int) -> None:
        """The saver's callback, after each batch."""
        self.done = done
        self.errors = max(self.errors, errors)
        self.write()

    def write(self) -> None:
        self.last_write = time.monotonic()
        caches["progress"].set(
            self.key,
            {
                "read": self.read,
                "done": max(self.done, self.read),
                "errors": self.errors,
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
