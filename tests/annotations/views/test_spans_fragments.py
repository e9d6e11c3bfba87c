"""Attributions in several content fragments and with an implicit source, on the article page
(annotations.views.spans: add_fragment, remove_fragment, link's implicit source): what the
endpoints write, refuse and answer. Roles and other editors' rows: tests/test_permissions.py."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Attribution, Source, Tag
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
# A quotation interrupted by its cue: one attribution, two content fragments.
BODY = (
    "“The bridge will open in spring,” the minister said, “and the ferry will stop.”\n\n"
    "It was reported that the tolls would rise."
)


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def quote(editor):
    """The first fragment linked to source and cue; the second fragment, not linked yet."""
    article = make_article(body=BODY)
    first = make_annotation(
        article, "Claim", quote="“The bridge will open in spring,”", author=editor
    )
    source = make_annotation(article, "Source", quote="the minister", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    second = make_annotation(article, "Claim", quote="“and the ferry will stop.”", author=editor)
    attribution = Attribution.objects.create(
        claim=first, source_span=source, cue=cue, author=editor
    )
    return attribution, second


def visible_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def add(client, attribution, **data):
    url = reverse("annotations:add_fragment", args=[attribution.pk])
    return client.post(url, data, headers=HTMX)


def test_fragment_form_offers_only_later_free_claim_spans(client, quote, editor):
    """The form lists the Claim spans after the claim that are not in the attribution: not the
    claim, not an earlier claim, not a Source or Cue span, not a fragment already added."""
    attribution, second = quote
    article = attribution.claim.article
    make_annotation(article, "Claim", quote="Minister says", author=editor, target="title")
    third = make_annotation(article, "Claim", quote="the tolls would rise", author=editor)
    url = reverse("annotations:add_fragment", args=[attribution.pk])
    body = client.get(url, headers=HTMX).content.decode()
    select = re.search(r'<select name="fragment".*?</select>', body, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', select) == [str(second.pk), str(third.pk)]
    assert 'data-picking="link"' in body  # clicking a highlight picks it (annotate.js)
    assert "csrfmiddlewaretoken" in body
    attribution.fragments.add(second)
    body = client.get(url, headers=HTMX).content.decode()
    select = re.search(r'<select name="fragment".*?</select>', body, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', select) == [str(third.pk)]


def test_adding_a_fragment_links_it_and_shows_the_whole_content(client, quote):
    """The fragment is stored and the claim's item comes back with both fragments."""
    attribution, second = quote
    response = add(client, attribution, fragment=second.pk)
    assert response.status_code == 200
    assert list(attribution.fragments.all()) == [second]
    assert (
        "content ““The bridge will open in spring,”” … ““and the ferry will stop.”” remove"
        in visible_text(response)
    )
    assert f'<li id="ann-{attribution.claim_id}"' in response.content.decode()


@pytest.mark.parametrize("which", ["claim", "source", "other article", "unknown"])
def test_adding_what_cannot_be_a_fragment_is_refused(client, quote, editor, which):
    """The claim itself, a Source span, a span of another article or no span: 422 with the
    form and its reason, nothing written."""
    attribution, _ = quote
    elsewhere = make_annotation(
        make_article(title="Elsewhere"), "Claim", quote="The minister", author=editor
    )
    pk = {
        "claim": attribution.claim_id,
        "source": attribution.source_span_id,
        "other article": elsewhere.pk,
        "unknown": 999999,
    }[which]
    response = add(client, attribution, fragment=pk)
    assert response.status_code == 422
    assert "Pick a Claim span after the claim, not linked yet." in visible_text(response)
    assert attribution.fragments.count() == 0


def test_removing_a_fragment_keeps_the_span_and_the_attribution(client, quote):
    """Remove takes the fragment out of the content; the span stays, a Claim of its own."""
    attribution, second = quote
    attribution.fragments.add(second)
    url = reverse("annotations:remove_fragment", args=[attribution.pk, second.pk])
    response = client.post(url, headers=HTMX)
    assert response.status_code == 200
    assert attribution.fragments.count() == 0
    assert Attribution.objects.filter(pk=attribution.pk).exists()
    second.refresh_from_db()
    assert second.deleted_at is None
    assert "content" not in visible_text(response)


def test_removing_a_span_that_is_not_a_fragment_is_refused(client, quote):
    """A span not in the attribution: 422 with the reason, nothing changed."""
    attribution, second = quote
    url = reverse("annotations:remove_fragment", args=[attribution.pk, second.pk])
    response = client.post(url, headers=HTMX)
    assert response.status_code == 422
    assert "That span is not a fragment of this attribution." in visible_text(response)


def test_deleting_a_fragment_span_keeps_the_attribution_and_undo_restores_it(client, quote):
    """A deleted fragment (soft delete) drops out of the content shown, the attribution stays;
    restoring the span brings the fragment back."""
    attribution, second = quote
    attribution.fragments.add(second)
    assert client.post(reverse("annotations:delete", args=[second.pk]), headers=HTMX)
    page = client.get(f"/articles/{attribution.claim.article_id}/").content.decode()
    assert f'data-fragment="{second.pk}"' not in page
    assert Attribution.objects.filter(pk=attribution.pk).exists()
    client.post(reverse("annotations:restore", args=[second.pk]), headers=HTMX)
    page = client.get(f"/articles/{attribution.claim.article_id}/").content.decode()
    assert f'data-fragment="{second.pk}"' in page


def test_link_with_an_implicit_source(client, editor):
    """“It was reported that …”: the link form's implicit box makes an attribution with no
    source span or entry, shown as "(implicit source)"."""
    article = make_article(body=BODY)
    claim = make_annotation(article, "Claim", quote="the tolls would rise", author=editor)
    cue = make_annotation(article, "Cue", quote="It was reported", author=editor)
    url = reverse("annotations:link", args=[claim.pk])
    response = client.post(url, {"implicit_source": "on", "cue": cue.pk}, headers=HTMX)
    assert response.status_code == 200
    attribution = Attribution.objects.get()
    assert attribution.implicit_source
    assert (attribution.source_span, attribution.source_entry) == (None, None)
    assert "source (implicit source) cue “It was reported”" in visible_text(response)


def test_link_form_refuses_implicit_with_a_named_source(client, quote, editor):
    """Implicit and a registry entry contradict each other: 422, nothing written; neither is
    refused too, with a message that mentions the implicit choice."""
    attribution, second = quote
    entry = Source.objects.create(name="Ministry of Works", kind=Source.Kind.GOVERNMENT)
    url = reverse("annotations:link", args=[second.pk])
    response = client.post(url, {"implicit_source": "on", "source_entry": entry.pk}, headers=HTMX)
    assert response.status_code == 422
    assert "An implicit source has no span or entry" in visible_text(response)
    response = client.post(url, {}, headers=HTMX)
    assert response.status_code == 422
    assert "or say it is implicit" in visible_text(response)
    assert Attribution.objects.count() == 1


def test_another_editor_sees_fragments_without_controls(quote):
    """Someone who may not change the claim sees the content but no add or remove buttons."""
    attribution, second = quote
    attribution.fragments.add(second)
    other = Client()
    other.force_login(make_user(role="editor2"))
    page = other.get(f"/articles/{attribution.claim.article_id}/").content.decode()
    assert f'data-fragment="{second.pk}"' in page
    assert "/fragments/" not in page


def marks_of(page: str, pk: int) -> list[str]:
    """The class attribute of every highlight segment of annotation `pk`."""
    return re.findall(rf'<mark class="([^"]*)"[^>]*data-ann="(?:[\d ]* )?{pk}(?: [\d ]*)?"', page)


def test_page_maps_each_claim_to_its_attribution_and_hatches_unlinked_claims(client, quote):
    """The claim's item lists its source and cue ids (data-links); its marks are plain, while
    the claim no attribution links yet is drawn `unlinked` (issue 10: links visible in text)."""
    attribution, second = quote
    page = client.get(reverse("articles:detail", args=[second.article_id])).content.decode()
    claim = attribution.claim
    assert (
        f'id="ann-{claim.pk}" class="ann" data-ann="{claim.pk}" data-role="claim" '
        f'data-status="pending" data-links="{attribution.source_span_id} {attribution.cue_id}">'
    ) in page
    assert marks_of(page, claim.pk) and not any("unlinked" in c for c in marks_of(page, claim.pk))
    assert marks_of(page, second.pk) and all("unlinked" in c for c in marks_of(page, second.pk))


def test_redrawn_paragraph_keeps_linked_and_unlinked_claims_apart(client, quote, editor):
    """A save's redrawn paragraph draws the linked claim plain and the unlinked one hatched, as
    the page does (the linked state comes in the paragraph's one query)."""
    attribution, second = quote
    article = second.article
    data = {
        "client_id": "5b0c8f8e-0d4c-4c57-9d0e-3f6f7c1a2b3c",
        "target": "body",
        "caption": "",
        "start": 1,
        "end": 11,
        "quote": article.body[1:11],
        "tag": Tag.objects.get(name="Source").pk,
        "revision": article.revision,
    }
    response = client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)
    assert response.status_code == 201
    body = response.content.decode()
    linked = marks_of(body, attribution.claim_id)
    assert linked and not any("unlinked" in c for c in linked)
    assert marks_of(body, second.pk) and all("unlinked" in c for c in marks_of(body, second.pk))
