"""Roles are enforced by the views themselves, not only by hiding buttons.

Editors read and annotate and change their own work; reviewers read and change anyone's work but
do not create spans (the current policy); admins (superusers) may do everything; a signed-in user
in no group sees nothing; anonymous visitors are sent to the login page; every POST needs the
CSRF token the page hands to htmx."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, ArticleReview, Attribution, Source, Tag
from articles.models import Article
from suggestions.models import Suggestion
from suggestions.store import Proposal, store
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def span_data(article: Article, quote: str, tag: str = "Claim") -> dict[str, Any]:
    """What the toolbar posts for `quote` (its first occurrence in the body)."""
    start = article.body.index(quote)
    return {
        "client_id": str(uuid.uuid4()),
        "target": "body",
        "caption": "",
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "tag": Tag.objects.get(name=tag).pk,
        "revision": article.revision,
    }


@pytest.fixture
def article():
    return make_article()


# --- Anonymous visitors -----------------------------------------------------------------------


def test_anonymous_is_redirected_from_article_list_to_login():
    """The article list sends an anonymous visitor to the login page, coming back afterwards."""
    response = Client().get("/articles/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/articles/"


def test_anonymous_is_redirected_from_article_page_to_login(article):
    """The article page sends an anonymous visitor to the login page, coming back afterwards."""
    response = Client().get(f"/articles/{article.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next=/articles/{article.pk}/"


def test_anonymous_htmx_search_of_article_list_gets_client_redirect():
    """The list's live search is an htmx request: an expired session must navigate the whole
    page to the login form (HX-Redirect), not swap the login page into the results table."""
    response = Client().get(
        "/articles/?q=bridge",
        headers={**HTMX, "HX-Current-URL": "http://testserver/articles/"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/login/?next=/articles/"


@pytest.fixture
def world(article, editor):
    """One of each kind of row the annotation endpoints act on, all made by `editor`."""
    claim = make_annotation(
        article, "Claim", quote="the bridge would open in spring", author=editor
    )
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    deleted = make_annotation(article, "Quote", quote="Engineers", author=editor)
    deleted.mark_deleted()
    attribution = Attribution.objects.create(claim=claim, source_span=source, author=editor)
    fragment = make_annotation(article, "Claim", quote="Engineers were less sure", author=editor)
    attribution.fragments.add(fragment)
    suggestion = suggest_minister(article)
    return {
        "article": article,
        "suggestion": suggestion,
        "claim": claim,
        "source": source,
        "deleted": deleted,
        "attribution": attribution,
        "fragment": fragment,
    }


def suggest_minister(article: Article) -> Suggestion:
    """A pending suggestion on the default article: The minister — said — that the bridge …"""
    body = article.body

    def at(words: str) -> tuple[int, int]:
        return body.index(words), body.index(words) + len(words)

    proposal = Proposal(
        source=(at("The minister"),),
        cue=at("said"),
        content=(at("that the bridge would open in spring"),),
        confidence=0.9,
        rule="source-cue-that",
    )
    store(article, [proposal], origin="newsroom-rules", origin_version="3")
    return Suggestion.objects.get(article=article, rule="source-cue-that")


def url_of(world: dict, name: str, row: str | tuple[str, ...]) -> str:
    """The endpoint's URL for the row(s) of `world` it takes."""
    keys = row if isinstance(row, tuple) else (row,)
    return reverse(name, args=[world[key].pk for key in keys])


# (method, url name, which row of `world` the URL takes)
ENDPOINTS = [
    ("post", "annotations:create", "article"),
    ("post", "annotations:attribute", "article"),
    ("get", "annotations:item", "claim"),
    ("get", "annotations:edit", "claim"),
    ("post", "annotations:edit", "claim"),
    ("post", "annotations:delete", "claim"),
    ("post", "annotations:restore", "deleted"),
    ("get", "annotations:link", "claim"),
    ("post", "annotations:link", "claim"),
    ("post", "annotations:unlink", "attribution"),
    ("get", "annotations:add_fragment", "attribution"),
    ("post", "annotations:add_fragment", "attribution"),
    ("post", "annotations:remove_fragment", ("attribution", "fragment")),
    ("get", "annotations:resolve", "source"),
    ("post", "annotations:resolve", "source"),
    ("post", "annotations:unresolve", "source"),
    ("post", "suggestions:accept", "suggestion"),
    ("post", "suggestions:reject", "suggestion"),
    ("post", "suggestions:accept_all", "article"),
    ("post", "suggestions:undo_accept_all", "article"),
    ("post", "suggestions:suggest", "article"),
]
SUGGESTION_ENDPOINTS = [e for e in ENDPOINTS if e[1].startswith("suggestions:")]
SUGGESTION_IDS = [f"{method}-{name.split(':')[1]}" for method, name, _ in SUGGESTION_ENDPOINTS]
ENDPOINT_IDS = [f"{method}-{name.split(':')[1]}" for method, name, _ in ENDPOINTS]


@pytest.mark.parametrize(("method", "name", "row"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_anonymous_is_redirected_from_annotation_endpoint_to_login(world, method, name, row):
    """Every annotation endpoint sends an anonymous (non-htmx) request to the login page."""
    url = url_of(world, name, row)
    response = getattr(Client(), method)(url)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={url}"


@pytest.mark.parametrize(("method", "name", "row"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_anonymous_htmx_request_to_annotation_endpoint_gets_hx_redirect(world, method, name, row):
    """An htmx request without a session gets HX-Redirect to the login page, which then leads
    back to the page the user was on (not to the fragment URL)."""
    page = f"/articles/{world['article'].pk}/"
    response = getattr(Client(), method)(
        url_of(world, name, row),
        headers={**HTMX, "HX-Current-URL": f"http://testserver{page}"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/login/?next={page}"


def test_anonymous_htmx_redirect_keeps_the_whole_current_url(world):
    """The `next` of the HX-Redirect is encoded, so a current URL with several query parameters
    comes back whole after login."""
    response = Client().post(
        reverse("annotations:delete", args=[world["claim"].pk]),
        headers={**HTMX, "HX-Current-URL": "http://testserver/articles/?q=bridge&status=new"},
    )
    assert response["HX-Redirect"] == "/login/?next=/articles/%3Fq%3Dbridge%26status%3Dnew"


def test_anonymous_htmx_redirect_without_current_url_returns_to_request_path(world):
    """Without HX-Current-URL the login page leads back to the requested URL, not to "None"."""
    url = reverse("annotations:item", args=[world["claim"].pk])
    response = Client().get(url, headers=HTMX)
    assert response["HX-Redirect"] == f"/login/?next={url}"


def test_anonymous_post_changes_nothing(world):
    """An anonymous delete is redirected before anything is written."""
    Client().post(reverse("annotations:delete", args=[world["claim"].pk]), headers=HTMX)
    world["claim"].refresh_from_db()
    assert world["claim"].deleted_at is None


# --- Reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
def test_every_role_can_read_the_article_list(article, role):
    """Editors, reviewers and admins see the article list with the article on it."""
    response = client_for(make_user(role=role)).get("/articles/")
    assert response.status_code == 200
    assert f'href="/articles/{article.pk}/"' in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
def test_every_role_can_read_the_article_page(article, role):
    """Editors, reviewers and admins see the article page with its body text."""
    response = client_for(make_user(role=role)).get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    assert "Engineers were less sure" in response.content.decode()


def no_group_user():
    return get_user_model().objects.create_user(username="nobody", password="x-unused-x")


def test_user_in_no_group_gets_403_on_article_list(article):
    """A signed-in account that belongs to no role cannot list articles."""
    response = client_for(no_group_user()).get("/articles/")
    assert response.status_code == 403
    assert article.title.encode() not in response.content


def test_user_in_no_group_gets_403_on_article_page(article):
    """A signed-in account that belongs to no role cannot open an article."""
    response = client_for(no_group_user()).get(f"/articles/{article.pk}/")
    assert response.status_code == 403
    assert b"Engineers were less sure" not in response.content


def test_user_in_no_group_gets_403_on_annotation_item(world):
    """A signed-in account that belongs to no role cannot read an annotation fragment."""
    response = client_for(no_group_user()).get(
        reverse("annotations:item", args=[world["claim"].pk]), headers=HTMX
    )
    assert response.status_code == 403


# --- Creating ---------------------------------------------------------------------------------


def test_editor_can_create_annotation(article, editor):
    """An editor's span is saved under their name."""
    response = client_for(editor).post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers=HTMX,
    )
    assert response.status_code == 201
    annotation = Annotation.objects.get()
    assert (annotation.quote, annotation.author) == ("less sure", editor)


def test_reviewer_cannot_create_annotation(article):
    """Reviewers review rather than annotate: a create is refused with 403, nothing is written
    and the article stays new."""
    response = client_for(make_user(role="reviewer")).post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers=HTMX,
    )
    assert response.status_code == 403
    assert "Your role can read articles but not annotate them." in response.content.decode()
    assert Annotation.all_objects.count() == 0
    article.refresh_from_db()
    assert article.status == Article.Status.NEW


def test_user_in_no_group_cannot_create_annotation(article):
    """An account with no role cannot create a span either."""
    response = client_for(no_group_user()).post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers=HTMX,
    )
    assert response.status_code == 403
    assert Annotation.all_objects.count() == 0


# --- Changing: own versus someone else's -----------------------------------------------------


@dataclass
class Action:
    """One way of changing an annotation: rows to set up, the request, and the DB state that
    the request should move from `before` to `after`."""

    name: str
    setup: Callable[[Article, Any], dict]
    send: Callable[[Client, dict], Any]
    state: Callable[[dict], Any]
    after: Any


def setup_claim(article, owner):
    claim = make_annotation(article, "Claim", quote="the bridge would open in spring", author=owner)
    # The source and cue belong to someone else: only the claim's author matters for linking.
    other = make_user(role="editor")
    source = make_annotation(article, "Source", quote="The minister", author=other)
    cue = make_annotation(article, "Cue", quote="said", author=other)
    return {"claim": claim, "source": source, "cue": cue}


def setup_deleted(article, owner):
    rows = setup_claim(article, owner)
    rows["claim"].mark_deleted()
    return rows


def setup_linked(article, owner):
    rows = setup_claim(article, owner)
    rows["attribution"] = Attribution.objects.create(
        claim=rows["claim"], source_span=rows["source"], author=owner
    )
    return rows


def setup_source(article, owner):
    span = make_annotation(article, "Source", quote="The minister", author=owner)
    entry = Source.objects.create(name="Ministry of Transport", kind=Source.Kind.GOVERNMENT)
    return {"span": span, "entry": entry}


def setup_resolved(article, owner):
    rows = setup_source(article, owner)
    rows["span"].source_entry = rows["entry"]
    rows["span"].save()
    return rows


def setup_fragment(article, owner):
    rows = setup_linked(article, owner)
    rows["fragment"] = make_annotation(
        article, "Claim", quote="Engineers were less sure", author=owner
    )
    return rows


def setup_fragmented(article, owner):
    rows = setup_fragment(article, owner)
    rows["attribution"].fragments.add(rows["fragment"])
    return rows


def fragment_ids(rows):
    return list(rows["attribution"].fragments.values_list("pk", flat=True))


def claim_row(rows):
    return Annotation.all_objects.get(pk=rows["claim"].pk)


ACTIONS = [
    Action(
        "edit",
        setup_claim,
        lambda c, r: c.post(
            reverse("annotations:edit", args=[r["claim"].pk]),
            {"tag": Tag.objects.get(name="Quote").pk, "note": "Checked"},
            headers=HTMX,
        ),
        lambda r: (claim_row(r).tag.name, claim_row(r).note),
        ("Quote", "Checked"),
    ),
    Action(
        "delete",
        setup_claim,
        lambda c, r: c.post(reverse("annotations:delete", args=[r["claim"].pk]), headers=HTMX),
        lambda r: claim_row(r).deleted_at is not None,
        True,
    ),
    Action(
        "restore",
        setup_deleted,
        lambda c, r: c.post(reverse("annotations:restore", args=[r["claim"].pk]), headers=HTMX),
        lambda r: claim_row(r).deleted_at is None,
        True,
    ),
    Action(
        "link",
        setup_claim,
        lambda c, r: c.post(
            reverse("annotations:link", args=[r["claim"].pk]),
            {"source_span": r["source"].pk, "cue": r["cue"].pk},
            headers=HTMX,
        ),
        lambda r: list(
            Attribution.objects.filter(claim=r["claim"]).values_list("source_span", "cue")
        ),
        "linked",  # replaced per test: depends on the row ids
    ),
    Action(
        "unlink",
        setup_linked,
        lambda c, r: c.post(
            reverse("annotations:unlink", args=[r["attribution"].pk]), headers=HTMX
        ),
        lambda r: Attribution.objects.filter(claim=r["claim"]).count(),
        0,
    ),
    Action(
        "add_fragment",
        setup_fragment,
        lambda c, r: c.post(
            reverse("annotations:add_fragment", args=[r["attribution"].pk]),
            {"fragment": r["fragment"].pk},
            headers=HTMX,
        ),
        fragment_ids,
        "fragment",
    ),
    Action(
        "remove_fragment",
        setup_fragmented,
        lambda c, r: c.post(
            reverse("annotations:remove_fragment", args=[r["attribution"].pk, r["fragment"].pk]),
            headers=HTMX,
        ),
        fragment_ids,
        [],
    ),
    Action(
        "resolve",
        setup_source,
        lambda c, r: c.post(
            reverse("annotations:resolve", args=[r["span"].pk]),
            {"source": r["entry"].pk, "revision": r["span"].article.revision},
            headers=HTMX,
        ),
        lambda r: Annotation.objects.get(pk=r["span"].pk).source_entry_id,
        "entry",
    ),
    Action(
        "unresolve",
        setup_resolved,
        lambda c, r: c.post(reverse("annotations:unresolve", args=[r["span"].pk]), headers=HTMX),
        lambda r: Annotation.objects.get(pk=r["span"].pk).source_entry_id,
        None,
    ),
]


def expected_after(action: Action, rows: dict) -> Any:
    if action.after == "linked":
        return [(rows["source"].pk, rows["cue"].pk)]
    if action.after == "entry":
        return rows["entry"].pk
    if action.after == "fragment":
        return [rows["fragment"].pk]
    return action.after


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_editor_can_change_own_annotation(article, editor, action):
    """An editor may edit, delete, restore, link, unlink, add and remove fragments, resolve and
    unresolve their own span."""
    rows = action.setup(article, editor)
    response = action.send(client_for(editor), rows)
    assert response.status_code == 200
    assert action.state(rows) == expected_after(action, rows)


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_editor_gets_403_on_another_editors_annotation(article, editor, action):
    """An editor may not change a span another editor made: 403, and the database is as before."""
    rows = action.setup(article, editor)
    before = action.state(rows)
    assert before != expected_after(action, rows)  # the request would change something
    response = action.send(client_for(make_user(role="editor2")), rows)
    assert response.status_code == 403
    assert action.state(rows) == before


@pytest.mark.parametrize("role", ["reviewer", "admin"])
@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_reviewer_and_admin_can_change_anyones_annotation(article, editor, action, role):
    """Reviewers and admins may change any editor's span."""
    rows = action.setup(article, editor)
    response = action.send(client_for(make_user(role=role)), rows)
    assert response.status_code == 200
    assert action.state(rows) == expected_after(action, rows)


@pytest.mark.parametrize("name", ["annotations:edit", "annotations:link"])
def test_editor_gets_403_on_forms_for_another_editors_claim(article, editor, name):
    """The inline edit and link forms are refused for another editor's span, not just hidden."""
    rows = setup_claim(article, editor)
    response = client_for(make_user(role="editor2")).get(
        reverse(name, args=[rows["claim"].pk]), headers=HTMX
    )
    assert response.status_code == 403


def test_editor_gets_403_on_resolve_form_for_another_editors_source(article, editor):
    """The resolve form is refused for another editor's Source span, not just hidden."""
    rows = setup_source(article, editor)
    response = client_for(make_user(role="editor2")).get(
        reverse("annotations:resolve", args=[rows["span"].pk]), headers=HTMX
    )
    assert response.status_code == 403


def test_page_offers_no_edit_buttons_on_another_editors_annotation(article, editor):
    """The panel shows another editor's span without Edit / Delete buttons (the views refuse
    them anyway, see above)."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    html = client_for(make_user(role="editor2")).get(f"/articles/{article.pk}/").content.decode()
    assert f'id="ann-{claim.pk}"' in html
    assert reverse("annotations:edit", args=[claim.pk]) not in html
    assert reverse("annotations:delete", args=[claim.pk]) not in html


# --- Approved articles: reopening, and the lock ---------------------------------------------


def approve(article: Article) -> None:
    Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)
    article.refresh_from_db()


def reopen(user, article: Article):
    url = reverse("annotations:workflow", args=[article.pk, "reopen"])
    return (client_for(user) if user else Client()).post(url, headers=HTMX)


@pytest.mark.parametrize("role", ["reviewer", "admin"])
def test_reviewer_and_admin_can_reopen_approved_article(article, role):
    """Reopening is the reviewers' step (admins have every role)."""
    approve(article)
    assert reopen(make_user(role=role), article).status_code == 200
    assert Article.objects.get(pk=article.pk).status == Article.Status.READY


@pytest.mark.parametrize("who", ["editor", "no group", "anonymous"])
def test_others_cannot_reopen_approved_article(article, who):
    """Editors and role-less accounts get 403, anonymous visitors the login page; the article
    stays approved and no history row is written."""
    approve(article)
    user = {"editor": lambda: make_user(role="editor"), "no group": no_group_user}.get(who)
    response = reopen(user() if user else None, article)
    assert response.status_code == (200 if who == "anonymous" else 403)
    if who == "anonymous":
        assert response["HX-Redirect"].startswith("/login/")
    assert Article.objects.get(pk=article.pk).status == Article.Status.APPROVED
    assert not ArticleReview.objects.exists()


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_nobody_changes_an_approved_article(article, editor, action, role):
    """While approved, every change to spans and links is refused with 409 (editors on their
    own spans, reviewers and admins on anyone's), and the database is as before."""
    rows = action.setup(article, editor)
    approve(article)
    before = action.state(rows)
    user = editor if role == "editor" else make_user(role=role)
    response = action.send(client_for(user), rows)
    assert response.status_code == 409
    assert b"This article is approved" in response.content
    assert action.state(rows) == before


@pytest.mark.parametrize("name", ["annotations:edit", "annotations:link"])
def test_editor_gets_409_on_forms_of_an_approved_article(article, editor, name):
    """The inline forms are refused too, not just their posts."""
    rows = setup_claim(article, editor)
    approve(article)
    response = client_for(editor).get(reverse(name, args=[rows["claim"].pk]), headers=HTMX)
    assert response.status_code == 409


def test_editor_cannot_create_on_approved_article(article, editor):
    """A new span on an approved article: 409, nothing saved."""
    approve(article)
    response = client_for(editor).post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers=HTMX,
    )
    assert response.status_code == 409
    assert Annotation.all_objects.count() == 0


def test_another_editor_still_gets_403_on_approved_article(article, editor):
    """The role check comes first: someone else's span is 403 whatever the article's state."""
    rows = setup_claim(article, editor)
    approve(article)
    response = client_for(make_user(role="editor2")).post(
        reverse("annotations:delete", args=[rows["claim"].pk]), headers=HTMX
    )
    assert response.status_code == 403


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_editor_changes_again_once_reopened(article, editor, action):
    """After a reviewer reopens the article, the editor's change goes through."""
    rows = action.setup(article, editor)
    approve(article)
    reopen(make_user(role="reviewer"), article)
    response = action.send(client_for(editor), rows)
    assert response.status_code == 200
    assert action.state(rows) == expected_after(action, rows)


# --- CSRF -------------------------------------------------------------------------------------


def csrf_client(user) -> Client:
    """A client that enforces CSRF like a browser."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def page_csrf_header(client: Client, article: Article) -> str:
    html = client.get(f"/articles/{article.pk}/").content.decode()
    match = re.search(r"<body hx-headers:inherited='([^']*)'", html)
    assert match, "the page must hand htmx its CSRF header"
    return json.loads(match.group(1))["X-CSRFToken"]


def test_post_without_csrf_token_is_refused(article, editor):
    """A POST that carries no CSRF token is refused with 403 and writes nothing."""
    client = csrf_client(editor)
    client.get(f"/articles/{article.pk}/")  # the browser has the cookie, but sends no token
    response = client.post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers=HTMX,
    )
    assert response.status_code == 403
    assert Annotation.all_objects.count() == 0


def test_post_with_wrong_csrf_token_is_refused(article, editor):
    """A forged X-CSRFToken header is refused with 403 and writes nothing."""
    client = csrf_client(editor)
    client.get(f"/articles/{article.pk}/")
    response = client.post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers={**HTMX, "X-CSRFToken": "x" * 32},
    )
    assert response.status_code == 403
    assert Annotation.all_objects.count() == 0


def test_post_with_csrf_header_from_page_is_accepted(article, editor):
    """The X-CSRFToken header the page configures in hx-headers lets an htmx POST through."""
    client = csrf_client(editor)
    token = page_csrf_header(client, article)
    response = client.post(
        reverse("annotations:create", args=[article.pk]),
        span_data(article, "less sure"),
        headers={**HTMX, "X-CSRFToken": token},
    )
    assert response.status_code == 201
    assert Annotation.objects.get().quote == "less sure"


def test_post_with_csrf_cookie_value_as_header_is_accepted(article, editor):
    """The csrftoken cookie's value is also accepted as the X-CSRFToken header."""
    client = csrf_client(editor)
    client.get(f"/articles/{article.pk}/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse(
            "annotations:delete", args=[make_annotation(article, author=editor, quote="said").pk]
        ),
        headers={**HTMX, "X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert Annotation.objects.count() == 0


# --- Suggestions (issue 10) ---------------------------------------------------------------------


@pytest.mark.parametrize(("method", "name", "row"), SUGGESTION_ENDPOINTS, ids=SUGGESTION_IDS)
def test_user_in_no_group_gets_403_on_suggestion_endpoint(world, method, name, row):
    """Reviewing suggestions needs suggestions.review_suggestion, checked by the view: a
    signed-in user without it is refused and the suggestion stays pending."""
    response = client_for(no_group_user()).post(
        url_of(world, name, row), {"min_confidence": "0"}, headers=HTMX
    )
    assert response.status_code == 403
    assert Suggestion.objects.get(pk=world["suggestion"].pk).status == "pending"
    assert not Attribution.objects.exclude(pk=world["attribution"].pk).exists()


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
def test_every_reviewing_role_can_accept_a_suggestion(world, role):
    """Editors, reviewers and admins may accept a suggestion from the article page."""
    response = client_for(make_user(role=role)).post(
        reverse("suggestions:accept", args=[world["suggestion"].pk]), headers=HTMX
    )
    assert response.status_code == 200
    assert Suggestion.objects.get(pk=world["suggestion"].pk).status == "accepted"


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
def test_every_reviewing_role_can_reject_a_suggestion(world, role):
    """Editors, reviewers and admins may reject a suggestion from the article page."""
    response = client_for(make_user(role=role)).post(
        reverse("suggestions:reject", args=[world["suggestion"].pk]), headers=HTMX
    )
    assert response.status_code == 200
    assert Suggestion.objects.get(pk=world["suggestion"].pk).status == "rejected"


def test_suggestion_post_without_csrf_token_is_refused(world, editor):
    """Accepting a suggestion is a POST like any other: without the CSRF token it is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("suggestions:accept", args=[world["suggestion"].pk]), headers=HTMX
    )
    assert response.status_code == 403
    assert Suggestion.objects.get(pk=world["suggestion"].pk).status == "pending"
