"""Annotation endpoints. Every POST answers an htmx request with the fragments it changed:
the panel item or list, and the article paragraphs whose highlights moved (as <hx-partial>s)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from articles.models import Article

from . import highlight, panel, services
from .anchoring import paragraph_bounds, paragraphs_touched
from .forms import EditForm, LinkForm, NewSpanForm, ResolveForm
from .models import Annotation, Attribution, Source, Tag, normalise_alias

PAGE_TEMPLATE = "articles/article_detail.html"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def htmx_login_required(view: Callable) -> Callable:
    """login_required, but an htmx request whose session expired is sent to the login page as a
    whole-page navigation instead of having the login form swapped into a fragment."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args, **kwargs):
        if not request.user.is_authenticated and request.htmx:
            # Back to the page the user was on (not the fragment URL), its query string encoded.
            next_url = request.htmx.current_url_abs_path or request.get_full_path()
            return HttpResponseClientRedirect(redirect_to_login(next_url).url)
        return login_required(view)(request, *args, **kwargs)

    return wrapper


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
    return {
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
    rank = {"title": 0, "caption": 1}.get(annotation.target, 2)
    position = annotation.caption.position if annotation.caption_id else -1
    later = Annotation.objects.filter(article_id=annotation.article_id).annotate(
        rank=panel._READING_ORDER
    )
    after_same_spot = Q(rank=rank) & (
        Q(caption__position__gt=position)
        | Q(caption__position=position, start__gt=annotation.start)
        | Q(caption__position=position, start=annotation.start, end__lt=annotation.end)
        | Q(
            caption__position=position,
            start=annotation.start,
            end=annotation.end,
            id__gt=annotation.pk,
        )
    )
    if annotation.target != "caption":
        after_same_spot = Q(rank=rank) & (
            Q(start__gt=annotation.start)
            | Q(start=annotation.start, end__lt=annotation.end)
            | Q(start=annotation.start, end=annotation.end, id__gt=annotation.pk)
        )
    return (
        later.filter(Q(rank__gt=rank) | after_same_spot)
        .order_by("rank", "caption__position", "start", "-end", "id")
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
    return item_response(request, get_object_or_404(Annotation, pk=pk))


@require_http_methods(["GET", "POST"])
@htmx_login_required
def edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotation = get_changeable(request, pk)
    if request.method == "GET":
        return form_response(
            request, "edit", {"a": annotation, "form": EditForm(instance=annotation)}
        )
    old_tag = annotation.tag_id
    form = EditForm(request.POST, instance=annotation)
    if not form.is_valid():
        return form_response(request, "edit", {"a": annotation, "form": form}, status=422)
    with transaction.atomic():
        annotation = form.save()
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
