"""The one-flow attribution's server side (issue 10, deliverable 2): a new span saved with the
attribution in progress joins it in the same request (annotations.views.spans.create with
FlowForm's fields), an existing highlight picked in the text joins it (spans.attribute); stale
pages get 409, other editors' claims 403, and a refused link leaves no span behind."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Attribution
from tests.factories import make_annotation, make_article, make_user

from .test_spans import BODY, HTMX, partial_targets, span_post

pytestmark = pytest.mark.django_db

# Offsets into BODY's first sentence: "The minister said on Tuesday that the bridge would open
# in spring."
SOURCE = (0, 12)
CUE = (13, 17)
CLAIM = (34, 65)


@pytest.fixture
def article():
    return make_article(body=BODY)


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def save(client, article, span, tag_name, **flow):
    """POST a new span with the flow's fields (ids of the pieces marked so far)."""
    fields = {key: getattr(value, "pk", value) for key, value in flow.items()}
    return span_post(client, article, *span, tag_name=tag_name, **fields)


def pick(client, article, span, **flow):
    """POST an existing span picked in the text to the attribution in progress."""
    data = {key: getattr(value, "pk", value) for key, value in flow.items()}
    data = {"span": span.pk, "revision": article.revision, **data}
    return client.post(reverse("annotations:attribute", args=[article.pk]), data, headers=HTMX)


def saved(response) -> Annotation:
    return Annotation.objects.get(
        pk=int(response.content.decode().split('data-saved="')[1].split('"')[0])
    )


def test_source_saved_with_a_pending_claim_is_linked_to_it(client, editor, article):
    """Claim first, then a source saved with flow_claim: one attribution claim ← source, and the
    answer names it (data-attribution) and swaps the claim's panel item."""
    claim = saved(save(client, article, CLAIM, "Claim"))
    response = save(client, article, SOURCE, "Source", flow_claim=claim)
    assert response.status_code == 201
    attribution = Attribution.objects.get()
    assert (attribution.claim, attribution.source_span.quote) == (claim, "The minister")
    assert f'data-attribution="{attribution.pk}"' in response.content.decode()
    assert f"#ann-{claim.pk}" in partial_targets(response)


def test_cue_then_claim_after_a_source_make_one_attribution_with_the_cue(client, article):
    """Source, then cue (held: no claim yet, nothing linked), then claim: one attribution with
    the source and the cue."""
    source = saved(save(client, article, SOURCE, "Source"))
    cue_response = save(client, article, CUE, "Cue", flow_source=source)
    assert cue_response.status_code == 201
    assert not Attribution.objects.exists()
    cue = saved(cue_response)
    claim = saved(save(client, article, CLAIM, "Claim", flow_source=source, flow_cue=cue))
    attribution = Attribution.objects.get()
    assert (attribution.claim, attribution.source_span, attribution.cue) == (claim, source, cue)


def test_cue_after_the_link_joins_the_same_attribution(client, article):
    """Claim, source (linked), then the cue with the attribution's id: the same attribution
    gets the cue; no second one is made."""
    claim = saved(save(client, article, CLAIM, "Claim"))
    source = saved(save(client, article, SOURCE, "Source", flow_claim=claim))
    attribution = Attribution.objects.get()
    save(
        client,
        article,
        CUE,
        "Cue",
        flow_claim=claim,
        flow_source=source,
        flow_attribution=attribution,
    )
    assert Attribution.objects.get().cue.quote == "said"


def test_stale_revision_in_a_flow_is_409_and_writes_nothing(client, article):
    """A flow step from a page older than the article's text is refused with 409."""
    claim = saved(save(client, article, CLAIM, "Claim"))
    response = save(
        client, article, SOURCE, "Source", flow_claim=claim, revision=article.revision - 1
    )
    assert response.status_code == 409
    assert Annotation.objects.count() == 1
    assert not Attribution.objects.exists()


def test_picking_with_a_stale_revision_is_409(client, article, editor):
    """The link-only step checks the revision too."""
    claim = make_annotation(article, "Claim", *CLAIM, author=editor)
    source = make_annotation(article, "Source", *SOURCE, author=editor)
    response = pick(client, article, source, flow_claim=claim, revision=article.revision + 1)
    assert response.status_code == 409
    assert not Attribution.objects.exists()


def test_another_editors_claim_cannot_be_linked_and_no_span_is_saved(client, article):
    """An editor cannot attribute another editor's claim (403), and the source sent with the
    request is not saved either."""
    claim = make_annotation(article, "Claim", *CLAIM, author=make_user(role="editor2"))
    response = save(client, article, SOURCE, "Source", flow_claim=claim)
    assert response.status_code == 403
    assert list(Annotation.objects.all()) == [claim]


def test_picking_another_editors_claim_is_403(client, article, editor):
    """Picking a highlight of another editor's claim does not link it."""
    claim = make_annotation(article, "Claim", *CLAIM, author=make_user(role="editor2"))
    source = make_annotation(article, "Source", *SOURCE, author=editor)
    response = pick(client, article, claim, flow_source=source)
    assert response.status_code == 403
    assert not Attribution.objects.exists()


def test_a_refused_link_leaves_no_half_made_span(client, article, editor):
    """The span and its link are one transaction: a link the service refuses (the attribution
    sent belongs to another claim) rolls the new span back."""
    other_claim = make_annotation(article, "Claim", 0, 17, author=editor)
    other_source = make_annotation(article, "Source", 69, 78, author=editor)
    foreign = Attribution.objects.create(claim=other_claim, source_span=other_source, author=editor)
    claim = make_annotation(article, "Claim", *CLAIM, author=editor)
    before = Annotation.objects.count()
    response = save(client, article, SOURCE, "Source", flow_claim=claim, flow_attribution=foreign)
    assert response.status_code == 422
    assert Annotation.objects.count() == before
    assert Attribution.objects.count() == 1


def test_a_repeated_flow_save_makes_one_span_and_one_attribution(client, article):
    """The same step sent twice (its first answer lost, so without the attribution's id) gives
    one span and one attribution."""
    claim = saved(save(client, article, CLAIM, "Claim"))
    client_id = str(uuid.uuid4())
    first = save(client, article, SOURCE, "Source", flow_claim=claim, client_id=client_id)
    again = save(client, article, SOURCE, "Source", flow_claim=claim, client_id=client_id)
    assert (first.status_code, again.status_code) == (201, 200)
    assert Annotation.objects.filter(tag__role="source").count() == 1
    assert Attribution.objects.count() == 1


def test_picking_an_existing_source_links_the_pending_claim(client, article, editor):
    """Clicking an existing Source highlight with a claim pending links them, and the answer
    swaps the claim's item and redraws its paragraph (no longer hatched as unlinked)."""
    claim = make_annotation(article, "Claim", *CLAIM, author=editor)
    source = make_annotation(article, "Source", *SOURCE, author=editor)
    response = pick(client, article, source, flow_claim=claim)
    assert response.status_code == 200
    assert Attribution.objects.get().source_span == source
    targets = partial_targets(response)
    assert f"#ann-{claim.pk}" in targets
    assert "#t-body-p0" in targets


def test_picking_a_quote_span_is_refused(client, article, editor):
    """Only Claim, Source and Cue spans make an attribution."""
    claim = make_annotation(article, "Claim", *CLAIM, author=editor)
    quote = make_annotation(article, "Quote", *SOURCE, author=editor)
    response = pick(client, article, quote, flow_claim=claim)
    assert response.status_code == 422
    assert not Attribution.objects.exists()


def test_a_pending_piece_with_the_wrong_role_is_refused(client, article, editor):
    """flow_claim must be a Claim span: a Source sent as the claim is refused with nothing
    written."""
    source = make_annotation(article, "Source", *SOURCE, author=editor)
    response = save(client, article, CUE, "Cue", flow_claim=source)
    assert response.status_code == 422
    assert Annotation.objects.count() == 1


def test_a_plain_save_with_a_stale_revision_is_409_too(client, article):
    """Without a flow a stale page gets the same answer as in one: 409, nothing saved."""
    response = span_post(client, article, *CLAIM, revision=article.revision + 1)
    assert response.status_code == 409
    assert not Annotation.objects.exists()
