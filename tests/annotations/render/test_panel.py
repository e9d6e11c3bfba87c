"""Snapshots of the panel item and the review row (annotations.render.panel), one per state:
the exact markup, whitespace normalised, so that any change in it is seen here and made on
purpose. No database: items and tags are built in memory, the user is a stand-in with a fixed
set of permissions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from annotations.items import Item, Link, ReviewInfo
from annotations.models import Tag
from annotations.render.panel import Renderer, ReviewRows

EDITOR_PERMS = {
    "annotations.change_annotation",
    "annotations.add_attribution",
}
REVIEWER_PERMS = EDITOR_PERMS | {"annotations.change_any_annotation", "annotations.add_review"}

CLAIM = Tag(pk=1, name="Claim", role=Tag.Role.CLAIM, colour="#f6c744", shortcut="c")
SOURCE = Tag(pk=2, name="Source", role=Tag.Role.SOURCE, colour="#7cc4f5", shortcut="s")


@dataclass
class User:
    pk: int
    perms: set[str] = field(default_factory=set)

    def has_perm(self, perm: str) -> bool:
        return perm in self.perms


def item(**fields) -> Item:
    values = {
        "id": 7,
        "target": "body",
        "caption_id": None,
        "start": 4,
        "end": 30,
        "quote": "the bridge would <open>",
        "tag": CLAIM,
        "note": "",
        "author_id": 1,
        "author": "ed",
        "status": "pending",
        "source": None,
        "deleted": False,
    }
    return Item(**(values | fields))


def norm(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


def render(a: Item, *, user: User | None = None, can_link: bool = True) -> str:
    user = user or User(1, EDITOR_PERMS)
    return norm(Renderer(user, can_link=can_link).item(a))


HEAD = (
    '<li id="ann-7" class="ann" data-ann="7" data-role="claim" data-status="pending">'
    '<div class="ann-head"><span class="chip chip-1"></span><strong>Claim</strong>'
)
QUOTE = (
    '<button type="button" class="quote" data-jump="7" '
    'aria-label="Show in text: the bridge would &lt;open&gt;">'
    "“the bridge would &lt;open&gt;”</button>"
)
T = 'hx-target="#ann-7" hx-swap="outerHTML"'
# What a button that POSTs at once adds: the version the item shows (issue 11).
V = "hx-vals='{\"version\": 1}'"
P = f"{T} {V}"
EDIT_ACTIONS = (
    f'<div class="actions"><button type="button" hx-get="/annotations/7/edit/" {T}>Edit</button>'
    f'<button type="button" hx-get="/annotations/7/link/" {T}>Link source…</button>'
    f'<button type="button" class="danger" hx-post="/annotations/7/delete/" {P}>Delete</button>'
    "</div>"
)


def test_plain_item_of_the_author_has_the_edit_buttons():
    """A pending claim by the signed-in editor: tag, author and status, the quote that jumps to
    the text (escaped), and Edit / Link source… / Delete."""
    assert render(item()) == norm(
        f'{HEAD}<span class="by">ed · Pending review</span></div>{QUOTE}{EDIT_ACTIONS}</li>'
    )


def test_item_of_someone_else_is_read_only():
    """Another editor's item has no buttons at all."""
    assert render(item(), user=User(2, EDITOR_PERMS)) == norm(
        f'{HEAD}<span class="by">ed · Pending review</span></div>{QUOTE}</li>'
    )


def test_item_in_a_caption_says_where_and_keeps_the_note():
    """A span of a caption says "in caption"; its note (stored sanitised) goes in as is."""
    html = render(item(target="caption", caption_id=3, note="<p>checked</p>"), can_link=False)
    assert html == norm(
        f'{HEAD}<span class="where">in caption</span>'
        f'<span class="by">ed · Pending review</span></div>{QUOTE}'
        '<div class="note"><p>checked</p></div>'
        f'<div class="actions"><button type="button" hx-get="/annotations/7/edit/" {T}>Edit</button>'
        f'<button type="button" class="danger" hx-post="/annotations/7/delete/" {P}>Delete</button>'
        "</div></li>"
    )


def add_fragment(pk: int) -> str:
    return (
        f' <button type="button" class="link" hx-get="/annotations/attributions/{pk}/fragments/" '
        f'{T} aria-label="Add fragment: a further content fragment of this attribution">add fragment</button>'
    )


def test_linked_claim_lists_its_sources_with_unlink():
    """A claim's attributions: the source (span quote or registry name) and cue, each with
    add fragment and unlink for someone who may change it."""
    links = [Link(11, "“The minister”", "said"), Link(12, "Ministry of Works", "")]
    html = render(item(links=links))
    assert html == norm(
        f'{HEAD}<span class="by">ed · Pending review</span></div>{QUOTE}'
        '<ul class="links" aria-label="Attributed to">'
        '<li><span class="muted">source</span> “The minister” <span class="muted">cue</span> “said”'
        f"{add_fragment(11)}"
        f' <button type="button" class="link" hx-post="/annotations/attributions/11/delete/" {P} '
        'aria-label="Unlink: remove this attribution">unlink</button></li>'
        '<li><span class="muted">source</span> Ministry of Works'
        f"{add_fragment(12)}"
        f' <button type="button" class="link" hx-post="/annotations/attributions/12/delete/" {P} '
        'aria-label="Unlink: remove this attribution">unlink</button></li></ul>'
        f"{EDIT_ACTIONS}</li>"
    )


def test_attribution_in_fragments_shows_each_with_remove():
    """An attribution whose content comes in fragments: the claim, then each further fragment
    (escaped), joined by an ellipsis, each further one with its remove button."""
    links = [Link(11, "“The minister”", "said", [(9, "and <soon>"), (10, "in spring")])]
    html = render(item(links=links))
    remove = (
        '<button type="button" class="link" hx-post="/annotations/attributions/11/fragments/{}/'
        'remove/" {} aria-label="Remove the fragment “{}” from this attribution">remove fragment</button>'
    )
    assert html == norm(
        HEAD.replace('data-status="pending"', 'data-status="pending" data-links="9 10"')
        + f'<span class="by">ed · Pending review</span></div>{QUOTE}'
        '<ul class="links" aria-label="Attributed to">'
        '<li><span class="muted">source</span> “The minister” <span class="muted">cue</span> “said”'
        ' <span class="muted">content</span> <span class="fragments">“the bridge would &lt;open&gt;”'
        ' … <span class="fragment" data-fragment="9">“and &lt;soon&gt;” '
        + remove.format(9, P, "and &lt;soon&gt;")
        + '</span> … <span class="fragment" data-fragment="10">“in spring” '
        + remove.format(10, P, "in spring")
        + "</span></span>"
        f"{add_fragment(11)}"
        f' <button type="button" class="link" hx-post="/annotations/attributions/11/delete/" {P} '
        'aria-label="Unlink: remove this attribution">unlink</button></li></ul>'
        f"{EDIT_ACTIONS}</li>"
    )


def test_attribution_fragments_without_controls_for_someone_else():
    """Another editor sees the fragments but no remove, add fragment or unlink buttons."""
    links = [Link(11, "(implicit source)", "", [(9, "in spring")], implicit=True)]
    html = render(item(links=links), user=User(2, EDITOR_PERMS))
    assert (
        norm(
            '<li><span class="muted">source</span> <span class="implicit">(implicit source)</span>'
            ' <span class="muted">content</span> <span class="fragments">“the bridge would '
            '&lt;open&gt;” … <span class="fragment" data-fragment="9">“in spring”</span></span></li>'
        )
        in html
    )
    assert "remove" not in html and "unlink" not in html


def test_implicit_source_is_said_so():
    """An attribution without a source in the text shows "(implicit source)"."""
    html = render(item(links=[Link(11, "(implicit source)", "said", implicit=True)]))
    assert (
        norm(
            '<span class="muted">source</span> <span class="implicit">(implicit source)</span>'
            ' <span class="muted">cue</span> “said”'
        )
        in html
    )


def test_resolved_source_shows_its_registry_entry():
    """A Source span resolved to the registry: the entry and its kind, with remove; Resolve…
    instead of Link source…."""
    html = render(
        item(tag=SOURCE, quote="the ministry", source=("Ministry of Works", "government"))
    )
    assert html == norm(
        '<li id="ann-7" class="ann" data-ann="7" data-role="source" data-status="pending">'
        '<div class="ann-head"><span class="chip chip-2"></span><strong>Source</strong>'
        '<span class="by">ed · Pending review</span></div>'
        '<button type="button" class="quote" data-jump="7" aria-label="Show in text: the ministry">'
        "“the ministry”</button>"
        '<p class="resolved">= <strong>Ministry of Works</strong> '
        '<span class="muted">(Government)</span> <button type="button" class="link" '
        f'hx-post="/annotations/7/unresolve/" {P} aria-label="Remove registry entry">remove</button></p>'
        f'<div class="actions"><button type="button" hx-get="/annotations/7/edit/" {T}>Edit</button>'
        f'<button type="button" hx-get="/annotations/7/resolve/" {T}>Resolve…</button>'
        f'<button type="button" class="danger" hx-post="/annotations/7/delete/" {P}>Delete</button>'
        "</div></li>"
    )


def test_accepted_item_seen_by_a_reviewer():
    """An accepted item says who accepted it; a reviewer gets Reject… and Correct… (no Accept:
    accepting again would change nothing) and, changing anyone's work, the edit buttons."""
    a = item(status="accepted", review=ReviewInfo("accept", "rev", "", {}))
    html = render(a, user=User(9, REVIEWER_PERMS))
    assert html == norm(
        HEAD.replace('data-status="pending"', 'data-status="accepted"')
        + f'<span class="by">ed · Accepted</span></div>{QUOTE}'
        '<p class="review review-accept">Accepted by <strong>rev</strong></p>'
        '<div class="actions review-actions" role="group" aria-label="Review">'
        f'<button type="button" hx-get="/annotations/7/reject/" {T}>Reject…</button>'
        f'<button type="button" hx-get="/annotations/7/correct/" {T}>Correct…</button></div>'
        f"{EDIT_ACTIONS}</li>"
    )


def test_rejected_item_says_why_and_offers_accept_to_a_reviewer():
    """A rejected item shows the reason (escaped); a reviewer may still accept it."""
    a = item(status="rejected", review=ReviewInfo("reject", "rev", "not a <claim>", {}))
    html = render(a, user=User(9, REVIEWER_PERMS))
    assert html == norm(
        HEAD.replace('data-status="pending"', 'data-status="rejected"')
        + f'<span class="by">ed · Rejected</span></div>{QUOTE}'
        '<p class="review review-reject">Rejected by <strong>rev</strong>: not a &lt;claim&gt;</p>'
        '<div class="actions review-actions" role="group" aria-label="Review">'
        f'<button type="button" class="accept" hx-post="/annotations/7/accept/" {P}>Accept</button>'
        f'<button type="button" hx-get="/annotations/7/reject/" {T}>Reject…</button>'
        f'<button type="button" hx-get="/annotations/7/correct/" {T}>Correct…</button></div>'
        f"{EDIT_ACTIONS}</li>"
    )


def test_corrected_item_says_what_it_was_to_its_editor():
    """A corrected item: what it was before (tag and quote) and why, seen by its editor."""
    before = {"tag": "Quote", "quote": "would open"}
    a = item(review=ReviewInfo("correct", "rev", "wider", before))
    assert render(a) == norm(
        f'{HEAD}<span class="by">ed · Pending review</span></div>{QUOTE}'
        '<p class="review review-correct">Corrected by <strong>rev</strong>: '
        'was <span class="was">Quote “would open”</span>; wider</p>'
        f"{EDIT_ACTIONS}</li>"
    )


@pytest.mark.parametrize(("author", "undo"), [(1, True), (2, False)])
def test_deleted_item_is_a_placeholder_with_undo_for_who_may_restore(author, undo):
    """A deleted item says what was deleted; Undo only for someone who may change it."""
    button = (
        f'<button type="button" class="primary" hx-post="/annotations/7/restore/" {P}>Undo</button>'
    )
    assert render(item(deleted=True, author_id=author)) == norm(
        '<li id="ann-7" class="ann deleted"><p>Deleted Claim “the bridge would &lt;open&gt;”.</p>'
        f"{button if undo else ''}</li>"
    )


def test_empty_panel_says_so():
    """No items: the panel says there are none yet."""
    assert Renderer(User(1, EDITOR_PERMS), can_link=True).items([]) == (
        '<li class="empty">No annotations yet.</li>'
    )


R = 'hx-target="#row-7" hx-swap="outerHTML"'


def test_review_row_for_a_reviewer():
    """A review page row: where and offsets, author, tag, quote and note, status, latest review,
    and the review controls asking for a row back (?on=review)."""
    a = item(note="<p>n</p>", review=ReviewInfo("reject", "rev", "no", {}), status="rejected")
    assert norm(ReviewRows(User(9, REVIEWER_PERMS)).row(a)) == norm(
        '<tr id="row-7" data-status="rejected"><td class="where">Body<span class="pos">4–30</span>'
        '</td><td>ed</td><td class="tag"><span class="chip chip-1"></span>Claim</td>'
        '<td class="q"><span class="quote-text">“the bridge would &lt;open&gt;”</span>'
        '<div class="note"><p>n</p></div></td>'
        '<td><span class="st st-rejected">Rejected</span></td>'
        '<td class="rv"><p class="review review-reject">Rejected by <strong>rev</strong>: no</p></td>'
        '<td class="actions">'
        f'<button type="button" class="accept" hx-post="/annotations/7/accept/?on=review" {R} {V}>'
        "Accept</button>"
        f'<button type="button" hx-get="/annotations/7/reject/?on=review" {R}>Reject…</button>'
        f'<button type="button" hx-get="/annotations/7/correct/?on=review" {R}>Correct…</button>'
        "</td></tr>"
    )


def test_review_row_without_review_rights_has_no_controls():
    """Someone who may not review sees the row without controls; an accepted span in the title."""
    a = item(target="title", status="accepted")
    assert norm(ReviewRows(User(1, EDITOR_PERMS)).row(a)) == norm(
        '<tr id="row-7" data-status="accepted"><td class="where">Title<span class="pos">4–30</span>'
        '</td><td>ed</td><td class="tag"><span class="chip chip-1"></span>Claim</td>'
        '<td class="q"><span class="quote-text">“the bridge would &lt;open&gt;”</span></td>'
        '<td><span class="st st-accepted">Accepted</span></td><td class="rv"></td>'
        '<td class="actions"></td></tr>'
    )


def test_no_rows_says_none_match():
    """An empty filter result is one row across the table."""
    assert ReviewRows(User(9, REVIEWER_PERMS)).rows([]) == (
        '<tr class="empty"><td colspan="7">No annotations match.</td></tr>'
    )


def test_claim_item_carries_its_attributions_partner_ids():
    """data-links lists every other span of the claim's attributions (source span, cue, then
    the further fragments), across all its links: what the page highlights with the claim."""
    links = [
        Link(11, "“The minister”", "said", [(9, "in spring")], span_ids=(3, 4)),
        Link(12, "Ministry of Works", "", span_ids=(5,)),
    ]
    html = render(item(links=links))
    assert html.startswith(
        '<li id="ann-7" class="ann" data-ann="7" data-role="claim" data-status="pending" '
        'data-links="3 4 9 5">'
    )


def test_unlinked_claim_item_has_no_links_map():
    """A claim with no attribution carries no data-links (nothing to highlight with it)."""
    assert "data-links" not in render(item())


CUE = Tag(pk=3, name="Cue", role=Tag.Role.CUE, colour="#c9a7f5", shortcut="u")


def grouped_items() -> list[Item]:
    """In reading order: a source, a cue, a claim linked to both (and to a later fragment), a
    second claim linked to the same source, and a loose cue."""
    source = item(id=1, start=0, end=5, quote="The <mayor>", tag=SOURCE)
    cue = item(id=2, start=6, end=10, quote="said", tag=CUE)
    claim = item(id=3, start=11, end=20, quote="trams run", tag=CLAIM)
    later = item(id=4, start=30, end=40, quote="all winter", tag=CLAIM)
    again = item(id=5, start=50, end=60, quote="fares stay", tag=CLAIM)
    loose = item(id=6, start=70, end=72, quote="added", tag=CUE)
    claim.links = [
        Link(
            9,
            "“The <mayor>”",
            "said",
            [(4, "all winter")],
            span_ids=(1, 2),
            source_span_id=1,
            cue_id=2,
        )
    ]
    again.links = [Link(11, "“The <mayor>”", "", span_ids=(1,), source_span_id=1)]
    return [source, cue, claim, later, again, loose]


def test_panel_groups_items_under_their_attribution_then_the_loose_ones():
    """One card per attribution (head: source — cue — claim … fragment, escaped), its items
    source, cue, claim, fragment; a span already in an earlier card is a reference; the
    spans in no attribution follow."""
    html = norm(Renderer(User(1, EDITOR_PERMS), can_link=True).panel(grouped_items()))
    cards = re.findall(
        r'<li id="att-(\d+)" class="att" data-att="\d+" data-members="([\d ]+)">', html
    )
    assert cards == [("9", "1 2 3 4"), ("11", "1 5")]
    first = html.split('<li id="att-9"')[1].split('<li id="att-11"')[0]
    assert (
        '<p class="att-head"><span class="visually-hidden">Attribution: </span>'
        '<span class="att-src">“The &lt;mayor&gt;”</span>'
        '<span class="att-sep" aria-hidden="true"> — </span><span class="att-cue">“said”</span>'
        '<span class="att-sep" aria-hidden="true"> — </span>'
        '<span class="att-claim">“trams run” … “all winter”</span></p>'
    ) in first
    assert re.findall(r'<li id="ann-(\d+)"', first) == ["1", "2", "3", "4"]
    second = html.split('<li id="att-11"')[1].split('<ol id="ann-loose"')[0]
    assert '<span class="att-cue muted">no cue</span>' in second
    assert re.findall(r'<li id="ann-(\d+)"', second) == ["5"]
    assert (
        '<li class="ann-ref" data-ref="1"><span class="chip chip-2"></span>'
        '<button type="button" class="link" data-jump="1">Source “The &lt;mayor&gt;”</button>'
    ) in second
    loose = html.split('<ol id="ann-loose"')[1]
    assert re.findall(r'<li id="ann-(\d+)"', loose) == ["6"]
    assert html.count('<li id="ann-') == 6


def test_empty_grouped_panel_keeps_both_empty_lines():
    """No items: both lists say they are empty (CSS hides the line once an item follows)."""
    html = Renderer(User(1, EDITOR_PERMS), can_link=True).panel([])
    assert '<li class="empty">No attributions yet.</li></ol>' in html
    assert '<li class="empty">No annotations outside an attribution.</li></ol>' in html
