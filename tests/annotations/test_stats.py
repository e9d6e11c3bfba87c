"""The reviewers' aggregates (annotations.stats): the most cited sources, and the per-set
status counts agreeing with each set's own articles."""

from __future__ import annotations

import pytest

from annotations import stats
from annotations.models import AnnotatedSet, Attribution, Source
from articles.models import Article
from tests.annotations.conftest import BODY
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db


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
    cited = stats.most_cited()
    assert [(c.label, c.count, c.registered) for c in cited] == [
        ("Ministry of Works", 2, True),
        ("“The Minister”", 2, False),
        ("“The Mayor”", 1, False),
    ]


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
    counts = stats.set_status_counts(sets)
    for s in sets:
        expected = {}
        for status in s.articles().values_list("status", flat=True):
            expected[status] = expected.get(status, 0) + 1
        assert dict(counts[s.pk]) == expected
