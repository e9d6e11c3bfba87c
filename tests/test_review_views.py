"""The reviewers' pages (annotations.review_views): comparing two editors, the dashboard and
annotated sets. Who may see them, what they show, that their query counts do not grow with the
data, and every write on sets (create, edit, pick, delete) with its CSRF check."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from annotations import review_views
from annotations.models import AnnotatedSet, Annotation, Attribution, Source
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BODY = (
    "The minister said on Tuesday that the bridge would open in spring.\n\n"
    "Engineers were less sure, according to a report seen by this newspaper."
)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries(call: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


@pytest.fixture
def reviewer():
    return make_user("rita", "reviewer")


@pytest.fixture
def two_editors():
    return make_user("alice", "editor"), make_user("bob", "editor")


@pytest.fixture
def compared(two_editors) -> Article:
    """An article both editors annotated: the same claim; a source with other boundaries; a
    cue only alice has; "Engineers" tagged Source by alice and Quote by bob."""
    alice, bob = two_editors
    article = make_article(body=BODY, outlet="Daily Ledger")
    make_annotation(article, "Claim", quote="the bridge would open in spring", author=alice)
    make_annotation(article, "Claim", quote="the bridge would open in spring", author=bob)
    make_annotation(article, "Source", quote="The minister", author=alice)
    make_annotation(article, "Source", quote="minister", author=bob)
    make_annotation(article, "Cue", quote="said", author=alice)
    make_annotation(article, "Source", quote="Engineers", author=alice)
    make_annotation(article, "Quote", quote="Engineers", author=bob)
    return article


def ids_in(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


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


def test_editors_are_refused_the_compare_page(compared):
    """Comparing editors is a reviewer's job: an editor gets 403."""
    response = client_for(make_user(role="editor")).get(f"/annotations/compare/{compared.pk}/")
    assert response.status_code == 403


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


# --- Compare ---------------------------------------------------------------------------------


def test_compare_shows_the_agreement_figures(reviewer, compared):
    """alice has 4 spans, bob 3. Exact spans: the claim and "Engineers" (2 of 7: F1 4/7 = 0.57);
    with tags only the claim (F1 2/7 = 0.29); overlap adds the minister (F1 6/7 = 0.86).
    Kappa over Claim–Claim and Source–Quote: po ½, pe ¼, κ ⅓ = 0.33."""
    response = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/?a=alice&b=bob")
    figures = response.context["figures"]
    assert (figures.exact.matched, figures.exact.a_total, figures.exact.b_total) == (2, 4, 3)
    assert figures.exact_tag.matched == 1 and figures.overlap.matched == 3
    assert response.context["kappa"].value == pytest.approx(1 / 3)
    html = response.content.decode()
    for shown in ("0.57", "0.29", "0.86", "0.33"):
        assert f"<dd>{shown}</dd>" in html


def test_compare_defaults_to_the_first_two_editors(reviewer, compared):
    """Without ?a and ?b the first two editors by name are compared."""
    response = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/")
    assert (response.context["a"], response.context["b"]) == ("alice", "bob")
    assert response.context["editors"] == ["alice", "bob"]


def test_compare_marks_spans_only_one_editor_has(reviewer, compared):
    """alice's cue has nothing on bob's side: its highlight says so in its title and the page's
    stylesheet outlines it in alice's column; the shared claim is not outlined."""
    cue = Annotation.objects.get(tag__name="Cue")
    claim = Annotation.objects.get(tag__name="Claim", author__username="alice")
    html = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/").content.decode()
    assert f'data-ann="{cue.pk}" title="Cue (only this editor)"' in html
    stylesheet = html.split("<style", 1)[1].split("</style>", 1)[0]
    assert re.search(
        rf'#a-col mark:is\([^)]*\[data-ann~="{cue.pk}"\][^)]*\)\{{outline:2px dashed', stylesheet
    )
    assert f'[data-ann~="{claim.pk}"]' not in stylesheet
    assert "&quot;" not in stylesheet


def test_compare_columns_do_not_share_ids(reviewer, compared):
    """The article is rendered twice, but every element id on the page is unique."""
    html = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/").content.decode()
    ids = ids_in(html)
    assert "a-t-body-p0" in ids and "b-t-body-p0" in ids
    assert len(ids) == len(set(ids))


def test_compare_with_one_editor_explains(reviewer, two_editors):
    """An article only one editor annotated has nothing to compare, and says so."""
    article = make_article(body=BODY)
    make_annotation(article, "Claim", quote="the bridge", author=two_editors[0])
    response = client_for(reviewer).get(f"/annotations/compare/{article.pk}/")
    assert response.status_code == 200
    assert "Only one editor has annotated this article" in response.content.decode()


def test_compare_with_an_editor_who_did_not_annotate(reviewer, compared):
    """An editor with no spans on the article is named in the message."""
    response = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/?a=alice&b=carol")
    assert "“carol” has no annotations on this article" in response.content.decode()


def test_compare_of_a_missing_article_is_404(reviewer):
    assert client_for(reviewer).get("/annotations/compare/999999/").status_code == 404


def test_compare_query_count_does_not_grow_with_annotations(reviewer, two_editors):
    """The compare page reads the same number of queries for 2 spans as for 60."""
    alice, bob = two_editors
    client = client_for(reviewer)
    small = make_article(body=BODY)
    make_annotation(small, "Claim", quote="bridge", author=alice)
    make_annotation(small, "Claim", quote="bridge", author=bob)
    words = " ".join(f"word{i}" for i in range(30))
    big = make_article(body=words)
    for i in range(30):
        for author in (alice, bob):
            make_annotation(big, "Claim" if i % 2 else "Source", quote=f"word{i}", author=author)
    client.get(f"/annotations/compare/{small.pk}/")  # warm the session
    assert queries(lambda: client.get(f"/annotations/compare/{small.pk}/")) == queries(
        lambda: client.get(f"/annotations/compare/{big.pk}/")
    )


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
    ready = review_views.STATUS_ORDER.index("ready")
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


def test_most_cited_sources_mix_registry_and_unresolved(reviewer, two_editors):
    """A registry entry counts its resolved spans and direct attributions; unresolved spans
    group by wording, case-insensitively; the list is ordered by count."""
    alice, bob = two_editors
    article = make_article(body="The Minister said it. the minister said so. The Mayor agreed.")
    entry = Source.objects.create(name="Ministry of Works", kind="government")
    resolved = make_annotation(
        article, "Source", quote="The Minister", author=alice, source_entry=entry
    )
    claim = make_annotation(article, "Claim", quote="it", author=alice)
    Attribution.objects.create(claim=claim, source_entry=entry, author=alice)
    Attribution.objects.create(claim=claim, source_span=resolved, author=alice)
    make_annotation(article, "Source", quote="the minister", author=bob)
    make_annotation(article, "Source", quote="The Minister", author=bob)
    make_annotation(article, "Source", quote="The Mayor", author=bob)
    cited = review_views.most_cited()
    assert [(c.label, c.count, c.registered) for c in cited] == [
        ("Ministry of Works", 2, True),
        ("“The Minister”", 2, False),
        ("“The Mayor”", 1, False),
    ]


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
    summary = review_views.filter_summary(
        {"text": "bridge", "outlet": "Daily Ledger", "status": ["ready", "approved"], "tag": ""}
    )
    assert summary == "outlet Daily Ledger · status Ready for review, Approved · contains “bridge”"
    assert review_views.filter_summary({}) == ""


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


def test_status_counts_agree_with_each_sets_articles(two_editors):
    """The one-query per-set status counts equal counting each set's articles() set by set."""
    alice, _ = two_editors
    for i, status in enumerate(Article.Status.values):
        article = make_article(title=f"A{i}", body=BODY, outlet="Ledger" if i % 2 else "Post")
        Article.objects.filter(pk=article.pk).update(status=status)
        if i < 3:
            make_annotation(article, "Claim", quote="the bridge", author=alice)
    sets = [
        AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Ledger"}),
        AnnotatedSet.objects.create(name="Alice", filters={"editor": "alice"}),
        AnnotatedSet.objects.create(name="Empty"),
    ]
    sets[2].picked.add(Article.objects.first())
    counts = review_views.status_counts(sets)
    for s in sets:
        expected = {}
        for status in s.articles().values_list("status", flat=True):
            expected[status] = expected.get(status, 0) + 1
        assert dict(counts[s.pk]) == expected
