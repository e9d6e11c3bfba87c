"""The panel grouped by attribution stays right after every inline change (issue 10): each
test applies a change's answer to the panel as the page showed it before — the way htmx does,
every target looked up before any swap — and compares the result with the panel of a fresh
page load: the same cards, in the same order, holding the same items, then the same loose
items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.models import Annotation, Attribution, Source, Tag
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BODY = (
    "The harbour master said the pier would reopen in May.\n\n"
    "A new timetable would follow, the ferry company hoped, and the fares would stay low."
)


@dataclass(eq=False)
class Item:
    key: str  # "ann-<pk>"


@dataclass(eq=False)
class Card:
    key: str  # "att-<pk>"
    items: list[Item] = field(default_factory=list)


@dataclass
class Panel:
    cards: list[Card]
    loose: list[Item]

    def shape(self) -> tuple:
        return (
            [(c.key, [i.key for i in c.items]) for c in self.cards],
            [i.key for i in self.loose],
        )

    def find(self, key: str) -> tuple[list, object] | None:
        """The list holding the element with this id, and the element."""
        if key in {"att-list", "ann-loose"}:
            return None
        for c in self.cards:
            if c.key == key:
                return self.cards, c
            for i in c.items:
                if i.key == key:
                    return c.items, i
        for i in self.loose:
            if i.key == key:
                return self.loose, i
        return None


def parse_card(html: str) -> Card:
    key = re.match(r'<li id="(att-\d+)"', html.strip())
    assert key, html[:80]
    return Card(key.group(1), [Item(k) for k in re.findall(r'<li id="(ann-\d+)"', html)])


def parse_panel(page: str) -> Panel:
    start = page.index('<div id="ann-list"')
    panel = page[start : page.index("</aside>", start)]
    cards_html, loose_html = panel.split('<ol id="ann-loose"')
    cards = [parse_card('<li id="att-' + c) for c in cards_html.split('<li id="att-')[1:]]
    return Panel(cards, [Item(k) for k in re.findall(r'<li id="(ann-\d+)"', loose_html)])


def apply(panel: Panel, answer: str, main: str | None = None) -> Panel:
    """Apply an htmx answer's panel swaps (and its main swap into `#<main>`, when the answer
    has one) to `panel`, every target resolved first as htmx 4 does."""
    swaps = re.findall(
        r'<hx-partial hx-target="#([\w-]+)" hx-swap="(\w+)">(.*?)</hx-partial>', answer, re.S
    )
    rest = re.sub(r"<hx-partial .*?</hx-partial>", "", answer, flags=re.S).strip()
    tasks = []
    if main and rest.startswith("<li"):
        tasks.append((main, "outerHTML", rest))
    tasks += [s for s in swaps if s[0].startswith(("att-", "ann-"))]
    resolved = [(panel.find(t), t, swap, html) for t, swap, html in tasks]
    for found, target, swap, html in resolved:
        new = (
            [parse_card(c) for c in re.split(r"(?=<li id=\"att-)", html) if c.strip()]
            if 'id="att-' in html
            else [Item(k) for k in re.findall(r'<li id="(ann-\d+)"', html)]
        )
        if target in {"att-list", "ann-loose"}:
            assert swap == "beforeend"
            (panel.cards if target == "att-list" else panel.loose).extend(new)
            continue
        if found is None or found[1] not in found[0]:
            continue  # gone from the page (htmx skips a detached target)
        holder, element = found
        at = holder.index(element)
        if swap == "delete":
            holder.pop(at)
        elif swap == "outerHTML":
            holder[at : at + 1] = new
        elif swap == "beforebegin":
            holder[at:at] = new
        else:
            raise AssertionError(swap)
    return panel


@pytest.fixture
def editor():
    return make_user("ed", "editor")


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def scene(editor):
    article = make_article(body=BODY)
    make = lambda tag, quote: make_annotation(article, tag, quote=quote, author=editor)  # noqa: E731
    spans = {
        "source": make("Source", "The harbour master"),
        "cue": make("Cue", "said"),
        "claim": make("Claim", "the pier would reopen in May"),
        "claim2": make("Claim", "A new timetable would follow"),
        "source2": make("Source", "the ferry company"),
        "cue2": make("Cue", "hoped"),
        "more": make("Claim", "the fares would stay low"),
    }
    attribution = Attribution.objects.create(
        claim=spans["claim"], source_span=spans["source"], cue=spans["cue"], author=editor
    )
    return article, spans, attribution


def page_panel(client: Client, article) -> Panel:
    return parse_panel(client.get(article.get_absolute_url()).content.decode())


def check(client, article, post, main: str | None = None, gone: tuple[int, ...] = ()) -> str:
    """POST a change and check the page's panel after its answer is the page's panel after a
    reload (`gone`: deleted spans the answer leaves as their Undo placeholder)."""
    before = page_panel(client, article)
    response = post()
    assert response.status_code in {200, 201}, response.content[:300]
    answer = response.content.decode()
    swapped = apply(before, answer, main)
    swapped.loose = [i for i in swapped.loose if i.key not in {f"ann-{pk}" for pk in gone}]
    assert swapped.shape() == page_panel(client, article).shape()
    return answer


def url(name: str, *args: int) -> str:
    return reverse(f"annotations:{name}", args=args)


def link_data(article, source=None, cue=None) -> dict:
    return {
        "source_span": source.pk if source else "",
        "cue": cue.pk if cue else "",
        "revision": article.revision,
    }


def test_the_page_lists_one_card_per_attribution_then_the_loose_spans(client, scene):
    """The attribution's card holds source, cue and claim in that order, after the heading
    that reads them; the other spans follow in reading order."""
    article, spans, attribution = scene
    panel = page_panel(client, article)
    keys = lambda *names: [f"ann-{spans[n].pk}" for n in names]  # noqa: E731
    assert panel.shape() == (
        [(f"att-{attribution.pk}", keys("source", "cue", "claim"))],
        keys("claim2", "source2", "cue2", "more"),
    )


def test_linking_a_claim_makes_its_card(client, scene):
    """Link source…: a card for the new attribution, its spans leaving the loose list."""
    article, spans, _ = scene
    answer = check(
        client,
        article,
        lambda: client.post(
            url("link", spans["claim2"].pk),
            link_data(article, spans["source2"], spans["cue2"]),
            headers=HTMX,
        ),
    )
    assert "“the ferry company” — " in re.sub(r"<[^>]+>", "", answer)


def test_unlinking_puts_the_spans_back_in_the_loose_list(client, scene):
    """Unlink: the card goes, its three spans return to the loose list in reading order."""
    article, spans, attribution = scene
    check(
        client,
        article,
        lambda: client.post(url("unlink", attribution.pk), headers=HTMX),
    )


def test_a_source_shared_by_two_attributions_is_one_item_and_a_reference(client, scene):
    """Linking a second claim to the same source span and cue: the new card shows them as
    references; the items stay in the first card (one #ann- each)."""
    article, spans, _ = scene
    answer = check(
        client,
        article,
        lambda: client.post(
            url("link", spans["claim2"].pk),
            link_data(article, spans["source"], spans["cue"]),
            headers=HTMX,
        ),
    )
    assert f'<li class="ann-ref" data-ref="{spans["source"].pk}">' in answer
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count(f'<li id="ann-{spans["source"].pk}"') == 1


def test_adding_and_removing_a_fragment_moves_it_in_and_out_of_the_card(client, scene):
    """Add fragment: the further claim joins the card; remove fragment: it is loose again."""
    article, spans, attribution = scene
    more = spans["more"]
    answer = check(
        client,
        article,
        lambda: client.post(
            url("add_fragment", attribution.pk), {"fragment": more.pk}, headers=HTMX
        ),
    )
    assert "“the pier would reopen in May” … “the fares would stay low”" in answer
    check(
        client,
        article,
        lambda: client.post(
            reverse("annotations:remove_fragment", args=[attribution.pk, more.pk]), headers=HTMX
        ),
    )


def test_deleting_and_restoring_a_source_span(client, scene):
    """Delete the card's source: the card goes (an attribution needs its source span), the
    placeholder with Undo is loose; Undo brings the card back."""
    article, spans, attribution = scene
    source = spans["source"]
    answer = check(
        client,
        article,
        lambda: client.post(url("delete", source.pk), headers=HTMX),
        gone=(source.pk,),
    )
    assert f'<li id="ann-{source.pk}" class="ann deleted">' in answer
    check(client, article, lambda: client.post(url("restore", source.pk), headers=HTMX))
    assert page_panel(client, article).cards[0].key == f"att-{attribution.pk}"


def test_deleting_a_loose_span_keeps_its_placeholder_in_place(client, scene):
    """Delete a loose span: its Undo placeholder replaces it where it was."""
    article, spans, _ = scene
    more = spans["more"]
    answer = check(
        client,
        article,
        lambda: client.post(url("delete", more.pk), headers=HTMX),
        gone=(more.pk,),
    )
    assert f'<hx-partial hx-target="#ann-{more.pk}" hx-swap="outerHTML">' in answer


def test_resolving_the_source_redraws_the_card_head_with_the_entry(client, scene):
    """Resolve…: the card's head names the registry entry."""
    article, spans, attribution = scene
    entry = Source.objects.create(name="Port Authority", kind="organisation")
    answer = check(
        client,
        article,
        lambda: client.post(
            url("resolve", spans["source"].pk),
            {"source": entry.pk, "revision": article.revision},
            headers=HTMX,
        ),
    )
    head = answer.split(f'<li id="att-{attribution.pk}"')[1].split("</p>")[0]
    assert "Port Authority" in head
    check(client, article, lambda: client.post(url("unresolve", spans["source"].pk), headers=HTMX))


def test_editing_a_claims_tag_drops_its_card(client, scene):
    """Edit the claim's tag to Quote: its links go, and with them the card."""
    article, spans, _ = scene
    claim = spans["claim"]
    check(
        client,
        article,
        lambda: client.post(
            url("edit", claim.pk), {"tag": Tag.objects.get(name="Quote").pk}, headers=HTMX
        ),
    )
    assert page_panel(client, article).cards == []


def test_review_accept_and_a_correction_that_moves_the_claim(scene):
    """A reviewer's accept swaps the item in place; a correction that moves the claim before
    the other card's claim moves its card."""
    article, spans, attribution = scene
    reviewer = Client()
    reviewer.force_login(make_user("rita", "reviewer"))
    claim2 = spans["claim2"]
    reviewer.post(
        url("link", claim2.pk), link_data(article, spans["source2"], spans["cue2"]), headers=HTMX
    )
    check(
        reviewer,
        article,
        lambda: reviewer.post(url("accept", claim2.pk), headers=HTMX),
        main=f"ann-{claim2.pk}",
    )
    # "The harbour master said" is before the first claim: the second card moves first.
    start = BODY.index("The harbour")
    check(
        reviewer,
        article,
        lambda: reviewer.post(
            url("correct", claim2.pk),
            {
                "tag": claim2.tag_id,
                "start": start,
                "end": start + len("The harbour"),
                "reason": "The words said first",
            },
            headers=HTMX,
        ),
    )
    cards = page_panel(reviewer, article).cards
    assert [c.key for c in cards][0] != f"att-{attribution.pk}"


def test_creating_a_span_inserts_it_among_the_loose_ones(client, scene):
    """A new span goes into the loose list before the next loose span, never into a card."""
    article, spans, _ = scene
    start = BODY.index("pier")

    def create():
        return client.post(
            reverse("annotations:create", args=[article.pk]),
            {
                "client_id": "6a1f0c3e-1111-4222-8333-944455556666",
                "target": "body",
                "start": start,
                "end": start + 4,
                "quote": "pier",
                "tag": Tag.objects.get(name="Quote").pk,
                "revision": article.revision,
            },
            headers=HTMX,
        )

    answer = check(client, article, create)
    assert f'hx-target="#ann-{spans["claim2"].pk}" hx-swap="beforebegin"' in answer


def test_the_one_flow_builds_its_card_step_by_step(client, scene):
    """The one-flow attribution (spans.create with the flow's fields, then spans.attribute):
    after each step the panel the answer leaves equals a fresh page's, the new span coming
    inside its card, never also as a loose item."""
    article, spans, _ = scene

    def saved(quote: str, tag: str, client_id: str, **flow):
        start = BODY.index(quote)

        def post():
            article.refresh_from_db()
            data = {
                "client_id": client_id,
                "target": "body",
                "start": start,
                "end": start + len(quote),
                "quote": quote,
                "tag": Tag.objects.get(name=tag).pk,
                "revision": article.revision,
                **{key: value.pk for key, value in flow.items()},
            }
            return client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)

        return post

    claim = spans["claim2"]
    answer = check(
        client,
        article,
        saved("ferry", "Source", "6a1f0c3e-2222-4222-8333-944455556666", flow_claim=claim),
    )
    source = Annotation.objects.get(quote="ferry")
    assert answer.count(f'id="ann-{source.pk}"') == 1
    attribution = Attribution.objects.get(claim=claim)

    def pick():
        article.refresh_from_db()
        data = {
            "span": spans["cue2"].pk,
            "flow_claim": claim.pk,
            "flow_source": source.pk,
            "flow_attribution": attribution.pk,
            "revision": article.revision,
        }
        return client.post(reverse("annotations:attribute", args=[article.pk]), data, headers=HTMX)

    check(client, article, pick)
    attribution.refresh_from_db()
    assert attribution.cue == spans["cue2"]


def test_accepting_a_suggestion_inserts_its_card(client, editor):
    """Accepting a suggestion: a card for its attribution, placed by its claim."""
    article = make_article(
        body="Officials said the port will close. Engineers said that the pier needs work."
    )
    suggest_articles([article.pk])
    suggestion = Suggestion.objects.filter(article=article).order_by("pk").last()
    assert suggestion is not None
    check(
        client,
        article,
        lambda: client.post(reverse("suggestions:accept", args=[suggestion.pk]), headers=HTMX),
    )
    assert len(page_panel(client, article).cards) == 1


def test_a_change_answers_in_as_many_queries_for_a_long_article(client, editor):
    """Unlinking answers in the same number of queries with 2 or with 40 attributions."""

    def count(n: int) -> int:
        article = make_article(body="\n\n".join([BODY] * n))
        text = article.body
        first = None
        for i in range(n):
            at = i * (len(BODY) + 2)

            def make(tag: str, q: str, at: int = at) -> Annotation:
                start = at + text[at:].index(q)
                return make_annotation(article, tag, start, start + len(q), editor)

            att = Attribution.objects.create(
                claim=make("Claim", "the pier"),
                source_span=make("Source", "The harbour master"),
                cue=make("Cue", "said"),
                author=editor,
            )
            first = first or att
        assert first is not None
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url("unlink", first.pk), headers=HTMX)
        assert response.status_code == 200
        return len(queries)

    assert count(2) == count(40)
    assert Annotation.objects.count() == 3 * 42
