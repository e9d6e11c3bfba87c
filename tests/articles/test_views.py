"""The article list (articles.views): newest first, search, filters, paging, live annotation
counts, and the htmx search that swaps only the results."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

from articles.models import Article
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


# --- The article list -------------------------------------------------------------------------


def listed_titles(response) -> list[str]:
    return [
        html.unescape(t)
        for t in re.findall(
            r'<td><a href="/articles/\d+/">(.*?)</a></td>', response.content.decode()
        )
    ]


@pytest.fixture
def shelf():
    """Three articles from two outlets in different states (the newest listed first)."""
    first = make_article(
        title="Bridge delayed again", body="Engineers found cracks.", outlet="Daily Post"
    )
    second = make_article(
        title="Council budget passed",
        body="The vote on the bridge fund was close.",
        outlet="Evening Star",
        status=Article.Status.READY,
    )
    third = make_article(
        title="Schools reopen", body="Pupils returned on Monday.", outlet="Daily Post"
    )
    return first, second, third


def test_list_shows_articles_newest_first(client, shelf):
    """Without filters every article is listed, newest first, with the total."""
    response = client.get("/articles/")
    assert listed_titles(response) == [
        "Schools reopen",
        "Council budget passed",
        "Bridge delayed again",
    ]
    assert '<p class="muted">3 articles</p>' in response.content.decode()


def test_list_search_matches_title(client, shelf):
    """The search finds an article by a word of its title, case-insensitively."""
    response = client.get("/articles/", {"q": "SCHOOLS"})
    assert listed_titles(response) == ["Schools reopen"]


def test_list_search_matches_body_text(client, shelf):
    """The search finds articles by their body text as well as by title."""
    response = client.get("/articles/", {"q": "bridge"})
    assert listed_titles(response) == ["Council budget passed", "Bridge delayed again"]
    response = client.get("/articles/", {"q": "cracks"})
    assert listed_titles(response) == ["Bridge delayed again"]


def test_list_filters_by_outlet(client, shelf):
    """The outlet filter keeps only that outlet's articles and offers every outlet."""
    response = client.get("/articles/", {"outlet": "Daily Post"})
    assert listed_titles(response) == ["Schools reopen", "Bridge delayed again"]
    body = response.content.decode()
    assert '<option value="Daily Post" selected>Daily Post</option>' in body
    assert '<option value="Evening Star">Evening Star</option>' in body


def test_list_filters_by_status(client, shelf):
    """The status filter keeps only articles in that state."""
    response = client.get("/articles/", {"status": "ready"})
    assert listed_titles(response) == ["Council budget passed"]


def test_list_ignores_unknown_status(client, shelf):
    """An unknown status value is ignored rather than emptying the list."""
    response = client.get("/articles/", {"status": "bogus"})
    assert len(listed_titles(response)) == 3


def test_list_pages_by_25(client):
    """26 articles make two pages: 25 on the first, the oldest one on the second."""
    for i in range(26):
        make_article(title=f"Story {i:02d}", body=f"Body {i}.")
    first = client.get("/articles/")
    assert len(listed_titles(first)) == 25
    assert listed_titles(first)[0] == "Story 25"
    body = first.content.decode()
    assert "Page 1 of 2" in body
    assert 'page=2" rel="next">' in body
    second = client.get("/articles/", {"page": 2})
    assert listed_titles(second) == ["Story 00"]
    assert "Page 2 of 2" in second.content.decode()


def test_list_paging_keeps_filters(client):
    """The next-page link carries the search and filters along."""
    for i in range(26):
        make_article(title=f"Bridge story {i:02d}", body=f"Body {i}.", outlet="Daily Post")
    body = client.get("/articles/", {"q": "bridge", "outlet": "Daily Post"}).content.decode()
    assert '?q=bridge&amp;outlet=Daily%20Post&amp;status=&amp;page=2" rel="next"' in body


def test_list_shows_live_annotation_counts(client, shelf):
    """Each row shows how many live annotations the article has; deleted ones do not count."""
    first, second, third = shelf
    make_annotation(first, quote="Engineers")
    make_annotation(first, "Source", quote="cracks")
    make_annotation(first, quote="found").mark_deleted()
    make_annotation(second, quote="vote")
    rows = re.findall(
        r'<a href="/articles/(\d+)/">.*?<td class="num">(\d+)</td>',
        client.get("/articles/").content.decode(),
        re.S,
    )
    assert dict(rows) == {str(first.pk): "2", str(second.pk): "1", str(third.pk): "0"}


def test_list_htmx_request_returns_only_results(client, shelf):
    """The live search (an htmx request) gets the results section alone, not the page."""
    response = client.get("/articles/", {"q": "bridge"}, headers=HTMX)
    assert response.status_code == 200
    body = response.content.decode().strip()
    assert body.startswith('<section id="results" aria-live="polite">')
    assert body.endswith("</section>")
    assert "<html" not in body
    assert 'class="filters"' not in body
    assert listed_titles(response) == ["Council budget passed", "Bridge delayed again"]


def test_list_boosted_request_returns_whole_page(client, shelf):
    """A boosted navigation (hx-boost) is a page load and gets the whole page."""
    response = client.get("/articles/", headers={**HTMX, "HX-Boosted": "true"})
    assert "<html" in response.content.decode()
