"""Prepared exports: the files background exports write, where they live and when they go.

An export too large to stream while the browser waits (more articles than
settings.EXPORT_BACKGROUND_THRESHOLD), or in a format that cannot be streamed (spaCy's DocBin
is one compressed blob), is a Job of kind export (interchange/models.py) run by
interchange.tasks.run_export, which writes it here: MEDIA_ROOT/exports/<job uuid>.<ext>, under
a ".part" name until it is complete. The Job says who asked, what, its state, counts and the
writer's report; the file is the thing kept. Both go after settings.EXPORT_KEEP_DAYS
(interchange.tasks.sweep_jobs), and so does any other file here older than that: the partial
file of a worker that died, or a record of the export mechanism before Jobs.

The files are never served from a public URL: interchange.views serves them through a view
that checks the export permission.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from django.conf import settings
from django.db.models import QuerySet

from annotations.models import AnnotatedSet
from articles.models import Article

from ..models import Job
from .formats import FORMATS
from .records import ArticleData

EXPORT_DIR = "exports"
REPORT_LINES_KEPT = 500  # a report longer than this keeps its first lines and the count


def export_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / EXPORT_DIR


def keep_days() -> float:
    return float(getattr(settings, "EXPORT_KEEP_DAYS", 7))


def keep_days_label() -> int | float:
    """EXPORT_KEEP_DAYS as a page shows it: 7, not 7.0."""
    days = keep_days()
    return int(days) if days == int(days) else days


def kept_for() -> timedelta:
    return timedelta(days=keep_days())


def export_path(job: Job) -> Path:
    """Where the finished export of `job` is."""
    extension = FORMATS[job.format].extension if job.format in FORMATS else "bin"
    return export_dir() / f"{job.uuid}.{extension}"


def partial_path(job: Job) -> Path:
    """Where the export of `job` is written until it is complete."""
    path = export_path(job)
    return path.with_name(path.name + ".part")


def articles_of(job: Job) -> QuerySet[Article]:
    """The articles the export `job` writes: its annotated set's, or all of them. LookupError
    when the set was deleted since the export was asked for."""
    set_id = job.options.get("set")
    if set_id is None:
        return Article.objects.order_by("pk")
    annotated_set = AnnotatedSet.objects.filter(pk=set_id).first()
    if annotated_set is None:
        name = job.options.get("set_name", "")
        raise LookupError(f"the annotated set “{name}” no longer exists")
    return annotated_set.articles()


def write_file(job: Job, articles: Iterable[ArticleData], report: list[str]) -> int:
    """Write the export of `job` from `articles` under its partial name, then rename it: a
    reader never finds half a file under the real name. Returns its size. The writer adds
    what it could not carry exactly to `report`."""
    spec = FORMATS[job.format]
    pieces = spec.write(articles, report=report, **job.options.get("writer", {}))
    partial, path = partial_path(job), export_path(job)
    partial.parent.mkdir(parents=True, exist_ok=True)
    try:
        with partial.open("wb") as stream:
            # spec.binary says which of its two kinds the writer yields.
            if spec.binary:
                for chunk in cast(Iterator[bytes], pieces):
                    stream.write(chunk)
            else:
                for piece in cast(Iterator[str], pieces):
                    stream.write(piece.encode("utf-8"))
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path.stat().st_size


def report_rows(report: list[str]) -> list[dict[str, str]]:
    """The writer's report as a Job keeps it: rows like an import's, at most
    REPORT_LINES_KEPT of them (counts["notes"] says how many there were)."""
    return [{"level": "note", "message": line} for line in report[:REPORT_LINES_KEPT]]


def delete_files(job: Job) -> None:
    """The export's file, finished or partial."""
    export_path(job).unlink(missing_ok=True)
    partial_path(job).unlink(missing_ok=True)


def delete_old_files(now: datetime) -> int:
    """Delete every file in the export folder last written more than EXPORT_KEEP_DAYS before
    `now`: exports past their days, partial files left by a worker that died. Returns how
    many."""
    folder = export_dir()
    if not folder.is_dir():
        return 0
    cutoff = (now - kept_for()).timestamp()
    deleted = 0
    for path in folder.iterdir():
        if path.is_file() and _mtime(path) < cutoff:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
