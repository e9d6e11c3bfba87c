"""suggestions.store: the one write path for suggestions of every origin."""

from __future__ import annotations

import pytest

from suggestions.models import Suggestion
from suggestions.store import Proposal, store

pytestmark = pytest.mark.django_db

BODY = 'The mayor said that the bridge will reopen. "Soon," she added.'


@pytest.fixture
def article(article):
    article.body = BODY
    article.save()
    return article


def proposal(confidence: float = 0.9) -> Proposal:
    return Proposal(
        source=((0, 9),), cue=(10, 14), content=((15, 42),), confidence=confidence, rule="r"
    )


def test_store_writes_one_row_per_proposal_with_its_provenance(article):
    """A stored proposal keeps its spans, origin, version, rule and confidence."""
    result = store(article, [proposal()], origin="rules", origin_version="7")
    assert result.created == 1
    row = Suggestion.objects.get()
    assert (row.source_spans, row.cue_span, row.content_spans) == ([[0, 9]], [10, 14], [[15, 42]])
    assert (row.origin, row.origin_version, row.rule, row.confidence) == ("rules", "7", "r", 0.9)
    assert row.status == Suggestion.Status.PENDING


def test_a_rerun_replaces_pending_and_never_reoffers_a_rejected_one(article):
    """Re-running replaces unreviewed suggestions; a rejected one stays rejected, not re-offered."""
    store(article, [proposal()], origin="rules")
    Suggestion.objects.update(status=Suggestion.Status.REJECTED)
    other = Proposal(source=(), cue=(44, 48), content=((44, 50),), confidence=0.7)
    result = store(article, [proposal(), other], origin="rules")
    assert (result.created, result.skipped_decided) == (1, 1)
    assert Suggestion.objects.filter(status="rejected").count() == 1
    result = store(article, [other], origin="rules")
    assert (result.replaced, result.created) == (1, 1)
    assert Suggestion.objects.count() == 2


def test_the_same_proposal_from_two_origins_is_stored_once(article):
    """One row per article and fingerprint, whichever origin proposed it first."""
    store(article, [proposal()], origin="rules")
    result = store(article, [proposal(0.5)], origin="citron", replace=False)
    assert (result.created, result.skipped_duplicate) == (0, 1)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (Proposal(source=(), cue=(0, 4), content=(), confidence=0.5), "content: at least one"),
        (Proposal(source=(), cue=(5, 5), content=((0, 3),), confidence=0.5), "cue: span [5, 5]"),
        (
            Proposal(source=((0, 999),), cue=(0, 4), content=((5, 9),), confidence=0.5),
            "source: span [0, 999] is not within 0..62",
        ),
        (Proposal(source=(), cue=(0, 4), content=((5, 9),), confidence=1.5), "confidence"),
    ],
)
def test_a_proposal_that_does_not_fit_the_text_is_refused_with_the_reason(article, bad, message):
    """Bad spans are refused, saying which role and why; nothing of them is stored."""
    result = store(article, [bad], origin="x")
    assert result.created == 0
    assert message in result.refused[0]
    assert not Suggestion.objects.exists()


def test_each_store_writes_through_the_calling_threads_connection(article):
    """The inserter is made per write, never kept for the process: an Insert holds the
    connection it was made with, and one kept would write through another thread's."""
    from django.db import connections

    from suggestions.store import _insert

    assert _insert() is not _insert()
    assert _insert().connection is connections["default"]
