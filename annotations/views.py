"""Annotation endpoints. Every POST answers an htmx request with the fragments it changed:
the panel item or list, and the article paragraphs whose highlights moved (as <hx-partial>s).

The review workflow lives here too: the workflow bar under the article's title (mark ready,
approve, send back), a reviewer's inline accept / reject / correct of each annotation, and the
per-article review page, whose rows the same controls answer with (`?on=review`)."""

from __future__ import annotations

import copy
from collections import Counter, defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.content import sanitize_html
from articles.models import Article
from newsroom.http import HtmxHttpRequest, htmx_login_required

from . import highlight, panel, services, workflow
from .anchoring import paragraph_bounds, paragraphs_touched
from .forms import (
    CorrectForm,
    EditForm,
    LinkForm,
    NewSpanForm,
    RejectForm,
    ResolveForm,
    WorkflowForm,
)
from .models import Annotation, ArticleReview, Attribution, Review, Source, Tag, normalise_alias

PAGE_TEMPLATE = "articles/article_detail.html"
REVIEW_TEMPLATE = "annotations/review_page.html"


# --- Building the page and its fragments -------------------------------------------------------


def tags_by_id() -> dict[int, Tag]:
    return {t.pk: t for t in Tag.objects.all()}


def workspace_context(article: Article, user) -> dict:
    """Everything the article page shows, in a number of queries that does not depend on how
    many annotations the article has."""
    captions = list(article.captions.all())
    tags = tags_by_id()
    items = panel.load_items(tags, article_id=article.pk)
    spans: dict[str, list[highlight.SpanInfo]] = defaultdict(list)
    for item in items:
        spans[item.target_key].append(item.span_info())
    can_link = user.has_perm("annotations.add_attribution")
    annotated = (
        bool(items)
        if user.has_perm("annotations.change_any_annotation")
        else any(i.author_id == user.pk for i in items)
    )
    return {
        **workflow_context(article, user, annotated=annotated),
        "article": article,
        "tags": list(tags.values()),
        "tag_css": highlight.tag_stylesheet((t.pk, t.colour) for t in tags.values()),
        "title_html": highlight.render_text("title", article.title, spans["title"], "span"),
        "caption_blocks": [
            (c, highlight.render_text(f"caption-{c.pk}", c.text, spans[f"caption-{c.pk}"], "span"))
            for c in captions
        ],
        "body_html": highlight.render_text("body", article.body, spans["body"]),
        "count": len(items),
        "panel_html": panel.Renderer(user, can_link=can_link).items(items),
        "can_annotate": user.has_perm("annotations.add_annotation"),
        "can_link": can_link,
    }


def changed_paragraphs(article: Article, annotation: Annotation, tags: dict[int, Tag]) -> list:
    """The re-rendered paragraphs of the text an annotation lies in that it touches."""
    text = annotation.text(article)
    bounds = paragraph_bounds(text)
    indexes = paragraphs_touched(bounds, annotation.start, annotation.end)
    lo, hi = bounds[indexes[0]][0], bounds[indexes[-1]][1]
    neighbours = (
        Annotation.objects.filter(article=article)
        .overlapping(annotation.target, annotation.caption_id, lo, hi)
        .values_list("id", "start", "end", "tag_id")
    )
    spans = [highlight.SpanInfo(pk, s, e, t, tags[t].name) for pk, s, e, t in neighbours]
    element = "p" if annotation.target == Annotation.Target.BODY else "span"
    html = highlight.render_paragraphs(annotation.target_key, text, spans, indexes, element)
    return [
        {"id": highlight.paragraph_id(annotation.target_key, i), "html": h}
        for i, h in zip(indexes, html, strict=True)
    ]


def next_in_reading_order(annotation: Annotation) -> int | None:
    """The live annotation the panel lists right after this one, to insert it before."""
    return (
        Annotation.objects.filter(article_id=annotation.article_id)
        .listed_after(annotation)
        .values_list("id", flat=True)
        .first()
    )


def item_response(
    request: HtmxHttpRequest,
    annotation: Annotation,
    *,
    paragraphs: list | None = None,
    status: int = 200,
    message: str = "",
    tags: dict[int, Tag] | None = None,
) -> HttpResponse:
    """One panel item (the main swap), plus changed paragraphs and the count."""
    tags = tags or tags_by_id()
    (item,) = panel.load_items(tags, ids=[annotation.pk])
    renderer = panel.Renderer(
        request.user, can_link=request.user.has_perm("annotations.add_attribution")
    )
    context = {
        "item_html": renderer.item(item),
        "paragraphs": paragraphs or [],
        "message": message,
        "count": Annotation.objects.filter(article_id=annotation.article_id).count(),
    }
    return render(request, "annotations/item_response.html", context, status=status)


def form_response(request, template_partial: str, context: dict, status: int = 200):
    return render(request, f"annotations/forms.html#{template_partial}", context, status=status)


def status_message(request, message: str, *, level: str = "error", status: int = 422):
    return render(
        request,
        "annotations/forms.html#status",
        {"message": message, "level": level},
        status=status,
    )


def get_changeable(request, pk: int, *, deleted: bool = False) -> Annotation:
    manager = Annotation.all_objects if deleted else Annotation.objects
    annotation = get_object_or_404(manager.select_related("article", "tag", "caption"), pk=pk)
    if not annotation.can_change(request.user):
        raise PermissionDenied(
            "Only the author, a reviewer or an admin can change this annotation."
        )
    return annotation


# --- Endpoints ------------------------------------------------------------------------------------


@require_POST
@htmx_login_required
def create(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    if not request.user.has_perm("annotations.add_annotation"):
        return status_message(
            request, "Your role can read articles but not annotate them.", status=403
        )
    article = get_object_or_404(Article, pk=article_id)
    form = NewSpanForm(request.POST, article=article)
    if not form.is_valid():
        return status_message(request, form_errors_text(form))
    data = form.cleaned_data
    try:
        annotation, created = services.create_annotation(
            article=article,
            author=request.user,
            client_id=data["client_id"],
            target=data["target"],
            caption=data["caption_obj"],
            start=data["start"],
            end=data["end"],
            quote=data["quote"],
            tag=data["tag"],
        )
    except ValidationError as exc:
        return status_message(request, " ".join(exc.messages))
    if not created and (
        annotation.article_id != article.pk or annotation.author_id != request.user.pk
    ):
        return status_message(request, "That save id belongs to another annotation.", status=409)
    if not request.htmx:
        return redirect(article)
    tags = tags_by_id()
    (item,) = panel.load_items(tags, ids=[annotation.pk])
    renderer = panel.Renderer(
        request.user, can_link=request.user.has_perm("annotations.add_attribution")
    )
    live = annotation.deleted_at is None
    context = {
        "message": f"Saved {annotation.tag.name}: “{clip(annotation.quote)}”",
        "level": "ok",
        "saved_id": annotation.pk,
        "paragraphs": changed_paragraphs(article, annotation, tags) if live else [],
        "item_html": renderer.item(item) if live else "",
        "next_id": next_in_reading_order(annotation) if live else None,
        "count": Annotation.objects.filter(article_id=article.pk).count(),
    }
    return render(request, "annotations/created.html", context, status=201 if created else 200)


@require_GET
@htmx_login_required
def item(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("annotations.view_annotation"):
        raise PermissionDenied
    annotation = get_object_or_404(Annotation, pk=pk)
    if on_review_page(request):  # Cancel in a review page form: the row again
        (row,) = panel.load_items(tags_by_id(), ids=[annotation.pk])
        return HttpResponse(panel.ReviewRows(request.user).row(row))
    return item_response(request, annotation)


@require_http_methods(["GET", "POST"])
@htmx_login_required
def edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk)
    if request.method == "GET":
        return form_response(
            request, "edit", {"a": annotation, "form": EditForm(instance=annotation)}
        )
    old_tag, old_note = annotation.tag_id, annotation.note
    form = EditForm(request.POST, instance=annotation)
    if not form.is_valid():
        return form_response(request, "edit", {"a": annotation, "form": form}, status=422)
    with transaction.atomic():
        annotation = form.save(commit=False)
        changed = annotation.tag_id != old_tag or sanitize_html(annotation.note) != old_note
        if changed and not request.user.has_perm("annotations.add_review"):
            # An editor changing a reviewed annotation sends it back for review: the decision
            # was about what it said before.
            annotation.status = Annotation.Status.PENDING
        annotation.save()
        if annotation.tag_id != old_tag:
            # Links only make sense between claims, sources and cues: drop the ones that no
            # longer fit the new tag rather than keep an attribution that says nonsense.
            drop_mismatched_links(annotation)
    paragraphs = (
        changed_paragraphs(annotation.article, annotation, tags_by_id())
        if annotation.tag_id != old_tag
        else []
    )
    return item_response(request, annotation, paragraphs=paragraphs)


def drop_mismatched_links(annotation: Annotation) -> None:
    role = annotation.tag.role
    if role != Tag.Role.CLAIM:
        annotation.attributions.all().delete()
    if role != Tag.Role.SOURCE:
        annotation.cited_by.all().delete()
    if role != Tag.Role.CUE:
        annotation.cue_for.update(cue=None)


@require_POST
@htmx_login_required
def delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk)
    if not request.user.has_perm("annotations.delete_annotation"):
        raise PermissionDenied
    annotation.mark_deleted()
    tags = tags_by_id()
    paragraphs = changed_paragraphs(annotation.article, annotation, tags)
    return item_response(request, annotation, paragraphs=paragraphs, tags=tags)


@require_POST
@htmx_login_required
def restore(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk, deleted=True)
    try:
        annotation.verify(annotation.text(), None)
    except ValidationError:
        return status_message(
            request, "This annotation can't be restored: the text it pointed at has changed."
        )
    Annotation.all_objects.filter(pk=annotation.pk).update(deleted_at=None)
    annotation.deleted_at = None
    tags = tags_by_id()
    paragraphs = changed_paragraphs(annotation.article, annotation, tags)
    return item_response(request, annotation, paragraphs=paragraphs, tags=tags)


@require_http_methods(["GET", "POST"])
@htmx_login_required
def link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    claim = get_changeable(request, pk)
    if not request.user.has_perm("annotations.add_attribution"):
        raise PermissionDenied
    if claim.tag.role != Tag.Role.CLAIM:
        return status_message(request, "Only Claim spans link to sources and cues.")
    if request.method == "GET":
        return form_response(
            request,
            "link",
            {"a": claim, "form": LinkForm(claim=claim, auto_id=f"link{claim.pk}-%s")},
        )
    form = LinkForm(request.POST, claim=claim, auto_id=f"link{claim.pk}-%s")
    if not form.is_valid():
        return form_response(request, "link", {"a": claim, "form": form}, status=422)
    attribution = form.cleaned_data["attribution"]
    attribution.author = request.user
    attribution.save()
    return item_response(request, claim)


@require_POST
@htmx_login_required
def unlink(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    attribution = get_object_or_404(Attribution.objects.select_related("claim"), pk=pk)
    claim = get_changeable(request, attribution.claim_id)
    if not request.user.has_perm("annotations.delete_attribution"):
        raise PermissionDenied
    attribution.delete()
    return item_response(request, claim)


@require_http_methods(["GET", "POST"])
@htmx_login_required
def resolve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    span = get_changeable(request, pk)
    if span.tag.role != Tag.Role.SOURCE:
        return status_message(request, "Only Source spans resolve to the registry.")
    suggestions = Source.objects.filter(
        Q(aliases__normalised=normalise_alias(span.quote)) | Q(name__iexact=span.quote)
    ).distinct()[:5]
    context = {"a": span, "suggestions": list(suggestions)}
    if request.method == "GET":
        initial = {"source": context["suggestions"][0].pk} if context["suggestions"] else {}
        return form_response(
            request,
            "resolve",
            {**context, "form": ResolveForm(initial=initial, auto_id=f"resolve{span.pk}-%s")},
        )
    form = ResolveForm(request.POST, auto_id=f"resolve{span.pk}-%s")
    if not form.is_valid():
        return form_response(request, "resolve", {**context, "form": form}, status=422)
    data = form.cleaned_data
    if data.get("source"):
        services.resolve_source(span, data["source"])
    else:
        if not request.user.has_perm("annotations.add_source"):
            raise PermissionDenied
        services.create_source_and_resolve(span, name=data["new_name"], kind=data["new_kind"])
    return item_response(request, span)


@require_POST
@htmx_login_required
def unresolve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    span = get_changeable(request, pk)
    span.source_entry = None
    span.save(update_fields=["source_entry", "updated"])
    return item_response(request, span)


def form_errors_text(form) -> str:
    parts = []
    for field, errors in form.errors.items():
        label = "" if field == "__all__" else f"{form.fields[field].label or field}: "
        parts.append(label + " ".join(errors))
    return " ".join(parts)


def clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- Review workflow: the bar under the title ----------------------------------------------------


def workflow_context(article: Article, user, *, annotated: bool | None = None) -> dict:
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
    can_review = user.has_perm("annotations.add_review")
    return {
        "article": article,
        "wf_last": last,
        "wf_last_verb": workflow.VERB_FOR_STATUS.get(last.to_status, "") if last else "",
        "wf_steps": steps,
        "wf_hint": hint,
        "wf_review_url": (
            reverse("annotations:review_page", args=[article.pk]) if can_review else ""
        ),
    }


def workflow_bar(
    request: HtmxHttpRequest, article: Article, *, status: int = 200, **extra
) -> HttpResponse:
    context = {**workflow_context(article, request.user), **extra}
    context["on_review_page"] = on_review_page(request)
    return render(request, "annotations/workflow.html", context, status=status)


# A refusal's HTTP status: the user may not take this step, no such step, or the article is no
# longer where the step starts (someone else moved it); the rest are the user's to fix.
REFUSAL_STATUS = {"forbidden": 403, "unknown": 404, "status": 409}


@require_POST
@htmx_login_required
def workflow_step(request: HtmxHttpRequest, article_id: int, step: str) -> HttpResponse:
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
    try:
        workflow.transition(article, step, request.user, roles=roles, comment=comment)
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
    return workflow_bar(
        request,
        article,
        wf_message=f"{done.verb}: the article is now “{article.get_status_display()}”.",
        wf_level="ok",
    )


# --- Reviewing annotations inline ----------------------------------------------------------------


def get_reviewable(request, pk: int) -> Annotation:
    if not request.user.has_perm("annotations.add_review"):
        raise PermissionDenied("Only reviewers can accept, reject or correct annotations.")
    return get_object_or_404(Annotation.objects.select_related("article", "tag", "caption"), pk=pk)


def on_review_page(request) -> bool:
    """The control was used on the review page, which wants a table row back."""
    return request.GET.get("on") == "review"


def review_form_context(request, annotation: Annotation, form) -> dict:
    return {
        "a": annotation,
        "form": form,
        "on_review": on_review_page(request),
        "cols": panel.ReviewRows.COLUMNS,
        "suffix": "?on=review" if on_review_page(request) else "",
    }


def reviewed_response(
    request: HtmxHttpRequest, annotation: Annotation, *, message: str, paragraphs=None
) -> HttpResponse:
    """What a review answers with: the panel item (with any paragraphs whose highlights
    changed) or, on the review page, the table row and the page's status counts."""
    if not on_review_page(request):
        return item_response(request, annotation, paragraphs=paragraphs, message=message)
    (item,) = panel.load_items(tags_by_id(), ids=[annotation.pk])
    context = {
        "row_html": panel.ReviewRows(request.user).row(item),
        "counts_html": render_to_string(
            f"{REVIEW_TEMPLATE}#counts", {"counts": status_counts(annotation.article_id)}
        ),
        "message": message,
    }
    return render(request, "annotations/review_row.html", context)


@require_POST
@htmx_login_required
def accept(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(request, pk)
    workflow.review_annotation(annotation, request.user, Review.Action.ACCEPT)
    return reviewed_response(
        request, annotation, message=f"Accepted {annotation.tag.name} “{clip(annotation.quote)}”"
    )


@require_http_methods(["GET", "POST"])
@htmx_login_required
def reject(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(request, pk)
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


@require_http_methods(["GET", "POST"])
@htmx_login_required
def correct(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_reviewable(request, pk)
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
                drop_mismatched_links(annotation)
    except ValidationError as exc:
        form.add_error(None, exc)
        return correct_form(request, old, form, status=422)
    paragraphs = []
    if not on_review_page(request):
        tags = tags_by_id()
        found = {p["id"]: p for p in changed_paragraphs(annotation.article, old, tags)}
        found |= {p["id"]: p for p in changed_paragraphs(annotation.article, annotation, tags)}
        paragraphs = list(found.values())
    return reviewed_response(
        request,
        annotation,
        paragraphs=paragraphs,
        message=f"Corrected to {annotation.tag.name} “{clip(annotation.quote)}”",
    )


def correct_form(request, annotation: Annotation, form, *, status: int = 200) -> HttpResponse:
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


def status_counts(article_id: int) -> dict[str, int]:
    counts = dict.fromkeys(Annotation.Status.values, 0)
    rows = (
        Annotation.objects.filter(article_id=article_id)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts.update(dict(rows))
    return counts


@require_GET
@htmx_login_required
def review_page(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Every live annotation of an article with its author, tag, quote, status and latest
    review, filterable by editor and status, with the inline review controls. Reviewers and
    admins only. A constant number of queries; rows rendered in Python (panel.ReviewRows)."""
    if not request.user.has_perm("annotations.add_review"):
        raise PermissionDenied("Only reviewers and admins can open the review page.")
    article = get_object_or_404(Article, pk=article_id)
    tags = tags_by_id()
    items = panel.load_items(tags, article_id=article.pk)
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
        "rows_html": panel.ReviewRows(request.user).rows(shown),
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
