"""Which stored article a record is, and what becomes of it: new, duplicate, update or
changed (docs/import.md, "Matching").

A record is compared with the stored articles, and with the records before it in the same
run, by external id, then URL (unless the stored article carries another external id), then
content hash. Per batch: one query per key kind (each served by an index), then each record is
decided in order as if each were saved on its own; an update is written here, at once, so the
records after it see the new text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import F

from annotations.models import Annotation
from annotations.workflow import is_locked
from articles.models import Article, ImageCaption

from .pending import CHANGED, DUPLICATE, NEW, UPDATE, Pending, Stored


def decide(batch: list[Pending], now: datetime) -> None:
    """Each record's outcome (and the stored article it is), in order, as if each had been
    saved on its own; an unannotated, unapproved article whose text changed is updated here."""
    stored = _Index(_stored(batch))
    candidates = [
        match.id
        for p in batch
        if p.leader is None
        and (match := stored.match(p)) is not None
        and match.content_hash != p.content_hash
    ]
    annotated = _annotated(candidates)
    for p in batch:
        if p.leader is not None:
            p.outcome = CHANGED if p.leader.outcome == CHANGED else DUPLICATE
            continue
        match = stored.match(p)
        if match is None:
            p.outcome = NEW
            continue
        p.article_id = match.id
        if match.content_hash == p.content_hash:
            p.outcome = DUPLICATE
            continue
        if match.id not in annotated:
            annotated |= _annotated([match.id])  # matched only after an earlier update
        if match.id in annotated or is_locked(match.status):
            # Annotations anchor to the stored text, and an approved article is read-only
            # until a reviewer reopens it (annotations.workflow): reported, never overwritten.
            p.outcome = CHANGED
            p.approved = is_locked(match.status)
        else:
            p.outcome = UPDATE
            _update(p, match, now)
            stored.updated(match, p)


def _stored(batch: list[Pending]) -> list[Stored]:
    """The stored articles that share a key with a record of the batch: one query per key
    kind (each uses an index), in chunks the database accepts."""
    wanted: dict[str, set[str]] = {"content_hash": set(), "external_id": set(), "url": set()}
    for p in batch:
        if p.leader is None:
            for kind, value in p.keys:
                wanted[kind].add(value)
    limit = min(connection.features.max_query_params or 5000, 5000)
    rows: dict[int, Stored] = {}
    for kind, values in wanted.items():
        ordered = sorted(values)
        for start in range(0, len(ordered), limit):
            query = Article.objects.filter(**{f"{kind}__in": ordered[start : start + limit]})
            if kind != "content_hash":
                query = query.exclude(**{kind: ""})  # the partial indexes need this
            for row in query.order_by().values_list(
                "id", "external_id", "url", "content_hash", "status"
            ):
                rows[row[0]] = Stored(*row)
    return sorted(rows.values(), key=lambda row: row.id)


def _update(p: Pending, match: Stored, now: datetime) -> None:
    """Replace an unannotated article's text, captions and the metadata the record has."""
    fields: dict[str, Any] = {
        "title": p.title,
        "body": p.body,
        "content_hash": p.content_hash,
        "revision": F("revision") + 1,
        "updated": now,
    }
    for name in ("outlet", "byline", "url", "published", "external_id"):
        value = getattr(p, name)
        if value:
            fields[name] = value
    Article.objects.filter(pk=match.id).update(**fields)
    ImageCaption.objects.filter(article_id=match.id).delete()


class _Index:
    """The stored articles of a batch, by key, kept current as the batch updates them."""

    def __init__(self, rows: list[Stored]) -> None:
        self.by_external_id: dict[str, Stored] = {}
        self.by_url: dict[str, list[Stored]] = {}
        self.by_hash: dict[str, Stored] = {}
        for row in rows:
            self._add(row)

    def _add(self, row: Stored) -> None:
        if row.external_id:
            self.by_external_id[row.external_id] = row
        if row.url:
            self.by_url.setdefault(row.url, []).append(row)
        self.by_hash.setdefault(row.content_hash, row)

    def match(self, p: Pending) -> Stored | None:
        if p.external_id and (row := self.by_external_id.get(p.external_id)):
            return row
        if p.url:
            # The same URL under another external id is another article (a correction, a
            # live page re-published): not a match. Same text wins among several.
            rows = [
                r
                for r in self.by_url.get(p.url, ())
                if not (r.external_id and p.external_id and r.external_id != p.external_id)
            ]
            if rows:
                return next((r for r in rows if r.content_hash == p.content_hash), rows[0])
        return self.by_hash.get(p.content_hash)

    def updated(self, row: Stored, p: Pending) -> None:
        """`row` now holds the text of `p`: later records must see the new keys, not the old."""
        if self.by_external_id.get(row.external_id) is row:
            del self.by_external_id[row.external_id]
        if row.url:
            self.by_url[row.url] = [r for r in self.by_url[row.url] if r is not row]
        if self.by_hash.get(row.content_hash) is row:
            del self.by_hash[row.content_hash]
        row.content_hash = p.content_hash
        row.url = p.url or row.url
        row.external_id = p.external_id or row.external_id
        self._add(row)


def _annotated(article_ids: list[int]) -> set[int]:
    """Which of these articles have annotations (deleted ones kept for undo count too)."""
    if not article_ids:
        return set()
    return set(
        Annotation.all_objects.filter(article_id__in=article_ids)
        .order_by()
        .values_list("article_id", flat=True)
        .distinct()
    )
