"""annotations.workflow, the rules added for approval (issue 10): approving with pending work
needs a confirmation that says how much, a reviewer reopens an approved article, and an approved
article is locked against changes. The older rules are tested with their endpoint in
tests/annotations/views/test_review.py."""

from __future__ import annotations

import itertools

import pytest

from annotations import workflow
from annotations.models import Annotation, ArticleReview
from articles.models import Article
from suggestions.models import Suggestion
from tests.factories import make_annotation, make_article, make_user

S = Article.Status
E, R = {workflow.EDITOR}, {workflow.REVIEWER}
_fingerprints = itertools.count(1)


def make_suggestion(article: Article, status: str = Suggestion.Status.PENDING) -> Suggestion:
    """A stored suggestion; only its article and status matter here."""
    return Suggestion.objects.create(
        article=article,
        cue_span=[4, 12],
        content_spans=[[13, 20]],
        origin="test",
        confidence=0.9,
        fingerprint=f"fp{next(_fingerprints)}",
        status=status,
    )


@pytest.fixture
def ready_article(db):
    """A ready article with one pending and one accepted annotation."""
    article = make_article()
    make_annotation(article, "Claim", quote="the bridge would open")
    make_annotation(article, "Source", quote="The minister", status=Annotation.Status.ACCEPTED)
    Article.objects.filter(pk=article.pk).update(status=S.READY)
    article.refresh_from_db()
    return article


# --- Pure rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("annotations", "suggestions", "message"),
    [
        (45, 3, "45 annotations and 3 suggestions are still pending"),
        (1, 1, "1 annotation and 1 suggestion are still pending"),
        (2, 0, "2 annotations and 0 suggestions are still pending"),
    ],
)
def test_pending_message_says_how_many_of_each(annotations, suggestions, message):
    """The confirmation names both counts, singular or plural as they fall."""
    assert workflow.pending_message(annotations, suggestions) == message


def test_reopen_is_a_reviewers_step_from_approved_to_ready():
    """Reopening takes an approved article back to ready for review; only reviewers may."""
    assert workflow.check("reopen", S.APPROVED, roles=R, annotated=False).target == S.READY
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check("reopen", S.APPROVED, roles=E, annotated=True)
    assert refused.value.code == "forbidden"


@pytest.mark.parametrize("start", [S.NEW, S.IN_ANNOTATION, S.READY, S.SENT_BACK])
def test_reopen_only_from_approved(start):
    """Only an approved article can be reopened."""
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check("reopen", start, roles=R, annotated=True)
    assert refused.value.code == "status"


@pytest.mark.parametrize(
    ("before", "after", "verb"),
    [
        (S.IN_ANNOTATION, S.READY, "Marked ready"),
        (S.SENT_BACK, S.READY, "Marked ready"),
        (S.APPROVED, S.READY, "Reopened"),
        (S.READY, S.APPROVED, "Approved"),
        (S.READY, S.SENT_BACK, "Sent back"),
        (S.NEW, S.APPROVED, ""),
    ],
)
def test_history_verb_depends_on_where_the_step_started(before, after, verb):
    """Two steps lead to "ready": the history line tells them apart by where they started."""
    assert workflow.verb_for(before, after) == verb


@pytest.mark.parametrize("status", [S.NEW, S.IN_ANNOTATION, S.READY, S.SENT_BACK])
def test_only_approved_articles_are_locked(status):
    """Every status but approved accepts changes."""
    workflow.ensure_editable(status, E)
    assert not workflow.is_locked(status)


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        (E, "This article is approved; ask a reviewer to reopen it."),
        (set(), "This article is approved; ask a reviewer to reopen it."),
        (R, "This article is approved: reopen it before changing it."),
    ],
)
def test_approved_article_is_locked_with_a_message_per_role(roles, message):
    """An approved article refuses changes; the message says who can lift the lock."""
    with pytest.raises(workflow.ArticleLocked) as locked:
        workflow.ensure_editable(S.APPROVED, roles)
    assert locked.value.message == message


# --- Counting and the service ------------------------------------------------------------------


def test_pending_work_counts_live_pending_annotations_and_pending_suggestions(ready_article):
    """Deleted annotations and decided suggestions are not pending work; other articles'
    rows do not count."""
    gone = make_annotation(ready_article, "Cue", quote="said")
    gone.mark_deleted()
    make_suggestion(ready_article)
    make_suggestion(ready_article)
    make_suggestion(ready_article, Suggestion.Status.REJECTED)
    other = make_article()
    make_annotation(other, "Claim", quote="less sure")
    make_suggestion(other)
    assert workflow.pending_work(ready_article.pk) == (1, 2)


def test_approving_with_pending_work_needs_confirmation(ready_article):
    """Unconfirmed, the approval is refused with the counts and nothing is written."""
    make_suggestion(ready_article)
    reviewer = make_user(role="reviewer")
    with pytest.raises(workflow.NeedsConfirmation) as asked:
        workflow.transition(ready_article, "approve", reviewer, roles=R)
    assert (asked.value.annotations, asked.value.suggestions) == (1, 1)
    assert asked.value.code == "confirm"
    assert Article.objects.get(pk=ready_article.pk).status == S.READY
    assert not ArticleReview.objects.exists()


def test_confirmed_approval_with_pending_work_is_taken(ready_article):
    """Confirmed, the approval goes through and is recorded; the pending work stays pending."""
    reviewer = make_user(role="reviewer")
    workflow.transition(ready_article, "approve", reviewer, roles=R, confirmed=True)
    assert Article.objects.get(pk=ready_article.pk).status == S.APPROVED
    assert ArticleReview.objects.get().to_status == S.APPROVED
    assert workflow.pending_work(ready_article.pk) == (1, 0)


def test_approving_with_nothing_pending_needs_no_confirmation(ready_article):
    """With every annotation decided and no open suggestion, approving is one step."""
    Annotation.objects.filter(article=ready_article).update(status=Annotation.Status.REJECTED)
    make_suggestion(ready_article, Suggestion.Status.ACCEPTED)
    workflow.transition(ready_article, "approve", make_user(role="reviewer"), roles=R)
    assert Article.objects.get(pk=ready_article.pk).status == S.APPROVED


def test_reopen_keeps_the_history(ready_article):
    """Approve then reopen: two rows, the approval still there, the article ready again."""
    reviewer = make_user(role="reviewer")
    workflow.transition(ready_article, "approve", reviewer, roles=R, confirmed=True)
    workflow.transition(ready_article, "reopen", reviewer, roles=R)
    assert ready_article.status == S.READY
    rows = ArticleReview.objects.order_by("id").values_list("from_status", "to_status")
    assert list(rows) == [(S.READY, S.APPROVED), (S.APPROVED, S.READY)]
