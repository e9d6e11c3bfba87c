"""suggestions.tasks: suggesting in the background, queued after every import for the articles
it wrote (in chunks, once the import commits) and run by django-tasks-db's worker."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from suggestions import tasks
from suggestions.models import Suggestion
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BODY = "The port authority said that the quay would reopen.\n\nPrices rose, analysts said."


def queued() -> list[list[int]]:
    """The article ids of each queued suggestion task, in the order queued."""
    path = f"{tasks.suggest_for_articles.module_path}"
    rows = DBTaskResult.objects.filter(task_path=path).order_by("enqueued_at")
    return [row.args_kwargs["args"][0] for row in rows]


@pytest.fixture
def run_worker(monkeypatch):
    """django-tasks-db's own worker, `db_worker --batch`, kept from closing the test's
    connection (as in tests/interchange/conftest.py)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def jsonl(tmp_path: Path, *titles: str) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"title": title, "body": BODY}) for title in titles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_task_stores_suggestions_and_returns_its_counts():
    """Called with article ids, the task runs the engine on them and stores the results."""
    article = make_article(title="Quay news", body=BODY)
    counts = tasks.suggest_for_articles.call([article.pk])
    assert counts["articles"] == 1
    assert counts["created"] == Suggestion.objects.filter(article=article).count() == 2


def test_a_task_delivered_twice_leaves_one_set():
    """Idempotent: running the same task again replaces its own pending suggestions."""
    article = make_article(title="Quay news", body=BODY)
    tasks.suggest_for_articles.call([article.pk])
    tasks.suggest_for_articles.call([article.pk])
    assert Suggestion.objects.filter(article=article).count() == 2


def test_ids_are_queued_in_chunks_only_once_the_transaction_commits(
    monkeypatch, django_capture_on_commit_callbacks
):
    """enqueue_suggestions queues nothing until commit, then one task per TASK_CHUNK ids,
    sorted and without repeats."""
    monkeypatch.setattr(tasks, "TASK_CHUNK", 2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert tasks.enqueue_suggestions([5, 3, 1, 3, 9]) == 2
        assert queued() == []
    assert len(callbacks) == 2
    assert queued() == [[1, 3], [5, 9]]


def test_an_import_queues_suggestions_for_the_articles_it_wrote_only(
    tmp_path, django_capture_on_commit_callbacks, run_worker
):
    """After an import commits, its new articles (not the duplicates it skipped, nor articles
    already there) are queued; the worker then stores their suggestions."""
    before = make_article(title="Already here", body=BODY)
    path = jsonl(tmp_path, "One", "Two", "One")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(path), "--no-progress", stdout=io.StringIO())
    imported = sorted(Article.objects.exclude(pk=before.pk).values_list("pk", flat=True))
    assert len(imported) == 2
    assert queued() == [imported]
    run_worker()
    assert set(Suggestion.objects.values_list("article_id", flat=True)) == set(imported)


def test_a_dry_run_or_a_rolled_back_import_queues_nothing(
    tmp_path, django_capture_on_commit_callbacks
):
    """A dry run writes its rows and rolls them back: its callbacks go with them."""
    path = jsonl(tmp_path, "One", "Two")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command(
            "import_articles", str(path), "--dry-run", "--no-progress", stdout=io.StringIO()
        )
    assert callbacks == []
    assert queued() == []


def test_suggestion_tasks_wait_behind_imports_and_exports():
    """Their priority is below the default, so a job someone waits for runs first."""
    assert tasks.suggest_for_articles.priority < 0
