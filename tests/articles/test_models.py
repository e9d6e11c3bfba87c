"""The articles app's models: Article.save canonicalises and versions its text, and the clean
rules that keep annotated text from being edited under its annotations."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db


# --- Article.save: canonical text and revision ------------------------------------------------


def test_article_save_canonicalises_title_and_body():
    """Saving stores canonical text: one-line NFC title, LF-only body without extra blank lines."""
    article = make_article(title="  Cafe\u0301\n opens ", body="One \r\n\r\n\r\nTwo\u00a0\r\n")
    article.refresh_from_db()
    assert article.title == "Caf\u00e9 opens"
    assert article.body == "One\n\nTwo"


def test_article_save_sets_content_hash():
    """The stored hash is the content_hash of the canonical title and body."""
    from articles.content import content_hash

    article = make_article(title="T", body="B")
    assert article.content_hash == content_hash("T", "B")


def test_new_article_starts_at_revision_one():
    """A fresh article is revision 1."""
    assert make_article().revision == 1


def test_article_save_without_text_change_keeps_revision(article):
    """Saving other fields (or text that canonicalises the same) does not bump revision."""
    article.status = Article.Status.IN_ANNOTATION
    article.body = article.body.replace("\n", "\r\n") + "\n\n"
    article.save()
    article.refresh_from_db()
    assert article.revision == 1


def test_article_save_with_body_change_bumps_revision(article):
    """Changing the body moves the revision on by one, and the instance sees the new number."""
    article.body += " Really."
    article.save()
    assert article.revision == 2
    article.refresh_from_db()
    assert article.revision == 2


def test_article_save_with_title_change_bumps_revision(article):
    """Changing the title also bumps revision."""
    article.title = "Bridge to close"
    article.save()
    assert article.revision == 2


def test_caption_text_change_bumps_article_revision(article):
    """A caption is part of the annotatable text: editing it bumps the article's revision."""
    caption = article.captions.get()
    caption.text = "The bridge at dawn"
    caption.save()
    article.refresh_from_db()
    assert article.revision == 2


def test_caption_credit_change_keeps_article_revision(article):
    """Only caption text counts: a new credit leaves the revision alone."""
    caption = article.captions.get()
    caption.credit = "Photo: B. Reporter"
    caption.save()
    article.refresh_from_db()
    assert article.revision == 1


# --- frozen annotated text (clean) ------------------------------------------------------------


def test_article_clean_refuses_body_change_when_body_is_annotated(article, editor):
    """With a body annotation, clean() refuses a body edit with the frozen-text message."""
    make_annotation(article, quote="minister", author=editor)
    article.body += " Really."
    with pytest.raises(ValidationError) as info:
        article.full_clean()
    assert "cannot be edited" in info.value.message_dict["body"][0]


def test_article_clean_allows_title_change_when_only_body_is_annotated(article, editor):
    """Only annotated fields are frozen: the title of a body-annotated article can change."""
    make_annotation(article, quote="minister", author=editor)
    article.title = "A new title"
    article.full_clean()


def test_article_clean_allows_whitespace_only_change(article, editor):
    """A change that canonicalises away (CR LF from a browser form) is not an edit."""
    make_annotation(article, quote="minister", author=editor)
    article.body = article.body.replace("\n", "\r\n") + "  "
    article.full_clean()


def test_caption_clean_refuses_text_change_when_caption_is_annotated(article, editor):
    """An annotated caption's text is frozen too."""
    caption = article.captions.get()
    make_annotation(
        article, "Source", author=editor, target="caption", caption=caption, quote="bridge"
    )
    caption.text = "The bridge at dawn"
    with pytest.raises(ValidationError) as info:
        caption.full_clean()
    assert "cannot be edited" in info.value.message_dict["text"][0]
