"""The dashboard (annotations.views.dashboard) and who may see the reviewers' pages (the
dashboard and the sets): the counts, agreement per set, CSP-safe charts, query counts."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from annotations.models import AnnotatedSet, Annotation, Source
from annotations.views import dashboard
from articles.models import Article
from tests.annotations.conftest import BODY, client_for, queries
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db


# --- Who may see what ----------------------------------------------------------------------


REVIEW_PAGES = ["/annotations/dashboard/", "/annotations/sets/", "/annotations/sets/new/"]


@pytest.mark.parametrize("url", REVIEW_PAGES)
def test_anonymous_is_sent_to_login(url):
    """Every reviewer page sends an anonymous visitor to the login page."""
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("url", REVIEW_PAGES)
def test_editors_are_refused(url):
    """Editors get 403 from the dashboard and the set pages."""
    assert client_for(make_user(role="editor")).get(url).status_code == 403


@pytest.mark.parametrize("role", ["reviewer", "admin"])
@pytest.mark.parametrize("url", REVIEW_PAGES)
def test_reviewers_and_admins_see_the_pages(role, url):
    """Reviewers and admins open the dashboard and the set pages."""
    assert client_for(make_user(role=role)).get(url).status_code == 200


def test_editors_cannot_write_sets(two_editors):
    """Every set endpoint refuses an editor, writes included, and nothing changes."""
    annotated_set = AnnotatedSet.objects.create(name="S")
    article = make_article()
    client = client_for(two_editors[0])
    pk = annotated_set.pk
    assert client.get(f"/annotations/sets/{pk}/").status_code == 403
    assert client.get("/annotations/sets/preview/?outlet=x").status_code == 403
    assert client.get(f"/annotations/sets/{pk}/articles/").status_code == 403
    assert client.post("/annotations/sets/new/", {"name": "Mine"}).status_code == 403
    assert client.post(f"/annotations/sets/{pk}/", {"name": "Renamed"}).status_code == 403
    assert (
        client.post(f"/annotations/sets/{pk}/pick/{article.pk}/", {"picked": "1"}).status_code
        == 403
    )
    assert client.post(f"/annotations/sets/{pk}/delete/").status_code == 403
    annotated_set.refresh_from_db()
    assert annotated_set.name == "S" and not annotated_set.picked.exists()


def test_nav_links_show_for_reviewers_only(reviewer):
    """The header links Review and Sets appear for a reviewer, not for an editor."""
    nav = '<a href="/annotations/dashboard/">Review</a>'
    sets = '<a href="/annotations/sets/">Sets</a>'
    page = client_for(reviewer).get("/articles/").content.decode()
    assert nav in page and sets in page
    page = client_for(make_user(role="editor")).get("/articles/").content.decode()
    assert nav not in page and sets not in page


# --- Dashboard --------------------------------------------------------------------------------


def test_dashboard_counts(reviewer, compared, two_editors):
    """Per editor: made / accepted / pending / rejected; per tag; per set by status."""
    alice, _ = two_editors
    Annotation.objects.filter(author=alice, tag__name="Claim").update(status="accepted")
    Annotation.objects.filter(author=alice, tag__name="Cue").update(status="rejected")
    Article.objects.filter(pk=compared.pk).update(status="ready")
    make_article(title="Unrelated")
    AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Daily Ledger"})
    context = client_for(reviewer).get("/annotations/dashboard/").context
    editors = {e["username"]: e for e in context["editors"]}
    assert {k: editors["alice"][k] for k in ("total", "accepted", "pending", "rejected")} == {
        "total": 4,
        "accepted": 1,
        "pending": 2,
        "rejected": 1,
    }
    assert editors["bob"]["total"] == 3
    assert {t.name: t.n for t in context["tags"]} == {"Claim": 2, "Source": 3, "Cue": 1, "Quote": 1}
    rows = {label: (values, total) for label, _, values, total in context["progress_rows"]}
    assert rows["All articles"][1] == 2
    ready = dashboard.STATUS_ORDER.index("ready")
    assert rows["Ledger"][0][ready] == 1 and rows["Ledger"][1] == 1


def test_dashboard_agreement_per_set(reviewer, compared):
    """A set holding the compared article shows alice × bob with the article's figures."""
    AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Daily Ledger"})
    context = client_for(reviewer).get("/annotations/dashboard/").context
    (pair,) = context["pairs"]
    assert (pair.set_name, pair.a, pair.b, pair.figures.articles) == ("Ledger", "alice", "bob", 1)
    assert pair.figures.exact.f1 == pytest.approx(4 / 7)
    (worst,) = context["least_agreed"]
    assert worst.article_id == compared.pk and worst.title == compared.title


def test_dashboard_charts_are_csp_safe_svg(reviewer, compared):
    """Charts are inline SVG with a title and role=img, and no style attribute or inline event
    handler anywhere on the page (the CSP would block them)."""
    AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Daily Ledger"})
    html = client_for(reviewer).get("/annotations/dashboard/").content.decode()
    assert html.count('<svg class="chart"') == 5
    assert 'role="img" aria-labelledby="chart-tags-title chart-tags-desc"' in html
    assert '<title id="chart-agreement-title">' in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_dashboard_query_count_does_not_grow(reviewer, compared, two_editors):
    """The dashboard reads as many queries with one set and seven spans as with four sets,
    more articles, more editors and more spans."""
    client = client_for(reviewer)
    AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Daily Ledger"})
    client.get("/annotations/dashboard/")
    before = queries(lambda: client.get("/annotations/dashboard/"))
    carol = make_user("carol", "editor")
    for i in range(5):
        article = make_article(body=BODY, outlet="Daily Ledger" if i % 2 else "Post")
        for author in (*two_editors, carol):
            make_annotation(article, "Claim", quote="the bridge", author=author)
    Source.objects.create(name="Someone", kind="person")
    AnnotatedSet.objects.create(name="Post", filters={"outlet": "Post"})
    AnnotatedSet.objects.create(name="Bridges", filters={"text": "bridge", "tag": "Claim"})
    AnnotatedSet.objects.create(name="By carol", filters={"editor": "carol"})
    assert queries(lambda: client.get("/annotations/dashboard/")) == before


def test_dashboard_survives_a_set_with_broken_filters(reviewer):
    """A set whose stored filters are malformed counts as empty instead of breaking the page."""
    AnnotatedSet.objects.create(name="Broken", filters={"date_from": "yesterday"})
    response = client_for(reviewer).get("/annotations/dashboard/")
    assert response.status_code == 200
