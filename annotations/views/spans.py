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
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.content import sanitize_html
from articles.models import Article
from newsroom.http import HtmxHttpRequest, SignedInRequest, check_perms, permission_required

# The page shows the article's pending suggestions (issue 10): the suggestions app builds on
# annotations' models, and only the page's views import it, so there is no import cycle.
from suggestions import page as suggested_page

from .. import aliases, services, workflow
from ..anchoring import clip
from ..forms import EditForm, FlowForm, FragmentForm, LinkForm, NewSpanForm, ResolveForm
from ..items import load_grouping, load_items
from ..models import Annotation, Attribution, Source, StaleVersion, Tag, target_key
from ..render import highlight, panel
from ..render.suggested import SuggestionPanel
from . import registry as registry_views
from .fragments import (
    CONFLICT_FORM,
    CONFLICT_ITEM,
    PAGE_TEMPLATE,
    changed_paragraphs,
    conflict_data,
    form_errors_text,
    form_response,
    item_response,
    on_review_page,
    panel_renderer,
    panel_swaps,
    refuses_locked,
    seen_version,
    status_message,
)
from .review import workflow_context

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from ..grouping import Grouping

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
    """Save a span. With an attribution in progress (`FlowForm`'s fields: the one-flow
    attribution of issue 10) the span joins it in the same transaction: a link that is refused
    leaves no span behind."""
    article = get_object_or_404(Article, pk=article_id)
    workflow.ensure_editable(article.status, workflow.roles_for(request.user))
    flow = FlowForm(request.POST, article=article) if FlowForm.is_flow(request.POST) else None
    if flow is not None and (refused := flow_refused(request, flow)):
        return refused
    form = NewSpanForm(request.POST, article=article)
    if not form.is_valid():
        # A page older than the article's text: a conflict with its current state (409).
        stale = form.is_stale
        return status_message(request, form_errors_text(form), status=409 if stale else 422)
    data = form.cleaned_data
    attribution = None
    before = load_grouping(article.pk) if flow is not None else None
    try:
        with transaction.atomic():
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
            if not created and (
                annotation.article_id != article.pk or annotation.author_id != request.user.pk
            ):
                return status_message(
                    request, "That save id belongs to another annotation.", status=409
                )
            if flow is not None and annotation.deleted_at is None:
                attribution = services.attribute(
                    **flow.pieces(annotation),
                    attribution=flow.cleaned_data["flow_attribution"],
                    author=request.user,
                )
    except services.ReplayMismatch as exc:
        return status_message(request, str(exc), status=409)
    except ValidationError as exc:
        return status_message(request, " ".join(exc.messages))
    if not request.htmx:
        return redirect(article)
    tags = Tag.objects.by_id()
    (item,) = load_items(tags, ids=[annotation.pk])
    live = annotation.deleted_at is None
    paragraphs, swaps = (
        flow_changes(request, article, annotation, attribution, tags, before)
        if before is not None
        else (changed_paragraphs(article, annotation, tags), [])
    )
    context = {
        "message": flow_message(annotation, attribution),
        "level": "ok",
        "saved_id": annotation.pk,
        "role": annotation.tag.role,
        "attribution_id": attribution.pk if attribution else None,
        "paragraphs": paragraphs if live else [],
        "swaps": swaps,
        # In an attribution, the span's item comes inside its card (swaps).
        "item_html": panel_renderer(request).item(item) if live and not swaps else "",
        "next_id": next_in_reading_order(annotation) if live else None,
        "count": Annotation.objects.filter(article_id=article.pk).count(),
    }
    return render(request, f"{PAGE_TEMPLATE}#created", context, status=201 if created else 200)


# --- The one-flow attribution (issue 10) -----------------------------------------------------------
# The page keeps the attribution in progress (the spans marked so far, by role, and the
# attribution once there is one) and sends it with each step: a new span (`create`) or an
# existing highlight picked in the text (`attribute`). docs/attribution-flow.md describes the flow.


def flow_refused(request: HtmxHttpRequest, flow: FlowForm) -> HttpResponse | None:
    """Why this user cannot add to the attribution in progress (a response), or None: a stale
    revision is 409 with the reason; linking needs annotations.add_attribution and a claim
    the user may change (its author, or a reviewer), as the Link form does."""
    if not flow.is_valid():
        stale = flow.is_stale
        return status_message(request, form_errors_text(flow), status=409 if stale else 422)
    if not request.user.has_perm("annotations.add_attribution"):
        return status_message(request, "Your role cannot link claims to sources.", status=403)
    claim = flow.cleaned_data.get("flow_claim")
    if claim is not None and not claim.can_change(request.user):
        return status_message(
            request,
            "Only the claim's author, a reviewer or an admin can link it to a source.",
            status=403,
        )
    return None


def flow_message(span: Annotation, attribution: Attribution | None) -> str:
    saved = f"Saved {span.tag.name}: “{clip(span.quote)}”"
    if attribution is None:
        return saved
    cue = f" — “{clip(attribution.cue.quote, 30)}”" if attribution.cue else ""
    return (
        f"{saved}. Attribution: {clip(attribution.source_label, 40)}{cue}"
        f" — “{clip(attribution.claim.quote, 40)}”"
    )


def flow_changes(
    request: HtmxHttpRequest,
    article: Article,
    span: Annotation,
    attribution: Attribution | None,
    tags: dict[int, Tag],
    before: Grouping,
) -> tuple[list, list[dict[str, Any]]]:
    """The paragraphs a flow step redrew (the span's, and the claim's: it is no longer drawn
    unlinked) and, once the span is in an attribution, the panel's cards and loose items the
    step moved (`panel_swaps` against the grouping `before` it), out of band."""
    paragraphs = changed_paragraphs(article, span, tags)
    if attribution is None:
        return paragraphs, []
    if attribution.claim_id != span.pk:
        seen = {p["id"] for p in paragraphs}
        claim = attribution.claim
        paragraphs += [p for p in changed_paragraphs(article, claim, tags) if p["id"] not in seen]
    touched = {span.pk, attribution.claim_id}
    swaps = panel_swaps(panel_renderer(request), article.pk, before, touched, tags)
    return paragraphs, swaps


@refuses_locked
@require_POST
@permission_required("annotations.add_attribution", denied=cannot_annotate)
def attribute(request: SignedInRequest, article_id: int) -> HttpResponse:
    """Add an existing span (a highlight picked in the text) to the attribution in progress:
    the link-only step of the one flow. Answers like a save: the status line (with the
    attribution's id for the page), the redrawn paragraphs and the claim's panel item."""
    article = get_object_or_404(Article, pk=article_id)
    workflow.ensure_editable(article.status, workflow.roles_for(request.user))
    flow = FlowForm(request.POST, article=article)
    if refused := flow_refused(request, flow):
        return refused
    span = flow.cleaned_data["span"]
    if span is None:
        return status_message(request, "Pick a highlight to add to the attribution.")
    if span.tag.role not in (Tag.Role.CLAIM, Tag.Role.SOURCE, Tag.Role.CUE):
        return status_message(request, "Only Claim, Source and Cue spans make an attribution.")
    if span.tag.role == Tag.Role.CLAIM and not span.can_change(request.user):
        return status_message(
            request,
            "Only the claim's author, a reviewer or an admin can link it to a source.",
            status=403,
        )
    before = load_grouping(article.pk)
    try:
        attribution = services.attribute(
            **flow.pieces(span),
            attribution=flow.cleaned_data["flow_attribution"],
            author=request.user,
        )
    except ValidationError as exc:
        return status_message(request, " ".join(exc.messages))
    tags = Tag.objects.by_id()
    paragraphs, swaps = flow_changes(request, article, span, attribution, tags, before)
    message = flow_message(span, attribution).replace("Saved", "Picked", 1)
    context = {
        "message": message,
        "level": "ok",
        "saved_id": span.pk,
        "role": span.tag.role,
        "attribution_id": attribution.pk if attribution else None,
        "paragraphs": paragraphs if attribution else [],
        "swaps": swaps,
        "count": Annotation.objects.filter(article_id=article.pk).count(),
    }
    return render(request, f"{PAGE_TEMPLATE}#flowed", context)


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
    form = EditForm(request.POST, instance=annotation)
    if not form.is_valid():
        return form_response(request, "edit", {"a": annotation, "form": form}, status=422)
    before = load_grouping(annotation.article_id)
    try:
        with transaction.atomic():
            # The row as it is now, locked, and only if still at the version the form showed.
            annotation = Annotation.claim(pk, seen_version(request))
            old_tag, old_note = annotation.tag_id, annotation.note
            annotation.tag = form.cleaned_data["tag"]
            annotation.note = form.cleaned_data["note"]
            changed = annotation.tag_id != old_tag or sanitize_html(annotation.note) != old_note
            if changed and not request.user.has_perm("annotations.add_review"):
                # An editor changing a reviewed annotation sends it back for review: the
                # decision was about what it said before.
                annotation.status = Annotation.Status.PENDING
            if annotation.tag_id != old_tag:
                refusal = services.retag_refusal(annotation, request.user)
                if refusal:
                    raise RetagRefused(refusal)
            annotation.save()
            if annotation.tag_id != old_tag:
                services.drop_mismatched_links(annotation)
    except StaleVersion as exc:
        current = exc.current
        form = EditForm(conflict_data(request, current), instance=current)
        note = clip(strip_tags(current.note), 200) or "(none)"
        now = f" It now says: {current.tag.name}, note “{note}”."
        context = {"a": current, "form": form, "conflict": CONFLICT_FORM + now}
        return form_response(request, "edit", context, status=409)
    except RetagRefused as exc:
        form.add_error("tag", str(exc))
        return form_response(request, "edit", {"a": annotation, "form": form}, status=409)
    paragraphs = (
        changed_paragraphs(annotation.article, annotation, Tag.objects.by_id())
        if annotation.tag_id != old_tag
        else []
    )
    return item_response(request, annotation, paragraphs=paragraphs, before=before)


class RetagRefused(Exception):
    """A retag that would delete someone else's attribution (services.retag_refusal)."""


def stale_item(request: HtmxHttpRequest, exc: StaleVersion) -> HttpResponse:
    """A button's write refused as stale: 409 with the panel item as it is now."""
    return item_response(request, exc.current, status=409, message=CONFLICT_ITEM, level="error")


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk)
    check_perms(request.user, "annotations.delete_annotation")
    before = load_grouping(annotation.article_id)
    try:
        with transaction.atomic():
            annotation = Annotation.claim(pk, seen_version(request))
            if annotation.deleted_at is None:
                annotation.mark_deleted()
    except StaleVersion as exc:
        return stale_item(request, exc)
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
    try:
        with transaction.atomic():
            annotation = Annotation.claim(pk, seen_version(request))
            if annotation.deleted_at is not None:
                annotation.mark_restored()
    except StaleVersion as exc:
        return stale_item(request, exc)
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
        form = LinkForm(claim=claim, auto_id=auto_id)
        return form_response(request, "link", {"a": claim, "form": form, "cb": entry_box(form)})
    form = LinkForm(request.POST, claim=claim, auto_id=auto_id)
    if not form.is_valid():
        context = {"a": claim, "form": form, "cb": entry_box(form)}
        return form_response(request, "link", context, status=422)
    attribution = form.cleaned_data["attribution"]
    attribution.author = request.user
    before = load_grouping(claim.article_id)
    try:
        with transaction.atomic():
            # A link changes the claim: it is written at the claim's version the form showed.
            claim = Annotation.claim(pk, seen_version(request))
            claim.save(update_fields=["updated"])
            attribution.save()
    except StaleVersion as exc:
        current = exc.current
        form = LinkForm(conflict_data(request, current), claim=current, auto_id=auto_id)
        form.is_valid()
        context = {"a": current, "form": form, "cb": entry_box(form), "conflict": CONFLICT_FORM}
        return form_response(request, "link", context, status=409)
    return item_response(request, claim, before=before)


def entry_box(form: LinkForm) -> registry_views.Combobox:
    """The Link form's registry entry, picked in the type-ahead (the registry is too long for
    a <select>); the entry picked before a refused POST stays picked."""
    field = form["source_entry"]
    value = field.value()
    entry = Source.objects.filter(pk=value).first() if str(value or "").isdigit() else None
    return registry_views.Combobox(
        input_id=field.id_for_label,
        list_id=f"{field.id_for_label}-list",
        name="source_entry",
        label=str(field.label),
        text=entry.name if entry else "",
        value=entry.pk if entry else None,
        picked=f"Picked: {entry.name} ({entry.get_kind_display()})" if entry else "",
    )


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def unlink(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    attribution = get_object_or_404(Attribution.objects.select_related("claim"), pk=pk)
    claim = get_changeable(request, attribution.claim_id)
    check_perms(request.user, "annotations.delete_attribution")
    before = load_grouping(claim.article_id)
    try:
        with transaction.atomic():
            claim = Annotation.claim(claim.pk, seen_version(request))
            claim.save(update_fields=["updated"])
            attribution.delete()
    except StaleVersion as exc:
        return stale_item(request, exc)
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
    try:
        with transaction.atomic():
            claim = Annotation.claim(claim.pk, seen_version(request))
            claim.save(update_fields=["updated"])
            services.add_fragment(attribution, form.cleaned_data["fragment"])
    except StaleVersion as exc:
        current = exc.current
        form = FragmentForm(
            conflict_data(request, current), attribution=attribution, auto_id=auto_id
        )
        context = {
            "a": current,
            "attribution": attribution,
            "form": form,
            "conflict": CONFLICT_FORM,
        }
        return form_response(request, "fragment", context, status=409)
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
    try:
        with transaction.atomic():
            claim = Annotation.claim(attribution.claim_id, seen_version(request))
            claim.save(update_fields=["updated"])
            services.remove_fragment(attribution, span)
    except StaleVersion as exc:
        return stale_item(request, exc)
    return item_response(request, claim, before=before)


@refuses_locked
@require_http_methods(["GET", "POST"])
@permission_required("annotations.change_annotation")
def resolve_source(request: SignedInRequest, pk: int) -> HttpResponse:
    """Resolve a Source span to a registry entry: pick one in the type-ahead (the entry its name,
    a confirmed alias or the same words earlier in the article suggest comes first, never for a
    pronoun) or create one from the words typed (which needs annotations.add_source), in one
    POST. "Remember as alias" (off by default) confirms the span's words as an alias of the
    entry when they name someone; otherwise they are at most a candidate for an admin. The
    form carries the article revision and the entry the span had: if either changed since it
    opened, the write is refused with 409 and the span as it is now."""
    span = get_changeable(request, pk)
    if span.tag.role != Tag.Role.SOURCE:
        return status_message(request, "Only Source spans resolve to the registry.")
    standing = aliases.standing(span.quote)
    auto_id = f"resolve{span.pk}-%s"
    if request.method == "GET":
        initial = {
            "q": clip(span.quote, 300),
            "revision": span.article.revision,
            "seen": span.source_entry_id,
        }
        form = ResolveForm(initial=initial, auto_id=auto_id)
        return resolve_form(request, span, form, standing.value)
    form = ResolveForm(request.POST, auto_id=auto_id)
    valid = form.is_valid()
    if conflict := resolve_conflict(span, form):
        return item_response(request, span, status=409, message=conflict, level="error")
    if not valid:
        return resolve_form(request, span, form, standing.value, status=422)
    data = form.cleaned_data
    confirm_by = request.user if data.get("remember") else None
    if not data.get("source"):
        check_perms(request.user, "annotations.add_source")
    before = load_grouping(span.article_id)
    try:
        with transaction.atomic():
            span = Annotation.claim(pk, seen_version(request))
            if span.source_entry_id != data.get("seen"):
                raise StaleVersion(span)
            if data.get("source"):
                services.resolve_source(span, data["source"], confirm_by=confirm_by)
            else:
                services.create_source_and_resolve(
                    span, name=data["new_name"], kind=data["new_kind"], confirm_by=confirm_by
                )
    except StaleVersion as exc:
        return stale_item(request, exc)
    return item_response(request, span, before=before)


def resolve_form(
    request: HtmxHttpRequest, span: Annotation, form: ResolveForm, standing: str, status: int = 200
) -> HttpResponse:
    """The Resolve form with its type-ahead open on the words in it (the span's, at first)."""
    text = str(form["q"].value() or "")
    picked = form["source"].value()
    entry = Source.objects.filter(pk=picked).first() if str(picked or "").isdigit() else None
    kind = str(form["new_kind"].value() or "")
    cb = registry_views.Combobox(
        input_id=f"resolve{span.pk}-q",
        list_id=f"resolve{span.pk}-list",
        name="source",
        label="Registry entry",
        text=text,
        value=entry.pk if entry else None,
        kind=kind if kind in Source.Kind.values else "",
        create=request.user.has_perm("annotations.add_source"),
        expanded=entry is None and not kind,
        autofocus=True,
        span_id=span.pk,
    )
    if entry is not None:
        cb.picked = f"Picked: {entry.name} ({entry.get_kind_display()})"
    elif cb.kind:
        cb.picked = f"New entry: “{text}” ({Source.Kind(cb.kind).label})"
    if cb.expanded:
        cb.hits = Source.objects.search(text, suggested=registry_views.suggested_for(span, text))
    context = {"a": span, "form": form, "alias_standing": standing, "cb": cb}
    return form_response(request, "resolve", context, status=status)


def resolve_conflict(span: Annotation, form: ResolveForm) -> str:
    """Why a Resolve form is stale, or "": the article's text or the span's entry changed since
    it opened (another editor, another tab)."""
    data = form.cleaned_data
    if "revision" in data and data["revision"] != span.article.revision:
        return "This article changed since the form was opened: here is the span as it is now."
    if "seen" in data and data["seen"] != span.source_entry_id:
        now = f"“{span.source_entry}”" if span.source_entry_id else "no entry"
        return f"Someone else resolved this span meanwhile (it now points at {now}): nothing was changed."
    return ""


@refuses_locked
@require_POST
@permission_required("annotations.change_annotation")
def unresolve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    span = get_changeable(request, pk)
    before = load_grouping(span.article_id)
    try:
        with transaction.atomic():
            span = Annotation.claim(pk, seen_version(request))
            span.source_entry = None
            span.save(update_fields=["source_entry", "updated"])
    except StaleVersion as exc:
        return stale_item(request, exc)
    return item_response(request, span, before=before)
