"""The export page: reviewers and admins download an annotated set (or every article) in one
of the export formats (interchange/exporting, docs/formats/exports.md).

A small selection streams at once: the response is a StreamingHttpResponse fed by the writer,
so the download starts with the first article and memory stays flat. A selection of more than
settings.EXPORT_BACKGROUND_THRESHOLD articles (default 2,000), or a format that cannot stream
(spaCy's DocBin, built whole), is a Job of kind export written by a background task instead
(interchange.tasks.run_export, interchange/exporting/prepared.py); its page, at the Job's UUID
(never its guessable pk), polls its progress with htmx and then offers the file, served by
`download` below after a permission check, never from a public URL.

Who may: users with annotations.export_annotations (Reviewers, and superusers); editors get
403. Prepared exports are shared between everyone who may export: any of them can open and
download any prepared export, since each could make the same export. Nobody else can, including
the user who made it once they lose the permission.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from typing import Any, cast

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from annotations.models import AnnotatedSet
from articles.models import Article
from newsroom.http import HtmxHttpRequest, SignedInRequest, permission_required

from . import heartbeat
from .exporting import prepared
from .exporting.formats import FORMATS
from .exporting.loader import load_articles
from .forms import APPROVED, FORMAT_LABELS, ExportForm
from .models import Job
from .progress import is_stalled, read_progress
from .tasks import enqueue

logger = logging.getLogger(__name__)

PERMISSION = "annotations.export_annotations"
PAGE_TEMPLATE = "interchange/export.html"
STATUS_TEMPLATE = "interchange/export_status.html"
DEFAULT_THRESHOLD = 2000
# Formats whose writer yields the whole file at the end: streaming them gains nothing, and only
# a prepared export can show their report (spaCy's misaligned spans) next to the file.
PREPARED_FORMATS = frozenset({"spacy"})
# Text writers yield many small pieces (a CSV row each): joined to about this size per write.
STREAM_CHUNK_BYTES = 64 * 1024
# A queued export still waiting after this long suggests that no worker is running.
WAITING_LONG_SECONDS = 30
# How many of the latest exports the export page lists.
RECENT = 10


def threshold() -> int:
    return int(getattr(settings, "EXPORT_BACKGROUND_THRESHOLD", DEFAULT_THRESHOLD))


# Signed in (else to the login page), with the export permission (else 403).
may_export = permission_required(PERMISSION)


@may_export
@require_http_methods(["GET", "POST"])
def export_page(request: SignedInRequest) -> HttpResponse | StreamingHttpResponse:
    """GET: the form (``?set=<pk>`` preselects a set). POST: the download, or a background
    export and a redirect to its page."""
    if request.method == "POST":
        form = ExportForm(request.POST)
        if form.is_valid():
            return start_export(request, form.cleaned_data)
        status = 422
    else:
        initial: dict[str, str | int] = {"annotations": APPROVED}
        if request.GET.get("set", "").isdigit():
            initial["annotated_set"] = int(request.GET["set"])
        if request.GET.get("format") in FORMATS:
            initial["format"] = request.GET["format"]
        form = ExportForm(initial=initial)
        status = 200
    context = {
        "form": form,
        "threshold": threshold(),
        "prepared_formats": [FORMAT_LABELS.get(name, name) for name in sorted(PREPARED_FORMATS)],
        "dropping_formats": [name for name, spec in FORMATS.items() if spec.drops is not None],
        "recent": Job.objects.filter(kind=Job.Kind.EXPORT).select_related("user")[:RECENT],
        "keep_days": prepared.keep_days_label(),
    }
    return render(request, PAGE_TEMPLATE, context, status=status)


def start_export(
    request: SignedInRequest, data: dict[str, Any]
) -> HttpResponse | StreamingHttpResponse:
    annotated_set: AnnotatedSet | None = data.get("annotated_set")
    # ExportForm.clean resolves a chosen set's articles into "articles".
    articles: QuerySet[Article] = (
        data["articles"] if annotated_set is not None else Article.objects.order_by("pk")
    )
    name = data["format"]
    spec = FORMATS[name]
    approved_only = data["annotations"] == APPROVED
    options = {"bom": data.get("bom", False), "base_url": request.build_absolute_uri("/")[:-1]}
    if annotated_set is not None:
        options["label"] = annotated_set.name
    filename = download_name(annotated_set, name, approved_only)
    total = articles.count()
    if name in PREPARED_FORMATS or total > threshold():
        job = Job.objects.create(
            kind=Job.Kind.EXPORT,
            status=Job.Status.QUEUED,
            user=request.user,
            format=name,
            files=[filename],
            options={
                "set": annotated_set.pk if annotated_set else None,
                "set_name": annotated_set.name if annotated_set else "",
                "approved_only": approved_only,
                "writer": options,
            },
            total=total,
        )
        enqueue(job)
        return redirect("interchange:export_status", job.uuid)
    pieces = spec.write(load_articles(articles, approved_only=approved_only), **options)
    response = StreamingHttpResponse(
        _logged(_encoded(pieces, binary=spec.binary), filename), content_type=spec.content_type
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # a buffering proxy would hold the stream back
    return response


def download_name(annotated_set: AnnotatedSet | None, format: str, approved_only: bool) -> str:
    """newsroom-<set>-<format>[-all-statuses]-<YYYYmmdd-HHMM>.<extension>: the format's name is
    in it, so two exports of one set never share a name, even when their formats share an
    extension (native and doccano are both .jsonl, csv and attributions-csv both .csv)."""
    what = "all"
    if annotated_set is not None:
        what = slugify(annotated_set.name)[:60] or f"set-{annotated_set.pk}"
    scope = "" if approved_only else "-all-statuses"
    extension = FORMATS[format].extension
    return f"newsroom-{what}-{format}{scope}-{timezone.now():%Y%m%d-%H%M}.{extension}"


def _encoded(pieces: Iterable[str] | Iterable[bytes], *, binary: bool) -> Iterator[bytes]:
    """UTF-8 bytes in chunks of about STREAM_CHUNK_BYTES (a binary writer's own chunks pass
    through as they come: brat yields one per article)."""
    if binary:
        yield from cast(Iterable[bytes], pieces)
        return
    buffer: list[bytes] = []
    size = 0
    for piece in cast(Iterable[str], pieces):
        data = piece.encode("utf-8")
        buffer.append(data)
        size += len(data)
        if size >= STREAM_CHUNK_BYTES:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)


def _logged(chunks: Iterator[bytes], filename: str) -> Iterator[bytes]:
    """Headers are long sent when a streamed export fails: the client sees a cut download.
    Say so in the log, where an operator will look."""
    try:
        yield from chunks
    except Exception:
        logger.exception("streamed export %s failed part way", filename)
        raise


def job_or_404(export_id: uuid.UUID) -> Job:
    job = Job.objects.filter(kind=Job.Kind.EXPORT, uuid=export_id).select_related("user").first()
    if job is None:
        raise Http404("No such export: it may have expired.")
    return job


@may_export
@require_GET
def export_status(request: HtmxHttpRequest, export_id: uuid.UUID) -> HttpResponse:
    """A background export's page; htmx polls its status fragment until it is done."""
    job = job_or_404(export_id)
    progress = read_progress(job.pk)
    done = int(progress.get("articles") or 0)
    context = {
        "job": job,
        "done": done,
        "percent": int(100 * done / job.total) if job.total else None,
        "format_label": FORMAT_LABELS.get(job.format, job.format),
        "waiting_long": job.status == Job.Status.QUEUED
        and (timezone.now() - job.started).total_seconds() > WAITING_LONG_SECONDS,
        "stalled": is_stalled(job, progress),
        "no_worker": job.running and not heartbeat.any_alive(),
        "keep_days": prepared.keep_days_label(),
    }
    template = f"{STATUS_TEMPLATE}#status" if request.htmx else STATUS_TEMPLATE
    return render(request, template, context)


@may_export
@require_GET
def download(request: HtmxHttpRequest, export_id: uuid.UUID) -> FileResponse:
    """A finished background export, as an attachment."""
    job = job_or_404(export_id)
    if job.status != Job.Status.DONE:
        raise Http404("This export is not ready.")
    try:
        stream = prepared.export_path(job).open("rb")
    except OSError:
        raise Http404("This export's file is gone: it may have expired.") from None
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=job.files[0],
        content_type=FORMATS[job.format].content_type if job.format in FORMATS else None,
    )
    response["Cache-Control"] = "no-store"
    return response
