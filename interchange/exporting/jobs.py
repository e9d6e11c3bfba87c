"""Background exports (Django's tasks framework; django-tasks-db runs them).

An export too large to stream while the browser waits (more articles than
settings.EXPORT_BACKGROUND_THRESHOLD), or in a format that cannot be streamed (spaCy's DocBin
is one compressed blob), is written by `run_export` to MEDIA_ROOT/exports/<uuid>.<ext>. Its
record is a JSON file beside it, `<uuid>.json` (`ExportJob`): who asked, what, its state and its
report. It is a file, not a row, because the export file is the thing kept: record and file
live and expire together (after settings.EXPORT_KEEP_DAYS, purged by the next export).
Progress goes to caches["progress"], like the imports' (articles/tasks.py), so the web
process's htmx poll reads it without touching the worker's connection.

The files are never served from a public URL: interchange.views serves them through a view
that checks the export permission.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import QuerySet
from django.tasks import task

from annotations.models import AnnotatedSet
from articles.models import Article

from .formats import FORMATS
from .loader import load_articles
from .records import ArticleData

logger = logging.getLogger(__name__)

EXPORT_DIR = "exports"
PROGRESS_INTERVAL = 0.25  # seconds between progress writes, at most
REPORT_LINES_KEPT = 500  # a report longer than this keeps its first lines and the count


def export_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / EXPORT_DIR


def keep_days() -> float:
    return float(getattr(settings, "EXPORT_KEEP_DAYS", 7))


def keep_days_label() -> int | float:
    """EXPORT_KEEP_DAYS as a page shows it: 7, not 7.0."""
    days = keep_days()
    return int(days) if days == int(days) else days


def progress_key(export_id: str) -> str:
    return f"export:{export_id}"


@dataclass
class ExportJob:
    """One background export: its options, its state and, once done, its report."""

    class Status:
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    id: str
    format: str
    approved_only: bool
    set_id: int | None
    set_name: str
    user_id: int | None
    username: str
    filename: str
    options: dict[str, Any] = field(default_factory=dict)
    total: int = 0
    status: str = Status.QUEUED
    created: str = ""
    finished: str = ""
    articles: int = 0
    annotations: int = 0
    size: int = 0
    report: list[str] = field(default_factory=list)
    report_total: int = 0
    error: str = ""

    @classmethod
    def create(cls, **fields: Any) -> ExportJob:
        job = cls(id=str(uuid.uuid4()), created=_now(), **fields)
        job.save()
        return job

    @classmethod
    def load(cls, export_id: str) -> ExportJob | None:
        """The job of that id, or None (unknown, expired, or not an id at all)."""
        try:
            export_id = str(uuid.UUID(str(export_id)))
            data = json.loads(_record_path(export_id).read_text(encoding="utf-8"))
        except (ValueError, OSError):
            return None
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def recent(cls, limit: int = 10) -> list[ExportJob]:
        """The newest jobs first."""
        folder = export_dir()
        if not folder.is_dir():
            return []
        records = sorted(folder.glob("*.json"), key=_mtime, reverse=True)
        jobs = (cls.load(path.stem) for path in records[: limit * 2])
        return [job for job in jobs if job is not None][:limit]

    def save(self) -> None:
        """Written whole under a temporary name and renamed: a reader never sees half."""
        path = _record_path(self.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial_path = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial_path.write_text(json.dumps(asdict(self), ensure_ascii=False), encoding="utf-8")
        os.replace(partial_path, path)

    @property
    def extension(self) -> str:
        return FORMATS[self.format].extension if self.format in FORMATS else "bin"

    @property
    def path(self) -> Path:
        """Where the finished export is."""
        return export_dir() / f"{self.id}.{self.extension}"

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def created_at(self) -> datetime | None:
        return datetime.fromisoformat(self.created) if self.created else None

    def progress(self) -> dict[str, int]:
        """What the worker last wrote: articles, annotations, total (any may be missing)."""
        return caches["progress"].get(progress_key(self.id)) or {}

    def article_queryset(self) -> QuerySet[Article]:
        if self.set_id is None:
            return Article.objects.order_by("pk")
        annotated_set = AnnotatedSet.objects.filter(pk=self.set_id).first()
        if annotated_set is None:
            raise LookupError(f"the annotated set “{self.set_name}” no longer exists")
        return annotated_set.articles()


def enqueue_export(job: ExportJob) -> None:
    """Queue run_export once the current transaction (if any) has committed."""
    transaction.on_commit(partial(run_export.enqueue, job.id))


@task
def run_export(export_id: str) -> None:
    """Write one queued export to its file; record the outcome and the writer's report."""
    job = ExportJob.load(export_id)
    if job is None:
        logger.warning("export %s: no record, nothing to do", export_id)
        return
    if job.status != ExportJob.Status.QUEUED:
        logger.warning("export %s is %s, not queued: not run again", export_id, job.status)
        return
    purge_expired()
    job.status = ExportJob.Status.RUNNING
    job.save()
    tracker = _Progress(job)
    partial_path = job.path.with_name(job.path.name + ".part")
    report: list[str] = []
    try:
        tracker.write()
        spec = FORMATS[job.format]
        articles = load_articles(job.article_queryset(), approved_only=job.approved_only)
        pieces = spec.write(tracker.count(articles), report=report, **job.options)
        partial_path.parent.mkdir(parents=True, exist_ok=True)
        with partial_path.open("wb") as stream:
            # spec.binary says which of its two kinds the writer yields.
            if spec.binary:
                for chunk in cast(Iterator[bytes], pieces):
                    stream.write(chunk)
            else:
                for piece in cast(Iterator[str], pieces):
                    stream.write(piece.encode("utf-8"))
        os.replace(partial_path, job.path)
        job.status = ExportJob.Status.DONE
        job.size = job.path.stat().st_size
    except Exception as exc:
        logger.exception("export %s failed", export_id)
        partial_path.unlink(missing_ok=True)
        job.status = ExportJob.Status.FAILED
        job.error = str(exc) or exc.__class__.__name__
        raise
    finally:
        job.articles, job.annotations = tracker.articles, tracker.annotations
        job.report, job.report_total = report[:REPORT_LINES_KEPT], len(report)
        job.finished = _now()
        job.save()
        caches["progress"].delete(progress_key(export_id))


def purge_expired(now: float | None = None) -> int:
    """Delete exports (file and record) older than EXPORT_KEEP_DAYS, and partial files left by
    a worker that died. Returns how many files were deleted."""
    folder = export_dir()
    if not folder.is_dir():
        return 0
    cutoff = (now or time.time()) - timedelta(days=keep_days()).total_seconds()
    deleted = 0
    for path in folder.iterdir():
        if path.is_file() and _mtime(path) < cutoff:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


class _Progress:
    """Counts the articles flowing from the loader to the writer; writes them to the progress
    cache at most every PROGRESS_INTERVAL seconds."""

    def __init__(self, job: ExportJob) -> None:
        self.key = progress_key(job.id)
        self.total = job.total
        self.articles = 0
        self.annotations = 0
        self.last_write = 0.0

    def count(self, articles: Iterable[ArticleData]) -> Iterator[ArticleData]:
        for article in articles:
            self.articles += 1
            self.annotations += len(article.annotations)
            if time.monotonic() - self.last_write >= PROGRESS_INTERVAL:
                self.write()
            yield article
        self.write()

    def write(self) -> None:
        self.last_write = time.monotonic()
        caches["progress"].set(
            self.key,
            {"articles": self.articles, "annotations": self.annotations, "total": self.total},
        )


def _record_path(export_id: str) -> Path:
    return export_dir() / f"{export_id}.json"


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _now() -> str:
    return datetime.now(UTC).isoformat()
