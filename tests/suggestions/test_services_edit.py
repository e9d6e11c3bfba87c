"""suggestions.services.accept with edited spans (issue 10): the editor's spans are verified
against the server's text, refused when they would not make a valid attribution, written in one
transaction with the claim, and the suggestion records that it was accepted after an edit."""

from __future__ import annotations

from unittest import mock

import pytest

from annotations.models import Annotation, Attribution, Source
from articles.models import Article
from suggestions import services
from suggestions.models import Suggestion
from suggestions.services import EditedSpans, QuotedSpan, SuggestionError, accept
from suggestions.store import Proposal, store
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

BODY = "The harbour board said on Monday that the old pier would close in May, a union claimed."


def q(words: str) -> QuotedSpan:
    """The span of `words` in BODY, with the words the page saw there."""
    start = BODY.index(words)
    return QuotedSpan(start, start + len(words), words)


@pytest.fixture
def article() -> Article:
    return make_article(title="Pier", body=BODY)


@pytest.fixture
def suggestion(article) -> Suggestion:
    entry = Source.objects.create(name="Harbour Board of Lindholm", kind="organisation")
    spans = [q("The harbour board"), q("said"), q("the old pier would close in May")]
    store(
        article,
        [
            Proposal(
                source=((spans[0].start, spans[0].end),),
                cue=(spans[1].start, spans[1].end),
                content=((spans[2].start, spans[2].end),),
                confidence=0.9,
                rule="source-cue-that",
                source_entry=entry,
            )
        ],
        origin="newsroom-rules",
        origin_version="3",
    )
    return Suggestion.objects.select_related("source_entry").get()


def edited(
    source: tuple[str, ...] = ("The harbour board",),
    cue: str = "said",
    content: tuple[str, ...] = ("the old pier would close",),
) -> EditedSpans:
    return EditedSpans(tuple(q(s) for s in source), q(cue), tuple(q(c) for c in content))


def nothing_written(suggestion: Suggestion) -> bool:
    """No span, no attribution, and the suggestion still pending."""
    suggestion.refresh_from_db()
    return (
        not Annotation.all_objects.exists()
        and not Attribution.objects.exists()
        and suggestion.status == Suggestion.Status.PENDING
        and suggestion.attribution is None
    )


def test_edited_spans_become_the_annotations(suggestion, editor):
    """The claim made is the edited one (shorter than suggested), source and cue as given,
    authored by the editor, with the suggestion's registry entry on the source."""
    attribution = accept(suggestion, editor, edited=edited())
    assert attribution.claim.quote == "the old pier would close"
    assert attribution.source_span.quote == "The harbour board"
    assert attribution.cue.quote == "said"
    assert attribution.source_entry == suggestion.source_entry
    assert {a.author for a in Annotation.objects.all()} == {editor}


def test_the_suggestion_keeps_its_spans_and_says_it_was_edited(suggestion, editor):
    """Provenance: accepted, linked to the attribution, `edited` set, its own spans (what was
    suggested) unchanged."""
    before = suggestion.content_spans
    attribution = accept(suggestion, editor, edited=edited())
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED and suggestion.edited
    assert suggestion.attribution == attribution
    assert suggestion.content_spans == before


def test_an_unedited_accept_is_not_marked_edited(suggestion, editor):
    """Accepting as suggested leaves `edited` off."""
    accept(suggestion, editor)
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED and not suggestion.edited


def test_removing_every_source_makes_it_implicit_without_the_entry(suggestion, editor):
    """No source span: the attribution's source is implicit and the suggestion's registry
    entry (which named the removed words) is not carried over."""
    attribution = accept(suggestion, editor, edited=edited(source=()))
    assert attribution.source_span is None and attribution.source_entry is None
    assert attribution.implicit_source


def test_a_quote_that_does_not_match_the_text_is_refused(suggestion, editor):
    """The browser's words are checked against the server's text at those offsets."""
    good = edited()
    claim = good.content[0]
    bad = EditedSpans(good.source, good.cue, (QuotedSpan(claim.start, claim.end, "the old quay"),))
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor, edited=bad)
    assert refused.value.code == "invalid"
    assert nothing_written(suggestion)


@pytest.mark.parametrize(
    ("start", "end"), [(-1, 5), (0, len(BODY) + 1), (10, 10)], ids=["before", "after", "empty"]
)
def test_a_span_outside_the_text_or_empty_is_refused(suggestion, editor, start, end):
    """Offsets out of range or an empty span: refused, nothing written."""
    cue = QuotedSpan(start, end, BODY[max(start, 0) : end])
    with pytest.raises(SuggestionError):
        accept(suggestion, editor, edited=EditedSpans((), cue, (q("the old pier"),)))
    assert nothing_written(suggestion)


def test_a_span_of_only_spaces_is_refused(suggestion, editor):
    """A part must hold words."""
    space = BODY.index(" ")
    with pytest.raises(SuggestionError):
        accept(
            suggestion,
            editor,
            edited=EditedSpans((), QuotedSpan(space, space + 1, " "), (q("the old pier"),)),
        )
    assert nothing_written(suggestion)


def test_a_cue_overlapping_the_claim_is_refused(suggestion, editor):
    """The cue inside the claim (or any two parts sharing words) is not an attribution."""
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor, edited=edited(content=("said on Monday",)))
    assert "overlap" in str(refused.value)
    assert nothing_written(suggestion)


def test_no_claim_is_refused(suggestion, editor):
    """Every claim part removed: refused."""
    with pytest.raises(SuggestionError):
        accept(suggestion, editor, edited=edited(content=()))
    assert nothing_written(suggestion)


def test_edited_accept_of_a_stale_revision_is_refused(suggestion, editor, article):
    """The revision check holds for an edited accept: code stale, nothing written."""
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor, revision=article.revision - 1, edited=edited())
    assert refused.value.code == "stale"
    assert nothing_written(suggestion)


def test_edited_accept_on_an_approved_article_is_refused(suggestion, editor, article):
    """The approved-article lock holds for an edited accept."""
    Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor, edited=edited())
    assert refused.value.code == "locked"
    assert nothing_written(suggestion)


def test_edited_accept_of_a_decided_suggestion_is_refused(suggestion, editor):
    """The conditional UPDATE claim holds: a second (edited) accept makes nothing more."""
    accept(suggestion, editor)
    stale = Suggestion.objects.get(pk=suggestion.pk)
    stale.status = Suggestion.Status.PENDING
    with pytest.raises(SuggestionError) as refused:
        accept(stale, make_user("other", role="reviewer"), edited=edited())
    assert refused.value.code == "decided"
    assert Attribution.objects.count() == 1


def test_edited_accept_is_atomic(suggestion, editor):
    """A failure after the spans are written (making the attribution) leaves nothing: no
    span, no attribution, the suggestion pending."""
    with (
        mock.patch.object(services, "_attribution", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        accept(suggestion, editor, edited=edited())
    assert nothing_written(suggestion)


def test_check_edited_lets_separate_parts_through():
    """Parts that touch but do not overlap are fine (pure check)."""
    services.check_edited(BODY, edited(content=("on Monday that the old pier",)))
