"""What the article page shows of suggestions (issue 10): the pending ones of an article, as
outlines in its texts and as the panel's Suggestions section, read in one query.

The article page is assembled in annotations.views.spans; this module is what it asks of the
suggestions app (which depends on annotations, never the other way round at import time of the
models). Rendering is annotations.render (highlight outlines, `suggested` panel items).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annotations.models import TARGET_RANK, Tag, target_key
from annotations.render.highlight import SuggestedSpan
from annotations.render.suggested import SuggestedItem
from articles.models import Article, ImageCaption

from .models import Suggestion
from .sentences import sentences
from .store import spans

_FIELDS = (
    "id",
    "target",
    "caption_id",
    "source_spans",
    "cue_span",
    "content_spans",
    "source_entry__name",
    "origin",
    "origin_version",
    "rule",
    "confidence",
)


@dataclass(slots=True)
class Pending:
    """An article's pending suggestions: panel items in reading order, and the outline spans
    of each text (by `annotations.models.target_key`)."""

    items: list[SuggestedItem] = field(default_factory=list)
    spans: dict[str, list[SuggestedSpan]] = field(default_factory=lambda: defaultdict(list))


def _sentence_around(text: str, cuts: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) of `text` that [start, end) touches."""
    inside = [(s, e) for s, e in cuts if s < end and e > start]
    if not inside:
        return text[start:end]
    return text[inside[0][0] : inside[-1][1]].strip()


def pending(article: Article, captions: Sequence[ImageCaption]) -> Pending:
    """The article's pending suggestions (one query; sentences cut once per text that has any)."""
    position = {c.pk: c.position for c in captions}
    caption_text = {c.pk: c.text for c in captions}
    # Sorted here (reading order needs the spans), so no ORDER BY: the model's ordering would
    # join the captions table.
    rows = (
        Suggestion.objects.filter(article_id=article.pk, status=Suggestion.Status.PENDING)
        .order_by()
        .values_list(*_FIELDS)
    )
    result = Pending()
    cut: dict[str, list[tuple[int, int]]] = {}
    ordered: list[tuple[tuple[int, int, int, int], SuggestedItem]] = []
    for pk, target, caption_id, src, cue, content, entry, origin, version, rule, conf in rows:
        key = target_key(target, caption_id)
        if target == "caption":
            text = caption_text.get(caption_id, "")
        else:
            text = article.title if target == "title" else article.body
        source, fragments = spans(src), spans(content)
        cue_span = (int(cue[0]), int(cue[1]))
        every = [*source, cue_span, *fragments]
        lo, hi = min(s for s, _ in every), max(e for _, e in every)
        if key not in cut:
            cut[key] = list(sentences(text))
        outline = result.spans[key]
        outline += [SuggestedSpan(pk, s, e, Tag.Role.SOURCE) for s, e in source]
        outline.append(SuggestedSpan(pk, *cue_span, Tag.Role.CUE))
        outline += [SuggestedSpan(pk, s, e, Tag.Role.CLAIM) for s, e in fragments]
        item = SuggestedItem(
            id=pk,
            target=target,
            sources=[text[s:e] for s, e in source],
            cue=text[cue_span[0] : cue_span[1]],
            contents=[text[s:e] for s, e in sorted(fragments)],
            sentence=_sentence_around(text, cut[key], lo, hi),
            entry=entry or "",
            origin=origin,
            version=version,
            rule=rule,
            confidence=conf,
            caption=caption_id,
            source_spans=source,
            cue_span=cue_span,
            content_spans=tuple(sorted(fragments)),
        )
        rank = (TARGET_RANK[target], position.get(caption_id, -1) if caption_id else -1)
        ordered.append(((*rank, lo, pk), item))
    result.items = [item for _, item in sorted(ordered, key=lambda pair: pair[0])]
    return result


def outlines_and_count(
    article_id: int, target: str, caption_id: int | None
) -> tuple[list[SuggestedSpan], int]:
    """The outline spans of one text's pending suggestions and how many the article has
    pending, in one query (an accept's answer needs both: suggestions.views.decided)."""
    rows = (
        Suggestion.objects.filter(article_id=article_id, status=Suggestion.Status.PENDING)
        .order_by()
        .values_list("id", "target", "caption_id", "source_spans", "cue_span", "content_spans")
    )
    out: list[SuggestedSpan] = []
    count = 0
    for pk, where, caption, src, cue, content in rows:
        count += 1
        if where == target and caption == caption_id:
            out += _outline(pk, src, cue, content)
    return out, count


def _outline(pk: int, src: Any, cue: Any, content: Any) -> list[SuggestedSpan]:
    return [
        *(SuggestedSpan(pk, s, e, Tag.Role.SOURCE) for s, e in spans(src)),
        SuggestedSpan(pk, int(cue[0]), int(cue[1]), Tag.Role.CUE),
        *(SuggestedSpan(pk, s, e, Tag.Role.CLAIM) for s, e in spans(content)),
    ]


def outline_spans(article_id: int, target: str, caption_id: int | None) -> list[SuggestedSpan]:
    """The outline spans of one text's pending suggestions, for a save's re-rendered
    paragraphs (one query)."""
    rows = (
        Suggestion.objects.filter(
            article_id=article_id,
            status=Suggestion.Status.PENDING,
            target=target,
            caption_id=caption_id,
        )
        .order_by()
        .values_list("id", "source_spans", "cue_span", "content_spans")
    )
    out: list[SuggestedSpan] = []
    for pk, src, cue, content in rows:
        out += [SuggestedSpan(pk, s, e, Tag.Role.SOURCE) for s, e in spans(src)]
        out.append(SuggestedSpan(pk, int(cue[0]), int(cue[1]), Tag.Role.CUE))
        out += [SuggestedSpan(pk, s, e, Tag.Role.CLAIM) for s, e in spans(content)]
    return out
