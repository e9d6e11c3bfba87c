"""The pieces the span and review views answer htmx requests with: a panel item with the
paragraphs whose highlights moved and the count (out-of-band), the inline forms and the status
line. Their markup is in the article page's template (annotations/article.html, one partial
each) or, for the panel item and the highlighted text, in annotations.render."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.shortcuts import render

from articles.models import Article
from newsroom.http import HtmxHttpRequest
from suggestions import page as suggested_page

from .. import grouping, workflow
from ..anchoring import paragraph_bounds, paragraphs_touched
from ..grouping import Grouping
from ..items import load_grouping, load_items
from ..models import Annotation, Attribution, Tag, target_key
from ..render import highlight, panel

PAGE_TEMPLATE = "annotations/article.html"
REVIEW_TEMPLATE = "annotations/review_page.html"


def changed_paragraphs(article: Article, annotation: Annotation, tags: dict[int, Tag]) -> list:
    """The re-rendered paragraphs of the text an annotation lies in that it touches."""
    return paragraphs_between(
        article,
        annotation.text(article),
        annotation.target,
        annotation.caption_id,
        (annotation.start, annotation.end),
        tags,
    )


def paragraphs_between(
    article: Article,
    text: str,
    target: str,
    caption_id: int | None,
    span: tuple[int, int],
    tags: dict[int, Tag],
    outlines: list[highlight.SuggestedSpan] | None = None,
) -> list:
    """The re-rendered paragraphs of one text (`target`, `caption_id`) that [start, end)
    touches, with their highlights and the pending suggestions' outlines (two queries; one
    when the caller has read the `outlines` already)."""
    key = target_key(target, caption_id)
    bounds = paragraph_bounds(text)
    indexes = paragraphs_touched(bounds, *span)
    lo, hi = bounds[indexes[0]][0], bounds[indexes[-1]][1]
    # Linked or not (a claim's hatching) comes in the same query, as annotations.items counts
    # an attribution: one whose source span, if any, is not deleted.
    live_links = Attribution.objects.filter(claim=OuterRef("pk")).filter(
        Q(source_span__isnull=True) | Q(source_span__deleted_at__isnull=True)
    )
    neighbours = (
        Annotation.objects.filter(article=article)
        .overlapping(target, caption_id, lo, hi)
        .annotate(linked=Exists(live_links))
        .values_list("id", "start", "end", "tag_id", "linked")
    )
    spans = [
        highlight.SpanInfo(
            pk, s, e, t, tags[t].name, tags[t].role == Tag.Role.CLAIM and not linked, tags[t].role
        )
        for pk, s, e, t, linked in neighbours
    ]
    element = "p" if target == Annotation.Target.BODY else "span"
    # The pending suggestions' outlines stay drawn in the paragraphs a save re-renders.
    if outlines is None:
        outlines = suggested_page.outline_spans(article.pk, target, caption_id)
    html = highlight.render_paragraphs(key, text, spans, indexes, element, suggested=outlines)
    return [
        {"id": highlight.paragraph_id(key, i), "html": h}
        for i, h in zip(indexes, html, strict=True)
    ]


def panel_renderer(request: HtmxHttpRequest, *, locked: bool = False) -> panel.Renderer:
    """The panel's renderer for this user; `locked` (an approved article) draws no editing
    controls."""
    return panel.Renderer(
        request.user, can_link=request.user.has_perm("annotations.add_attribution"), locked=locked
    )


def panel_swaps(
    renderer: panel.Renderer,
    article_id: int,
    before: Grouping,
    touched: Collection[int],
    tags: dict[int, Tag],
    after: Grouping | None = None,
) -> list[dict[str, Any]]:
    """The out-of-band swaps that keep the panel's groups right after a change (issue 10): the
    attribution cards and loose items that changed, drawn again, inserted or removed
    (annotations.grouping.diff). `before` is the grouping read before the change; `touched` the
    annotations whose own item changed; `after` the grouping after it, read here unless given.
    Seven queries (five given `after`), whatever the article's size."""
    if after is None:
        after = load_grouping(article_id, shown=touched)
    swaps = grouping.diff(before, after, touched)
    cards = {c.id: c for c in after.cards}
    needed: set[int] = set()
    for s in swaps:
        if s.what is not None:
            kind, pk = s.what
            needed.update(cards[pk].members if kind == "card" else (pk,))
    by_id = {i.id: i for i in load_items(tags, ids=needed)} if needed else {}
    out = []
    for s in swaps:
        html = ""
        if s.what is not None:
            kind, pk = s.what
            html = (
                renderer.card(cards[pk], by_id, after)
                if kind == "card"
                else renderer.item(by_id[pk])
            )
        out.append({"target": s.target, "swap": s.swap, "html": html})
    return out


def item_response(
    request: HtmxHttpRequest,
    annotation: Annotation,
    *,
    paragraphs: list | None = None,
    status: int = 200,
    message: str = "",
    level: str = "ok",
    tags: dict[int, Tag] | None = None,
    before: Grouping | None = None,
    touched: Collection[int] = (),
) -> HttpResponse:
    """One panel item (the main swap), plus changed paragraphs and the count; `message` goes
    to the status line (`level` "error" for a refusal). Given the panel's grouping `before` a
    change, the item comes with whatever cards and loose items the change moved, all out of
    band (`panel_swaps`; the main swap is then empty)."""
    tags = tags or Tag.objects.by_id()
    locked = workflow.is_locked(annotation.article.status)
    renderer = panel_renderer(request, locked=locked)
    context: dict[str, Any] = {
        "paragraphs": paragraphs or [],
        "message": message,
        "level": level,
        "count": Annotation.objects.filter(article_id=annotation.article_id).count(),
    }
    if before is None:
        (item,) = load_items(tags, ids=[annotation.pk])
        context["item_html"] = renderer.item(item)
    else:
        ids = {annotation.pk, *touched}
        context["swaps"] = panel_swaps(renderer, annotation.article_id, before, ids, tags)
    return render(request, f"{PAGE_TEMPLATE}#item_response", context, status=status)


def form_response(
    request: HtmxHttpRequest, partial: str, context: dict, status: int = 200
) -> HttpResponse:
    """One of the panel item's inline forms (a partial of the article page). A form refused
    as invalid keeps the annotation version it was opened at (not the one now), so fixing it
    cannot skip past someone else's change."""
    if status == 422 and request.POST.get("version"):
        context = {**context, "version": request.POST["version"]}
    return render(request, f"{PAGE_TEMPLATE}#{partial}", context, status=status)


def status_message(
    request: HtmxHttpRequest, message: str, *, level: str = "error", status: int = 422
) -> HttpResponse:
    return render(
        request, f"{PAGE_TEMPLATE}#status", {"message": message, "level": level}, status=status
    )


def form_errors_text(form: forms.Form) -> str:
    parts = []
    for field, errors in form.errors.items():
        label = "" if field == "__all__" else f"{form.fields[field].label or field}: "
        # The stubs type an ErrorList's items as ValidationError | str, but iterating yields
        # each message as a str.
        parts.append(label + " ".join(map(str, errors)))
    return " ".join(parts)


def on_review_page(request: HtmxHttpRequest) -> bool:
    """The control was used on the review page, which wants a table row back."""
    return request.GET.get("on") == "review"


# What a stale write answers (409) with, in the form that comes back filled with the user's
# values and the annotation's new version, or over the panel item as it is now.
CONFLICT_FORM = (
    "Someone else changed this annotation after you opened this form: it is shown as it is now, "
    "and nothing of yours was saved. Your change is below: “Reapply my change” saves it over "
    "theirs."
)
CONFLICT_ITEM = (
    "Someone else changed this annotation meanwhile: here it is as it is now, and nothing was "
    "changed. Do it again if it still applies."
)


def seen_version(request: HtmxHttpRequest) -> int | None:
    """The annotation version the form or button was rendered at (its `version` field): None
    when the request has none (a script: the write then applies to the current version), -1
    for garbage, which never matches."""
    raw = request.POST.get("version", "").strip()
    if not raw:
        return None
    return int(raw) if raw.isdigit() else -1


def conflict_data(request: HtmxHttpRequest, current: Annotation) -> Any:
    """The user's POST again with the annotation's current version: the form a 409 answers
    with, ready to reapply."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    return data


def refuses_locked(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view that changes spans or links answers workflow.ArticleLocked (the article is
    approved) with 409 and the reason in the status line: HX-Retarget sends it there whatever
    the button targeted, so the panel item stays on screen."""

    @wraps(view)
    def checked(request: HtmxHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except workflow.ArticleLocked as exc:
            response = status_message(request, exc.message, status=409)
            response["HX-Retarget"] = "#status"
            response["HX-Reswap"] = "innerHTML"
            return response

    return checked
