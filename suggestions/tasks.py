"""Suggesting in the background (Django's tasks framework; django-tasks-db's worker runs it):
after every import, for the articles it wrote, and on demand (the admin's actions).

The task takes article ids and runs `suggestions.runs.suggest_articles` on them. It needs no
claim like interchange's jobs: a run stores the engine's suggestions per article in one
transaction and replaces its own unreviewed ones, so a task delivered twice, retried after a
killed worker, or overlapping another run leaves exactly one set of suggestions per article.

Ids go in chunks of `TASK_CHUNK`, so one task stays short (seconds) and a 10,000-article import
becomes a queue several workers can share. The task's priority is below the default: an import
or export queued meanwhile runs first, since someone is waiting for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.tasks import task

from .runs import suggest_articles

logger = logging.getLogger(__name__)

TASK_CHUNK = 500
PRIORITY = -10


@task(priority=PRIORITY)
def suggest_for_articles(article_ids: list[int]) -> dict[str, int]:
    """Suggest for these articles and store the results; returns the counts (kept with the
    task's result)."""
    result = suggest_articles(article_ids)
    logger.info("suggestions for %s article(s): %s", len(article_ids), result.summary())
    return result.as_dict()


def enqueue_suggestions(article_ids: Iterable[int]) -> int:
    """Queue suggestion tasks for these articles, `TASK_CHUNK` ids each, once the current
    transaction commits (at once outside one); nothing when it rolls back (a dry run, a failed
    import). Returns how many tasks will be queued."""
    ids = sorted({pk for pk in article_ids if pk is not None})
    chunks = [ids[start : start + TASK_CHUNK] for start in range(0, len(ids), TASK_CHUNK)]
    for chunk in chunks:
        transaction.on_commit(partial(suggest_for_articles.enqueue, chunk))
    return len(chunks)
