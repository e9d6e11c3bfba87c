"""The article page (the annotation workspace) and span editing: create, edit, delete, restore,
link and unlink attributions, add and remove an attribution's further content fragments,
resolve a Source span to the registry.

Every POST answers an htmx request with the fragments it changed: the panel item, and the
article paragraphs whose highlights moved and the count (as <hx-partial>s); see
annotations.views.fragments. Permissions: newsroom.http (the role on the view, the row through
`get_changeable`)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.content import sanitize_html
from articles.models import Article
from newsroom.http import HtmxHttpRequest, SignedInRequest, check_perms, permission_required

# The page shows the article's pending suggestions (issue 10): the suggestions app builds on
# annotations' models, and only the page's views import it, so there is no import cycle.
from suggestions import page as suggested_page

from .. import aliases, services, workflow
from ..anchoring import clip
from ..forms import EditForm, FragmentForm, LinkForm, NewSpanForm, ResolveForm
from ..items import load_grouping, load_items
from ..models import Annotation, Attribution, Source, Tag, target_key
from ..render import highlight, panel
from ..render.suggested import SuggestionPanel
from .fragments import (
    PAGE_TEMPLATE,
    changed_paragraphs,
    form_errors_text,
    form_response,
    item_response,
    on_review_page,
    panel_renderer,
    refuses_locked,
    status_message,
)
from .review import workflow_context

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

# --- The article page ----------------------------------------------------------------------------


def workspace_context(article: Article, user: User | AnonymousUser) -> dict[str, Any]:
    """Everything the article page shows, in a number of queries that does not depend on how
    many annotations the article has."""
    captions = list(article.captions.all())
    tags = Tag.objects.by_id()
    items = load_items(tags, article_id=article.pk)
    spans: dict[str, list[highlight.SpanInfo]] = defaultdict(list)
    for item in items:
        spans[item.target_key].append(item.span_info())
    can_link = user.has_perm("annotations.add_attribution")
    locked = workflow.is_locked(article.status)
    annotated = (
        bool(items)
        if user.has_perm("annotations.change_any_annotation")
        else any(i.author_id == user.pk for i in items)
    )
    can_see_suggestions = user.has_perm("suggestions.view_suggestion")
    pending = (
        suggested_page.pending(article, captions)
        if can_see_suggestions
        else suggested_page.Pending()
    )
    outlines = pending.spans
    caption_blocks = []
    for c in captions:
        key = target_key(Annotation.Target.CAPTION, c.pk)
        caption_blocks.append(
            (c, highlight.render_text(key, c.text, spans[key], "span", suggested=outlines[key]))
        )
    can_review_suggestions = user.has_perm("suggestions.review_suggestion")
    return {
        **workflow_context(article, user, annotated=annotated),
        "article": article,
        "tags": list(tags.values()),
        "tag_css": highlight.tag_stylesheet((t.pk, t.colour) for t in tags.values()),
        "title_html": highlight.render_text(
            "title", article.title, spans["title"], "span", suggested=outlines["title"]
        ),
        "caption_blocks": caption_blocks,
        "body_html": highlight.render_text(
            "body", article.body, spans["body"], suggested=outlines["body"]
        ),
        "count": len(items),
        "can_see_suggestions": can_see_suggestions,
        "can_review_suggestions": can_review_suggestions and not locked,
        "suggestion_count": len(pending.items),
        "suggestions_html": SuggestionPanel(can_review=can_review_suggestions and not locked).items(
            pending.items
        ),
        "panel_html": panel.Renderer(user, can_link=can_link, locked=locked).panel(items),
        "can_annotate": user.has_perm("annotations.add_annotation") and not locked,
        "locked": locked,
        "can_link": can_link,
    }


@require_GET
@permission_required("articles.view_article")
def article_page(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The article with its highlights, the workflow bar and the side panel (URL name
    articles:detail: the page belongs to the article, the workspace to this app)."""
    article = get_object_or_404(Article, pk=pk)
    return render(request, PAGE_TEMPLATE, workspace_context(article, request.user))


# --- Span editing ----------------------------------------------------------------------------------


def get_changeable(request: HtmxHttpRequest, pk: int, *, deleted: bool = False) -> Annotation:
    """The annotation, 404 if there is none, PermissionDenied unless the user may change this
    one (its author, or a role that changes anyone's: Annotation.can_change), ArticleLocked if
    its article is approved (the views answer 409: `refuses_locked`)."""
    manager = Annotation.all_objects if deleted else Annotation.objects
    annotation = get_object_or_404(manager.select_related("article", "tag", "caption"), pk=pk)
    if not annotation.can_change(request.user):
        raise PermissionDenied(
            "Only the author, a reviewer or an admin can change this annotation."
        )
    workflow.ensure_editable(annotation.article.status, workflow.roles_for(request.user))
    return annotation


def next_in_reading_order(annotation: Annotation) -> int | None:
    """The live annotation the panel's loose list (spans in no attribution, issue 10) shows
    right after this one, to insert a new span before: one query."""
    live = Q(source_span__isnull=True) | Q(source_span__deleted_at__isnull=True)
    claimed = Attribution.objects.filter(live, claim__deleted_at__isnull=True)
    in_attribution = (
        Q(Exists(claimed.filter(claim=OuterRef("pk"))))
        | Q(Exists(claimed.filter(source_span=OuterRef("pk"))))
        | Q(Exists(claimed.filter(cue=OuterRef("pk"))))
        | Q(Exists(claimed.filter(fragments=OuterRef("pk"))))
    )
    return (
        Annotation.objects.filter(article_id=annotation.article_id)
        .listed_after(annotation)
        .exclude(in_attribution)
        .values_list("id", flat=True)
        .first()
    )


def cannot_annotate(request: HtmxHttpRequest) -> HttpResponse:
    """A create refused for the role, said in the toolbar's status line."""
    return status_message(request, "Your role can read articles but not annotate them.", status=403)


@refuses_locked
@require_POST
@permission_required("annotations.add_annotation", denied=cannot_annotate)
def create(request: SignedInRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    workflow.ensure_editable(article.status, workflow.roles_for(request.user))
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
    tags = Tag.objects.by_id()
    (item,) = load_items(tags, ids=[annotation.pk])
    live = annotation.deleted_at is None
    context = {
        "message": f"Saved {annotation.tag.name}: “{clip(annotation.quote)}”",
        "level": "ok",
        "saved_id": annotation.pk,
        "paragraphs": changed_paragraphs(article, annotation, tags) if live else [],
        "item_html": panel_renderer(request).item(item) if live else "",
        "next_id": next_in_reading_order(annotation) if live else None,
        "count": Annotation.objects.filter(article_id=article.pk).count(),
    }
    return render(request, f"{PAGE_TEMPLATE}#created", context, status=201 if created else 200)


@require_GET
@permission_required("annotations.view_annotation")
def item(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_object_or_404(Annotation.objects.select_related("article"), pk=pk)
    if on_review_page(request):  # Cancel in a review page form: the row again
        (row,) = load_items(Tag.objects.by_id(), ids=[annotation.pk])
        rows = panel.ReviewRows(request.user, locked=workflow.is_locked(annotation.article.status))
        return HttpResponse(rows.row(row))
    return item_response(request, annotation)


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required("annotations.change_annotation")
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
    before = load_grouping(annotation.article_id)
    with transaction.atomic():
        annotation = form.save(commit=False)
        changed = annotation.tag_id != old_tag or sanitize_html(annotation.note) != old_note
        if changed and not request.user.has_perm("annotations.add_review"):
            # An editor changing a reviewed annotation sends it back for review: the decision
            # was about what it said before.
            annotation.status = Annotation.Status.PENDING
        annotation.save()
        if annotation.tag_id != old_tag:
            services.drop_mismatched_links(annotation)
    paragraphs = (
        changed_paragraphs(annotation.article, annotation, Tag.objects.by_id())
        if annotation.tag_id != old_tag
        else []
    )
    return item_response(request, annotation, paragraphs=paragraphs, before=before)


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk)
    check_perms(request.user, "annotations.delete_annotation")
    before = load_grouping(annotation.article_id)
    annotation.mark_deleted()
    tags = Tag.objects.by_id()
    paragraphs = changed_paragraphs(annotation.article, annotation, tags)
    return item_response(request, annotation, paragraphs=paragraphs, tags=tags, before=before)


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def restore(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk, deleted=True)
    try:
        annotation.verify(annotation.text(), None)
    except ValidationError:
        return status_message(
            request, "This annotation can't be restored: the text it pointed at has changed."
        )
    before = load_grouping(annotation.article_id, shown=[annotation.pk])
    Annotation.all_objects.filter(pk=annotation.pk).update(deleted_at=None)
    annotation.deleted_at = None
    tags = Tag.objects.by_id()
    paragraphs = changed_paragraphs(annotation.article, annotation, tags)
    return item_response(request, annotation, paragraphs=paragraphs, tags=tags, before=before)


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required("annotations.change_annotation")
def link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    claim = get_changeable(request, pk)
    check_perms(request.user, "annotations.add_attribution")
    if claim.tag.role != Tag.Role.CLAIM:
        return status_message(request, "Only Claim spans link to sources and cues.")
    auto_id = f"link{claim.pk}-%s"
    if request.method == "GET":
        return form_response(
            request, "link", {"a": claim, "form": LinkForm(claim=claim, auto_id=auto_id)}
        )
    form = LinkForm(request.POST, claim=claim, auto_id=auto_id)
    if not form.is_valid():
        return form_response(request, "link", {"a": claim, "form": form}, status=422)
    attribution = form.cleaned_data["attribution"]
    attribution.author = request.user
    before = load_grouping(claim.article_id)
    attribution.save()
    return item_response(request, claim, before=before)


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def unlink(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    attribution = get_object_or_404(Attribution.objects.select_related("claim"), pk=pk)
    claim = get_changeable(request, attribution.claim_id)
    check_perms(request.user, "annotations.delete_attribution")
    before = load_grouping(claim.article_id)
    attribution.delete()
    return item_response(request, claim, before=before)


def changeable_attribution(request: HtmxHttpRequest, pk: int, permission: str) -> Attribution:
    """The attribution, 404 if there is none, PermissionDenied unless the user may change its
    claim (`get_changeable`) and has `permission`: edits of a link are checked as linking and
    unlinking are."""
    attribution = get_object_or_404(Attribution, pk=pk)
    attribution.claim = get_changeable(request, attribution.claim_id)
    check_perms(request.user, permission)
    return attribution


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required("annotations.change_annotation")
def add_fragment(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add a further content fragment (a Claim span after the claim) to an attribution: a
    quotation interrupted by its cue is one attribution."""
    attribution = changeable_attribution(request, pk, "annotations.add_attribution")
    claim = attribution.claim
    auto_id = f"fragment{attribution.pk}-%s"
    context: dict[str, Any] = {"a": claim, "attribution": attribution}
    if request.method == "GET":
        form = FragmentForm(attribution=attribution, auto_id=auto_id)
        return form_response(request, "fragment", {**context, "form": form})
    form = FragmentForm(request.POST, attribution=attribution, auto_id=auto_id)
    if not form.is_valid():
        return form_response(request, "fragment", {**context, "form": form}, status=422)
    before = load_grouping(claim.article_id)
    services.add_fragment(attribution, form.cleaned_data["fragment"])
    return item_response(request, claim, before=before)


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def remove_fragment(request: HtmxHttpRequest, pk: int, fragment: int) -> HttpResponse:
    """Take a fragment out of an attribution (the span stays, a Claim of its own)."""
    attribution = changeable_attribution(request, pk, "annotations.delete_attribution")
    span = attribution.fragments.filter(pk=fragment).first()
    if span is None:
        return status_message(request, "That span is not a fragment of this attribution.")
    before = load_grouping(attribution.claim.article_id)
    services.remove_fragment(attribution, span)
    return item_response(request, attribution.claim, before=before)


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required("annotations.change_annotation")
def resolve_source(request: SignedInRequest, pk: int) -> HttpResponse:
    """Resolve a Source span to a registry entry: pick one (pre-selected only by its name or a
    confirmed alias, never for a pronoun) or create one (which needs annotations.add_source).
    "Remember as alias" (off by default) confirms the span's words as an alias of the entry
    when they name someone; otherwise they are at most a candidate for an admin."""
    span = get_changeable(request, pk)
    if span.tag.role != Tag.Role.SOURCE:
        return status_message(request, "Only Source spans resolve to the registry.")
    suggestions = list(Source.objects.matching(span.quote, span.article_id)[:5])
    standing = aliases.standing(span.quote)
    context = {"a": span, "suggestions": suggestions, "alias_standing": standing.value}
    auto_id = f"resolve{span.pk}-%s"
    if request.method == "GET":
        initial = {"source": suggestions[0].pk} if suggestions else {}
        form = ResolveForm(initial=initial, auto_id=auto_id)
        return form_response(request, "resolve", {**context, "form": form})
    form = ResolveForm(request.POST, auto_id=auto_id)
    if not form.is_valid():
        return form_response(request, "resolve", {**context, "form": form}, status=422)
    data = form.cleaned_data
    confirm_by = request.user if data.get("remember") else None
    before = load_grouping(span.article_id)
    if data.get("source"):
        services.resolve_source(span, data["source"], confirm_by=confirm_by)
    else:
        check_perms(request.user, "annotations.add_source")
        services.create_source_and_resolve(
            span, name=data["new_name"], kind=data["new_kind"], confirm_by=confirm_by
        )
    return item_response(request, span, before=before)


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def unresolve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    span = get_changeable(request, pk)
    before = load_grouping(span.article_id)
    span.source_entry = None
    span.save(update_fields=["source_entry", "updated"])
    return item_response(request, span, before=before)
