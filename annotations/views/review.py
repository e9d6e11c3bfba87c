"""The review workflow in the views: the workflow bar under the article's title (mark ready,
approve, send back), a reviewer's inline accept / reject / correct of each annotation, and the
per-article review page, whose rows the same controls answer with (`?on=review`).

The rules of the workflow are annotations.workflow; permissions, newsroom.http."""

from __future__ import annotations

import copy
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.models import Article
from newsroom.http import HtmxHttpRequest, SignedInRequest, permission_required
from suggestions.sentences import sentences

from .. import reviewing, services, workflow
from ..anchoring import clip
from ..forms import CorrectForm, RejectForm, WorkflowForm
from ..grouping import Grouping
from ..items import load_grouping, load_items
from ..models import Annotation, ArticleReview, Review, StaleVersion, Tag, target_key
from ..render import highlight, panel
from ..render.review import ReviewCards, context_html
from .fragments import (
    CONFLICT_FORM,
    CONFLICT_ITEM,
    REVIEW_TEMPLATE,
    changed_paragraphs,
    conflict_data,
    form_errors_text,
    form_response,
    item_response,
    on_review_page,
    refuses_locked,
    seen_version,
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
        # Once approved, the reviewer's next step is the queue (issue 10).
        "wf_next_url": (
            f"{reverse('annotations:review_next')}?after={article.pk}"
            if can_review and article.status == Article.Status.APPROVED
            else ""
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


def on_card(request: HtmxHttpRequest) -> str:
    """The row key ("att-5", "ann-7") when a control was used in a card of the review page
    (`?on=card&row=<key>`), which wants that card back; else ""."""
    if request.GET.get("on") != "card":
        return ""
    key = request.GET.get("row", "")
    kind, _, pk = key.partition("-")
    return key if kind in ("att", "ann") and pk.isdigit() else ""


def review_form_context(request: HtmxHttpRequest, annotation: Annotation, form: Form) -> dict:
    card = on_card(request)
    review_url = reverse("annotations:review_page", args=[annotation.article_id])
    item_url = reverse("annotations:item", args=[annotation.pk])
    if card:
        suffix, swap_id, cancel = f"?on=card&row={card}", f"row-{card}", f"{review_url}?row={card}"
    elif on_review_page(request):
        suffix, swap_id, cancel = "?on=review", f"row-{annotation.pk}", f"{item_url}?on=review"
    else:
        suffix, swap_id, cancel = "", f"ann-{annotation.pk}", item_url
    return {
        "a": annotation,
        "form": form,
        "on_review": on_review_page(request),
        "on_card": bool(card),
        "row_key": card,
        "swap_id": swap_id,
        "cancel_url": cancel,
        "cols": panel.ReviewRows.COLUMNS,
        "suffix": suffix,
    }


def reviewed_response(
    request: HtmxHttpRequest,
    annotation: Annotation,
    *,
    message: str,
    paragraphs: list[SafeString] | None = None,
    before: Grouping | None = None,
    level: str = "ok",
    status: int = 200,
) -> HttpResponse:
    """What a review answers with: the panel item (with any paragraphs whose highlights
    changed, and the attribution cards a correction moved when `before` is given), or a card
    of the review page (`?on=card`), or the old table row (`?on=review`), with the page's
    status counts."""
    card = on_card(request)
    if card:
        response = card_response(request, annotation, card, message=message)
        response.status_code = status
        return response
    if not on_review_page(request):
        return item_response(
            request,
            annotation,
            paragraphs=paragraphs,
            message=message,
            before=before,
            level=level,
            status=status,
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
    return render(request, f"{REVIEW_TEMPLATE}#review_row", context, status=status)


def card_response(
    request: HtmxHttpRequest, annotation: Annotation, key: str, *, message: str
) -> HttpResponse:
    """A review page card again after a correction in it, with the counts and the message."""
    article = annotation.article
    rows, texts = review_rows(article, Tag.objects.by_id())
    found = next((r for r in rows if r.key == key), None)
    if found is None:  # relinked meanwhile: the card of the span itself
        found = next(r for r in rows if annotation.pk in r.annotation_ids)
    context = {
        "row_html": ReviewCards(request.user, locked=workflow.is_locked(article.status)).row(
            found, texts
        ),
        "counts_html": render_to_string(
            f"{REVIEW_TEMPLATE}#counts",
            {
                "counts": dict.fromkeys(Annotation.Status.values, 0)
                | Counter(r.status for r in rows)
            },
        ),
        "message": message,
    }
    return render(request, f"{REVIEW_TEMPLATE}#review_row", context)


@refuses_locked
@require_POST
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def accept(request: SignedInRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(pk)
    workflow.ensure_editable(annotation.article.status, workflow.roles_for(request.user))
    try:
        with transaction.atomic():
            annotation = Annotation.claim(pk, seen_version(request))
            workflow.review_annotation(annotation, request.user, Review.Action.ACCEPT)
    except StaleVersion as exc:
        return reviewed_response(
            request, exc.current, message=CONFLICT_ITEM, level="error", status=409
        )
    return reviewed_response(
        request, annotation, message=f"Accepted {annotation.tag.name} “{clip(annotation.quote)}”"
    )


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def reject(request: SignedInRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(pk)
    workflow.ensure_editable(annotation.article.status, workflow.roles_for(request.user))
    auto_id = f"reject{pk}-%s"
    if request.method == "GET":
        form = RejectForm(auto_id=auto_id)
        return form_response(request, "reject", review_form_context(request, annotation, form))
    form = RejectForm(request.POST, auto_id=auto_id)
    if not form.is_valid():
        context = review_form_context(request, annotation, form)
        return form_response(request, "reject", context, status=422)
    try:
        with transaction.atomic():
            annotation = Annotation.claim(pk, seen_version(request))
            workflow.review_annotation(
                annotation, request.user, Review.Action.REJECT, reason=form.cleaned_data["reason"]
            )
    except StaleVersion as exc:
        form = RejectForm(conflict_data(request, exc.current), auto_id=auto_id)
        context = review_form_context(request, exc.current, form)
        return form_response(request, "reject", {**context, "conflict": CONFLICT_FORM}, status=409)
    return reviewed_response(
        request, annotation, message=f"Rejected {annotation.tag.name} “{clip(annotation.quote)}”"
    )


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def correct(request: SignedInRequest, pk: int) -> HttpResponse:
    """Correct a span or its tag: a change to the article, so refused while it is approved
    (as accepting and rejecting are: an approved article is reopened first)."""
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
    # A correction can move the span or change its tag (dropping its links): the panel's
    # groups are compared before and after it.
    before = None if on_review_page(request) else load_grouping(annotation.article_id)
    old = annotation
    try:
        with transaction.atomic():
            # The annotation as it is now, locked, at the version the form showed: the Review
            # row's "before" is read here, so it is the true before.
            annotation = Annotation.claim(pk, seen_version(request))
            old = copy.copy(annotation)
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
    except StaleVersion as exc:
        form = CorrectForm(conflict_data(request, exc.current), auto_id=auto_id)
        return correct_form(request, exc.current, form, status=409, conflict=CONFLICT_FORM)
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
    request: HtmxHttpRequest,
    annotation: Annotation,
    form: CorrectForm,
    *,
    status: int = 200,
    conflict: str = "",
) -> HttpResponse:
    context = review_form_context(request, annotation, form)
    context["conflict"] = conflict
    text = annotation.text()
    try:
        start, end = int(form["start"].value()), int(form["end"].value())
    except (TypeError, ValueError):
        start = end = 0
    context["text"] = text
    context["preview"] = text[start:end] if 0 <= start < end <= len(text) else ""
    # The sentences around the span, one more each side, to select the corrected words in.
    bounds = sentences(text)
    lo, hi = reviewing.around(bounds, annotation.start, annotation.end)
    before = [s for s, e in bounds if e <= lo]
    after = [e for s, e in bounds if s >= hi]
    lo, hi = (before[-1] if before else 0), (after[0] if after else len(text))
    context["context_html"] = mark_safe(  # noqa: S308 - context_html escapes the text
        context_html(text, lo, hi, [("current", annotation.start, annotation.end)])
    )
    context["tags"] = list(Tag.objects.all())
    return form_response(request, "correct", context, status=status)


# --- The review page -------------------------------------------------------------------------------

REVIEW_PAGE_FORBIDDEN = "Only reviewers and admins can open the review page."


def article_texts(article: Article) -> dict[str, str]:
    """Every text of an article by target key (title, body, caption-<id>): one query."""
    texts = {"title": article.title, "body": article.body}
    for pk, text in article.captions.values_list("pk", "text"):
        texts[target_key(Annotation.Target.CAPTION, pk)] = text
    return texts


def review_rows(article: Article, tags: dict[int, Tag]) -> tuple[list[reviewing.Row], dict]:
    """The article's rows (reviewing.build_rows) and its texts by target key."""
    texts = article_texts(article)

    def bounds(key: str) -> list[tuple[int, int]]:
        return sentences(texts.get(key, ""))

    return reviewing.build_rows(load_items(tags, article_id=article.pk), bounds), texts


def rows_context(
    request: HtmxHttpRequest, article: Article, filters: reviewing.Filters | None = None
) -> dict[str, Any]:
    """What the rows partial, the counts and the filter form show."""
    tags = Tag.objects.by_id()
    filters = filters or reviewing.Filters.from_query(request.GET, tags)
    rows, texts = review_rows(article, tags)
    shown = [r for r in rows if filters.keep(r)]
    editors = Counter((r.editor_id, r.editor) for r in rows)
    counts = dict.fromkeys(Annotation.Status.values, 0) | Counter(r.status for r in rows)
    locked = workflow.is_locked(article.status)
    return {
        "article": article,
        "tags": tags,
        "tag_css": highlight.tag_stylesheet((t.pk, t.colour) for t in tags.values()),
        "rows_html": ReviewCards(request.user, locked=locked).rows(shown, texts),
        "shown": len(shown),
        "total": len(rows),
        "attributions": sum(1 for r in rows if r.attribution_id is not None),
        "counts": counts,
        "editors": sorted(
            ((pk, name, n) for (pk, name), n in editors.items()), key=lambda e: e[1].casefold()
        ),
        "filters": filters,
        "filter_query": urlencode(filters.query()),
        "statuses": Annotation.Status.choices,
        "bands": reviewing.BAND_CHOICES,
        "tag_choices": sorted(tags.values(), key=lambda t: t.name.casefold()),
        "can_bulk": request.user.has_perm(REVIEW_PERM) and not locked,
    }


@require_GET
@permission_required(REVIEW_PERM, message=REVIEW_PAGE_FORBIDDEN)
def review_page(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """An article's attributions (source — cue — claim, in context) and then its unlinked
    spans, filterable by tag, status, editor and confidence (a GET form, pushed to the URL by
    htmx), with per-row and bulk accept / reject. Reviewers and admins only. A constant number
    of queries; rows rendered in Python (render.review.ReviewCards). `?row=<key>` with htmx
    answers one row (a correction's Cancel)."""
    article = get_object_or_404(Article, pk=article_id)
    key = request.GET.get("row", "")
    if request.htmx and key:
        rows, texts = review_rows(article, Tag.objects.by_id())
        found = next((r for r in rows if r.key == key), None)
        if found is None:
            raise Http404("No such row.")
        locked = workflow.is_locked(article.status)
        return HttpResponse(ReviewCards(request.user, locked=locked).row(found, texts))
    context = rows_context(request, article)
    context |= workflow_context(article, request.user, annotated=context["total"] > 0)
    context["on_review_page"] = True
    template = REVIEW_TEMPLATE
    if request.htmx and not request.htmx.boosted:
        template += "#rows"
    return render(request, template, context)


def rows_response(
    request: HtmxHttpRequest,
    article: Article,
    filters: reviewing.Filters,
    *,
    message: str,
    level: str = "ok",
    status: int = 200,
) -> HttpResponse:
    """The bulk form's answer: the rows again (with the filters the page had), the counts and
    the message out of band; without htmx, back to the page (post/redirect/get)."""
    context = rows_context(request, article, filters) | {"message": message, "level": level}
    if not request.htmx:
        if status == 200:
            url = reverse("annotations:review_page", args=[article.pk])
            query = urlencode(filters.query())
            return redirect(f"{url}?{query}" if query else url)
        # Refused without JavaScript: the whole page again, the reason in its status line.
        context |= workflow_context(article, request.user, annotated=context["total"] > 0)
        context["on_review_page"] = True
        return render(request, REVIEW_TEMPLATE, context, status=status)
    return render(request, f"{REVIEW_TEMPLATE}#bulk_response", context, status=status)


@require_POST
@permission_required(REVIEW_PERM, message=REVIEWERS_ONLY)
def review_bulk(request: SignedInRequest, article_id: int) -> HttpResponse:
    """Accept or reject rows of the review page in one transaction: the checked rows
    (`row`, with `action`, and `reason` to reject) or one row's own button (`one` =
    "accept <key>" / "reject <key>", its reason in `reason-<key>`). A row is an attribution
    (every span of it: source, cue, claim and fragments) or an unlinked span. Refused with 409
    if the article's text changed since the page was loaded (`revision`) or it is approved."""
    article = get_object_or_404(Article, pk=article_id)
    tags = Tag.objects.by_id()
    filters = reviewing.Filters.from_query(request.POST, tags)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    if revision != article.revision:
        return rows_response(
            request,
            article,
            filters,
            message="This article changed since the page was loaded: the rows below are its "
            "current state. Review them again.",
            level="error",
            status=409,
        )
    try:
        workflow.ensure_editable(article.status, workflow.roles_for(request.user))
    except workflow.ArticleLocked as exc:
        return rows_response(
            request, article, filters, message=exc.message, level="error", status=409
        )
    one = request.POST.get("one", "")
    if one:
        action, _, key = one.partition(" ")
        keys = [key]
        reason = request.POST.get(f"reason-{key}", "")
    else:
        action = request.POST.get("action", "")
        keys = request.POST.getlist("row")
        reason = request.POST.get("reason", "")
    reason = reason.strip()
    problem = ""
    if action not in ("accept", "reject"):
        problem = "Choose Accept or Reject."
    elif not keys:
        problem = "Select at least one row first."
    elif action == "reject" and not reason:
        problem = "Say why: rejecting needs a reason (the editor sees it)."
    if problem:
        return rows_response(request, article, filters, message=problem, level="error", status=422)
    rows, _ = review_rows(article, tags)
    by_key = {r.key: r for r in rows}
    chosen = [by_key[k] for k in dict.fromkeys(keys) if k in by_key]
    if len(chosen) != len(set(keys)):
        return rows_response(
            request,
            article,
            filters,
            message="Some of the selected rows are gone (deleted or relinked meanwhile): "
            "nothing was changed. Here are the current rows.",
            level="error",
            status=409,
        )
    ids = list(dict.fromkeys(i for r in chosen for i in r.annotation_ids))
    done = Review.Action.ACCEPT if action == "accept" else Review.Action.REJECT
    with transaction.atomic():
        # Checked again under the article's row lock: a step or an edit that landed since the
        # checks above must not slip in between them and the writes.
        now = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values_list("status", "revision")
            .get()
        )
        if now != (article.status, article.revision):
            article.refresh_from_db(fields=["status", "revision"])
            return rows_response(
                request,
                article,
                filters,
                message="This article changed while you were reviewing: nothing was changed. "
                "Here are the current rows.",
                level="error",
                status=409,
            )
        spans = (
            Annotation.objects.select_for_update()
            .select_related("tag")
            .filter(article_id=article.pk, pk__in=ids)
        )
        for annotation in spans:
            if done == Review.Action.ACCEPT and annotation.status == Annotation.Status.ACCEPTED:
                continue  # accepting again would change nothing
            workflow.review_annotation(annotation, request.user, done, reason=reason)
    verb = "Accepted" if done == Review.Action.ACCEPT else "Rejected"
    n = len(chosen)
    message = f"{verb} {n} row{pluralize(n)} ({len(ids)} span{pluralize(len(ids))})."
    return rows_response(request, article, filters, message=message)


def pluralize(n: int) -> str:
    return "" if n == 1 else "s"


@require_GET
@permission_required(REVIEW_PERM, message=REVIEW_PAGE_FORBIDDEN)
def review_next(request: HtmxHttpRequest) -> HttpResponse:
    """The review queue: the review page of the article that has been ready longest (the
    oldest "marked ready" step; an article made ready without one, by its last change),
    skipping `?after=<id>` (the one just reviewed). None ready: a page that says so."""
    after = request.GET.get("after", "")
    article = workflow.ready_queue(exclude=int(after) if after.isdigit() else None).first()
    if article is None:
        return render(request, "annotations/review_queue_empty.html", {"after": after})
    return redirect("annotations:review_page", article.pk)
