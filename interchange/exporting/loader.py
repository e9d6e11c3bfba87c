"""The one place that reads the database for an export: ORM rows → records (records.py).

`load_articles(articles, approved_only=True, batch_size=200)` walks the ids of a queryset
lazily and, per batch of `batch_size` articles, runs a fixed handful of ``values_list`` queries
(articles, captions, live annotations, attributions with their further content fragments
joined; usernames and registry entries with their aliases only for ids not seen in earlier
batches), the two big ones read as plain driver rows
(`_raw_rows`). Only one batch is held at a time, so memory does not grow with the size of the
export; tags, usernames and registry entries are cached (their number is that of the
configuration, not of the export). What the records hold, and in which order: records.py.

`count_annotations(articles)` is how many annotations `load_articles` would give (for progress
bars). Which articles a set holds is `AnnotatedSet.articles()`.
"""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import QuerySet

from annotations.models import TARGET_RANK, Annotation, Attribution, Source, SourceAlias, Tag
from articles.models import Article, ImageCaption

from .records import AnnotationData, ArticleData, AttributionData, SourceData

BATCH_SIZE = 200
# Bounds on the caches that live for one export: a registry or user table far larger than
# this is refetched per batch rather than held whole.
_CACHE_LIMIT = 50_000


# --- Loading -----------------------------------------------------------------------------------

# ArticleData's fields without a default are the Article columns of the same names.
ARTICLE_COLUMNS = tuple(
    f.name
    for f in dataclasses.fields(ArticleData)
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
)
_ATTRIBUTION_COLUMNS = (
    "id",
    "claim_id",
    "source_span_id",
    "source_entry_id",
    "cue_id",
    "author_id",
    "implicit_source",
    # Joined (LEFT, the through table only): one row per further fragment, the attribution's
    # columns repeated; None for an attribution without any. No query of its own.
    "fragments",
)
# Unpacked in this order, row by row, in _Loader.batch.
_ANNOTATION_COLUMNS = (
    "id",
    "article_id",
    "client_id",
    "target",
    "caption_id",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "tag_id",
    "note",
    "author_id",
    "status",
    "source_entry_id",
    "created",
    "updated",
)
# Positions in the rows of those columns that are read before the rows are unpacked.
_SPAN_STATUS = _ANNOTATION_COLUMNS.index("status")
_SPAN_AUTHOR = _ANNOTATION_COLUMNS.index("author_id")
_SPAN_ENTRY = _ANNOTATION_COLUMNS.index("source_entry_id")
_LINK_AUTHOR = _ATTRIBUTION_COLUMNS.index("author_id")
_LINK_ENTRY = _ATTRIBUTION_COLUMNS.index("source_entry_id")
_LINK_FRAGMENT = _ATTRIBUTION_COLUMNS.index("fragments")


def load_articles(
    articles: QuerySet[Article],
    *,
    approved_only: bool = True,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleData]:
    """Snapshots of `articles` with their live annotations (only accepted ones when
    `approved_only`), attributions and registry entries, one batch of ids at a time.

    Order: the queryset's own `order_by()` when it has one, else by primary key (the order
    native.md asks for). Runs its queries lazily, as the iterator is consumed."""
    loader = _Loader(approved_only)
    ordered = articles if articles.query.order_by else articles.order_by("pk")
    ids = ordered.values_list("pk", flat=True).iterator(chunk_size=max(batch_size, 100) * 10)
    for batch in itertools.batched(ids, max(1, batch_size)):
        yield from loader.batch(list(batch))


class _Loader:
    def __init__(self, approved_only: bool) -> None:
        self.approved_only = approved_only
        self.tags = {
            pk: (name, role) for pk, name, role in Tag.objects.values_list("pk", "name", "role")
        }
        User = get_user_model()
        self.User = User
        self.username_field = User.USERNAME_FIELD
        self.usernames: dict[int, str] = {}
        self.sources: dict[int, SourceData] = {}

    def batch(self, ids: list[int]) -> list[ArticleData]:
        rows = Article.objects.filter(pk__in=ids).order_by().values_list(*ARTICLE_COLUMNS)
        by_id = {row[0]: ArticleData(*row) for row in rows}
        caption_index: dict[int, int] = {}
        for article_id, pk, text, credit in (
            ImageCaption.objects.filter(article_id__in=ids)
            .order_by("article_id", "position", "id")
            .values_list("article_id", "id", "text", "credit")
        ):
            article = by_id[article_id]
            caption_index[pk] = len(article.captions)
            article.captions.append((text, credit))
            article.caption_ids.append(pk)

        # The status is checked here, not in SQL: given "status = 'accepted'", SQLite picks the
        # status index and reads every accepted annotation of the database for each batch.
        spans = Annotation.objects.filter(article_id__in=ids)
        links = Attribution.objects.filter(claim__article_id__in=ids)
        span_rows = _raw_rows(spans.order_by().values_list(*_ANNOTATION_COLUMNS))
        if self.approved_only:
            accepted = Annotation.Status.ACCEPTED.value
            span_rows = [row for row in span_rows if row[_SPAN_STATUS] == accepted]
        link_rows = (
            _raw_rows(links.order_by().values_list(*_ATTRIBUTION_COLUMNS)) if span_rows else []
        )
        usernames = self._usernames(
            {row[_SPAN_AUTHOR] for row in span_rows} | {row[_LINK_AUTHOR] for row in link_rows}
        )
        entry_ids = {row[_SPAN_ENTRY] for row in span_rows if row[_SPAN_ENTRY] is not None} | {
            row[_LINK_ENTRY] for row in link_rows if row[_LINK_ENTRY] is not None
        }
        sources = self._sources(entry_ids)

        tags = self.tags
        to_uuid = _uuid_text
        to_datetime = _DateTimes(spans.db)
        exported: dict[int, tuple[int, str]] = {}  # pk -> (article id, client id)
        for (
            pk,
            article_id,
            client_id,
            target,
            caption_id,
            start,
            end,
            quote,
            prefix,
            suffix,
            tag_id,
            note,
            author_id,
            status,
            entry_id,
            created,
            updated,
        ) in span_rows:
            tag_name, tag_role = tags.get(tag_id) or self._tag(tag_id)
            client_id = to_uuid(client_id)
            by_id[article_id].annotations.append(
                AnnotationData(
                    pk,
                    client_id,
                    target,
                    None if caption_id is None else caption_index[caption_id],
                    start,
                    end,
                    quote,
                    prefix,
                    suffix,
                    tag_name,
                    tag_role,
                    note,
                    usernames.get(author_id, ""),
                    status,
                    None if entry_id is None else sources[entry_id].name,
                    to_datetime(created),
                    to_datetime(updated),
                )
            )
            exported[pk] = (article_id, client_id)

        fragments: dict[int, list[int]] = {}
        for row in link_rows:
            if row[_LINK_FRAGMENT] is not None:
                fragments.setdefault(row[0], []).append(row[_LINK_FRAGMENT])
        seen: set[int] = set()
        for pk, claim_id, span_id, entry_id, cue_id, author_id, implicit, _ in link_rows:
            if pk in seen:  # a further row of an attribution in several fragments
                continue
            seen.add(pk)
            claim = exported.get(claim_id)
            if claim is None:
                continue
            article_id = claim[0]
            source_span = exported.get(span_id) if span_id is not None else None
            if span_id is not None and (source_span is None or source_span[0] != article_id):
                continue  # source span not exported (or, against the rules, elsewhere)
            cue = exported.get(cue_id) if cue_id is not None else None
            further = [
                fragment[1]
                for f in fragments.get(pk, ())
                if (fragment := exported.get(f)) is not None and fragment[0] == article_id
            ]
            by_id[article_id].attributions.append(
                AttributionData(
                    pk,
                    claim[1],
                    None if source_span is None else source_span[1],
                    None if entry_id is None else sources[entry_id].name,
                    cue[1] if cue is not None and cue[0] == article_id else None,
                    usernames.get(author_id, ""),
                    further,
                    bool(implicit),
                )
            )

        source_by_name = {sources[pk].name: sources[pk] for pk in entry_ids}
        out = []
        for article_id in ids:
            found = by_id.get(article_id)
            if found is None:  # deleted since the ids were read
                continue
            _finish(found, source_by_name)
            out.append(found)
        return out

    def _tag(self, tag_id: int) -> tuple[str, str]:
        """A tag made during the export: read it and remember it."""
        name, role = Tag.objects.values_list("name", "role").get(pk=tag_id)
        self.tags[tag_id] = (name, role)
        return name, role

    def _usernames(self, ids: set[int]) -> dict[int, str]:
        missing = ids - self.usernames.keys()
        if missing:
            if len(self.usernames) > _CACHE_LIMIT:
                self.usernames = {}
                missing = ids
            self.usernames.update(
                self.User._default_manager.filter(pk__in=missing).values_list(
                    "pk", self.username_field
                )
            )
        return self.usernames

    def _sources(self, ids: set[int]) -> dict[int, SourceData]:
        missing = ids - self.sources.keys()
        if missing:
            if len(self.sources) > _CACHE_LIMIT:
                self.sources = {}
                missing = ids
            new = {
                pk: SourceData(name, kind, description, [])
                for pk, name, kind, description in Source.objects.filter(
                    pk__in=missing
                ).values_list("pk", "name", "kind", "description")
            }
            for source_id, alias in SourceAlias.objects.filter(source_id__in=missing).values_list(
                "source_id", "alias"
            ):
                new[source_id].aliases.append(alias)
            for source in new.values():
                source.aliases.sort()
            self.sources.update(new)
        return self.sources


def _raw_rows(queryset: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """The rows of a values_list queryset as the database driver returns them, in the
    queryset's column order.

    A values_list queryset passes every value of every row through the fields' converters (for
    an annotation: a UUID object for its client id, time zone checks on two datetimes), which
    costs as much again as reading the rows. The three columns that need it are converted by
    `_uuid_text` and `_DateTimes` instead, straight to what the exporters use."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _uuid_text(value: Any) -> str:
    """A UUID as the drivers give it (SQLite: 32 hex digits; PostgreSQL: uuid.UUID) in its
    canonical form: lower case, with hyphens."""
    if isinstance(value, str) and len(value) == 32:
        value = value.lower()
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(uuid.UUID(str(value)))


class _DateTimes:
    """Aware datetimes from what the driver gives: PostgreSQL an aware datetime; SQLite a naive
    one (parsed by the converter Django registers with the sqlite3 module), or the stored text,
    in the connection's time zone (UTC unless DATABASES sets TIME_ZONE)."""

    __slots__ = ("tz",)

    def __init__(self, alias: str) -> None:
        self.tz = connections[alias].timezone

    def __call__(self, value: Any) -> datetime:
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=self.tz)
        return value


def _finish(article: ArticleData, source_by_name: dict[str, SourceData]) -> None:
    """Sort the article's annotations and attributions as native.md orders them and list the
    registry entries they name."""
    spans = article.annotations
    spans.sort(key=lambda s: (TARGET_RANK[s.target], s.caption or 0, s.start, -s.end, s.client_id))
    names = {s.source for s in spans if s.source is not None}
    if article.attributions:
        position = {s.client_id: i for i, s in enumerate(spans)}
        for link in article.attributions:
            if len(link.fragments) > 1:
                link.fragments.sort(key=position.__getitem__)
        article.attributions.sort(
            key=lambda a: (
                position[a.claim],
                -1 if a.source_span is None else position[a.source_span],
                (0, "") if a.source is None else (1, a.source),
                -1 if a.cue is None else position[a.cue],
                a.id,
            )
        )
        names.update(a.source for a in article.attributions if a.source is not None)
    if names:
        article.sources = [source_by_name[name] for name in sorted(names)]


def count_annotations(articles: QuerySet[Article], *, approved_only: bool = True) -> int:
    """How many annotations `load_articles` would yield for these articles (for progress)."""
    spans = Annotation.objects.filter(article_id__in=articles.order_by().values("pk"))
    if approved_only:
        spans = spans.filter(status=Annotation.Status.ACCEPTED)
    return spans.count()
