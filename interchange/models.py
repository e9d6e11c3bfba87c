"""The one job mechanism for moving data in and out: every import and background export is a
Job, run by a task in interchange/tasks.py.

A Job records who ran what, on which files, with which options, how it went (status, counts,
the report and, for an import's dry run, the per-article preview) and when. It is written
outside the transaction an import runs in, so it survives a rolled-back run. Its progress while
it runs is not here but in caches["progress"] (interchange/progress.py): the run's own
transaction would hide a progress row, and a row written beside it would wait for its lock.

An import's files are its uploads; an export's `files` is the one file it writes (its download
name; where it is kept: interchange/exporting/prepared.py), and its `options` say what it
exports: the annotated set (`set`, `set_name`), `approved_only` and the writer's options
(`writer`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

# How the error of a job whose worker died begins (interchange.tasks.sweep_jobs): a confirmed
# import that failed so can be confirmed again from its preview.
WORKER_LOST = "The background worker stopped"


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        EXPORT = "export", "Export"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        PREVIEWED = "previewed", "Preview ready"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    # For URLs shown to people: not guessable, unlike the primary key.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.IMPORT)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DONE, db_index=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    format = models.CharField(max_length=20)
    files = models.JSONField(
        default=list,
        help_text="Names of the files as given (an import), or of the file written (an export).",
    )
    uploads = models.JSONField(
        default=list, blank=True, help_text="Where uploaded files are kept until imported."
    )
    options = models.JSONField(default=dict, blank=True)
    dry_run = models.BooleanField(default=False)
    counts = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the run did, by outcome: for an import created, updated, changed (text "
        "changed but annotated: not overwritten), skipped and failed; for an export the "
        "articles, annotations and bytes written and the writer's notes.",
    )
    total = models.PositiveIntegerField(
        default=0, help_text="Records read (an import), or articles to write (an export)."
    )
    report = models.JSONField(default=list, blank=True)
    preview = models.JSONField(default=list, blank=True)
    preview_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confirmations",
        help_text="The dry run this import was confirmed from.",
    )
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True, help_text="What stopped the run, when it crashed.")

    class Meta:
        ordering = ["-started"]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} of {', '.join(self.files)} at {self.started:%Y-%m-%d %H:%M}"
        )

    @property
    def running(self) -> bool:
        """Queued or running: its page keeps polling."""
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def worker_lost(self) -> bool:
        """Failed because its worker died (killed, crashed), not because of its input."""
        return self.status == self.Status.FAILED and self.error.startswith(WORKER_LOST)

    def count(self, outcome: str) -> int:
        """One of `counts`, 0 before the run has set it."""
        return int(self.counts.get(outcome) or 0)
