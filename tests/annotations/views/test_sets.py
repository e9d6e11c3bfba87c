"""Annotated sets (annotations.views.sets, annotations.forms.SetForm): the list, every write
(create, edit, pick, delete) with its CSRF check, the live preview and the pick list."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from annotations.models import AnnotatedSet
from annotations.views import sets
from articles.models import Article
from tests.annotations.conftest import BODY, HTMX, client_for, queries
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db


# --- Sets -------------------------------------------------------------------------------------


def test_set_list_shows_counts_and_export_links(reviewer):
    """Each set shows its article count (filters plus picks, as the exporters resolve it), its
    creator and a link to its export."""
    ledger = [make_article(title=f"L{i}", outlet="Daily Ledger") for i in range(3)]
    other = make_article(title="Other", outlet="Post")
    annotated_set = AnnotatedSet.objects.create(
        name="Ledger", filters={"outlet": "Daily Ledger"}, created_by=reviewer
    )
    annotated_set.picked.add(other, ledger[0])
    response = client_for(reviewer).get("/annotations/sets/")
    (shown,) = response.context["sets"]
    assert shown.article_count == 4 == annotated_set.articles().count()
    html = response.content.decode()
    assert f'href="/annotations/export/?set={annotated_set.pk}"' in html
    assert "rita" in html


def test_set_list_query_count_does_not_grow(reviewer):
    """One set or five: the list reads the same number of queries."""
    client = client_for(reviewer)
    AnnotatedSet.objects.create(name="A", filters={"outlet": "X"}, created_by=reviewer)
    client.get("/annotations/sets/")
    before = queries(lambda: client.get("/annotations/sets/"))
    for name in "BCDE":
        s = AnnotatedSet.objects.create(name=name, filters={"text": name}, created_by=reviewer)
        s.picked.add(make_article(title=name))
    assert queries(lambda: client.get("/annotations/sets/")) == before


def test_filter_summary_reads_as_words():
    """The list of sets says what each set's filters are, in the order of the form."""
    summary = sets.filter_summary(
        {"text": "bridge", "outlet": "Daily Ledger", "status": ["ready", "approved"], "tag": ""}
    )
    assert summary == "outlet Daily Ledger · status Ready for review, Approved · contains “bridge”"
    assert sets.filter_summary({}) == ""


def test_create_a_set_from_filters(reviewer, two_editors):
    """Posting the form saves the name, description and the non-empty filters in the keys the
    exporters read, records the creator, and goes on to the set's page."""
    alice, _ = two_editors
    article = make_article(
        body=BODY, outlet="Daily Ledger", published=datetime(2026, 3, 5, tzinfo=UTC)
    )
    make_annotation(article, "Claim", quote="the bridge", author=alice)
    response = client_for(reviewer).post(
        "/annotations/sets/new/",
        {
            "name": "  Ledger   March ",
            "description": "For the desk",
            "outlet": "Daily Ledger",
            "date_from": "2026-03-01",
            "date_to": "2026-03-31",
            "tag": "Claim",
            "status": "",
            "editor": "alice",
            "text": "bridge",
        },
    )
    saved = AnnotatedSet.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/annotations/sets/{saved.pk}/"
    assert saved.name == "Ledger March" and saved.created_by == reviewer
    assert saved.filters == {
        "outlet": "Daily Ledger",
        "date_from": "2026-03-01",
        "date_to": "2026-03-31",
        "tag": "Claim",
        "editor": "alice",
        "text": "bridge",
    }
    assert list(saved.articles()) == [article]


def test_create_refuses_a_duplicate_name_and_a_reversed_range(reviewer):
    """Errors come back on the form with 422 and nothing is saved."""
    AnnotatedSet.objects.create(name="Ledger")
    response = client_for(reviewer).post(
        "/annotations/sets/new/",
        {"name": "ledger", "date_from": "2026-03-31", "date_to": "2026-03-01"},
    )
    assert response.status_code == 422
    form = response.context["form"]
    assert "name" in form.errors and "date_to" in form.errors
    assert AnnotatedSet.objects.count() == 1


def test_edit_a_set(reviewer):
    """Editing replaces the filters: a cleared filter is removed, not stored empty."""
    annotated_set = AnnotatedSet.objects.create(
        name="Ledger", filters={"outlet": "Daily Ledger", "text": "bridge"}
    )
    make_article(outlet="Daily Ledger")
    client = client_for(reviewer)
    page = client.get(f"/annotations/sets/{annotated_set.pk}/").content.decode()
    assert 'value="bridge"' in page
    response = client.post(
        f"/annotations/sets/{annotated_set.pk}/",
        {"name": "Ledger (all)", "outlet": "Daily Ledger", "text": ""},
    )
    assert response.status_code == 302
    annotated_set.refresh_from_db()
    assert annotated_set.name == "Ledger (all)"
    assert annotated_set.filters == {"outlet": "Daily Ledger"}


def test_live_preview_counts_what_the_filters_match(reviewer):
    """The preview fragment counts the articles the unsaved filters match; for a saved set it
    adds the picked ones; with no filter it counts picks only."""
    for i in range(3):
        make_article(title=f"Ledger {i}", outlet="Daily Ledger")
    other = make_article(title="Elsewhere", outlet="Post")
    annotated_set = AnnotatedSet.objects.create(name="S")
    annotated_set.picked.add(other)
    client = client_for(reviewer)
    response = client.get("/annotations/sets/preview/?outlet=Daily+Ledger", headers=HTMX)
    assert response.context["preview_count"] == 3
    assert "<html" not in response.content.decode()
    response = client.get(f"/annotations/sets/preview/?outlet=Daily+Ledger&set={annotated_set.pk}")
    assert response.context["preview_count"] == 4
    assert client.get("/annotations/sets/preview/").context["preview_count"] == 0


def test_pick_and_unpick(reviewer):
    """A ticked checkbox posts `picked` and adds the article; an unticked one posts nothing and
    removes it. Repeating either changes nothing. The answer is the row, the new count and the
    event that refreshes the live preview."""
    annotated_set = AnnotatedSet.objects.create(name="S")
    article = make_article()
    client = client_for(reviewer)
    url = f"/annotations/sets/{annotated_set.pk}/pick/{article.pk}/"
    for _ in range(2):
        response = client.post(url, {"picked": "1"}, headers=HTMX)
        assert list(annotated_set.picked.all()) == [article]
    html = response.content.decode()
    assert html.startswith(f'<tr id="pick-{article.pk}" class="picked">')
    assert 'hx-target="#picked-count" hx-swap="innerHTML">1</hx-partial>' in html
    assert "set-picked" in response["HX-Trigger"]
    for _ in range(2):
        response = client.post(url, {}, headers=HTMX)
        assert not annotated_set.picked.exists()
    assert 'hx-swap="innerHTML">0</hx-partial>' in response.content.decode()


def test_pick_is_post_only(reviewer):
    annotated_set = AnnotatedSet.objects.create(name="S")
    article = make_article()
    url = f"/annotations/sets/{annotated_set.pk}/pick/{article.pk}/"
    assert client_for(reviewer).get(url).status_code == 405


def test_pick_list_searches_and_marks_state(reviewer):
    """The pick list finds articles by text and says which are picked and which the filters
    match, in a query count that does not depend on the page's rows."""
    annotated_set = AnnotatedSet.objects.create(name="S", filters={"outlet": "Daily Ledger"})
    bridge = make_article(title="Bridge opens", outlet="Daily Ledger")
    tunnel = make_article(title="Tunnel opens", outlet="Post")
    make_article(title="Weather")
    annotated_set.picked.add(tunnel)
    client = client_for(reviewer)
    response = client.get(f"/annotations/sets/{annotated_set.pk}/articles/?q=opens", headers=HTMX)
    rows = {a.title: (picked, matched) for a, picked, matched in response.context["pick_rows"]}
    assert rows == {"Bridge opens": (False, True), "Tunnel opens": (True, False)}
    assert bridge.pk and "<html" not in response.content.decode()
    few = queries(lambda: client.get(f"/annotations/sets/{annotated_set.pk}/articles/?q=opens"))
    for i in range(10):
        make_article(title=f"More opens {i}")
    assert (
        queries(lambda: client.get(f"/annotations/sets/{annotated_set.pk}/articles/?q=opens"))
        == few
    )


def test_delete_asks_then_deletes_only_the_set(reviewer):
    """GET shows a confirmation; POST deletes the set and keeps its articles."""
    annotated_set = AnnotatedSet.objects.create(name="Ledger")
    article = make_article()
    annotated_set.picked.add(article)
    client = client_for(reviewer)
    page = client.get(f"/annotations/sets/{annotated_set.pk}/delete/")
    assert "Delete the set “Ledger”?" in page.content.decode()
    assert AnnotatedSet.objects.exists()
    response = client.post(f"/annotations/sets/{annotated_set.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/annotations/sets/"
    assert not AnnotatedSet.objects.exists()
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize(
    "path",
    [
        "/annotations/sets/new/",
        "/annotations/sets/{pk}/",
        "/annotations/sets/{pk}/delete/",
        "/annotations/sets/{pk}/pick/{article}/",
    ],
)
def test_set_writes_need_the_csrf_token(reviewer, path):
    """Without the CSRF token every set write is refused and nothing changes."""
    annotated_set = AnnotatedSet.objects.create(name="Keep")
    article = make_article()
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    url = path.format(pk=annotated_set.pk, article=article.pk)
    response = client.post(url, {"name": "Changed", "picked": "1"})
    assert response.status_code == 403
    annotated_set.refresh_from_db()
    assert annotated_set.name == "Keep" and not annotated_set.picked.exists()
    assert AnnotatedSet.objects.count() == 1
