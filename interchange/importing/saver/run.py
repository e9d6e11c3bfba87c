"""The one way in for every import: `save_records` runs a stream of records and errors through
the saver in one transaction and records the run in a Job (docs/import.md).

Rules:

* **Matching** (matching.py): by external id, then URL, then content hash; the same text is
  a duplicate; a new text of an unannotated article is an update; of an annotated one (deleted
  annotations kept for undo count too) it is "changed": reported, never overwritten.
* **All or nothing.** Everything happens inside one transaction. Any RecordError (from the
  parser, or a record the checks refuse) rolls the whole run back unless `keep_good`; a dry
  run always rolls back, after doing exactly what a real run would, so its counts and preview
  are the real ones. The Job is written outside the rolled-back part.
* **Annotated records** (the native format) bring their registry sources, authors,
  annotations and attributions (spans.py checks them, annotated.py writes them).

Speed: checks.py checks each record against the models' limits instead of `full_clean`, text
that is already canonical is recognised without being rebuilt, and insert.py writes rows with
statements built from the models' metadata, at a third of `bulk_create`'s cost. Every check
the database constraints or column limits need is made before a row is written, so a bad
record is a report line, never an IntegrityError.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from interchange.models import Job

from ..records import ArticleRecord, RecordError
from .writer import Progress, Writer

BATCH_SIZE = 1000
PREVIEW_LIMIT = 1000


@dataclass
class ImportResult:
    """Counts of one run. `created` and `updated` are what was written, or, in a dry run, what
    would have been. When errors rolled everything back they are 0 and `would_create` /
    `would_update` keep the counts. `failed` counts records; `errors` holds every problem (a
    record with two bad annotations fails once and has two errors). `titles` (of the articles
    created) and `preview` (one row per record, in order) stop at the run's preview_limit;
    the counts never do."""

    created: int = 0
    updated: int = 0  # text replaced: matched by external id or URL, no annotations
    changed: int = 0  # text differs but the stored article is annotated: not overwritten
    skipped: int = 0  # duplicates, in the database or earlier in the same run
    failed: int = 0
    total: int = 0  # records read: articles and errors
    annotations: int = 0
    annotations_skipped: int = 0  # their id was already stored
    attributions: int = 0
    sources: int = 0  # registry entries created
    users: int = 0  # inactive accounts created for unknown authors
    errors: list[RecordError] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)  # changed and updated articles
    titles: list[str] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    rolled_back: bool = False  # errors occurred and keep_good was off: nothing written
    would_create: int = 0
    would_update: int = 0
    job: Job | None = None

    @property
    def written(self) -> bool:
        return not (self.dry_run or self.rolled_back)

    def summary(self) -> str:
        line = (
            f"created {self.created}, updated {self.updated}, "
            f"skipped {self.skipped} duplicates, failed {self.failed}"
        )
        if self.changed:
            line += f"; {self.changed} changed but annotated, not overwritten"
        return line


def save_records(
    items: Iterable[ArticleRecord | RecordError],
    *,
    user: User | None = None,
    files: Sequence[str | os.PathLike[str]] = (),
    format: str = "plaintext",
    dry_run: bool = False,
    keep_good: bool = False,
    batch_size: int = BATCH_SIZE,
    notes: Sequence[str] = (),
    job: Job | None = None,
    progress: Progress | None = None,
    preview_limit: int = PREVIEW_LIMIT,
) -> ImportResult:
    """Write the articles in `items` inside one transaction, `batch_size` articles at a time.

    The run is recorded in `job` when given (its status goes RUNNING, then PREVIEWED for a
    dry run, DONE, or FAILED when errors rolled it back or it crashed), else in a new import
    Job. `user` is who imports, and the author of annotations that name none. `notes`
    (e.g. encoding fallbacks) is read after `items` is exhausted, so a generator may append to
    it while it runs. `progress(records_done, errors_so_far)` is called after every batch,
    inside the transaction, and once more when the run is over, outside it.

    Only one batch is held at a time: earlier batches are already rows in the transaction, so
    the matching queries find them.
    """
    job = _start(job, user, files, format, dry_run, keep_good)
    result = ImportResult(dry_run=dry_run, job=job)
    try:
        with transaction.atomic():
            writer = Writer(result, user, batch_size, progress, preview_limit)
            for item in items:
                writer.add(item)
            writer.flush()
            if dry_run or (result.failed and not keep_good):
                raise _RollBack
    except _RollBack:
        if not dry_run:
            _roll_back(result)
    except Exception as exc:
        _finish(job, result, notes, crash=f"import stopped by an unexpected error: {exc!r}")
        raise
    _finish(job, result, notes)
    if progress is not None:
        progress(result.total, result.failed)
    return result


# --- The run's Job -----------------------------------------------------------------------------


class _RollBack(Exception):
    """Raised inside the atomic block to undo a dry run or a failed import."""


def _start(
    job: Job | None,
    user: User | None,
    files: Sequence[str | os.PathLike[str]],
    format: str,
    dry_run: bool,
    keep_good: bool,
) -> Job:
    if job is None:
        return Job.objects.create(
            kind=Job.Kind.IMPORT,
            user=user,
            files=[str(f) for f in files],
            format=format,
            dry_run=dry_run,
            options={"dry_run": dry_run, "keep_good": keep_good},
            status=Job.Status.RUNNING,
        )
    job.status = Job.Status.RUNNING
    job.dry_run = dry_run
    update = ["status", "dry_run"]
    if files:
        job.files = [str(f) for f in files]
        update.append("files")
    if not job.format:
        job.format = format
        update.append("format")
    if user is not None and job.user_id is None:
        job.user = user
        update.append("user")
    job.save(update_fields=update)
    return job


def _roll_back(result: ImportResult) -> None:
    result.rolled_back = True
    result.would_create, result.created = result.created, 0
    result.would_update, result.updated = result.updated, 0
    result.annotations = result.attributions = result.sources = result.users = 0
    result.titles = []


def _finish(job: Job, result: ImportResult, notes: Sequence[str], crash: str = "") -> None:
    job.total = result.total
    job.counts = {
        "created": result.created,
        "updated": result.updated,
        "changed": result.changed,
        "skipped": result.skipped,
        "failed": result.failed,
        "annotations": result.annotations + result.attributions,
    }
    report: list[dict[str, Any]] = [{"level": "note", "message": n} for n in notes]
    report += [{"level": "error", **error.as_dict()} for error in result.errors]
    report += result.notices
    if result.annotations or result.annotations_skipped or result.attributions:
        report.append(
            {
                "level": "note",
                "message": (
                    f"annotations: created {result.annotations}, skipped "
                    f"{result.annotations_skipped} already stored; attributions: created "
                    f"{result.attributions}; registry sources created {result.sources}; "
                    f"inactive users created {result.users}"
                ),
            }
        )
    if result.rolled_back:
        held = f"{result.would_create} article(s)"
        if result.would_update:
            held += f" and {result.would_update} update(s)"
        report.append({"level": "note", "message": f"rolled back: {held} not written"})
    if crash:
        report.append({"level": "error", "message": crash})
    job.report = report
    job.preview = result.preview
    job.error = crash
    if crash:
        job.status = Job.Status.FAILED
    elif result.dry_run:
        job.status = Job.Status.PREVIEWED
    elif result.rolled_back:
        job.status = Job.Status.FAILED
    else:
        job.status = Job.Status.DONE
    job.finished = timezone.now()
    job.save()
