"""HTML of the panel's Suggestions section: one item per pending suggestion (issue 10).

In Python for the reason the rest of annotations.render is: the article page lists up to a
hundred suggestions beside hundreds of annotations within its time budget (docs/benchmarks.md),
and a template loop costs several times more. The items are plain data (`SuggestedItem`, filled
by suggestions.page); this module never reads the database. Every text is escaped here.

Each item is focusable (`tabindex="-1"`, reached by Tab through its buttons or by the page's
keys): static/js/annotate.js accepts the focused one with `a` and rejects it with `x`;
static/js/suggest-edit.js opens it for editing with `e` (its offsets in `data-parts`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from ..anchoring import clip
from .panel import url_pattern

WHERE = {"title": "in title", "caption": "in caption"}


@dataclass(slots=True)
class SuggestedItem:
    """What the panel shows of one pending suggestion: its words by role, the sentence around
    it, and where it came from."""

    id: int
    target: str
    sources: list[str]  # the words of each source span; empty when the source is implicit
    cue: str
    contents: list[str]
    sentence: str
    entry: str  # the registry entry it resolved to, or ""
    origin: str
    version: str
    rule: str
    confidence: float
    # Offsets for editing before accepting (static/js/suggest-edit.js): each part's
    # [start, end] in its text, which is `target` (and `caption`, for a caption).
    caption: int | None = None
    source_spans: tuple[tuple[int, int], ...] = ()
    cue_span: tuple[int, int] = (0, 0)
    content_spans: tuple[tuple[int, int], ...] = ()


class SuggestionPanel:
    """Renders suggestion items for one user; the review buttons only for those who may
    review (`suggestions.review_suggestion`, checked again by the views)."""

    def __init__(self, *, can_review: bool) -> None:
        self.can_review = can_review
        self.accept_url = url_pattern("suggestions:accept")
        self.reject_url = url_pattern("suggestions:reject")

    def items(self, items: Iterable[SuggestedItem]) -> SafeString:
        html = "".join(self.item(i) for i in items)
        return mark_safe(html or '<li class="empty">No pending suggestions.</li>')  # noqa: S308

    def item(self, s: SuggestedItem) -> SafeString:
        pk = s.id
        source = (
            " · ".join(
                f'<span class="sg-w sg-source">{escape(clip(w, 60))}</span>' for w in s.sources
            )
            if s.sources
            else '<span class="sg-w implicit">implicit source</span>'
        )
        entry = f' <span class="muted">= {escape(s.entry)}</span>' if s.entry else ""
        content = " … ".join(escape(clip(w, 90)) for w in s.contents)
        where = f'<span class="where">{WHERE[s.target]}</span>' if s.target in WHERE else ""
        label = escape(clip(f"{' '.join(s.sources) or 'implicit'} {s.cue} {s.contents[0]}", 80))
        editable = ""
        if self.can_review:
            where_spans = {
                "target": s.target,
                "caption": s.caption,
                "source": s.source_spans,
                "cue": s.cue_span,
                "content": s.content_spans,
            }
            editable = f' data-parts="{escape(json.dumps(where_spans, separators=(",", ":")))}"'
        parts = [
            f'<li id="sg-{pk}" class="sg-item" data-sg="{pk}"{editable} tabindex="-1" '
            f'aria-label="Suggestion: {label}">'
            f'<p class="sg-triple">{source}{entry} — <span class="sg-w sg-cue">{escape(s.cue)}</span>'
            f' — <span class="sg-w sg-claim">“{content}”</span>{where}</p>'
            f'<p class="sg-sentence">{escape(clip(s.sentence, 220))}</p>'
            f'<p class="sg-meta muted">{s.confidence:.2f} · {escape(s.rule)} · '
            f"{escape(f'{s.origin} {s.version}'.strip())}</p>"
        ]
        if self.can_review:
            target = f'hx-target="#sg-{pk}" hx-swap="delete" hx-include="#sg-revision"'
            parts.append(
                '<div class="actions" role="group" aria-label="Review this suggestion">'
                f'<button type="button" class="accept" data-sg-action="accept" '
                f'hx-post="{self.accept_url.format(pk)}" {target} aria-keyshortcuts="a">'
                "Accept <kbd>a</kbd></button>"
                f'<button type="button" data-sg-action="reject" '
                f'hx-post="{self.reject_url.format(pk)}" {target} aria-keyshortcuts="x">'
                "Reject <kbd>x</kbd></button>"
                '<button type="button" data-sg-action="edit" aria-keyshortcuts="e">'
                "Edit <kbd>e</kbd></button></div>"
            )
        parts.append("</li>")
        return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
