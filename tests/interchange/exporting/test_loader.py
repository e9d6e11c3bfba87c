"""The loader: ORM rows → records, in batches, in reading order, with a fixed number of queries."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.models import Annotation, Tag
from articles.models import Article
from interchange.exporting.loader import load_articles
from tests.factories import make_annotation, make_article
from tests.interchange.exporting.sample_db import CAPTION, annotated_article, one, user

pytestmark = pytest.mark.django_db


def test_loader_snapshots_an_article_in_reading_order():
    """Captions, annotations in reading order (title, caption, body; enclosing span first),
    caption indexes, authors, registry names, links by client id, sources with sorted aliases."""
    article, spans = annotated_article()
    loaded = one(article)
    assert (loaded.title, loaded.body, loaded.captions) == (article.title, article.body, [CAPTION])
    assert loaded.caption_ids == [article.captions.get().pk]
    order = [a.client_id for a in loaded.annotations]
    names = ["title", "caption", "source", "cue", "claim", "nested", "claim2"]
    assert order == [str(spans[n].client_id) for n in names]
    by_quote = {a.quote: a for a in loaded.annotations}
    assert by_quote["old bridge"].caption == 0 and by_quote["old bridge"].target == "caption"
    assert by_quote["The minister"].source == "Minister of Transport"
    assert by_quote["bridge would"].author == "ben"
    assert by_quote["the bridge would open in spring"].tag_role == Tag.Role.CLAIM
    first, second = loaded.attributions
    assert (first.claim, first.source_span, first.source, first.cue, first.author) == (
        str(spans["claim"].client_id),
        str(spans["source"].client_id),
        None,
        str(spans["cue"].client_id),
        "ana",
    )
    assert (second.source_span, second.source, second.cue) == (None, "Engineering Council", None)
    assert [(s.name, s.aliases) for s in loaded.sources] == [
        ("Engineering Council", []),
        ("Minister of Transport", ["the minister", "transport minister"]),
    ]


def test_loader_keeps_accepted_annotations_unless_told_otherwise():
    """approved_only (the default) drops pending and rejected spans; off, every live span."""
    article, spans = annotated_article()
    assert {a.status for a in one(article).annotations} == {"accepted"}
    everything = one(article, approved_only=False)
    assert len(everything.annotations) == 9
    spans["pending"].mark_deleted()
    assert len(one(article, approved_only=False).annotations) == 8


def test_links_to_unexported_spans_are_dropped_or_lose_their_cue():
    """A link whose source span is not exported is left out; an unexported cue becomes None."""
    article, spans = annotated_article()
    Annotation.objects.filter(pk=spans["cue"].pk).update(status="pending")
    assert one(article).attributions[0].cue is None
    Annotation.objects.filter(pk=spans["source"].pk).update(status="rejected")
    assert [a.source for a in one(article).attributions] == ["Engineering Council"]


def test_loader_runs_the_same_queries_for_three_articles_as_for_thirty():
    """A fixed number of queries per batch, whatever the number of articles in it."""
    _, spans = annotated_article()
    author = spans["claim"].author

    def queries(n: int) -> int:
        for _ in range(n - Article.objects.count()):
            other = make_article(title=f"Other story {uuid.uuid4()}")
            make_annotation(other, quote="bridge", status="accepted", author=author)
        with CaptureQueriesContext(connection) as ctx:
            assert len(list(load_articles(Article.objects.all()))) == n
        return len(ctx.captured_queries)

    # ids, tags, articles, captions, annotations, attributions, users, sources, aliases
    assert queries(3) == queries(30) <= 9


def test_loader_is_lazy_and_reads_one_batch_at_a_time():
    """Nothing is read until the first article is asked for, then only its batch."""
    author = user("ana")
    for i in range(5):
        article = make_article(title=f"Story {i}")
        make_annotation(article, quote="bridge", status="accepted", author=author)
    with CaptureQueriesContext(connection) as ctx:
        stream = load_articles(Article.objects.all(), batch_size=2)
        assert len(ctx.captured_queries) == 0
        next(stream)
        after_first = len(ctx.captured_queries)
        rest = list(stream)
    assert len(rest) == 4
    assert 0 < after_first < len(ctx.captured_queries)


def test_articles_come_in_primary_key_order_by_default():
    """Article's own ordering (newest first) is not the export's: by primary key."""
    ids = [make_article(title=f"Story {i}").pk for i in range(3)]
    assert [a.id for a in load_articles(Article.objects.all())] == sorted(ids)
    explicit = Article.objects.order_by("-pk")
    assert [a.id for a in load_articles(explicit)] == sorted(ids, reverse=True)
