"""The annotation models' helpers the views read through (annotations.models): the target key,
tags by id, counts by review status, and a set's articles that survive malformed filters.
(The constraints and the rest of the models are tested in tests/test_models.py.)"""

from __future__ import annotations

import pytest

from annotations.models import AnnotatedSet, Annotation, Tag, target_key
from articles.models import ImageCaption
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("target", "caption_id", "key"),
    [("title", None, "title"), ("body", None, "body"), ("caption", 12, "caption-12")],
)
def test_target_key_names_the_rendered_text(target, caption_id, key):
    """Title and body are their own keys; a caption's key carries the caption's id."""
    assert target_key(target, caption_id) == key


def test_annotation_target_key_is_the_same_rule():
    """Annotation.target_key answers what target_key answers for its fields."""
    article = make_article(captions=[("The old bridge", "")])
    caption = ImageCaption.objects.get(article=article)
    span = make_annotation(
        article, "Claim", quote="old", target=Annotation.Target.CAPTION, caption=caption
    )
    assert span.target_key == target_key("caption", caption.pk) == f"caption-{caption.pk}"


def test_tags_by_id_holds_every_tag():
    """Tag.objects.by_id() maps each tag's pk to the tag."""
    tags = Tag.objects.by_id()
    assert sorted(tags) == sorted(Tag.objects.values_list("pk", flat=True))
    assert all(tag.pk == pk for pk, tag in tags.items())


def test_count_by_status_counts_live_annotations_and_shows_every_status():
    """Every status is present, zero when none; deleted annotations do not count."""
    article = make_article()
    editor = make_user()
    make_annotation(article, "Claim", quote="minister", author=editor)
    make_annotation(article, "Cue", quote="said", author=editor, status="accepted")
    make_annotation(article, "Source", quote="bridge", author=editor).mark_deleted()
    counts = Annotation.objects.filter(article=article).count_by_status()
    assert counts == {"pending": 1, "accepted": 1, "rejected": 0}


def test_articles_or_none_is_empty_for_malformed_filters():
    """A set whose stored filters are malformed holds no article there, instead of raising."""
    make_article()
    broken = AnnotatedSet.objects.create(name="Broken", filters={"date_from": "soon"})
    with pytest.raises(ValueError):
        broken.articles()
    assert list(broken.articles_or_none()) == []


def test_articles_or_none_is_the_sets_articles_otherwise():
    """A well-formed set holds the same articles through either method."""
    article = make_article(outlet="Daily Ledger")
    make_article(outlet="Other")
    ledger = AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Daily Ledger"})
    assert list(ledger.articles_or_none()) == [article]
