"""Admin for Jobs: the history of imports and background exports, and the "Import articles"
upload → preview → confirm → report pages.

Job history is an audit trail: viewable, never written by hand. An import's row links to its
report page here; an export's to its page on the site (interchange.views), which checks the
export permission.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsroom.http import HtmxHttpRequest

from . import heartbeat
from .forms import ImportForm
from .models import Job
from .progress import is_stalled, read_progress
from .tasks import enqueue
from .uploads import limit_uploads


def _import_count_column(outcome: str) -> Callable[[Any, Job], int | None]:
    """A changelist column of one import count (`Job.count(outcome)`); empty for an export."""

    @admin.display(description=outcome.capitalize())
    def column(model_admin: Any, job: Job) -> int | None:
        return job.count(outcome) if job.kind == Job.Kind.IMPORT else None

    return column


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Job history is an audit trail: viewable, never written by hand.

    Imports start on the "Import articles" page (import_view): the uploads are kept and a dry
    run is queued; its page (report_view) polls the worker's progress, then shows the preview
    with a button to confirm (confirm_view), which queues the real import; that import's page
    ends with the summary and the full report. All three need is_staff (admin_view) and the
    permission to add articles; admin_view also applies CSRF protection.
    """

    # Format and finish time are on each import's page: the list keeps to who, when, what, how.
    list_display = (
        "started_link",
        "user",
        "file_list",
        "kind_label",
        "status",
        "created_count",
        "updated_count",
        "skipped_count",
        "changed_count",
        "failed_count",
        "written",
    )
    list_display_links = None
    list_filter = ("kind", "status", "format", "dry_run")
    list_select_related = ("user",)
    date_hierarchy = "started"
    fields = (
        "report_page",
        "started",
        "finished",
        "user",
        "format",
        "file_list",
        "dry_run",
        "status",
        "total",
        "created_count",
        "updated_count",
        "skipped_count",
        "changed_count",
        "failed_count",
        "written",
        "report_listing",
    )
    readonly_fields = fields

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "import/",
                limit_uploads(wrap(self.import_view)),
                name="{}_{}_import".format(*info),
            ),
            path(
                "<int:object_id>/report/",
                wrap(self.report_view),
                name="{}_{}_report".format(*info),
            ),
            path(
                "<int:object_id>/confirm/",
                wrap(self.confirm_view),
                name="{}_{}_confirm".format(*info),
            ),
            *super().get_urls(),
        ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Job | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Job | None = None) -> bool:
        return False

    def has_import_permission(self, request: HttpRequest) -> bool:
        """Importing is for admins: staff (checked by admin_view) who may add articles."""
        return request.user.has_perm("articles.add_article")

    # --- Views ------------------------------------------------------------------------------

    @method_decorator(require_http_methods(["GET", "POST"]))
    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload files: they are kept, and a dry run is queued for the preview."""
        self._require_import_permission(request)
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if refused := getattr(request, "refused_uploads", []):
                # The oversized files never arrived: say so instead of "This field is required".
                form.is_valid()
                form.errors.pop("files", None)
                for message in refused:
                    form.add_error("files", message)
            elif form.is_valid():
                with transaction.atomic():
                    job = form.save(cast(User, request.user))  # staff: signed in
                    enqueue(job)
                return redirect(self._report_url(job))
        else:
            form = ImportForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import articles",
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/interchange/import_form.html", context)

    @method_decorator(require_GET)
    def report_view(self, request: HtmxHttpRequest, object_id: int) -> HttpResponse:
        """One import's progress while it runs; then its preview (dry run) or its report.
        htmx polls return only the #status fragment."""
        self._require_import_permission(request)
        job = get_object_or_404(
            Job.objects.select_related("user", "preview_of"), pk=object_id, kind=Job.Kind.IMPORT
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{'Preview' if job.dry_run else 'Import'} #{job.pk}",
            "job": job,
            "has_view_permission": self.has_view_permission(request),
            **status_context(job),
        }
        template = "admin/interchange/import_report.html"
        if request.htmx:
            template += "#status"
        return TemplateResponse(request, template, context)

    @method_decorator(require_POST)
    def confirm_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """Queue the real import of a previewed dry run, once: a second click (or a second
        admin) is sent to the import already made from it. Unless that import failed because
        its worker died (nothing of it was saved, its files kept): then this is the retry,
        and the new import is the one a second click is sent to."""
        self._require_import_permission(request)
        with transaction.atomic():
            dry_run = get_object_or_404(Job.objects.select_for_update(), pk=object_id, dry_run=True)
            made = dry_run.confirmations.order_by("-started", "-pk").first()
            if made is not None and not made.worker_lost:
                return redirect(self._report_url(made))
            if dry_run.status != Job.Status.PREVIEWED or not dry_run.uploads:
                messages.error(request, "This preview cannot be confirmed: upload the files again.")
                return redirect(self._report_url(dry_run))
            job = Job.objects.create(
                kind=Job.Kind.IMPORT,
                user=cast(User, request.user),
                files=dry_run.files,
                uploads=dry_run.uploads,
                format=dry_run.format,
                options=dry_run.options,
                dry_run=False,
                preview_of=dry_run,
                status=Job.Status.QUEUED,
            )
            enqueue(job)
        return redirect(self._report_url(job))

    def _require_import_permission(self, request: HttpRequest) -> None:
        if not self.has_import_permission(request):
            raise PermissionDenied

    def _report_url(self, job: Job) -> str:
        """An import's report page; an export's page (where its file is downloaded)."""
        if job.kind == Job.Kind.EXPORT:
            return reverse("interchange:export_status", args=[job.uuid])
        return reverse(f"{self.admin_site.name}:interchange_job_report", args=[job.pk])

    # --- Columns ----------------------------------------------------------------------------

    @admin.display(description="Started", ordering="started")
    def started_link(self, job: Job) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            self._report_url(job),
            date_format(timezone.localtime(job.started), "DATETIME_FORMAT"),
        )

    @admin.display(description="Kind", ordering="dry_run")
    def kind_label(self, job: Job) -> str:
        if job.kind == Job.Kind.EXPORT:
            return job.get_kind_display()
        return "Preview" if job.dry_run else "Import"

    # An import's counts, one column each; named as the columns of the import history always
    # were. An export has none of them (shown as the empty value): it says what it wrote in
    # `written`.
    created_count = _import_count_column("created")
    updated_count = _import_count_column("updated")
    skipped_count = _import_count_column("skipped")
    changed_count = _import_count_column("changed")
    failed_count = _import_count_column("failed")

    @admin.display(description="Written")
    def written(self, job: Job) -> str:
        """What an export wrote: articles and annotations."""
        if job.kind != Job.Kind.EXPORT:
            return ""
        return f"{job.count('articles')} articles, {job.count('annotations')} annotations"

    @admin.display(description="Files")
    def file_list(self, job: Job) -> str:
        return ", ".join(str(name) for name in job.files)

    @admin.display(description="Progress and report")
    def report_page(self, job: Job) -> str:
        return format_html('<a href="{}">Open</a>', self._report_url(job))

    @admin.display(description="Report")
    def report_listing(self, job: Job) -> str:
        if not job.report:
            return "No problems reported."
        # The report's rows come from imported files: shown as escaped text, never as HTML.
        return format_html("<pre>{}</pre>", json.dumps(job.report, indent=2, ensure_ascii=False))


# --- What the import pages show -------------------------------------------------------------

# What the saver's preview rows say about each article; anything else is shown unstyled.
PREVIEW_STATUSES = frozenset({"new", "duplicate", "update", "changed", "error"})
# How long a queued import may wait before its page suggests checking the worker.
QUEUE_PATIENCE = timedelta(seconds=15)


def status_context(job: Job) -> dict[str, Any]:
    """Template context for the #status fragment of an import's page."""
    running = job.status in {Job.Status.QUEUED, Job.Status.RUNNING}
    context: dict[str, Any] = {"running": running}
    if running:
        progress = read_progress(job.pk)
        context["progress"] = progress_bar(job, progress)
        context["waiting_long"] = (
            job.status == Job.Status.QUEUED and timezone.now() - job.started > QUEUE_PATIENCE
        )
        context["no_worker"] = not heartbeat.any_alive()
        context["stalled"] = is_stalled(job, progress)
        return context
    report = Report.of(job.report)
    keep_good = bool(job.options.get("keep_good"))
    confirmed = job.confirmations.order_by("-started", "-pk").first() if job.dry_run else None
    # Its import died with its worker: it may be confirmed again (confirm_view).
    lost = confirmed if confirmed is not None and confirmed.worker_lost else None
    context |= {
        "lost": lost,
        "report": report,
        "keep_good": keep_good,
        "confirmed": None if lost else confirmed,
        "blocked": bool(job.count("failed")) and not keep_good,
        # Every record a duplicate (or held back): confirming would write nothing.
        "nothing_to_write": not any(
            job.count(outcome) for outcome in ("created", "updated", "annotations")
        ),
        "rows": [preview_row(row) for row in job.preview],
    }
    context["preview_truncated"] = job.dry_run and len(job.preview) < job.total
    return context


def progress_bar(job: Job, progress: dict[str, Any]) -> dict[str, Any]:
    """value/max for the <progress> element and the words beside it. A confirmed import
    knows its total from the dry run; a dry run only knows how much of the files it read."""
    done = int(progress.get("done") or 0)
    read = int(progress.get("read") or 0)
    errors = int(progress.get("errors") or 0)
    total = progress.get("total") or (job.preview_of.total if job.preview_of else 0)
    bytes_total = int(progress.get("bytes_total") or 0)
    bar: dict[str, Any] = {"started": bool(progress), "read": read, "errors": errors}
    if not progress:
        bar["label"] = "Waiting for the worker to start…"
    elif total:
        # Nothing is committed before the end (one transaction): "done", not "imported".
        bar |= {"value": min(done, total), "max": total, "of_total": True}
        bar["label"] = f"{min(done, total)} of {total} records done"
    elif bytes_total:
        bytes_read = min(int(progress.get("bytes_read") or 0), bytes_total)
        bar |= {"value": bytes_read, "max": bytes_total}
        bar["label"] = (
            f"{filesizeformat(bytes_read)} of {filesizeformat(bytes_total)} read"
            f" ({100 * bytes_read // bytes_total}%)"
        )
    else:
        bar["label"] = "Reading…"
    return bar


@dataclass
class Report:
    """A Job's report, sorted for its page: each line "file:line: reason" where the
    row has a place. `crashed` when an error has none: the run stopped, not one job."""

    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)  # updated / changed articles
    crashed: bool = False

    @classmethod
    def of(cls, rows: list[dict[str, Any]]) -> Report:
        report = cls()
        for row in rows:
            # Older rows said "error" where the saver now says "message".
            message = str(row.get("message") or row.get("error") or "")
            where = str(row.get("file") or "")
            if where and row.get("line"):
                where = f"{where}:{row['line']}"
            line = f"{where}: {message}" if where else message
            level = row.get("level", "error")
            if level == "note":
                report.notes.append(line)
            elif level == "error":
                report.errors.append(line)
                report.crashed = report.crashed or not where
            else:
                article = row.get("article")
                report.notices.append(
                    {
                        "kind": str(level),
                        "line": line,
                        "url": reverse("admin:articles_article_change", args=[article])
                        if article
                        else "",
                    }
                )
        return report


def preview_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the saver's preview, with the CSS class of its status."""
    status = str(row.get("status") or "")
    return {**row, "status_class": status if status in PREVIEW_STATUSES else "other"}
