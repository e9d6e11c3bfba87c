"""suggestions/admin.py: the read-only suggestion list with accept and reject actions (through
the services, for those who may review), and the articles' "Suggest attributions" action."""

from __future__ import annotations

import pytest
from django.contrib.admin import helpers
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from annotations.models import Attribution
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:suggestions_suggestion_changelist")
ARTICLES = reverse("admin:articles_article_changelist")
BODY = "The port authority said that the quay would reopen.\n\nPrices rose, analysts said."


@pytest.fixture
def suggestions() -> list[Suggestion]:
    article = make_article(title="Quay news", body=BODY)
    suggest_articles([article.pk])
    return list(Suggestion.objects.order_by("pk"))


def staff(role: str) -> Client:
    client = Client()
    client.force_login(make_user(role=role, is_staff=True))
    return client


def act(client: Client, url: str, action: str, pks: list[int]) -> str:
    response = client.post(
        url, {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(pk) for pk in pks]}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_each_suggestion_with_its_words_and_provenance(suggestions):
    """An editor (staff) sees the list: the article, the words each span cuts, confidence, rule."""
    page = staff("editor").get(CHANGELIST).content.decode()
    assert "The port authority" in page and "that the quay would reopen" in page
    assert "source-cue-that" in page
    assert "0.85" in page or "0,85" in page


def test_accepting_from_the_list_makes_the_attribution(suggestions):
    """The accept action goes through services.accept: one attribution per suggestion,
    authored by the reviewer; a second accept of the same ones is reported, not repeated."""
    client = staff("reviewer")
    page = act(client, CHANGELIST, "accept_selected", [suggestions[0].pk])
    assert "Accepted 1 suggestion(s)." in page
    assert Attribution.objects.count() == 1
    page = act(client, CHANGELIST, "accept_selected", [s.pk for s in suggestions])
    assert "Accepted 1 suggestion(s)." in page
    assert "1 not accepted: This suggestion was already accepted." in page
    assert Attribution.objects.count() == 2


def test_rejecting_from_the_list(suggestions):
    """The reject action marks the chosen ones rejected, by the editor."""
    act(staff("editor"), CHANGELIST, "reject_selected", [suggestions[1].pk])
    assert list(Suggestion.objects.values_list("status", flat=True).order_by("pk")) == [
        "pending",
        "rejected",
    ]


def test_without_the_review_permission_there_is_no_action(suggestions):
    """Staff who may only view suggestions get no accept or reject: the posted action is not
    run and nothing changes."""
    user = make_user("viewer", role="admin")
    user.is_superuser = False
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_suggestion"))
    client = Client()
    client.force_login(user)
    page = client.get(CHANGELIST).content.decode()
    assert "accept_selected" not in page
    act(client, CHANGELIST, "accept_selected", [suggestions[0].pk])
    assert not Attribution.objects.exists()
    assert set(Suggestion.objects.values_list("status", flat=True)) == {"pending"}


def test_suggestions_cannot_be_added_or_edited_by_hand(suggestions):
    """Read-only: no add page, and the change page only shows."""
    client = Client()
    client.force_login(make_user("boss", role="admin"))
    assert client.get(reverse("admin:suggestions_suggestion_add")).status_code == 403
    url = reverse("admin:suggestions_suggestion_change", args=[suggestions[0].pk])
    page = client.get(url).content.decode()
    assert 'name="_save"' not in page


def test_the_article_action_queues_suggestions_for_the_chosen_articles(
    django_capture_on_commit_callbacks,
):
    """ "Suggest attributions" on the article list queues the background task for the chosen
    articles, once the request's transaction commits."""
    chosen = [make_article(title=f"Story {n}", body=BODY).pk for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        page = act(staff("editor"), ARTICLES, "suggest_attributions", chosen)
    assert "Suggestions for 3 article(s) queued in 1 background task(s)" in page
    (task,) = DBTaskResult.objects.all()
    assert sorted(task.args_kwargs["args"][0]) == sorted(chosen)
