"""suggestions.services: accepting makes ordinary annotations and one attribution authored by
the editor, once; rejecting remembers; both refuse what cannot be decided."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Group

from annotations.models import Annotation, Attribution, Source, Tag
from articles.models import Article
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
from suggestions import services
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from suggestions.services import SuggestionError, accept, reject
from suggestions.store import Proposal, store
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

BODY = (
    '"The bridge is safe," the mayor said, "and it will reopen." It was announced that tolls end.'
)


def span(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


@pytest.fixture
def article() -> Article:
    return make_article(title="Bridge", body=BODY)


def suggested(
    article: Article, *, implicit: bool = False, entry: Source | None = None
) -> Suggestion:
    """One stored suggestion: the interrupted quotation (two fragments), or the sourceless one."""
    if implicit:
        proposal = Proposal(
            source=(),
            cue=span(BODY, "It was announced"),
            content=(span(BODY, "that tolls end"),),
            confidence=0.7,
            rule="it-passive",
        )
    else:
        proposal = Proposal(
            source=(span(BODY, "the mayor"),),
            cue=span(BODY, "said"),
            content=(span(BODY, '"The bridge is safe,"'), span(BODY, '"and it will reopen."')),
            confidence=0.9,
            rule="quote-source-cue",
            source_name="",
            source_entry=entry,
        )
    store(article, [proposal], origin="newsroom-rules", origin_version="1")
    return Suggestion.objects.get(rule=proposal.rule)


def test_accepting_makes_the_spans_and_one_attribution_authored_by_the_editor(article, editor):
    """Source, cue and each content fragment become spans with their role's tag, authored by
    the accepting editor; the attribution links them (first fragment as claim, the rest as
    fragments) and the suggestion is accepted, decided by the editor and linked to it."""
    entry = Source.objects.create(name="Mayor of Lindholm", kind="person")
    suggestion = suggested(article, entry=entry)
    attribution = accept(suggestion, editor)
    spans = {(a.tag.role, a.quote): a for a in Annotation.objects.select_related("tag")}
    assert set(spans) == {
        ("source", "the mayor"),
        ("cue", "said"),
        ("claim", '"The bridge is safe,"'),
        ("claim", '"and it will reopen."'),
    }
    assert {a.author for a in spans.values()} == {editor}
    assert spans[("source", "the mayor")].source_entry == entry
    assert attribution.claim == spans[("claim", '"The bridge is safe,"')]
    assert list(attribution.fragments.all()) == [spans[("claim", '"and it will reopen."')]]
    assert attribution.source_span == spans[("source", "the mayor")]
    assert attribution.cue == spans[("cue", "said")]
    assert (attribution.source_entry, attribution.implicit_source) == (entry, False)
    assert attribution.author == editor
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED
    assert (suggestion.decided_by, suggestion.attribution) == (editor, attribution)
    assert suggestion.decided_at is not None
    assert (suggestion.rule, suggestion.confidence) == ("quote-source-cue", 0.9)  # provenance kept


def test_a_sourceless_suggestion_becomes_an_implicit_source_attribution(article, editor):
    """No source span and no registry entry: the attribution has an implicit source."""
    attribution = accept(suggested(article, implicit=True), editor)
    assert attribution.implicit_source
    assert attribution.source_span is None and attribution.source_entry is None
    assert not Annotation.objects.filter(tag__role=Tag.Role.SOURCE).exists()


def test_accepting_twice_makes_one_attribution(article, editor):
    """The claim is a conditional UPDATE: a second accept (another tab, a stale object) is
    refused and makes nothing."""
    suggestion = suggested(article)
    stale = Suggestion.objects.get(pk=suggestion.pk)
    accept(suggestion, editor)
    with pytest.raises(SuggestionError) as refused:
        accept(stale, make_user("other", role="reviewer"))
    assert refused.value.code == "decided"
    assert "already accepted" in str(refused.value)
    assert Attribution.objects.count() == 1
    assert Annotation.objects.count() == 4


def test_a_rejected_suggestion_cannot_be_accepted_and_is_not_offered_again(article, editor):
    """Rejecting marks it decided by the editor; accepting it afterwards is refused, and a
    re-run of the engine does not offer it again."""
    suggest_articles([article.pk])
    suggestion = Suggestion.objects.filter(article=article).first()
    assert suggestion is not None
    reject(suggestion, editor)
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (Suggestion.Status.REJECTED, editor)
    with pytest.raises(SuggestionError, match="already rejected"):
        accept(suggestion, editor)
    with pytest.raises(SuggestionError, match="already rejected"):
        reject(suggestion, editor)
    suggest_articles([article.pk])
    assert Suggestion.objects.filter(fingerprint=suggestion.fingerprint).count() == 1
    assert not Annotation.objects.exists()


def test_accepting_is_refused_when_the_text_changed(article, editor):
    """Spans that no longer cut the same words (the text was edited) are refused; nothing is
    written and the suggestion stays pending."""
    suggestion = suggested(article)
    article.body = "Breaking: " + BODY
    article.save()
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor)
    assert refused.value.code == "text_changed"
    assert not Annotation.objects.exists() and not Attribution.objects.exists()
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.PENDING


def test_accepting_is_refused_for_a_revision_the_editor_no_longer_sees(article, editor):
    """When the caller says which revision the editor saw, a different one is refused."""
    suggestion = suggested(article)
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor, revision=article.revision + 1)
    assert refused.value.code == "stale"
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.PENDING
    assert accept(suggestion, editor, revision=article.revision).pk


def test_accepting_on_an_approved_article_is_refused_for_every_caller(article, editor):
    """The workflow's lock is checked in the service, so the page, accept-all and the admin
    action all refuse an approved article alike; nothing is written."""
    suggestion = suggested(article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)
    with pytest.raises(SuggestionError) as refused:
        accept(suggestion, editor)
    assert refused.value.code == "locked"
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.PENDING
    assert not Attribution.objects.exists()


def test_existing_spans_and_an_identical_attribution_are_reused(article, editor):
    """A span the editor already marked (same offsets, same role) is reused, not doubled; so is
    the same attribution made by hand."""
    suggestion = suggested(article, implicit=True)
    cue = make_annotation(article, "Cue", *span(BODY, "It was announced"), author=editor)
    claim = make_annotation(article, "Claim", *span(BODY, "that tolls end"), author=editor)
    by_hand = Attribution.objects.create(claim=claim, cue=cue, implicit_source=True, author=editor)
    attribution = accept(suggestion, make_user("rev", role="reviewer"))
    assert attribution == by_hand
    assert Annotation.objects.count() == 2
    assert Suggestion.objects.get(pk=suggestion.pk).attribution == by_hand


def test_accepting_moves_a_new_article_into_annotation(article, editor):
    """As the first hand-made span does, the first accepted suggestion starts annotation."""
    accept(suggested(article), editor)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_ANNOTATION


def test_accepting_without_a_tag_of_a_role_is_refused(article, editor):
    """With no Cue tag there is nothing to mark the cue with: refused, nothing written."""
    suggestion = suggested(article)
    Tag.objects.filter(role=Tag.Role.CUE).update(role=Tag.Role.OTHER)
    with pytest.raises(SuggestionError, match="No tag has the role Cue"):
        accept(suggestion, editor)
    assert not Annotation.objects.exists()
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.PENDING


def test_editors_and_reviewers_may_review_suggestions():
    """The data migration grants view and review of suggestions to both roles; nobody else."""
    for role in ("editor", "reviewer"):
        user = make_user(role=role)
        assert services.can_review(user)
        assert user.has_perm("suggestions.view_suggestion")
    for name in ("Editors", "Reviewers"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"view_suggestion", "review_suggestion"} <= codenames
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("nobody")
    assert not services.can_review(nobody)


def test_pending_suggestions_count_nowhere(article):
    """A pending suggestion is not an annotation: the article's annotation count ignores it, and
    every export (all statuses) is the same with it as without it."""

    def exports() -> dict[str, object]:
        chosen = Article.objects.filter(pk=article.pk)
        made: dict[str, object] = {}
        for name, fmt in FORMATS.items():
            pieces = list(fmt.write(load_articles(chosen, approved_only=False)))
            if fmt.binary:
                data = b"".join(pieces)  # type: ignore[arg-type]
                if zipfile.is_zipfile(io.BytesIO(data)):  # members, not their timestamps
                    archive = zipfile.ZipFile(io.BytesIO(data))
                    made[name] = {n: archive.read(n) for n in archive.namelist()}
                else:
                    made[name] = data
            else:  # a W3C collection gets a new urn:uuid each time
                made[name] = re.sub(r"urn:uuid:[0-9a-f-]+", "urn:uuid:x", "".join(pieces))
        return made

    before = exports()
    suggest_articles([article.pk])
    assert Suggestion.objects.filter(article=article).exists()
    counted = Article.objects.with_annotation_counts().get(pk=article.pk)
    assert counted.annotation_count == 0  # type: ignore[attr-defined]
    (loaded,) = load_articles(Article.objects.filter(pk=article.pk), approved_only=False)
    assert loaded.annotations == [] and loaded.attributions == []
    assert exports() == before


# --- Accept all and Undo (issue 10) -------------------------------------------------------------


def both(article: Article) -> tuple[Suggestion, Suggestion]:
    """The quotation (0.9) and the implicit-source suggestion (0.7), stored in one run."""
    quoted = Proposal(
        source=(span(BODY, "the mayor"),),
        cue=span(BODY, "said"),
        content=(span(BODY, '"The bridge is safe,"'), span(BODY, '"and it will reopen."')),
        confidence=0.9,
        rule="quote-source-cue",
    )
    implicit = Proposal(
        source=(),
        cue=span(BODY, "It was announced"),
        content=(span(BODY, "that tolls end"),),
        confidence=0.7,
        rule="it-passive",
    )
    store(article, [quoted, implicit], origin="newsroom-rules", origin_version="1")
    return Suggestion.objects.get(rule="quote-source-cue"), Suggestion.objects.get(
        rule="it-passive"
    )


def test_accept_all_takes_only_pending_suggestions_at_or_above_the_confidence(article, editor):
    """accept_all(min_confidence=0.8) accepts the 0.9 suggestion, leaves the 0.7 one pending,
    and reports what it made."""
    quoted, implicit = both(article)
    done = services.accept_all(article, editor, min_confidence=0.8)
    assert done.made.suggestions == [quoted.pk]
    assert done.refused == 0
    assert Suggestion.objects.get(pk=implicit.pk).status == Suggestion.Status.PENDING
    assert len(done.made.annotations) == 4  # the mayor, said, two fragments
    assert done.made.attributions == [Attribution.objects.get().pk]


def test_accept_all_counts_what_it_cannot_accept_and_goes_on(article, editor):
    """A suggestion whose text changed is counted as refused; the others are still accepted."""
    quoted, implicit = both(article)
    Suggestion.objects.filter(pk=quoted.pk).update(fingerprint="0" * 64)
    done = services.accept_all(article, editor, min_confidence=0.5)
    assert (done.made.suggestions, done.refused) == ([implicit.pk], 1)


def test_undo_deletes_what_accepting_made_and_makes_the_suggestions_pending(article, editor):
    """Undo deletes the annotations and attribution accept_all made and puts the suggestion
    back to pending, undecided and unlinked."""
    quoted = suggested(article)
    done = services.accept_all(article, editor, min_confidence=0.5)
    assert services.undo_accept(done.made, editor) == 1
    quoted.refresh_from_db()
    assert (quoted.status, quoted.decided_by, quoted.attribution) == ("pending", None, None)
    assert not Attribution.objects.exists()
    assert not Annotation.all_objects.exists()


def test_undo_keeps_spans_and_attributions_that_were_there_before(article, editor):
    """A span the editor had marked by hand was reused, not made: Undo leaves it alone."""
    mine = make_annotation(article, "Source", quote="the mayor", author=editor)
    suggested(article)
    done = services.accept_all(article, editor, min_confidence=0.5)
    assert mine.pk not in done.made.annotations
    services.undo_accept(done.made, editor)
    assert list(Annotation.objects.values_list("pk", flat=True)) == [mine.pk]


def test_undo_leaves_a_suggestion_decided_again_by_someone_else(article, editor):
    """Only suggestions still accepted by the undoing user go back to pending."""
    quoted = suggested(article)
    done = services.accept_all(article, editor, min_confidence=0.5)
    other = make_user(role="reviewer")
    Suggestion.objects.filter(pk=quoted.pk).update(decided_by=other)
    assert services.undo_accept(done.made, editor) == 0
    assert Suggestion.objects.get(pk=quoted.pk).status == Suggestion.Status.ACCEPTED


def test_undo_keeps_a_made_span_that_another_attribution_uses_now(article, editor):
    """A span the batch made that a hand-made link has come to use since stays."""
    suggested(article)
    done = services.accept_all(article, editor, min_confidence=0.5)
    cue = Annotation.objects.get(tag__role="cue")
    claim = make_annotation(
        article, "Claim", quote="It was announced that tolls end", author=editor
    )
    Attribution.objects.create(claim=claim, cue=cue, implicit_source=True, author=editor)
    services.undo_accept(done.made, editor)
    assert set(Annotation.objects.values_list("pk", flat=True)) == {cue.pk, claim.pk}
