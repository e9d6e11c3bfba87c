"""Approval in the views (annotations.views.review and .spans, issue 10): the confirmation step
when work is pending, the reviewer's Reopen, and approved articles drawn and kept read-only.
The role × endpoint matrix for the lock is in tests/test_permissions.py."""

from __future__ import annotations

import html
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, ArticleReview, Tag
from articles.models import Article
from suggestions.models import Suggestion
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
S = Article.Status
LOCKED_FOR_EDITORS = "This article is approved; ask a reviewer to reopen it."


@pytest.fixture
def editor():
    return make_user("ed", role="editor")


@pytest.fixture
def reviewer():
    return make_user("rev", role="reviewer")


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def claim(article, editor):
    return make_annotation(article, "Claim", quote="the bridge would open", author=editor)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def set_status(article: Article, status: str) -> None:
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()


def status_of(article: Article) -> str:
    return Article.objects.values_list("status", flat=True).get(pk=article.pk)


def step(user, article: Article, name: str, data: dict | None = None, *, on: str = ""):
    url = reverse("annotations:workflow", args=[article.pk, name]) + on
    return client_for(user).post(url, data or {}, headers=HTMX)


def text_of(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def page(user, article: Article, name: str = "articles:detail") -> str:
    return client_for(user).get(reverse(name, args=[article.pk])).content.decode()


# --- Approving with pending work ----------------------------------------------------------------


def test_approve_with_pending_work_answers_a_confirmation_step(article, claim, reviewer):
    """The bar comes back with the counts and an "approve anyway" form (CSRF, confirm flag,
    htmx swap of the bar); nothing is written."""
    set_status(article, S.READY)
    Suggestion.objects.create(
        article=article,
        cue_span=[13, 17],
        content_spans=[[31, 52]],
        origin="test",
        confidence=0.8,
        fingerprint="x",
    )
    response = step(reviewer, article, "approve")
    assert response.status_code == 200
    assert "1 annotation and 1 suggestion are still pending. Approve anyway?" in text_of(response)
    body = response.content.decode()
    confirm = re.search(r'<div class="wf-confirm".*?</form>', body, re.S)
    assert confirm, "no confirmation form"
    url = reverse("annotations:workflow", args=[article.pk, "approve"])
    assert f'hx-post="{url}" hx-target="#workflow" hx-swap="outerHTML"' in confirm.group(0)
    assert 'name="csrfmiddlewaretoken"' in confirm.group(0)
    assert '<input type="hidden" name="confirm" value="on">' in confirm.group(0)
    assert f'href="{reverse("annotations:review_page", args=[article.pk])}?status=pending"' in body
    assert status_of(article) == S.READY
    assert not ArticleReview.objects.exists()


def test_confirmation_on_the_review_page_posts_back_to_the_review_page(article, claim, reviewer):
    """Asked from the review page, the confirm form keeps ?on=review like the bar's buttons."""
    set_status(article, S.READY)
    response = step(reviewer, article, "approve", on="?on=review")
    url = reverse("annotations:workflow", args=[article.pk, "approve"])
    assert f'hx-post="{url}?on=review"' in response.content.decode()


def test_confirmed_approve_approves_with_pending_work(article, claim, reviewer):
    """Posting the confirmation approves and says so; the annotation stays pending."""
    set_status(article, S.READY)
    response = step(reviewer, article, "approve", {"confirm": "on"})
    assert response.status_code == 200
    assert status_of(article) == S.APPROVED
    assert "Approved by rev" in text_of(response)
    assert Annotation.objects.get(pk=claim.pk).status == Annotation.Status.PENDING


# --- Reopening --------------------------------------------------------------------------------


def test_reviewer_is_offered_reopen_on_approved_article(article, claim, reviewer):
    """The bar on the article page and the review page offers a reviewer Reopen."""
    set_status(article, S.APPROVED)
    url = reverse("annotations:workflow", args=[article.pk, "reopen"])
    assert f'hx-post="{url}"' in page(reviewer, article)
    assert f'hx-post="{url}?on=review"' in page(reviewer, article, "annotations:review_page")


def test_editor_is_not_offered_reopen_and_is_told_who_can(article, claim, editor):
    """An editor sees no Reopen button, and the bar says a reviewer can reopen it."""
    set_status(article, S.APPROVED)
    body = page(editor, article)
    assert reverse("annotations:workflow", args=[article.pk, "reopen"]) not in body
    assert "ask a reviewer to reopen it" in body


def test_reviewer_reopens_approved_article_keeping_the_history(article, claim, reviewer):
    """Reopen: back to ready, a second history row, and the bar says who reopened it."""
    set_status(article, S.READY)
    step(reviewer, article, "approve", {"confirm": "on"})
    response = step(reviewer, article, "reopen")
    assert response.status_code == 200
    assert status_of(article) == S.READY
    assert "Reopened by rev" in text_of(response)
    rows = ArticleReview.objects.order_by("id").values_list("from_status", "to_status", "user")
    assert list(rows) == [(S.READY, S.APPROVED, reviewer.pk), (S.APPROVED, S.READY, reviewer.pk)]


def test_editor_marking_ready_is_still_called_marked_ready(article, claim, editor):
    """The history line for mark ready is unchanged although reopen also leads to ready."""
    set_status(article, S.IN_ANNOTATION)
    assert "Marked ready by ed" in text_of(step(editor, article, "mark_ready"))


# --- Read-only while approved ---------------------------------------------------------------------


def test_article_page_is_read_only_for_editor_while_approved(article, claim, editor):
    """No toolbar and no editing controls on the editor's own span; a line says why."""
    set_status(article, S.APPROVED)
    body = page(editor, article)
    assert f'id="ann-{claim.pk}"' in body
    assert 'id="tag-toolbar"' not in body
    for name in ("edit", "delete", "link"):
        assert reverse(f"annotations:{name}", args=[claim.pk]) not in body
    assert "read-only until a reviewer reopens it" in body


def test_article_page_offers_editing_again_once_reopened(article, claim, editor, reviewer):
    """After a reviewer reopens the article, the editor's controls are back."""
    set_status(article, S.APPROVED)
    step(reviewer, article, "reopen")
    body = page(editor, article)
    assert 'id="tag-toolbar"' in body
    assert reverse("annotations:edit", args=[claim.pk]) in body


def test_reviewer_has_no_review_controls_while_approved(article, claim, reviewer):
    """An approved article's panel offers no Accept, Reject… or Correct…: like the review page,
    it takes no decision until a reviewer reopens it."""
    set_status(article, S.APPROVED)
    body = page(reviewer, article)
    assert reverse("annotations:accept", args=[claim.pk]) not in body
    assert reverse("annotations:reject", args=[claim.pk]) not in body
    assert reverse("annotations:correct", args=[claim.pk]) not in body


def test_review_page_of_an_approved_article_has_no_review_controls(article, claim, reviewer):
    """The review page's rows of an approved article carry no bulk form, no Accept / Reject…
    and no Correct… (its bulk view refuses a locked article, as workflow.ensure_editable)."""
    set_status(article, S.APPROVED)
    body = page(reviewer, article, "annotations:review_page")
    assert 'id="bulk"' not in body
    assert 'name="one"' not in body
    assert reverse("annotations:correct", args=[claim.pk]) not in body


@pytest.mark.parametrize("name", ["accept", "reject"])
def test_accept_and_reject_are_refused_with_409_while_approved(article, claim, reviewer, name):
    """Approved means decided: a review posted anyway (a page opened before the approval) gets
    409 telling the reviewer to reopen the article, and the span keeps its status."""
    set_status(article, S.APPROVED)
    response = client_for(reviewer).post(
        reverse(f"annotations:{name}", args=[claim.pk]), {"reason": "x"}, headers=HTMX
    )
    assert response.status_code == 409
    assert "reopen it before changing it" in text_of(response)
    assert Annotation.objects.get(pk=claim.pk).status == Annotation.Status.PENDING


@pytest.mark.parametrize("method", ["get", "post"])
def test_correct_is_refused_with_409_while_approved(article, claim, reviewer, method):
    """A correction changes the article: 409 telling the reviewer to reopen it; nothing moves."""
    set_status(article, S.APPROVED)
    data = {"tag": Tag.objects.get(name="Quote").pk, "start": 1, "end": 5, "reason": "x"}
    client = client_for(reviewer)
    url = reverse("annotations:correct", args=[claim.pk])
    response = getattr(client, method)(url, data, headers=HTMX)
    assert response.status_code == 409
    assert "reopen it before changing it" in text_of(response)
    assert response["HX-Retarget"] == "#status"
    assert Annotation.objects.get(pk=claim.pk).tag.name == "Claim"


def test_create_on_approved_article_is_409_in_the_status_line(article, editor):
    """A span posted to an approved article (a page left open) is refused with 409 and the
    reason, shown in the status line; nothing is saved."""
    set_status(article, S.APPROVED)
    quote = "less sure"
    start = article.body.index(quote)
    data = {
        "client_id": str(uuid.uuid4()),
        "target": "body",
        "caption": "",
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "tag": Tag.objects.get(name="Claim").pk,
        "revision": article.revision,
    }
    response = client_for(editor).post(
        reverse("annotations:create", args=[article.pk]), data, headers=HTMX
    )
    assert response.status_code == 409
    assert text_of(response) == LOCKED_FOR_EDITORS
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#status", "innerHTML")
    assert not Annotation.all_objects.exists()


@pytest.mark.parametrize(
    ("start", "name", "data", "refresh"),
    [
        (S.READY, "approve", {"confirm": "on"}, True),
        (S.APPROVED, "reopen", {}, True),
        (S.READY, "send_back", {"comment": "Tag the cue."}, False),
    ],
)
def test_steps_that_flip_the_lock_reload_the_page(
    article, claim, reviewer, start, name, data, refresh
):
    """Approve and reopen turn every editing control on the page off or on, so htmx is told to
    reload the page (HX-Refresh); other steps swap the bar alone."""
    set_status(article, start)
    response = step(reviewer, article, name, data)
    assert response.status_code == 200
    assert (response.get("HX-Refresh") == "true") is refresh
