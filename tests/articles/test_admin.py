"""The article admin: annotation counts, search, and frozen annotated text refused with a
message (titles, bodies and captions that spans point into)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import Annotation
from articles.models import Article
from tests.admin_forms import change_form, post_change
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db

FROZEN = "has annotations, so its text cannot be edited"


@pytest.fixture
def article():
    return make_article(
        title="Bridge to open",
        body="The minister said the bridge would open.\n\nEngineers doubted it.",
        captions=[("The bridge at dusk", "Photo: A. Reporter")],
        outlet="Daily Example",
    )


# --- Article admin ----------------------------------------------------------------------------


def test_article_changelist_shows_live_annotation_count(superuser_client, article):
    """The list has a count column from the queryset annotation, skipping deleted annotations."""
    make_annotation(article, quote="minister")
    make_annotation(article, quote="bridge")
    make_annotation(article, quote="Engineers").mark_deleted()
    response = superuser_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    row = response.context["cl"].result_list.get(pk=article.pk)
    assert row.annotation_count == 2
    assert b"Annotations" in response.content


def test_article_changelist_search_finds_body_text(superuser_client, article):
    """Searching matches words of the body, not only the title."""
    make_article(title="Other", body="Nothing relevant.")
    response = superuser_client.get(
        reverse("admin:articles_article_changelist"), {"q": "Engineers"}
    )
    assert list(response.context["cl"].result_list) == [article]


def test_article_admin_saves_body_change_of_unannotated_article(superuser_client, article):
    """Control case: the same POST without annotations is accepted and bumps the revision."""
    data = change_form(superuser_client, Article, article)
    data["body"] = "The minister said the bridge would open soon.\r\n\r\nEngineers doubted it."
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "The minister said the bridge would open soon.\n\nEngineers doubted it."
    assert article.revision == 2


def test_article_admin_refuses_body_change_of_annotated_body(superuser_client, article):
    """Changing annotated body text shows the frozen-text error and leaves the body unchanged."""
    make_annotation(article, quote="minister")
    before = article.body
    data = change_form(superuser_client, Article, article)
    data["body"] = "The minister said the bridge would open soon.\r\n\r\nEngineers doubted it."
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 200
    assert FROZEN in response.context["adminform"].form.errors["body"][0]
    assert FROZEN in response.content.decode()
    article.refresh_from_db()
    assert article.body == before
    assert article.revision == 1


def test_article_admin_refuses_title_change_of_annotated_title(superuser_client, article):
    """A title annotation freezes the title in the same way."""
    make_annotation(article, quote="Bridge", target="title")
    data = change_form(superuser_client, Article, article)
    data["title"] = "Bridge to close"
    response = post_change(superuser_client, Article, article, data)
    assert FROZEN in response.context["adminform"].form.errors["title"][0]
    article.refresh_from_db()
    assert article.title == "Bridge to open"


def test_article_admin_allows_other_fields_of_annotated_article(superuser_client, article):
    """Status and outlet of an annotated article remain editable."""
    make_annotation(article, quote="minister")
    data = change_form(superuser_client, Article, article)
    data["status"] = Article.Status.READY
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.READY


def test_article_admin_refuses_caption_text_change_of_annotated_caption(superuser_client, article):
    """The caption inline shows the frozen-text error and keeps the caption text."""
    caption = article.captions.get()
    make_annotation(article, "Source", target="caption", caption=caption, quote="bridge")
    data = change_form(superuser_client, Article, article)
    assert data["captions-0-text"] == "The bridge at dusk"
    data["captions-0-text"] = "The bridge at dawn"
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"][0].formset
    assert FROZEN in inline.forms[0].errors["text"][0]
    assert FROZEN in response.content.decode()
    caption.refresh_from_db()
    assert caption.text == "The bridge at dusk"


def test_article_admin_saves_caption_text_change_of_unannotated_caption(superuser_client, article):
    """Control case: without annotations the caption edit is saved."""
    data = change_form(superuser_client, Article, article)
    data["captions-0-text"] = "The bridge at dawn"
    assert post_change(superuser_client, Article, article, data).status_code == 302
    assert article.captions.get().text == "The bridge at dawn"


def test_article_admin_refuses_deleting_annotated_caption(superuser_client, article):
    """Ticking delete on an annotated caption is refused instead of cascading silently."""
    caption = article.captions.get()
    annotation = make_annotation(article, "Source", target="caption", caption=caption, quote="dusk")
    data = change_form(superuser_client, Article, article)
    data["captions-0-DELETE"] = "on"
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_article_admin_lists_captions_by_position(superuser_client):
    """The inline shows captions in position order, whatever order they were made in."""
    article = make_article(captions=[("first", ""), ("second", "")])
    article.captions.filter(text="first").update(position=5)
    data = change_form(superuser_client, Article, article)
    assert [data["captions-0-text"], data["captions-1-text"]] == ["second", "first"]


def test_admin_pages_declare_an_empty_icon(superuser_client):
    """Admin pages name an inline empty icon, as the app's pages do, so the browser does not ask
    for /favicon.ico (a 404 in the console on every admin page)."""
    response = superuser_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert '<link rel="icon" href="data:,">' in response.content.decode()
