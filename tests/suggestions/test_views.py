"""suggestions.views and the article page's suggestions (issue 10): shown as outlines and a
panel section in reading order, accepted or rejected one at a time or all above a confidence
(with Undo), run again on demand; stale decisions answer 409 with the current state."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.models import Annotation, Attribution
from articles.models import Article
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
# Three attributions the engine finds: 0.90 (quote), 0.85 (that-clause), 0.75 (content first).
BODY = (
    '"The bridge is safe," the mayor said. Engineers said that the pier needs work. '
    "The port will close, officials said."
)


@pytest.fixture
def article() -> Article:
    article = make_article(title="Bridge", body=BODY)
    suggest_articles([article.pk])
    assert Suggestion.objects.filter(article=article).count() == 3
    return article


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def by_rule(article: Article, rule: str) -> Suggestion:
    return Suggestion.objects.get(article=article, rule=rule)


def page(client: Client, article: Article) -> str:
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return response.content.decode()


# --- The page -----------------------------------------------------------------------------------


def test_page_lists_pending_suggestions_in_reading_order_with_sentence_and_provenance(
    client, article
):
    """The Suggestions section lists each pending suggestion in reading order with source —
    cue — content, the sentence around it, its confidence and rule."""
    html = page(client, article)
    ids = [int(i) for i in re.findall(r'<li id="sg-(\d+)"', html)]
    rules = ["quote-source-cue", "source-cue-that", "content-source-cue"]
    assert ids == [by_rule(article, r).pk for r in rules]
    item = html[html.index(f'id="sg-{ids[1]}"') :]
    item = item[: item.index("</li>")]
    assert '<span class="sg-w sg-source">Engineers</span>' in item
    assert '<span class="sg-w sg-cue">said</span>' in item
    assert "“that the pier needs work”" in item
    assert '<p class="sg-sentence">Engineers said that the pier needs work.</p>' in item
    assert "0.85 · source-cue-that · newsroom-rules" in item
    assert '<span id="sg-count" class="count">3</span>' in html


def test_suggestions_are_outlined_in_the_text_never_filled(client, article):
    """A suggested span is drawn with its role's outline class on a plain span, not as a
    highlight (<mark>), so it never reads as an annotation."""
    html = page(client, article)
    pk = by_rule(article, "source-cue-that").pk
    assert re.search(
        rf'<span class="sg sg-source" data-o="\d+" data-sg="{pk}">Engineers</span>', html
    )
    assert re.search(
        rf'<span class="sg sg-cue" data-o="\d+" data-sg="[\d ]*{pk}[\d ]*">said</span>', html
    )
    assert "<mark" not in html.split('id="t-body"')[1].split("</div>")[0]


def test_decided_suggestions_are_not_shown(client, article, editor):
    """Rejected and accepted suggestions leave the section and the text's outlines."""
    Suggestion.objects.filter(article=article).exclude(rule="quote-source-cue").update(
        status="rejected"
    )
    html = page(client, article)
    assert html.count('<li id="sg-') == 1
    assert len(set(re.findall(r'data-sg="(\d+)"', html))) == 1


def test_reader_without_review_permission_sees_no_review_buttons(article):
    """Without suggestions.review_suggestion the items show, without Accept and Reject."""
    user = make_user(role="editor")
    user.groups.first().permissions.remove(
        *user.groups.first().permissions.filter(codename="review_suggestion")
    )
    client = Client()
    client.force_login(user)
    html = page(client, article)
    assert html.count('<li id="sg-') == 3
    assert 'data-sg-action="accept"' not in html
    assert "Accept all" not in html


def page_queries(client: Client, article: Article) -> tuple[int, int]:
    """(all queries, queries reading suggestions) of the article page."""
    with CaptureQueriesContext(connection) as queries:
        page(client, article)
    reading = [q for q in queries if 'FROM "suggestions_suggestion"' in q["sql"]]
    return len(queries), len(reading)


def test_page_query_count_does_not_grow_with_suggestions(client, editor):
    """The article page reads an article's suggestions in one query, whether it has none, one
    or thirty."""
    one = make_article(title="One", body=BODY.split(". ")[0] + ".")
    many = make_article(title="Many", body="\n\n".join([BODY] * 10))
    suggest_articles([one.pk, many.pk])
    assert Suggestion.objects.filter(article=one).count() == 1
    assert Suggestion.objects.filter(article=many).count() == 30
    none = make_article(title="None", body="Nothing here.")
    page(client, none)  # warm the session and permission caches alike
    counts = {page_queries(client, a) for a in (none, one, many)}
    assert len(counts) == 1
    assert counts.pop()[1] == 1


# --- Accept and reject --------------------------------------------------------------------------


def test_the_status_line_names_the_whole_attribution_decided(client, article):
    """ "Accepted …" names source, cue and the start of the content, not the cue alone (ten
    suggestions read "said")."""
    suggestion = by_rule(article, "source-cue-that")
    text = article.body
    source = text[slice(*suggestion.source_spans[0])]
    cue = text[slice(*suggestion.cue_span)]
    response = client.post(reverse("suggestions:accept", args=[suggestion.pk]), headers=HTMX)
    assert f"Accepted the attribution “{source} — {cue} — " in response.content.decode()


def test_accept_answers_only_what_changed(client, article, editor):
    """Accepting answers fragments, not the page: the new spans for the annotation list (the
    claim with the provenance line), the paragraph with its highlights and the other
    suggestions' outlines, and both counts; the item itself is swapped away (empty answer)."""
    suggestion = by_rule(article, "source-cue-that")
    response = client.post(
        reverse("suggestions:accept", args=[suggestion.pk]),
        {"revision": article.revision},
        headers=HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert Suggestion.objects.get(pk=suggestion.pk).status == "accepted"
    assert Annotation.objects.filter(article=article, author=editor).count() == 3
    # No attribution card yet: the new one goes at the end of the cards, its three items in it.
    assert '<hx-partial hx-target="#att-list" hx-swap="beforeend"><li id="att-' in html
    assert html.count('<li id="ann-') == 3
    assert "suggested by newsroom-rules 3, rule source-cue-that, confidence 0.85" in html
    assert 'id="sg-' not in html
    assert f'data-sg="{suggestion.pk}"' not in html
    assert f'data-sg="{by_rule(article, "quote-source-cue").pk}"' in html  # others stay drawn
    assert '<hx-partial hx-target="#sg-count" hx-swap="innerHTML">2</hx-partial>' in html
    assert '<hx-partial hx-target="#ann-count" hx-swap="innerHTML">3</hx-partial>' in html
    assert re.search(
        r'<mark class="hl a-\d+ r-source o-source e-source" data-o="\d+" data-ann="\d+" title="Source">Engineers',
        html,
    )


def test_accept_inserts_new_items_in_reading_order_and_replaces_reused_ones(
    client, article, editor
):
    """With attributions on the page, the new card goes before the next one in its claim's
    reading order, and a span the editor had already marked (reused) leaves the loose list
    for the card."""
    first, last = by_rule(article, "quote-source-cue"), by_rule(article, "content-source-cue")
    client.post(reverse("suggestions:accept", args=[first.pk]), headers=HTMX)
    client.post(reverse("suggestions:accept", args=[last.pk]), headers=HTMX)
    engineers = make_annotation(article, "Source", quote="Engineers", author=editor)
    middle = by_rule(article, "source-cue-that")
    html = client.post(reverse("suggestions:accept", args=[middle.pk]), headers=HTMX)
    html = html.content.decode()
    assert f'<hx-partial hx-target="#ann-{engineers.pk}" hx-swap="delete">' in html
    officials_port = Annotation.objects.get(quote="The port will close")
    cue = Annotation.objects.get(quote="said", start=BODY.index("Engineers said") + 10)
    claim = Annotation.objects.get(quote="that the pier needs work")
    later = officials_port.attributions.get().pk
    assert html.count(f'<hx-partial hx-target="#att-{later}" hx-swap="beforebegin">') == 1
    card = html.split(f'<hx-partial hx-target="#att-{later}" hx-swap="beforebegin">')[1]
    # The card reads source — cue — claim, the reused source span's item inside it.
    assert (
        card.index(f'<li id="ann-{engineers.pk}"')
        < card.index(f'<li id="ann-{cue.pk}"')
        < card.index(f'<li id="ann-{claim.pk}"')
    )


def test_accepting_an_accepted_suggestion_answers_409_with_its_state(client, article):
    """A second accept (another tab, another reviewer) is refused with 409 and says it was
    already accepted; no second attribution is made."""
    suggestion = by_rule(article, "quote-source-cue")
    url = reverse("suggestions:accept", args=[suggestion.pk])
    assert client.post(url, headers=HTMX).status_code == 200
    response = client.post(url, headers=HTMX)
    assert response.status_code == 409
    html = response.content.decode()
    # The item's buttons swap the item away: the message comes out of band, with the lists.
    assert (
        '<hx-partial hx-target="#status" hx-swap="innerHTML"><p class="msg error" role="alert">This suggestion was already accepted.</p></hx-partial>'
        in html
    )
    assert '<hx-partial hx-target="#sg-list" hx-swap="innerHTML">' in html
    assert Attribution.objects.count() == 1


@pytest.mark.parametrize("action", ["accept", "accept_all", "suggest"])
def test_an_approved_article_takes_no_accepted_suggestion(client, article, action):
    """While an article is approved (locked until a reviewer reopens it), accepting one or all
    suggestions and suggesting again answer 409 with the reason, and write nothing."""
    Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)
    suggestion = by_rule(article, "quote-source-cue")
    url = (
        reverse("suggestions:accept", args=[suggestion.pk])
        if action == "accept"
        else reverse(f"suggestions:{action}", args=[article.pk])
    )
    response = client.post(url, {"min_confidence": "0.5"}, headers=HTMX)
    assert response.status_code == 409
    assert "approved" in response.content.decode()
    assert not Attribution.objects.exists()
    assert Suggestion.objects.filter(status=Suggestion.Status.ACCEPTED).count() == 0


def test_rejecting_a_rejected_suggestion_answers_409(client, article):
    """Rejecting a suggestion someone already decided answers 409 with its state."""
    suggestion = by_rule(article, "quote-source-cue")
    Suggestion.objects.filter(pk=suggestion.pk).update(status="rejected")
    response = client.post(reverse("suggestions:reject", args=[suggestion.pk]), headers=HTMX)
    assert response.status_code == 409
    assert "already rejected" in response.content.decode()


def test_accept_on_a_stale_page_answers_409_and_writes_nothing(client, article):
    """The revision the page was loaded at is checked: after the text changed, 409."""
    suggestion = by_rule(article, "quote-source-cue")
    response = client.post(
        reverse("suggestions:accept", args=[suggestion.pk]),
        {"revision": article.revision - 1},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert "reload" in response.content.decode()
    assert Suggestion.objects.get(pk=suggestion.pk).status == "pending"
    assert not Annotation.objects.exists()


def test_reject_keeps_the_row_rejected_and_removes_its_outline(client, article, editor):
    """Rejecting marks the suggestion rejected by the editor; its outline and item go."""
    suggestion = by_rule(article, "content-source-cue")
    response = client.post(reverse("suggestions:reject", args=[suggestion.pk]), headers=HTMX)
    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == ("rejected", editor)
    assert f'data-sg="{suggestion.pk}"' not in response.content.decode()


def test_accept_and_reject_are_post_only(client, article):
    """GET does not decide anything."""
    suggestion = by_rule(article, "quote-source-cue")
    assert client.get(reverse("suggestions:accept", args=[suggestion.pk])).status_code == 405


# --- Accept all, undo, suggest again ------------------------------------------------------------


def test_accept_all_above_a_confidence_then_undo(client, article):
    """Accept all at 0.8 takes the two suggestions at 0.85 and 0.9 and offers Undo; Undo
    deletes what they made and makes them pending again."""
    response = client.post(
        reverse("suggestions:accept_all", args=[article.pk]),
        {"min_confidence": "0.8", "revision": article.revision},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Accepted 2 suggestions at 0.80 or above." in html
    assert Attribution.objects.count() == 2
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = client.post(
        reverse("suggestions:undo_accept_all", args=[article.pk]), {"token": token}, headers=HTMX
    )
    assert response.status_code == 200
    assert "2 suggestions pending again" in response.content.decode()
    assert not Attribution.objects.exists()
    assert not Annotation.all_objects.exists()
    assert Suggestion.objects.filter(article=article, status="pending").count() == 3


def test_undo_by_another_user_is_refused(client, article):
    """An Undo token is good only for the user who accepted."""
    response = client.post(
        reverse("suggestions:accept_all", args=[article.pk]),
        {"min_confidence": "0.5"},
        headers=HTMX,
    )
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    other = Client()
    other.force_login(make_user(role="editor"))
    response = other.post(
        reverse("suggestions:undo_accept_all", args=[article.pk]), {"token": token}, headers=HTMX
    )
    assert response.status_code == 403
    assert Attribution.objects.count() == 3


def test_undo_with_a_forged_token_is_refused(client, article):
    """A token not signed by the server is refused with 409 and changes nothing."""
    response = client.post(
        reverse("suggestions:undo_accept_all", args=[article.pk]),
        {"token": "e30:forged:signature"},
        headers=HTMX,
    )
    assert response.status_code == 409


def test_accept_all_refuses_a_confidence_outside_0_1(client, article):
    """The threshold is a number in [0, 1]; anything else accepts nothing (422)."""
    response = client.post(
        reverse("suggestions:accept_all", args=[article.pk]), {"min_confidence": "7"}, headers=HTMX
    )
    assert response.status_code == 422
    assert not Attribution.objects.exists()


def test_suggest_again_runs_the_engine_for_the_article(client, editor):
    """ "Suggest again" stores the engine's suggestions for this article and lists them."""
    article = make_article(title="Fresh", body=BODY)
    assert not Suggestion.objects.exists()
    response = client.post(reverse("suggestions:suggest", args=[article.pk]), headers=HTMX)
    assert response.status_code == 200
    assert "3 new" in response.content.decode()
    assert response.content.decode().count('<li id="sg-') == 3


def test_a_save_keeps_the_outlines_of_its_paragraph(client, article, editor):
    """Saving an annotation re-renders its paragraph with the suggestions' outlines kept."""
    start = BODY.index("Engineers")
    tag = Annotation._meta.get_field("tag").related_model.objects.get(name="Quote")
    response = client.post(
        reverse("annotations:create", args=[article.pk]),
        {
            "client_id": "6f1c1c1e-3f7a-4e54-9d5c-2f3b1d1e0a11",
            "target": "body",
            "caption": "",
            "start": start,
            "end": start + 9,
            "quote": "Engineers",
            "tag": tag.pk,
            "revision": article.revision,
        },
        headers=HTMX,
    )
    assert response.status_code == 201
    assert "sg sg-cue" in response.content.decode()
