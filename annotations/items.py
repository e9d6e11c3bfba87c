"""Panel items: an article's annotations in reading order, loaded lean for the side panel and
the review page.

The panel is the hot path of the article page (every annotation, every view) and of every save,
so items are read as plain rows (`values_list`) instead of model instances with related objects,
in a fixed number of queries (docs/benchmarks.md); annotations.render.panel turns them into HTML.
Each item carries its latest review (who accepted, rejected or corrected it, and why).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q

from .grouping import Grouping, LinkRow, group
from .models import (
    IMPLICIT_SOURCE_LABEL,
    TARGET_RANK,
    Annotation,
    Attribution,
    Review,
    Source,
    Tag,
    target_key,
)
from .render.highlight import SpanInfo


@dataclass(slots=True)
class Link:
    """An attribution as the claim's item shows it: who (a span's words, a registry entry, or
    implicit), the cue, and the further content fragments after the claim, in reading order,
    as (annotation id, quote)."""

    id: int
    source_label: str
    cue_quote: str
    fragments: list[tuple[int, str]] = field(default_factory=list)
    implicit: bool = False
    # (origin, version, rule, confidence, edited) of the suggestion whose acceptance made it
    suggested: tuple[str, str, str, float, bool] | None = None
    # The annotation ids of its source span and cue (when they are spans): with the fragments,
    # what the article page highlights with the claim (data-links, static/js/links.js).
    span_ids: tuple[int, ...] = ()
    # For the review page's rows (issue 10): which span is the source and which the cue, and
    # the registry entry the source resolves to (its span's entry, or the link's own).
    source_span_id: int | None = None
    cue_id: int | None = None
    entry: tuple[str, str] | None = None

    @property
    def partner_ids(self) -> list[int]:
        """Every other annotation of this attribution: source span, cue, further fragments."""
        return [*self.span_ids, *(pk for pk, _ in self.fragments)]


@dataclass(slots=True)
class ReviewInfo:
    """The latest review of an annotation."""

    action: str
    reviewer: str
    reason: str
    before: dict


@dataclass(slots=True)
class Item:
    id: int
    target: str
    caption_id: int | None
    start: int
    end: int
    quote: str
    tag: Tag
    note: str
    author_id: int
    author: str
    status: str
    source: tuple[str, str] | None  # (name, kind) of the registry entry
    deleted: bool
    links: list[Link] = field(default_factory=list)
    review: ReviewInfo | None = None
    version: int = 1  # Annotation.version: what the item's buttons send (issue 11)

    @property
    def target_key(self) -> str:
        return target_key(self.target, self.caption_id)

    def span_info(self) -> SpanInfo:
        unlinked = self.tag.role == Tag.Role.CLAIM and not self.links
        return SpanInfo(
            self.id, self.start, self.end, self.tag.pk, self.tag.name, unlinked, self.tag.role
        )


_FIELDS = (
    "id",
    "target",
    "caption_id",
    "start",
    "end",
    "quote",
    "tag_id",
    "note",
    "author_id",
    "status",
    "source_entry_id",
    "deleted_at",
    "version",
)


_LINK_FIELDS = (
    "id",
    "claim_id",
    "source_span_id",
    "source_span__quote",
    "source_span__source_entry_id",
    "source_entry_id",
    "cue_id",
    "cue__quote",
    "implicit_source",
    # From here on: the fragment of this row (all None for an attribution without any).
    "fragments",
    "fragments__quote",
    "fragments__deleted_at",
    "fragments__target",
    "fragments__caption__position",
    "fragments__start",
    "fragments__end",
    # The accepted suggestion that made it (issue 10's provenance), joined: no extra query.
    "suggestion__origin",
    "suggestion__origin_version",
    "suggestion__rule",
    "suggestion__confidence",
    "suggestion__edited",
)
_FRAGMENT = _LINK_FIELDS.index("fragments")
_SUGGESTED = _LINK_FIELDS.index("suggestion__origin")


def load_items(
    tags: Mapping[int, Tag],
    *,
    article_id: int | None = None,
    ids: Iterable[int] | None = None,
) -> list[Item]:
    """Panel items of an article (live annotations, reading order), or of given annotation ids
    (deleted ones included, for the Undo placeholder), each with its latest review. Five
    queries whatever the count (fewer when there are no claims or registry entries)."""
    if ids is not None:
        rows = Annotation.all_objects.filter(pk__in=list(ids))
    elif article_id is not None:
        rows = Annotation.objects.filter(article_id=article_id)
    else:  # neither given: nothing to list (a filter on no article would match no row)
        return []
    rows = rows.reading_order()
    items: list[Item] = []
    authors: set[int] = set()
    entries: set[int] = set()
    entry_of: dict[int, int] = {}
    for row in rows.values_list(*_FIELDS):
        (
            pk,
            target,
            caption_id,
            start,
            end,
            quote,
            tag_id,
            note,
            author_id,
            status,
            entry,
            gone,
            version,
        ) = row
        items.append(
            Item(
                pk,
                target,
                caption_id,
                start,
                end,
                quote,
                tags[tag_id],
                note,
                author_id,
                "",
                status,
                None,
                gone is not None,
                version=version,
            )
        )
        authors.add(author_id)
        if entry:
            entries.add(entry)
            entry_of[pk] = entry
    if not items:
        return items
    claims = [i.id for i in items if i.tag.role == Tag.Role.CLAIM]
    # One row per (attribution, fragment): the fragments come in the same query, joined, so
    # the page's query count stays what it was (an attribution without any is one row).
    link_rows = (
        list(
            Attribution.objects.filter(claim_id__in=claims)
            .filter(Q(source_span__isnull=True) | Q(source_span__deleted_at__isnull=True))
            .order_by("id")
            .values_list(*_LINK_FIELDS)
        )
        if claims
        else []
    )
    links: dict[int, tuple[Any, ...]] = {}
    fragments: dict[int, list[tuple[tuple[int, int, int, int, int], int, str]]] = {}
    for row in link_rows:
        links.setdefault(row[0], row)
        (fragment, quote, gone, where, caption_position, start, end) = row[_FRAGMENT:_SUGGESTED]
        if fragment is not None and gone is None:  # a deleted fragment waits for its undo
            key = (TARGET_RANK[where], -1 if caption_position is None else caption_position)
            fragments.setdefault(row[0], []).append(
                ((*key, start, -end, fragment), fragment, quote)
            )
    for row in links.values():
        entries.update(e for e in (row[4], row[5]) if e)
    names = dict(get_user_model().objects.filter(pk__in=authors).values_list("pk", "username"))
    sources = (
        {
            pk: (name, kind)
            for pk, name, kind in Source.objects.filter(pk__in=entries).values_list(
                "pk", "name", "kind"
            )
        }
        if entries
        else {}
    )
    by_id = {item.id: item for item in items}
    for item in items:
        item.author = names.get(item.author_id, "")
        if item.id in entry_of:
            item.source = sources.get(entry_of[item.id])
    # By article when the items are an article's, else by the ids found.
    reviews = (
        Review.objects.filter(annotation__article_id=article_id)
        if ids is None and article_id is not None
        else Review.objects.filter(annotation_id__in=list(by_id))
    )
    # Newest first per annotation: the first row seen for each is its latest review.
    for ann_id, action, reason, before, reviewer in reviews.order_by(
        "annotation_id", "-created", "-id"
    ).values_list("annotation_id", "action", "reason", "before", "reviewer__username"):
        reviewed = by_id.get(ann_id)
        if reviewed is not None and reviewed.review is None:
            reviewed.review = ReviewInfo(action, reviewer, reason, before or {})
    for row in links.values():
        pk, claim_id, span_id, span_quote, span_entry, entry, cue_id, cue_quote, implicit = row[
            :_FRAGMENT
        ]
        resolved = sources.get(span_entry if span_id else entry)
        if span_id:
            label = f"“{span_quote}”"
            if span_entry and span_entry in sources:
                label += f" ({sources[span_entry][0]})"
        elif implicit:
            label = IMPLICIT_SOURCE_LABEL
        else:
            label = sources.get(entry, ("?", ""))[0]
        further = [(f, quote) for _, f, quote in sorted(fragments.get(pk, ()))]
        origin, version, rule, confidence, edited = row[_SUGGESTED:]
        suggested = (origin, version, rule, confidence, edited) if origin is not None else None
        spans = tuple(i for i in (span_id, cue_id) if i)
        by_id[claim_id].links.append(
            Link(
                pk,
                label,
                cue_quote or "",
                further,
                implicit,
                suggested,
                spans,
                span_id,
                cue_id,
                resolved,
            )
        )
    return items


def grouping_of(items: Iterable[Item]) -> Grouping:
    """The panel's groups of an article's items (as load_items reads them): no query."""
    items = list(items)
    order = [i.id for i in items]
    dead = {i.id for i in items if i.deleted}
    links = [
        (link.id, i.id, link.source_span_id, link.cue_id, [pk for pk, _ in link.fragments])
        for i in items
        for link in i.links
    ]
    return group(order, links, dead)


def load_grouping(article_id: int, shown: Iterable[int] = ()) -> Grouping:
    """The panel's groups of an article read lean (two queries, ids only): what a change's
    answer compares before and after (annotations.grouping.diff). `shown` are deleted spans
    still on the page as their Undo placeholder (loose)."""
    return group(*load_grouping_rows(article_id, shown))


def load_grouping_rows(
    article_id: int, shown: Iterable[int] = ()
) -> tuple[list[int], list[LinkRow], set[int]]:
    """What `load_grouping` groups: the annotation ids in reading order, the attributions' link
    rows, and the deleted ids still shown. A change that knows exactly what it added (an
    accepted suggestion) groups these rows twice, with and without its additions, instead of
    reading the grouping before and after it."""
    shown = list(shown)
    rows = (
        Annotation.all_objects.filter(article_id=article_id)
        .filter(Q(deleted_at__isnull=True) | Q(pk__in=shown))
        .reading_order()
        .values_list("id", "deleted_at")
    )
    order, dead = [], set()
    for pk, gone in rows:
        order.append(pk)
        if gone is not None:
            dead.add(pk)
    links: dict[int, tuple[int, int, int | None, int | None, list[int]]] = {}
    for pk, claim, source, cue, fragment in (
        Attribution.objects.filter(claim__article_id=article_id)
        .filter(Q(source_span__isnull=True) | Q(source_span__deleted_at__isnull=True))
        .order_by("id")
        .values_list("id", "claim_id", "source_span_id", "cue_id", "fragments")
    ):
        row = links.setdefault(pk, (pk, claim, source, cue, []))
        if fragment is not None:
            row[4].append(fragment)
    return order, list(links.values()), dead
