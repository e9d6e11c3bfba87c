"""The saver's loop: takes records as they come, checks each, holds one batch, writes it.

Per batch of `batch_size` articles: the matching queries (matching.py), one insert of the new
articles and one of their captions (insert.py), then what annotated records bring
(annotated.py), and the counts. A record that shares a key with one held already flushes the
batch first, so that it is matched against it exactly as if the two came in separate runs.
The articles a batch wrote (new and updated) are handed to suggestions.tasks, which queues
their attribution suggestions for when the import commits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.utils import timezone

from annotations.models import Source
from articles import content
from articles.models import Article, ImageCaption
from suggestions.tasks import enqueue_suggestions

from ..records import ArticleRecord, RecordError
from .annotated import AnnotatedWriter
from .checks import check_article
from .insert import ARTICLE_COLUMNS, CAPTION_COLUMNS, Insert
from .matching import decide
from .pending import CHANGED, NEW, UPDATE, Pending
from .preview import Preview
from .spans import SpanChecker

if TYPE_CHECKING:
    from .run import ImportResult

type Progress = Callable[[int, int], None]


class Writer:
    """Checks records as they come, holds one batch, and writes it."""

    def __init__(
        self,
        result: ImportResult,
        user: User | None,
        batch_size: int,
        progress: Progress | None,
        preview_limit: int,
    ) -> None:
        self.result = result
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.preview_limit = max(0, preview_limit)
        self.pending: list[Pending] = []
        self.keys: set[tuple[str, str]] = set()
        self.identities: dict[tuple[str, str, str], Pending] = {}
        self.read_since_flush = 0
        # The registry, read once: the checks and the writes both need its names.
        source_ids: dict[str, int] = dict(Source.objects.values_list("name", "id"))
        self.spans = SpanChecker(user, set(source_ids))
        self.preview = Preview(result, preview_limit)
        self.annotated = AnnotatedWriter(result, user, source_ids)
        self.insert_article = Insert(Article, ARTICLE_COLUMNS)
        self.insert_caption = Insert(ImageCaption, CAPTION_COLUMNS)

    # --- reading ---------------------------------------------------------------------------

    def add(self, item: ArticleRecord | RecordError) -> None:
        self.result.total += 1
        self.read_since_flush += 1
        if isinstance(item, RecordError):
            self.preview.fail([item], origin=f"{item.file}:{item.line}", title="")
        else:
            problems: list[str] = []
            pending = check_article(item, self.spans, problems)
            if problems:
                self.preview.fail(
                    [item.error(p) for p in problems],
                    origin=item.origin,
                    title=pending.title or item.title[:200],
                )
            else:
                body = pending.body
                paragraphs = body.count(content.PARAGRAPH_SEPARATOR) + 1 if body else 0
                pending.row = self.preview.row(
                    item.origin, pending.title, len(pending.captions), paragraphs,
                    len(item.annotations),
                )  # fmt: skip
                self._hold(pending)
        if len(self.pending) >= self.batch_size or self.read_since_flush >= self.batch_size:
            self.flush()

    def _hold(self, pending: Pending) -> None:
        leader = self.identities.get(pending.identity)
        if leader is not None:
            # The same keys as a record of this batch: it goes the way that one goes.
            pending.leader = leader
            self.pending.append(pending)
            return
        if not self.keys.isdisjoint(pending.keys):
            # Shares some keys with a record of this batch: write that one first, so this one
            # is matched against it exactly as if the two had come in separate runs.
            self.flush()
        self.pending.append(pending)
        self.keys |= pending.keys
        self.identities[pending.identity] = pending

    # --- writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        read, self.read_since_flush = self.read_since_flush, 0
        self.keys = set()
        self.identities = {}
        if pending:
            self._write(pending)
        if read and self.progress is not None:
            self.progress(self.result.total, self.result.failed)

    def _write(self, batch: list[Pending]) -> None:
        now = timezone.now()
        decide(batch, now)
        fresh = [p for p in batch if p.outcome == NEW]
        if fresh:
            insert = self.insert_article
            stamp = insert.prepare("created", now)
            ids = insert(
                [
                    (
                        p.title,
                        p.body,
                        p.outlet,
                        p.byline,
                        p.url,
                        insert.prepare("published", p.published),
                        p.external_id,
                        p.content_hash,
                        1,
                        p.status,
                        stamp,
                        stamp,
                    )
                    for p in fresh
                ]
            )
            for p, pk in zip(fresh, ids, strict=True):
                p.article_id = pk
        written = [p for p in batch if p.outcome in (NEW, UPDATE)]
        caption_ids = self._write_captions(written)
        self.annotated.write_sources([p for p in batch if p.outcome])
        self.annotated.write_spans(written, caption_ids, now)
        # The articles this batch wrote get suggestions in the background once the import
        # commits; a dry run or a rolled-back import discards the callback with its rows.
        enqueue_suggestions(p.article_id for p in written if p.article_id is not None)
        result = self.result
        for p in batch:
            if p.leader is not None:
                p.article_id = p.leader.article_id
            if p.outcome != NEW:
                self.preview.explain(p)
            if p.outcome == NEW:
                result.created += 1
                if len(result.titles) < self.preview_limit:
                    result.titles.append(p.title)
            elif p.outcome == UPDATE:
                result.updated += 1
            elif p.outcome == CHANGED:
                result.changed += 1
            else:
                result.skipped += 1
            if p.row is not None:
                p.row["status"] = p.outcome

    def _write_captions(self, written: list[Pending]) -> dict[int, list[int]]:
        rows = [
            (p.article_id, position, text, credit)
            for p in written
            for position, (text, credit) in enumerate(p.captions)
        ]
        if not rows:
            return {}
        if not any(span.caption is not None for p in written for span in p.spans):
            self.insert_caption.without_keys(rows)  # no span points at a caption
            return {}
        ids = iter(self.insert_caption(rows))
        return {id(p): [next(ids) for _ in p.captions] for p in written if p.captions}
