"""The per-article review page by attribution (issue 10): rows of source — cue — claim in
context then unlinked spans, the filters, the bulk accept / reject (one POST, one transaction,
revision, permissions, the lock), the queue, and the correction from a card."""

from __future__ import annotations

import itertools
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations import reviewing
from annotations.models import Annotation, ArticleReview, Attribution, Review
from articles.models import Article
from suggestions.models import Suggestion
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
S = Article.Status
BODY = (
    "The harbour master said the ferry would run again by May. Nobody else commented.\n\n"
    "“The pier is safe,” the council insisted, citing a survey."
)
_fingerprints = itertools.count(1)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return make_user("ed", role="editor")


@pytest.fixture
def reviewer():
    return make_user("rev", role="reviewer")


@pytest.fixture
def article():
    article = make_article(body=BODY)
    Article.objects.filter(pk=article.pk).update(status=S.READY)
    article.refresh_from_db()
    return article


def attribute(article, editor, source: str, cue: str, claim: str, *, confidence=None):
    """Source, cue and claim spans linked by an Attribution; with `confidence`, as if accepted
    from a suggestion."""
    s = make_annotation(article, "Source", quote=source, author=editor)
    c = make_annotation(article, "Cue", quote=cue, author=editor)
    k = make_annotation(article, "Claim", quote=claim, author=editor)
    link = Attribution.objects.create(claim=k, source_span=s, cue=c, author=editor)
    if confidence is not None:
        Suggestion.objects.create(
            article=article,
            cue_span=[c.start, c.end],
            content_spans=[[k.start, k.end]],
            origin="newsroom-rules",
            origin_version="3",
            rule="said-that",
            confidence=confidence,
            fingerprint=f"fp{next(_fingerprints)}",
            status=Suggestion.Status.ACCEPTED,
            attribution=link,
        )
    return link


@pytest.fixture
def harbour(article, editor):
    return attribute(
        article, editor, "The harbour master", "said", "the ferry would run again by May"
    )


@pytest.fixture
def council(article, editor):
    return attribute(
        article, editor, "the council", "insisted", "The pier is safe", confidence=0.62
    )


def url(article, query: str = "") -> str:
    return reverse("annotations:review_page", args=[article.pk]) + query


def cards(html: str) -> dict[str, str]:
    return dict(re.findall(r'<li id="row-([a-z]+-\d+)".*?>(.*?)</li>', html, re.S))


def bulk(user, article, data: dict, *, htmx: bool = True, revision=None):
    payload = {"revision": article.revision if revision is None else revision, **data}
    headers = HTMX if htmx else {}
    return client_for(user).post(
        reverse("annotations:review_bulk", args=[article.pk]), payload, headers=headers
    )


# --- Rows ----------------------------------------------------------------------------------------


def test_row_reads_source_cue_claim_with_editor_status_and_manual_provenance(
    article, harbour, reviewer
):
    """An attribution's row reads source — cue — claim, its editor, status and "manual"."""
    row = cards(client_for(reviewer).get(url(article)).content.decode())[f"att-{harbour.pk}"]
    text = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    assert (
        "Source “The harbour master” — Cue “said” — Claim “the ferry would run again by May”"
        in text
    )
    assert "ed · Pending review · manual" in text


def test_row_shows_the_sentence_with_the_three_parts_marked(article, harbour, reviewer):
    """The sentence in context carries each part as a mark of its own role with its offset."""
    row = cards(client_for(reviewer).get(url(article)).content.decode())[f"att-{harbour.pk}"]
    s, c, k = (harbour.source_span, harbour.cue, harbour.claim)
    assert f'<mark class="cx cx-source" data-o="{s.start}">The harbour master</mark>' in row
    assert f'<mark class="cx cx-cue" data-o="{c.start}">said</mark>' in row
    assert (
        f'<mark class="cx cx-claim" data-o="{k.start}">the ferry would run again by May</mark>'
        in row
    )
    assert "Nobody else commented" not in row  # the next sentence is not context


def test_row_shows_fragments_registry_entry_and_suggestion_provenance(
    article, council, editor, reviewer
):
    """Fragments read “A” … “B”; the registry entry of the source and the suggestion's
    provenance with its confidence are on the row."""
    from annotations.models import Source

    entry = Source.objects.create(name="Harbourside Council", kind="organisation")
    Annotation.objects.filter(pk=council.source_span_id).update(source_entry=entry)
    further = make_annotation(article, "Claim", quote="citing a survey", author=editor)
    council.fragments.add(further)
    row = cards(client_for(reviewer).get(url(article)).content.decode())[f"att-{council.pk}"]
    assert "“The pier is safe” … “citing a survey”" in row
    assert "<strong>Harbourside Council</strong>" in row
    assert "suggested by newsroom-rules 3, rule said-that, confidence 0.62" in row


def test_row_shows_the_editors_note(article, harbour, reviewer):
    """A span's note (stored sanitised) is on its row."""
    Annotation.objects.filter(pk=harbour.claim_id).update(note="<p>Check the date.</p>")
    row = cards(client_for(reviewer).get(url(article)).content.decode())[f"att-{harbour.pk}"]
    assert '<div class="note"><p>Check the date.</p></div>' in row


def test_unlinked_spans_come_after_the_attributions(article, harbour, editor, reviewer):
    """A span in no attribution is an "Unlinked" row after every attribution."""
    lone = make_annotation(article, "Claim", quote="Nobody else commented", author=editor)
    html = client_for(reviewer).get(url(article)).content.decode()
    keys = list(cards(html))
    assert keys == [f"att-{harbour.pk}", f"ann-{lone.pk}"]
    assert "Unlinked" in cards(html)[f"ann-{lone.pk}"]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["accepted", "accepted", "accepted"], "accepted"),
        (["accepted", "pending", "accepted"], "pending"),
        (["accepted", "rejected", "pending"], "rejected"),
        (["pending", "pending", "pending"], "pending"),
    ],
)
def test_row_status_is_derived_from_its_spans(statuses, expected):
    """Rejected if any span is, accepted only when all are, else pending."""
    assert reviewing.derived_status(statuses) == expected


def test_partly_accepted_row_says_how_many_spans(article, harbour, reviewer):
    """A pending row with some spans accepted says so."""
    Annotation.objects.filter(pk=harbour.cue_id).update(status="accepted")
    row = cards(client_for(reviewer).get(url(article)).content.decode())[f"att-{harbour.pk}"]
    assert "Pending review (1 of 3 spans accepted)" in row


def test_query_count_does_not_grow_with_attributions(editor, reviewer):
    """As many queries for 12 attributions as for 2."""
    counts = []
    for n in (2, 12):
        article = make_article(body=" ".join(f"Person {i} said fact {i}." for i in range(n)))
        for i in range(n):
            attribute(article, editor, f"Person {i}", "said", f"fact {i}", confidence=0.5)
        with CaptureQueriesContext(connection) as queries:
            html = client_for(reviewer).get(url(article)).content.decode()
        assert len(cards(html)) == n
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- Filters -------------------------------------------------------------------------------------


def test_filter_by_confidence_band_and_manual(article, harbour, council, reviewer):
    """?confidence=medium keeps the suggested 0.62 row; ?confidence=manual the hand-made one."""
    client = client_for(reviewer)
    assert list(cards(client.get(url(article, "?confidence=medium")).content.decode())) == [
        f"att-{council.pk}"
    ]
    assert list(cards(client.get(url(article, "?confidence=manual")).content.decode())) == [
        f"att-{harbour.pk}"
    ]
    assert cards(client.get(url(article, "?confidence=high")).content.decode()) == {}


def test_filter_by_status_tag_and_editor(article, harbour, council, reviewer):
    """?status=, ?tag= (any span of the row) and ?editor= narrow the rows; htmx gets the rows
    section only."""
    from annotations.models import Tag

    Annotation.objects.filter(pk=harbour.claim_id).update(status="rejected")
    client = client_for(reviewer)
    response = client.get(url(article, "?status=rejected"), headers=HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="review-rows"')
    assert list(cards(body)) == [f"att-{harbour.pk}"]
    quote = Tag.objects.get(name="Quote")
    lone = make_annotation(article, "Quote", quote="Nobody else commented")
    assert list(cards(client.get(url(article, f"?tag={quote.pk}")).content.decode())) == [
        f"ann-{lone.pk}"
    ]
    other = make_user("ed2", role="editor")
    assert cards(client.get(url(article, f"?editor={other.pk}")).content.decode()) == {}


def test_filters_are_a_get_form_pushed_to_the_url(article, reviewer):
    """The filter form works without JS (GET to the page) and htmx pushes its URL."""
    html = client_for(reviewer).get(url(article, "?status=pending")).content.decode()
    form = re.search(r'<form class="filters".*?>', html, re.S).group(0)
    assert 'method="get"' in form
    assert 'hx-push-url="true"' in form
    assert '<option value="pending" selected>' in html


def test_unknown_filter_values_show_everything(article, harbour, reviewer):
    """Nonsense filter values are ignored rather than failing."""
    html = client_for(reviewer).get(url(article, "?tag=x&status=gone&confidence=9")).content
    assert len(cards(html.decode())) == 1


# --- Bulk ----------------------------------------------------------------------------------------


def test_bulk_accept_accepts_every_span_of_each_row(article, harbour, council, reviewer):
    """Accepting two checked rows accepts their six spans, one Review each."""
    response = bulk(
        reviewer,
        article,
        {"action": "accept", "row": [f"att-{harbour.pk}", f"att-{council.pk}"]},
    )
    assert response.status_code == 200
    assert set(Annotation.objects.filter(article=article).values_list("status", flat=True)) == {
        "accepted"
    }
    assert Review.objects.filter(action="accept").count() == 6
    assert "Accepted 2 rows (6 spans)." in response.content.decode()


def test_bulk_reject_needs_a_reason(article, harbour, reviewer):
    """Rejecting without a reason is refused (422) and changes nothing."""
    response = bulk(reviewer, article, {"action": "reject", "row": [f"att-{harbour.pk}"]})
    assert response.status_code == 422
    assert "rejecting needs a reason" in response.content.decode()
    assert not Review.objects.exists()


def test_one_rows_reject_button_uses_that_rows_reason(article, harbour, council, reviewer):
    """A row's own Reject (one=) rejects that row only, with its own reason, whatever else is
    checked."""
    response = bulk(
        reviewer,
        article,
        {
            "one": f"reject att-{harbour.pk}",
            f"reason-att-{harbour.pk}": "Not a claim.",
            "row": [f"att-{council.pk}"],
        },
    )
    assert response.status_code == 200
    assert set(Review.objects.values_list("annotation_id", "reason")) == {
        (harbour.claim_id, "Not a claim."),
        (harbour.source_span_id, "Not a claim."),
        (harbour.cue_id, "Not a claim."),
    }


def test_bulk_with_a_stale_revision_is_409_with_the_current_rows(article, harbour, reviewer):
    """A revision older than the article's is refused with 409, the rows and nothing written."""
    response = bulk(
        reviewer, article, {"action": "accept", "row": [f"att-{harbour.pk}"]}, revision=0
    )
    assert response.status_code == 409
    assert f'id="row-att-{harbour.pk}"' in response.content.decode()
    assert not Review.objects.exists()


def test_bulk_is_one_transaction(article, harbour, reviewer, monkeypatch):
    """If one span's review fails, none of the others is written."""
    from annotations import workflow

    real = workflow.review_annotation
    calls = []

    def failing(annotation, *args, **kwargs):
        calls.append(annotation.pk)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return real(annotation, *args, **kwargs)

    monkeypatch.setattr(workflow, "review_annotation", failing)
    with pytest.raises(RuntimeError):
        bulk(reviewer, article, {"action": "accept", "row": [f"att-{harbour.pk}"]})
    assert not Review.objects.exists()
    assert set(Annotation.objects.values_list("status", flat=True)) == {"pending"}


def test_bulk_is_for_reviewers(article, harbour, editor):
    """An editor's bulk POST is refused with 403 and writes nothing."""
    response = bulk(editor, article, {"action": "accept", "row": [f"att-{harbour.pk}"]})
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_bulk_on_an_approved_article_is_409(article, harbour, reviewer):
    """A locked (approved) article refuses the bulk review with 409, as ensure_editable."""
    Article.objects.filter(pk=article.pk).update(status=S.APPROVED)
    response = bulk(reviewer, article, {"action": "accept", "row": [f"att-{harbour.pk}"]})
    assert response.status_code == 409
    assert "reopen it" in response.content.decode()
    assert not Review.objects.exists()


def test_bulk_with_a_row_that_is_gone_changes_nothing(article, harbour, reviewer):
    """A row id that no longer exists makes the whole POST a 409."""
    response = bulk(
        reviewer, article, {"action": "accept", "row": [f"att-{harbour.pk}", "att-999999"]}
    )
    assert response.status_code == 409
    assert not Review.objects.exists()


def test_bulk_without_htmx_redirects_back_with_the_filters(article, harbour, reviewer):
    """Without JS the form posts and is redirected to the page with the same filters."""
    response = bulk(
        reviewer,
        article,
        {"action": "accept", "row": [f"att-{harbour.pk}"], "status": "pending"},
        htmx=False,
    )
    assert response.status_code == 302
    assert response["Location"] == url(article, "?status=pending")


def test_refused_bulk_without_htmx_shows_the_page_with_the_reason(article, harbour, reviewer):
    """Without JS a refused review answers with the whole page, the reason in its status line."""
    response = bulk(
        reviewer, article, {"action": "reject", "row": [f"att-{harbour.pk}"]}, htmx=False
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "<html" in body
    assert '<p class="msg error">Say why: rejecting needs a reason' in body


def test_bulk_form_carries_the_revision_and_rows_belong_to_it(article, harbour, reviewer):
    """The page's bulk form carries the revision; each row's checkbox and buttons are its
    fields (form="bulk"); no template comment leaks into it."""
    html = client_for(reviewer).get(url(article)).content.decode()
    assert "{#" not in html
    assert f'<input type="hidden" name="revision" value="{article.revision}">' in html
    assert f'name="row" value="att-{harbour.pk}" form="bulk"' in html
    assert f'form="bulk" name="one" value="accept att-{harbour.pk}"' in html


# --- Queue ---------------------------------------------------------------------------------------


def test_queue_takes_the_oldest_ready_article_skipping_the_current(article, reviewer):
    """Next ready goes to the article marked ready longest ago, not the one just reviewed."""
    older = make_article(title="Older")
    newer = make_article(title="Newer")
    for a in (older, newer):
        Article.objects.filter(pk=a.pk).update(status=S.READY)
    ArticleReview.objects.create(
        article=newer, user=reviewer, from_status="in_annotation", to_status="ready"
    )
    ArticleReview.objects.create(
        article=older, user=reviewer, from_status="in_annotation", to_status="ready"
    )
    ArticleReview.objects.filter(article=older).update(created="2020-01-01T00:00Z")
    ArticleReview.objects.filter(article=newer).update(created="2020-01-02T00:00Z")
    Article.objects.filter(pk=article.pk).update(updated="2019-01-01T00:00Z")
    next_url = reverse("annotations:review_next")
    response = client_for(reviewer).get(f"{next_url}?after={article.pk}")
    assert response["Location"] == url(older)
    response = client_for(reviewer).get(next_url)
    assert response["Location"] == url(article)


def test_queue_says_when_nothing_else_is_ready(article, reviewer):
    """With only the current article ready, the queue says none is."""
    response = client_for(reviewer).get(f"{reverse('annotations:review_next')}?after={article.pk}")
    assert response.status_code == 200
    assert "No other article is ready for review." in response.content.decode()


def test_approved_article_offers_the_next_ready_one(article, reviewer):
    """Once approved, the workflow bar links to the queue."""
    Article.objects.filter(pk=article.pk).update(status=S.APPROVED)
    html = client_for(reviewer).get(url(article)).content.decode()
    assert f'class="wf-link wf-next" href="/annotations/review/next/?after={article.pk}"' in html


# --- Correcting from a card ----------------------------------------------------------------------


def test_correct_from_a_card_answers_with_the_card(article, harbour, reviewer):
    """Correct… on a card opens the form in the card; saving a selected span answers with the
    card again, the claim corrected."""
    claim = harbour.claim
    suffix = f"?on=card&row=att-{harbour.pk}"
    correct = reverse("annotations:correct", args=[claim.pk]) + suffix
    client = client_for(reviewer)
    form = client.get(correct, headers=HTMX).content.decode()
    assert form.startswith(f'\n<li id="row-att-{harbour.pk}" class="rv-card editing">')
    assert 'class="rv-context cx-pick" tabindex="0"' in form
    start = BODY.index("the ferry would run again")
    end = start + len("the ferry would run again")
    response = client.post(
        correct,
        {
            "tag": claim.tag_id,
            "start": start,
            "end": end,
            "quote": "the ferry would run again",
            "reason": "Without the date.",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith(f'<li id="row-att-{harbour.pk}"')
    assert "“the ferry would run again”" in body
    claim.refresh_from_db()
    assert (claim.start, claim.end) == (start, end)


def test_correct_from_a_card_refuses_a_quote_that_does_not_match(article, harbour, reviewer):
    """The server checks the selected words against its text, as the correct view does."""
    claim = harbour.claim
    correct = reverse("annotations:correct", args=[claim.pk]) + f"?on=card&row=att-{harbour.pk}"
    response = client_for(reviewer).post(
        correct,
        {"tag": claim.tag_id, "start": 0, "end": 5, "quote": "Other", "reason": "x"},
        headers=HTMX,
    )
    assert response.status_code == 422
    claim.refresh_from_db()
    assert claim.quote == "the ferry would run again by May"


def test_cancel_in_a_card_gets_the_card_back(article, harbour, reviewer):
    """?row=<key> with htmx answers that row's card alone."""
    response = client_for(reviewer).get(url(article, f"?row=att-{harbour.pk}"), headers=HTMX)
    assert response.content.decode().startswith(f'<li id="row-att-{harbour.pk}"')
