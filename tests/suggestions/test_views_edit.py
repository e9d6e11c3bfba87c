"""Accepting an edited suggestion through suggestions.views.accept (issue 10): the `spans`
field carries the editor's parts; refused edits answer 422 with the reason (the edit stays open),
stale or locked ones 409, and the page offers Edit only to who may review."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Attribution
from articles.models import Article
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BODY = "Engineers said that the old pier needs urgent work. The port will close, officials said."


def part(words: str) -> list:
    start = BODY.index(words)
    return [start, start + len(words), words]


@pytest.fixture
def article() -> Article:
    article = make_article(title="Pier", body=BODY)
    suggest_articles([article.pk])
    return article


@pytest.fixture
def suggestion(article) -> Suggestion:
    """The engine's "Engineers — said — that the old pier needs urgent work" (or similar)."""
    found = [
        s
        for s in Suggestion.objects.filter(article=article)
        if BODY[s.cue_span[0] : s.cue_span[1]] == "said" and s.cue_span[0] < 20
    ]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def post(client: Client, suggestion: Suggestion, spans: object, **extra: object):
    data = {"spans": spans if isinstance(spans, str) else json.dumps(spans), **extra}
    return client.post(reverse("suggestions:accept", args=[suggestion.pk]), data, headers=HTMX)


def shorter() -> dict:
    return {
        "source": [part("Engineers")],
        "cue": part("said"),
        "content": [part("the old pier")],
    }


def test_edited_accept_makes_the_edited_spans_and_answers_only_what_changed(
    client, suggestion, article
):
    """200: the claim made is the edited words; the answer names the edited attribution, swaps
    in the new panel items and the paragraph, and is not the whole page."""
    response = post(client, suggestion, shorter(), revision=article.revision)
    assert response.status_code == 200
    html = response.content.decode()
    attribution = Attribution.objects.get()
    assert attribution.claim.quote == "the old pier"
    assert "Accepted the attribution, edited" in html
    assert f'id="ann-{attribution.claim_id}"' in html
    assert 'hx-target="#t-body-p0"' in html
    assert "<html" not in html
    suggestion.refresh_from_db()
    assert suggestion.edited and suggestion.status == "accepted"


def test_a_quote_the_text_does_not_hold_answers_422_and_writes_nothing(client, suggestion):
    """Client text is never trusted: a part whose words are not the text's at its offsets is
    refused with the reason in the status line, and nothing is written."""
    spans = shorter()
    spans["content"] = [[*spans["content"][0][:2], "the new pier"]]
    response = post(client, suggestion, spans)
    assert response.status_code == 422
    assert "does not match" in response.content.decode()
    assert not Annotation.objects.exists()
    assert Suggestion.objects.get(pk=suggestion.pk).status == "pending"


def test_a_cue_inside_the_claim_answers_422(client, suggestion):
    """Overlapping parts are refused (422) with the reason."""
    spans = shorter()
    spans["content"] = [part("said that the old pier")]
    response = post(client, suggestion, spans)
    assert response.status_code == 422
    assert "overlap" in response.content.decode()
    assert not Attribution.objects.exists()


@pytest.mark.parametrize(
    "spans",
    [
        "not json",
        "[]",
        json.dumps({"cue": [1, 2], "content": [[0, 1]]}),
        json.dumps({"cue": ["1", 2, "x"], "content": [[0, 9, "Engineers"]]}),
        json.dumps({"cue": [10, 14, "said"], "content": "Engineers"}),
    ],
    ids=["not-json", "not-an-object", "no-quotes", "string-offset", "content-not-a-list"],
)
def test_malformed_spans_answer_422(client, suggestion, spans):
    """Anything but {"source": [[start, end, quote]…], "cue": […], "content": [[…]…]} is 422."""
    assert post(client, suggestion, spans).status_code == 422
    assert not Annotation.objects.exists()


def test_edited_accept_on_a_stale_page_answers_409(client, suggestion, article):
    """The revision check holds: 409 with the current state, nothing written."""
    response = post(client, suggestion, shorter(), revision=article.revision - 1)
    assert response.status_code == 409
    assert not Annotation.objects.exists()


def test_edited_accept_on_an_approved_article_answers_409(client, suggestion, article):
    """The approved-article lock holds for an edited accept."""
    Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)
    response = post(client, suggestion, shorter())
    assert response.status_code == 409
    assert not Annotation.objects.exists()


def test_edited_accept_needs_the_review_permission(suggestion):
    """Without suggestions.review_suggestion: 403, nothing written."""
    user = make_user(role="editor")
    group = user.groups.first()
    group.permissions.remove(*group.permissions.filter(codename="review_suggestion"))
    client = Client()
    client.force_login(user)
    assert post(client, suggestion, shorter()).status_code == 403
    assert not Annotation.objects.exists()


def test_the_page_offers_edit_with_the_parts_offsets(client, article, suggestion):
    """Each item has an Edit button (key e) and its parts' offsets for the editor's script."""
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert html.count('data-sg-action="edit"') == Suggestion.objects.count()
    source = suggestion.source_spans[0]
    assert f"&quot;source&quot;:[[{source[0]},{source[1]}]]" in html
    assert "js/suggest-edit.js" in html


def test_the_panel_says_an_attribution_was_accepted_after_edit(client, suggestion, article):
    """The reviewer sees the provenance with "accepted after edit"."""
    post(client, suggestion, shorter())
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "accepted after edit" in html
