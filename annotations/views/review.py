"""The review workflow in the views: the workflow bar under the article's title (mark ready,
approve, send back), a reviewer's inline accept / reject / correct of each annotation, and the
per-article review page, whose rows the same controls answer with (`?on=review`).

The rules of the workflow are annotations.workflow; permissions, newsroom.http."""

from __future__ import annotations

import copy
from collections import Counter
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.models import Article
from newsroom.http import HtmxHttpRequest, SignedInRequest, permission_required

from .. import services, workflow
from ..anchoring import clip
from ..forms import CorrectForm, RejectForm, WorkflowForm
from ..grouping import Grouping
from ..items import load_grouping, load_items
from ..models import Annotation, ArticleReview, Review, Tag
from ..render import highlight, panel
from .fragments import (
    REVIEW_TEMPLATE,
    changed_paragraphs,
    form_errors_text,
    form_response,
    item_response,
    on_review_page,
    refuses_locked,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

REVIEW_PERM = "annotations.add_review"  # what makes someone a reviewer (workflow.roles_for)

# --- The workflow bar under the title --------------------------------------------------------------


def workflow_context(
    article: Article, user: User | AnonymousUser, *, annotated: bool | None = None
) -> dict[str, Any]:
    """What the workflow bar shows: the status, the step that led to it (who, when, the
    comment) and the steps this user may take. Two queries at most (one if `annotated` is
    given)."""
    roles = workflow.roles_for(user)
    mark_ready = workflow.TRANSITIONS["mark_ready"]
    if annotated is None:
        annotated = (
            workflow.EDITOR in roles
            and article.status in mark_ready.sources
            and workflow.has_annotated(article.pk, user)
        )
    steps = workflow.available(article.status, roles=roles, annotated=annotated)
    last = ArticleReview.objects.filter(article_id=article.pk).select_related("user").first()
    if last is not None and last.to_status != article.status:
        last = None  # the status moved on without a recorded step (e.g. an import)
    hint = ""
    if not steps and article.status == Article.Status.READY:
        hint = "Waiting for a reviewer."
    elif workflow.EDITOR in roles and article.status in mark_ready.sources and not annotated:
        hint = "Editors who annotated this article can mark it ready for review."
    elif not steps and workflow.REVIEWER in roles and article.status == Article.Status.SENT_BACK:
        hint = "Waiting for the editors to mark it ready again."
    elif not steps and workflow.REVIEWER in roles and article.status != Article.Status.APPROVED:
        hint = "Waiting for an editor to mark it ready for review."
    elif workflow.is_locked(article.status) and workflow.REVIEWER not in roles:
        hint = "Approved, so read-only: ask a reviewer to reopen it to change anything."
    can_review = user.has_perm(REVIEW_PERM)
    return {
        "article": article,
        "wf_last": last,
        "wf_last_verb": workflow.verb_for(last.from_status, last.to_status) if last else "",
        "wf_steps": steps,
        "wf_hint": hint,
        "wf_review_url": (
            reverse("annotations:review_page", args=[article.pk]) if can_review else ""
        ),
    }


def workflow_bar(
    request: HtmxHttpRequest, article: Article, *, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {**workflow_context(article, request.user), **extra}
    context["on_review_page"] = on_review_page(request)
    return render(request, "annotations/workflow.html", context, status=status)


# A refusal's HTTP status: the user may not take this step, no such step, or the article is no
# longer where the step starts (someone else moved it); the rest are the user's to fix.
REFUSAL_STATUS = {"forbidden": 403, "unknown": 404, "status": 409}


@require_POST
@permission_required()  # signed in; the workflow's rules decide who takes which step (below)
def workflow_step(request: SignedInRequest, article_id: int, step: str) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = WorkflowForm(request.POST)
    if not form.is_valid():
        return workflow_bar(
            request,
            article,
            status=422,
            wf_message=form_errors_text(form),
            wf_comment=request.POST.get("comment", ""),
            wf_open=True,
        )
    comment = form.cleaned_data["comment"]
    # Permissions decide the roles (editors mark ready, reviewers approve or send back); the
    # workflow's rules refuse a step that is not the user's role with "forbidden" (403).
    roles = workflow.roles_for(request.user)
    was_locked = workflow.is_locked(article.status)
    try:
        workflow.transition(
            article,
            step,
            request.user,
            roles=roles,
            comment=comment,
            confirmed=form.cleaned_data["confirm"],
        )
    except workflow.NeedsConfirmation as exc:
        # Not an error: the bar asks "approve anyway?" with the counts; nothing was written.
        return workflow_bar(request, article, wf_confirm=exc, wf_step=step)
    except workflow.TransitionRefused as exc:
        article.refresh_from_db(fields=["status"])
        return workflow_bar(
            request,
            article,
            status=REFUSAL_STATUS.get(exc.code, 422),
            wf_message=exc.message,
            wf_comment=comment,
            wf_open=exc.code == "comment",
        )
    if not request.htmx:
        return redirect(article)
    done = workflow.TRANSITIONS[step]
    response = workflow_bar(
        request,
        article,
        wf_message=f"{done.verb}: the article is now “{article.get_status_display()}”.",
        wf_level="ok",
    )
    if workflow.is_locked(article.status) != was_locked:
        # Approving or reopening turns every editing control on the page off or on (toolbar,
        # panel items, review rows): reload the page rather than swap each region out of band.
        response["HX-Refresh"] = "true"
    return response


# --- Reviewing annotations inline ----------------------------------------------------------------

REVIEWERS_ONLY = "Only reviewers can accept, reject or correct annotations."


def get_reviewable(pk: int) -> Annotation:
    return get_object_or_404(Annotation.objects.select_related("article", "tag", "caption"), pk=pk)


def review_form_context(request: HtmxHttpRequest, annotation: Annotation, form: Form) -> dict:
    return {
        "a": annotation,
        "form": form,
        "on_review": on_review_page(request),
        "cols": panel.ReviewRows.COLUMNS,
        "suffix": "?on=review" if on_review_page(request) else "",
    }


def reviewed_response(
    request: HtmxHttpRequest,
    annotation: Annotation,
    *,
    message: str,
    paragraphs: list[SafeString] | None = None,
    before: Grouping | None = None,
) -> HttpResponse:
    """What a review answers with: the panel item (with any paragraphs whose highlights
    changed, and the attribution cards a correction moved when `before` is given) or, on the
    review page, the table row and the page's status counts."""
    if not on_review_page(request):
        return item_response(
            request, annotation, paragraphs=paragraphs, message=message, before=before
        )
    (item,) = load_items(Tag.objects.by_id(), ids=[annotation.pk])
    counts = Annotation.objects.filter(article_id=annotation.article_id).count_by_status()
    context = {
        "row_html": panel.ReviewRows(
            request.user, locked=workflow.is_locked(annotation.article.status)
        ).row(item),
        "counts_html": render_to_string(f"{REVIEW_TEMPLATE}#counts", {"counts": counts}),
        "message": message,
    }
    return render(request, f"{REVIEW_TEMPLATE}#review_row", context)


@require_POST
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def accept(request: SignedInRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(pk)
    workflow.review_annotation(annotation, request.user, Review.Action.ACCEPT)
    return reviewed_response(
        request, annotation, message=f"Accepted {annotation.tag.name} “{clip(annotation.quote)}”"
    )


@require_http_methods(["GET", "POST"])
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def reject(request: SignedInRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(pk)
    auto_id = f"reject{pk}-%s"
    if request.method == "GET":
        form = RejectForm(auto_id=auto_id)
        return form_response(request, "reject", review_form_context(request, annotation, form))
    form = RejectForm(request.POST, auto_id=auto_id)
    if not form.is_valid():
        context = review_form_context(request, annotation, form)
        return form_response(request, "reject", context, status=422)
    workflow.review_annotation(
        annotation, request.user, Review.Action.REJECT, reason=form.cleaned_data["reason"]
    )
    return reviewed_response(
        request, annotation, message=f"Rejected {annotation.tag.name} “{clip(annotation.quote)}”"
    )


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def correct(request: SignedInRequest, pk: int) -> HttpResponse:
    """Correct a span or its tag: a change to the article, so refused while it is approved
    (accept and reject are decisions about a span and stay possible)."""
    annotation = get_reviewable(pk)
    workflow.ensure_editable(annotation.article.status, workflow.roles_for(request.user))
    auto_id = f"correct{pk}-%s"
    if request.method == "GET":
        initial = {"tag": annotation.tag_id, "start": annotation.start, "end": annotation.end}
        form = CorrectForm(initial=initial, auto_id=auto_id)
        return correct_form(request, annotation, form)
    form = CorrectForm(request.POST, auto_id=auto_id)
    if not form.is_valid():
        return correct_form(request, annotation, form, status=422)
    data = form.cleaned_data
    old = copy.copy(annotation)
    # A correction can move the span or change its tag (dropping its links): the panel's
    # groups are compared before and after it.
    before = None if on_review_page(request) else load_grouping(annotation.article_id)
    try:
        with transaction.atomic():
            workflow.review_annotation(
                annotation,
                request.user,
                Review.Action.CORRECT,
                reason=data["reason"],
                tag=data["tag"],
                start=data["start"],
                end=data["end"],
                client_quote=data["quote"] or None,
            )
            if annotation.tag.role != old.tag.role:
                services.drop_mismatched_links(annotation)
    except ValidationError as exc:
        form.add_error(None, exc)
        return correct_form(request, old, form, status=422)
    paragraphs = []
    if not on_review_page(request):
        tags = Tag.objects.by_id()
        found = {p["id"]: p for p in changed_paragraphs(annotation.article, old, tags)}
        found |= {p["id"]: p for p in changed_paragraphs(annotation.article, annotation, tags)}
        paragraphs = list(found.values())
    return reviewed_response(
        request,
        annotation,
        paragraphs=paragraphs,
        message=f"Corrected to {annotation.tag.name} “{clip(annotation.quote)}”",
        before=before,
    )


def correct_form(
    request: HtmxHttpRequest, annotation: Annotation, form: CorrectForm, *, status: int = 200
) -> HttpResponse:
    context = review_form_context(request, annotation, form)
    text = annotation.text()
    try:
        start, end = int(form["start"].value()), int(form["end"].value())
    except (TypeError, ValueError):
        start = end = 0
    context["text"] = text
    context["preview"] = text[start:end] if 0 <= start < end <= len(text) else ""
    context["tags"] = list(Tag.objects.all())
    return form_response(request, "correct", context, status=status)


# --- The review page -------------------------------------------------------------------------------


@require_GET
@permission_required(REVIEW_PERM, message="Only reviewers and admins can open the review page.")
def review_page(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Every live annotation of an article with its author, tag, quote, status and latest
    review, filterable by editor and status, with the inline review controls. Reviewers and
    admins only. A constant number of queries; rows rendered in Python (render.panel.ReviewRows)."""
    article = get_object_or_404(Article, pk=article_id)
    tags = Tag.objects.by_id()
    items = load_items(tags, article_id=article.pk)
    editors = Counter((i.author_id, i.author) for i in items)
    editor = request.GET.get("editor", "")
    editor_id = int(editor) if editor.isdigit() else None
    status = request.GET.get("status", "")
    if status not in Annotation.Status.values:
        status = ""
    shown = [
        i
        for i in items
        if (editor_id is None or i.author_id == editor_id) and (not status or i.status == status)
    ]
    counts = dict.fromkeys(Annotation.Status.values, 0) | Counter(i.status for i in items)
    context = {
        **workflow_context(article, request.user, annotated=bool(items)),
        "on_review_page": True,
        "tag_css": highlight.tag_stylesheet((t.pk, t.colour) for t in tags.values()),
        "rows_html": panel.ReviewRows(request.user, locked=workflow.is_locked(article.status)).rows(
            shown
        ),
        "shown": len(shown),
        "total": len(items),
        "counts": counts,
        "editors": sorted(
            ((pk, name, n) for (pk, name), n in editors.items()), key=lambda e: e[1].casefold()
        ),
        "editor": editor_id,
        "status": status,
        "statuses": Annotation.Status.choices,
        "cols": panel.ReviewRows.COLUMNS,
    }
    template = REVIEW_TEMPLATE
    if request.htmx and not request.htmx.boosted:
        template += "#rows"
    return render(request, template, context)
