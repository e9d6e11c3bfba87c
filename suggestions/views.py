"""Reviewing suggestions on the article page (issue 10): accept, reject, accept all above a
confidence (with Undo), and run the engine again for the article.

Every view checks `suggestions.review_suggestion` (403 otherwise). Accept takes the parts an
editor adjusted in edit mode (static/js/suggest-edit.js) as `spans`; an edit the text refuses
answers 422 with only the status line, so the edit stays open. One accept or reject answers
with only what changed (`annotations/article.html#decided`: the item removed, the paragraphs its
spans touch, the annotations made or reused, the counts and the status line), so it stays cheap
on a long article. The article-wide actions answer with the page's fragments refreshed at once
(`#refreshed`: the texts, the annotation list and count, the suggestion list and count, and a
status line in `#status`, the main swap). A suggestion already decided, or one that cannot be
accepted any more, answers 409 with that whole refresh, so the page shows the current state.

Undo of "accept all" is carried by the page, not stored: the answer holds a signed token listing
what was made (suggestions.services.Made), valid for an hour and only for the user it was made
for.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from annotations import workflow
from annotations.anchoring import clip
from annotations.grouping import group
from annotations.items import load_grouping_rows
from annotations.models import Annotation, Attribution, Tag
from annotations.views.fragments import (
    PAGE_TEMPLATE,
    panel_renderer,
    panel_swaps,
    paragraphs_between,
    refuses_locked,
)
from annotations.views.spans import workspace_context
from articles.models import Article
from newsroom.http import SignedInRequest, permission_required

from . import services
from .models import Suggestion
from .page import outlines_and_count
from .runs import suggest_articles
from .store import text_of

REVIEW = services.REVIEW_PERMISSION
UNDO_SALT = "suggestions.accept_all.undo"
UNDO_MAX_AGE = 3600  # seconds
# An item's buttons swap the item away (hx-swap="delete"): their answers put the status line
# in place out of band.
ITEM_ANSWER = {"status_oob": True}


class AcceptAllForm(forms.Form):
    min_confidence = forms.FloatField(min_value=0, max_value=1, initial=0.8)
    revision = forms.IntegerField(required=False)


def refreshed(
    request: SignedInRequest,
    article: Article,
    message: str,
    *,
    level: str = "ok",
    status: int = 200,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The status line, with the texts, both lists and both counts swapped out of band."""
    context = {
        **workspace_context(article, request.user),
        "message": message,
        "level": level,
        **(extra or {}),
    }
    return render(request, f"{PAGE_TEMPLATE}#refreshed", context, status=status)


def _revision(request: SignedInRequest) -> int | None:
    """The article revision the page was loaded at, when it says."""
    value = request.POST.get("revision", "")
    return int(value) if value.isdigit() else None


def _ensure_editable(article: Article, request: SignedInRequest) -> None:
    """An approved article takes no new spans or links, accepted suggestions included: the
    workflow's lock (ArticleLocked, answered 409 by `refuses_locked`)."""
    workflow.ensure_editable(article.status, workflow.roles_for(request.user))


def _words(suggestion: Suggestion) -> str:
    """The suggestion as the status line names it: "the Pentagon — said — US forces attacked…"
    (a cue alone, "said", does not tell an editor which one was decided)."""
    text = text_of(suggestion.article, suggestion.target, suggestion.caption)
    cue_start, cue_end = suggestion.cue_span
    source = " ".join(text[s:e] for s, e in suggestion.source_spans) or "(implicit source)"
    first_start, first_end = suggestion.content_spans[0]
    content = clip(text[first_start:first_end], 40)
    return f"{clip(source, 40)} — {text[cue_start:cue_end]} — {content}"


def _edited_words(edited: services.EditedSpans) -> str:
    """The edited attribution as the status line names it."""
    source = " ".join(s.quote for s in edited.source) or "(implicit source)"
    return f"{clip(source, 40)} — {edited.cue.quote} — {clip(edited.content[0].quote, 40)}"


def _quoted(value: Any) -> services.QuotedSpan:
    if (
        not isinstance(value, list)
        or len(value) != 3
        or not all(type(x) is int for x in value[:2])
        or not isinstance(value[2], str)
    ):
        raise services.SuggestionError("invalid", "Each part must be [start, end, quote].")
    return services.QuotedSpan(value[0], value[1], value[2])


def _edited(request: SignedInRequest) -> services.EditedSpans | None:
    """The spans an editor adjusted before accepting (`spans`: JSON `{"source": [[start, end,
    quote], …], "cue": [start, end, quote], "content": [[…], …]}`), or None for the suggestion
    as it is. Only the shape is checked here; services.check_edited checks them against the
    text."""
    raw = request.POST.get("spans", "")
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise services.SuggestionError("invalid", "The edited parts could not be read.") from exc
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("source", []), list)
        or not isinstance(data.get("content"), list)
        or len(data.get("source", [])) + len(data["content"]) > 20
    ):
        raise services.SuggestionError("invalid", "The edited parts could not be read.")
    return services.EditedSpans(
        source=tuple(_quoted(v) for v in data.get("source", [])),
        cue=_quoted(data.get("cue")),
        content=tuple(_quoted(v) for v in data["content"]),
    )


def decided(
    request: SignedInRequest,
    suggestion: Suggestion,
    message: str,
    *,
    attribution: Attribution | None = None,
    made: services.Made | None = None,
    edited: services.EditedSpans | None = None,
    tags: dict[int, Tag] | None = None,
) -> HttpResponse:
    """The answer to one accept or reject, kept small (the page is not re-rendered): the
    suggestion's item goes (the main swap), the paragraphs its spans touch are drawn again, the
    annotations an accept made are inserted in reading order and those it reused (and the
    claim, now showing its link) are replaced, and the counts and status line change."""
    article = suggestion.article
    tags = tags or Tag.objects.by_id()
    text = text_of(article, suggestion.target, suggestion.caption)
    outlines, pending = outlines_and_count(article.pk, suggestion.target, suggestion.caption_id)
    every = [*suggestion.source_spans, suggestion.cue_span, *suggestion.content_spans]
    if edited is not None:  # the outline goes, the edited spans come: redraw both
        every += [(s.start, s.end) for s in (*edited.source, edited.cue, *edited.content)]
    span = (min(int(s) for s, _ in every), max(int(e) for _, e in every))
    paragraphs = paragraphs_between(
        article, text, suggestion.target, suggestion.caption_id, span, tags, outlines
    )
    swaps: list[dict[str, Any]] = []
    if attribution is not None and made is not None and made.spans:
        # The grouping before and after, from one read: before is after without what this
        # accept added (its new spans and attribution), which nothing else could have made.
        order, links, dead = load_grouping_rows(article.pk)
        new, added = set(made.annotations), set(made.attributions)
        after = group(order, links, dead)
        before = group(
            [pk for pk in order if pk not in new], [r for r in links if r[0] not in added], dead
        )
        swaps = panel_swaps(
            panel_renderer(request), article.pk, before, set(made.spans), tags, after=after
        )
    count = Annotation.objects.filter(article_id=article.pk).count()
    context = {
        "message": message,
        "paragraphs": paragraphs,
        "swaps": swaps,
        "count": count,
        "suggestion_count": pending,
    }
    return render(request, f"{PAGE_TEMPLATE}#decided", context)


@require_POST
@permission_required(REVIEW)
def accept(request: SignedInRequest, pk: int) -> HttpResponse:
    """Accept one suggestion: the source, cue and content spans, their attribution and its
    registry entry, authored by the user."""
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("article", "caption", "source_entry"), pk=pk
    )
    made = services.Made()
    try:
        edited = _edited(request)
        tags = Tag.objects.by_id()  # read once: for cutting the spans and for drawing them
        attribution = services.accept(
            suggestion,
            request.user,
            revision=_revision(request),
            made=made,
            edited=edited,
            tags=tags.values(),
        )
    except services.SuggestionError as exc:
        code = 409 if exc.code in {"decided", "stale", "text_changed", "locked"} else 422
        if code == 422:  # the edit stays open in the page: only the status line answers
            return render(
                request,
                f"{PAGE_TEMPLATE}#status",
                {"message": str(exc), "level": "error"},
                status=422,
            )
        return refreshed(
            request, suggestion.article, str(exc), level="error", status=code, extra=ITEM_ANSWER
        )
    if edited is None:
        message = f"Accepted the attribution “{_words(suggestion)}”."
    else:
        message = f"Accepted the attribution, edited: “{_edited_words(edited)}”."
    return decided(
        request,
        suggestion,
        message,
        attribution=attribution,
        made=made,
        edited=edited,
        tags=tags,
    )


@require_POST
@permission_required(REVIEW)
def reject(request: SignedInRequest, pk: int) -> HttpResponse:
    """Reject one suggestion: it stays rejected, so no later run offers it again."""
    suggestion = get_object_or_404(Suggestion.objects.select_related("article", "caption"), pk=pk)
    try:
        services.reject(suggestion, request.user)
    except services.SuggestionError as exc:
        return refreshed(
            request, suggestion.article, str(exc), level="error", status=409, extra=ITEM_ANSWER
        )
    return decided(request, suggestion, f"Rejected the suggestion “{_words(suggestion)}”.")


@require_POST
@permission_required(REVIEW)
@refuses_locked
def accept_all(request: SignedInRequest, article_id: int) -> HttpResponse:
    """Accept every pending suggestion of the article at or above the confidence given; the
    answer offers Undo."""
    article = get_object_or_404(Article, pk=article_id)
    _ensure_editable(article, request)
    form = AcceptAllForm(request.POST)
    if not form.is_valid():
        return refreshed(
            request, article, "Give a confidence between 0 and 1.", level="error", status=422
        )
    threshold = form.cleaned_data["min_confidence"]
    done = services.accept_all(
        article, request.user, min_confidence=threshold, revision=form.cleaned_data["revision"]
    )
    accepted = len(done.made.suggestions)
    message = (
        f"Accepted {accepted} suggestion{'s' if accepted != 1 else ''} at {threshold:.2f} or above."
    )
    if done.refused:
        message += (
            f" {done.refused} could not be accepted (decided meanwhile, or the text changed)."
        )
    token = ""
    if accepted:
        token = signing.dumps(
            {
                "u": request.user.pk,
                "a": article.pk,
                "s": done.made.suggestions,
                "n": done.made.annotations,
                "t": done.made.attributions,
            },
            salt=UNDO_SALT,
            compress=True,
        )
    return refreshed(request, article, message, extra={"undo_token": token})


@require_POST
@permission_required(REVIEW)
@refuses_locked
def undo_accept_all(request: SignedInRequest, article_id: int) -> HttpResponse:
    """Undo an "accept all": what it made is deleted and its suggestions are pending again."""
    article = get_object_or_404(Article, pk=article_id)
    _ensure_editable(article, request)
    try:
        data = signing.loads(request.POST.get("token", ""), salt=UNDO_SALT, max_age=UNDO_MAX_AGE)
    except signing.BadSignature:
        return refreshed(
            request, article, "This Undo has expired or is not valid.", level="error", status=409
        )
    if data.get("u") != request.user.pk or data.get("a") != article.pk:
        return refreshed(
            request, article, "Only who accepted them can undo this.", level="error", status=403
        )
    made = services.Made(data["s"], data["n"], data["t"])
    back = services.undo_accept(made, request.user)
    return refreshed(
        request, article, f"Undone: {back} suggestion{'s' if back != 1 else ''} pending again."
    )


@require_POST
@permission_required(REVIEW)
@refuses_locked
def suggest(request: SignedInRequest, article_id: int) -> HttpResponse:
    """Run the engine again for this article (a few milliseconds), in the request."""
    article = get_object_or_404(Article, pk=article_id)
    _ensure_editable(article, request)
    result = suggest_articles([article.pk])
    return refreshed(
        request,
        article,
        f"Suggested again: {result.created} new, {result.replaced} replaced, "
        f"{result.skipped} already decided.",
    )
