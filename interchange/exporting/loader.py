"""What every exporter reads: plain-data snapshots of articles, streamed in batches.

The writers (one module per format in this package) are pure Python: they take an iterable of
`ArticleData` and yield text (or bytes), and never touch the ORM. This module is the one place
that reads the database for an export.

`load_articles(articles, approved_only=True, batch_size=200)` walks the ids of a queryset
lazily and, per batch of `batch_size` articles, runs a fixed handful of ``values_list`` queries
(articles, captions, live annotations, attributions; usernames and registry entries with their
aliases only for ids not seen in earlier batches), the two big ones read as plain driver rows
(`_raw_rows`). Only one batch is held at a time, so memory
does not grow with the size of the export; tags, usernames and registry entries are cached
(their number is that of the configuration, not of the export).

Contract (kept stable: the brat, spaCy, download and background-export code build on it):

ArticleData
    id (pk), external_id, url, title, outlet, byline, published (aware datetime or None),
    status (workflow status), body (canonical text), captions: list of (text, credit) in display
    order, annotations, attributions, sources, caption_ids: the captions' pks in the same order
    (for the page's element ids; `caption` indexes below refer to positions, not pks).
    `text(target, caption)` gives the text an annotation points into.
AnnotationData
    id (pk), client_id (UUID string, lower case with hyphens), target ("title" | "body" |
    "caption"), caption (index into captions, or None), start, end (code points, see
    docs/offsets.md), quote, prefix, suffix, tag (name), tag_role (Tag.Role value), note
    (sanitised HTML), author (username), status ("pending" | "accepted" | "rejected"), source
    (registry entry name of a Source span, or None), created, updated (aware datetimes).
    Order: reading order: title, captions by index, body; then start, end descending (an
    enclosing span first), then client_id. Deleted annotations are never loaded.
AttributionData
    id (pk), claim (the claim's client_id), source_span (client_id or None), source (the
    attribution's own registry entry name, or None), cue (client_id or None), author (username).
    Only links whose claim and source span are both exported are kept; a cue that is not
    exported (e.g. pending while only accepted annotations are exported) becomes None, as when
    a cue is deleted. Order: by the claim's position, the source span's (None first), source
    name (None first), the cue's (None first), then pk: exactly native.md's order.
SourceData
    name, kind, description, aliases (sorted by code point). ArticleData.sources lists the
    registry entries its annotations and attributions name, each once, sorted by name. The
    instances are shared between articles: treat them as read-only.

`note_text(note)` is a note as plain text, for formats that do not carry HTML.

`flat_text(article)` lays an article's texts end to end (title, captions, body, separated by
a blank line) for formats that annotate one text per document (doccano, Label Studio, brat).

`count_annotations(articles)` is how many annotations `load_articles` would give (for progress
bars). Which articles a set holds is `AnnotatedSet.articles()`.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import QuerySet

from annotations.models import Annotation, Attribution, Source, SourceAlias, Tag
from articles import content
from articles.models import Article, ImageCaption

BATCH_SIZE = 200
# Reading order of targets (docs/formats/native.md): title, captions, body.
_RANK = {"title": 0, "caption": 1, "body": 2}
# Bounds on the caches that live for one export: a registry or user table far larger than
# this is refetched per batch rather than held whole.
_CACHE_LIMIT = 50_000
SEPARATOR = "\n\n"


@dataclass(slots=True)
class SourceData:
    name: str
    kind: str
    description: str
    aliases: list[str]


@dataclass(slots=True)
class AnnotationData:
    id: int
    client_id: str
    target: str
    caption: int | None
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    tag: str
    tag_role: str
    note: str
    author: str
    status: str
    source: str | None
    created: datetime
    updated: datetime


@dataclass(slots=True)
class AttributionData:
    id: int
    claim: str
    source_span: str | None
    source: str | None
    cue: str | None
    author: str


@dataclass(slots=True)
class ArticleData:
    id: int
    external_id: str
    url: str
    title: str
    outlet: str
    byline: str
    published: datetime | None
    status: str
    body: str
    captions: list[tuple[str, str]] = field(default_factory=list)
    annotations: list[AnnotationData] = field(default_factory=list)
    attributions: list[AttributionData] = field(default_factory=list)
    sources: list[SourceData] = field(default_factory=list)
    caption_ids: list[int] = field(default_factory=list)

    def text(self, target: str, caption: int | None = None) -> str:
        """The canonical text a span of `target` (and caption index) points into."""
        if target == "title":
            return self.title
        if target == "body":
            return self.body
        if target == "caption" and caption is not None:
            return self.captions[caption][0]
        raise ValueError(f"no text for target {target!r}, caption {caption!r}")


@dataclass(slots=True)
class FlatText:
    """An article's texts end to end: `text`, and where each part starts in it."""

    text: str
    # (target, caption index or None, start in `text`, end in `text`), in reading order.
    parts: list[tuple[str, int | None, int, int]]

    def offset(self, target: str, caption: int | None = None) -> int:
        """Where the text of `target` (caption index) starts in `text`."""
        for part_target, part_caption, start, _ in self.parts:
            if part_target == target and part_caption == caption:
                return start
        raise ValueError(f"no part {target!r}, caption {caption!r}")


def flat_text(article: ArticleData, separator: str = SEPARATOR) -> FlatText:
    """Title, then each caption, then the body, joined by `separator` (a blank line): a span
    of part P at [start, end) is at [start + offset(P), end + offset(P)) in the result."""
    pieces = [("title", None, article.title)]
    pieces += [("caption", i, text) for i, (text, _) in enumerate(article.captions)]
    pieces.append(("body", None, article.body))
    parts: list[tuple[str, int | None, int, int]] = []
    position = 0
    for target, caption, text in pieces:
        parts.append((target, caption, position, position + len(text)))
        position += len(text) + len(separator)
    return FlatText(separator.join(text for _, _, text in pieces), parts)


_BREAK = re.compile(r"<(?:br|/p|/li|/blockquote)\b[^>]*>", re.IGNORECASE)


def note_text(note: str) -> str:
    """A note (sanitised HTML) as one line of plain text, for formats without HTML: tags
    removed, entities decoded, a space where a paragraph, item or line ends."""
    if not note:
        return ""
    if "<" not in note and "&" not in note:
        return content.canonical_line(note)
    return content.html_to_text(_BREAK.sub(" ", note))


# --- Loading -----------------------------------------------------------------------------------

_ARTICLE_FIELDS = (
    "id",
    "external_id",
    "url",
    "title",
    "outlet",
    "byline",
    "published",
    "status",
    "body",
)
_ATTRIBUTION_FIELDS = ("id", "claim_id", "source_span_id", "source_entry_id", "cue_id", "author_id")
_ANNOTATION_FIELDS = (
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
        rows = Article.objects.filter(pk__in=ids).order_by().values_list(*_ARTICLE_FIELDS)
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
        span_rows = _raw_rows(spans.order_by().values_list(*_ANNOTATION_FIELDS))
        if self.approved_only:
            accepted = Annotation.Status.ACCEPTED.value
            span_rows = [row for row in span_rows if row[13] == accepted]
        link_rows = (
            _raw_rows(links.order_by().values_list(*_ATTRIBUTION_FIELDS)) if span_rows else []
        )
        usernames = self._usernames({row[12] for row in span_rows} | {row[5] for row in link_rows})
        entry_ids = {row[14] for row in span_rows if row[14] is not None} | {
            row[3] for row in link_rows if row[3] is not None
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

        for pk, claim_id, span_id, entry_id, cue_id, author_id in link_rows:
            claim = exported.get(claim_id)
            if claim is None:
                continue
            article_id = claim[0]
            source_span = exported.get(span_id) if span_id is not None else None
            if span_id is not None and (source_span is None or source_span[0] != article_id):
                continue  # source span not exported (or, against the rules, elsewhere)
            cue = exported.get(cue_id) if cue_id is not None else None
            by_id[article_id].attributions.append(
                AttributionData(
                    pk,
                    claim[1],
                    None if source_span is None else source_span[1],
                    None if entry_id is None else sources[entry_id].name,
                    cue[1] if cue is not None and cue[0] == article_id else None,
                    usernames.get(author_id, ""),
                )
            )

        source_by_name = {sources[pk].name: sources[pk] for pk in entry_ids}
        out = []
        for article_id in ids:
            article = by_id.get(article_id)
            if article is None:  # deleted since the ids were read
                continue
            _finish(article, source_by_name)
            out.append(article)
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
    spans.sort(key=lambda s: (_RANK[s.target], s.caption or 0, s.start, -s.end, s.client_id))
    names = {s.source for s in spans if s.source is not None}
    if article.attributions:
        position = {s.client_id: i for i, s in enumerate(spans)}
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
