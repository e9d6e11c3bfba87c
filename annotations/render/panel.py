"""HTML of the side panel's items and of the review page's rows, built in Python.

Why Python and not a template: the panel is drawn on every article page view (every annotation)
and answers every save; f-strings around `escape()` take 3–6 ms for 500 items against 80–97 ms
for the equivalent template loop (docs/benchmarks.md). This package (annotations.render) is the
only place HTML is written in Python; every other fragment is a template partial. Each state of
an item and of a row has a snapshot test (tests/annotations/render/test_panel.py).

Every piece of text is escaped here; the note is stored sanitised
(articles.content.sanitize_html) and inserted as is. Reviewers get the inline Accept /
Reject… / Correct… controls. `ReviewRows` renders the same items (annotations.items) as the rows
of the per-article review page, the same way and for the same reason: speed at 500 rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape  # what django.utils.html.escape wraps; see below
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from ..anchoring import clip
from ..grouping import Card, Grouping
from ..items import Item, Link, ReviewInfo, grouping_of
from ..models import Annotation, Review, Source, Tag

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

# `escape` is the standard library's html.escape, which Django's escape calls after converting to
# str and before wrapping in SafeString, behind a lazy-argument check: same output, a fifth of the
# cost, and this module calls it tens of thousands of times a page. Only str goes in.
STATUS_LABELS = dict(Annotation.Status.choices)
KIND_LABELS = dict(Source.Kind.choices)


REVIEW_WORDS = dict(Review.Action.choices)
CORRECT_BUTTON = '<button type="button" hx-get="{url}correct/{on}" {target}>Correct…</button>'
WHERE_LABELS = dict(Annotation.Target.choices)
SEP = '<span class="att-sep" aria-hidden="true"> — </span>'


def provenance_text(
    origin: str, version: str, rule: str, confidence: float, edited: bool = False
) -> str:
    """ "suggested by newsroom-rules 3, rule quote-source-cue, confidence 0.90" (escaped): what
    a reviewer sees on an attribution that came from an accepted suggestion (issue 10), with
    ", accepted after edit" when the editor changed its spans first."""
    by = f"{origin} {version}".strip()
    after = ", accepted after edit" if edited else ""
    return escape(f"suggested by {by}, rule {rule or '?'}, confidence {confidence:.2f}{after}")


def review_line(review: ReviewInfo | None) -> str:
    """ "Accepted by X" / "Rejected by X: reason" / "Corrected by X: was <tag> “quote”; reason"."""
    if review is None:
        return ""
    action = escape(review.action)
    text = (
        f"{REVIEW_WORDS.get(review.action, action)} by <strong>{escape(review.reviewer)}</strong>"
    )
    details = []
    if review.action == Review.Action.CORRECT:
        old_tag = str(review.before.get("tag", ""))
        old_quote = str(review.before.get("quote", ""))
        details.append(
            f'was <span class="was">{escape(old_tag)} “{escape(clip(old_quote, 80))}”</span>'
        )
    if review.reason:
        details.append(escape(review.reason))
    if details:
        text += ": " + "; ".join(details)
    return f'<p class="review review-{action}">{text}</p>'


def url_pattern(name: str) -> str:
    """A URL with "{}" where the id goes, reversed once instead of once per item."""
    marker = 987654321
    return reverse(name, args=[marker]).replace(str(marker), "{}")


class Renderer:
    """Renders items for one user; URL prefixes are reversed once, not per item."""

    def __init__(self, user: User | AnonymousUser, *, can_link: bool, locked: bool = False) -> None:
        self.user_id = user.pk
        # An approved article (annotations.workflow.LOCKED) is drawn read-only: no editing
        # controls and no Correct…, for anyone, until a reviewer reopens it.
        self.locked = locked
        self.can_change = user.has_perm("annotations.change_annotation") and not locked
        self.can_change_any = user.has_perm("annotations.change_any_annotation")
        self.can_link = can_link
        self.can_review = user.has_perm("annotations.add_review")
        self.item_url = url_pattern("annotations:item")
        self.restore_url = url_pattern("annotations:restore")
        self.unlink_url = url_pattern("annotations:unlink")
        self.fragment_url = url_pattern("annotations:add_fragment")
        marker = 987654321
        self.remove_fragment_url = (
            reverse("annotations:remove_fragment", args=[marker, marker + 1])
            .replace(str(marker + 1), "{1}")
            .replace(str(marker), "{0}")
        )

    def editable(self, item: Item) -> bool:
        return self.can_change and (self.can_change_any or item.author_id == self.user_id)

    def items(self, items: Iterable[Item]) -> SafeString:
        html = "".join(self.item(i) for i in items)
        return mark_safe(html or '<li class="empty">No annotations yet.</li>')  # noqa: S308

    def panel(self, items: Sequence[Item], grouping: Grouping | None = None) -> SafeString:
        """The whole panel list: the attribution cards, then the spans in none (each list with
        its empty line, hidden by CSS once an item follows). One join for the whole panel."""
        grouping = grouping or grouping_of(items)
        by_id = {i.id: i for i in items}
        out = [
            '<h3 id="att-heading" class="grp-heading">Attributions</h3>'
            '<ol id="att-list" class="att-list" aria-labelledby="att-heading">'
            '<li class="empty">No attributions yet.</li>'
        ]
        for card in grouping.cards:
            self._card(out, card, by_id, grouping)
        out.append(
            "</ol>"
            '<h3 id="loose-heading" class="grp-heading">Not in an attribution</h3>'
            '<ol id="ann-loose" class="ann-list" aria-labelledby="loose-heading">'
            '<li class="empty">No annotations outside an attribution.</li>'
        )
        out += [self.item(by_id[pk]) for pk in grouping.loose]
        out.append("</ol>")
        return mark_safe("".join(out))  # noqa: S308 - fixed markup around rendered items

    def card(self, card: Card, by_id: Mapping[int, Item], grouping: Grouping) -> SafeString:
        """One attribution: a head reading source — cue — claim (… further fragments; the
        registry entry, or implicit), then its spans' items, each with its own controls; a span
        whose item lives in an earlier card (its home) is a reference that jumps to the text."""
        out: list[str] = []
        self._card(out, card, by_id, grouping)
        return mark_safe("".join(out))  # noqa: S308 - every text in it is escaped

    def _card(
        self, out: list[str], card: Card, by_id: Mapping[int, Item], grouping: Grouping
    ) -> None:
        claim = by_id[card.claim]
        link = next(link for link in claim.links if link.id == card.id)
        implicit = " implicit" if link.implicit else ""
        cue = (
            f'<span class="att-cue">“{escape(clip(link.cue_quote, 40))}”</span>'
            if link.cue_quote
            else '<span class="att-cue muted">no cue</span>'
        )
        content = " … ".join(
            f"“{escape(clip(q, 60))}”" for q in [claim.quote, *(q for _, q in link.fragments)]
        )
        out.append(
            f'<li id="att-{card.id}" class="att" data-att="{card.id}" '
            f'data-members="{" ".join(map(str, card.members))}">'
            f'<p class="att-head"><span class="visually-hidden">Attribution: </span>'
            f'<span class="att-src{implicit}">{escape(link.source_label)}</span>{SEP}{cue}{SEP}'
            f'<span class="att-claim">{content}</span></p><ol class="att-spans">'
        )
        home = grouping.home
        for pk in card.members:
            item = by_id.get(pk)
            if item is None:
                continue
            if home.get(pk) == card.id:
                out.append(self.item(item))
            else:
                out.append(
                    f'<li class="ann-ref" data-ref="{pk}"><span class="chip chip-{item.tag.pk}"></span>'
                    f'<button type="button" class="link" data-jump="{pk}">{escape(item.tag.name)} '
                    f"“{escape(clip(item.quote, 60))}”</button> "
                    '<span class="muted">(also in an attribution above)</span></li>'
                )
        out.append("</ol></li>")

    def item(self, a: Item) -> SafeString:
        pk = a.id
        tag = a.tag
        editable = self.editable(a)
        target = f'hx-target="#ann-{pk}" hx-swap="outerHTML"'
        # The buttons that POST at once carry the version the item shows (Annotation.claim).
        posts = f"{target} hx-vals='{{\"version\": {a.version}}}'"
        if a.deleted:
            undo = (
                f'<button type="button" class="primary" hx-post="{self.restore_url.format(pk)}" '
                f"{posts}>Undo</button>"
                if editable
                else ""
            )
            return mark_safe(  # noqa: S308 - text escaped, markup fixed here
                f'<li id="ann-{pk}" class="ann deleted"><p>Deleted {escape(tag.name)} '
                f"“{escape(clip(a.quote, 60))}”.</p>{undo}</li>"
            )
        url = self.item_url.format(pk)
        # The attribution's other spans, for highlighting them together (static/js/links.js).
        partners = " ".join(str(i) for link in a.links for i in link.partner_ids)
        links_attr = f' data-links="{partners}"' if partners else ""
        parts = [
            f'<li id="ann-{pk}" class="ann" data-ann="{pk}" data-role="{tag.role}" '
            f'data-status="{a.status}"{links_attr}>'
            f'<div class="ann-head"><span class="chip chip-{tag.pk}"></span>'
            f"<strong>{escape(tag.name)}</strong>"
        ]
        if a.target == "title":
            parts.append('<span class="where">in title</span>')
        elif a.target == "caption":
            parts.append('<span class="where">in caption</span>')
        parts.append(
            f'<span class="by">{escape(a.author)} · {STATUS_LABELS.get(a.status, a.status)}</span>'
            f'</div><button type="button" class="quote" data-jump="{pk}" '
            f'aria-label="Show in text: {escape(clip(a.quote, 80))}">'
            f"“{escape(clip(a.quote, 160))}”</button>"
        )
        if a.source:
            name, kind = a.source
            remove = (
                f' <button type="button" class="link" hx-post="{url}unresolve/" {posts} '
                f'aria-label="Remove registry entry">remove</button>'
                if editable
                else ""
            )
            parts.append(
                f'<p class="resolved">= <strong>{escape(name)}</strong> '
                f'<span class="muted">({KIND_LABELS.get(kind, kind)})</span>{remove}</p>'
            )
        if a.note:
            parts.append(f'<div class="note">{a.note}</div>')  # sanitised on write
        if a.links:
            parts.append('<ul class="links" aria-label="Attributed to">')
            for link in a.links:
                cue = (
                    f' <span class="muted">cue</span> “{escape(clip(link.cue_quote, 40))}”'
                    if link.cue_quote
                    else ""
                )
                linkable = editable and self.can_link
                unlink = (
                    f' <button type="button" class="link" hx-get="{self.fragment_url.format(link.id)}" '
                    f'{target} aria-label="Add fragment: a further content fragment of this attribution">'
                    "add fragment</button>"
                    f' <button type="button" class="link" hx-post="{self.unlink_url.format(link.id)}" '
                    f'{posts} aria-label="Unlink: remove this attribution">unlink</button>'
                    if linkable
                    else ""
                )
                source = (
                    f'<span class="implicit">{escape(link.source_label)}</span>'
                    if link.implicit
                    else escape(link.source_label)
                )
                suggested = (
                    f'<span class="provenance">{provenance_text(*link.suggested)}</span>'
                    if link.suggested
                    else ""
                )
                parts.append(
                    f'<li><span class="muted">source</span> {source}{cue}'
                    f"{self.fragments(a, link, posts) if link.fragments else ''}{unlink}"
                    f"{suggested}</li>"
                )
            parts.append("</ul>")
        if a.review:
            parts.append(review_line(a.review))
        if self.can_review and not self.locked:  # approved: reopen first (workflow.LOCKED)
            parts.append('<div class="actions review-actions" role="group" aria-label="Review">')
            if a.status != Annotation.Status.ACCEPTED:  # accepting again would change nothing
                parts.append(
                    f'<button type="button" class="accept" hx-post="{url}accept/" {posts}>'
                    "Accept</button>"
                )
            parts.append(
                f'<button type="button" hx-get="{url}reject/" {target}>Reject…</button>'
                + CORRECT_BUTTON.format(url=url, target=target, on="")
                + "</div>"
            )
        if editable:
            parts.append(
                f'<div class="actions"><button type="button" hx-get="{url}edit/" {target}>Edit</button>'
            )
            if tag.role == Tag.Role.CLAIM and self.can_link:
                parts.append(
                    f'<button type="button" hx-get="{url}link/" {target}>Link source…</button>'
                )
            if tag.role == Tag.Role.SOURCE:
                parts.append(
                    f'<button type="button" hx-get="{url}resolve/" {target}>Resolve…</button>'
                )
            parts.append(
                f'<button type="button" class="danger" hx-post="{url}delete/" {posts}>Delete</button></div>'
            )
        parts.append("</li>")
        return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped

    def fragments(self, a: Item, link: Link, target: str) -> str:
        """An attribution's content in fragments: “claim” … “further” … (each further one with
        its remove button for whoever may change the link)."""
        linkable = self.editable(a) and self.can_link
        pieces = [f"“{escape(clip(a.quote, 40))}”"]
        for pk, quote in link.fragments:
            remove = (
                f' <button type="button" class="link" '
                f'hx-post="{self.remove_fragment_url.format(link.id, pk)}" {target} '
                f'aria-label="Remove the fragment “{escape(clip(quote, 40))}” from this attribution">'
                "remove fragment</button>"
                if linkable
                else ""
            )
            pieces.append(
                f'<span class="fragment" data-fragment="{pk}">“{escape(clip(quote, 40))}”{remove}</span>'
            )
        return f' <span class="muted">content</span> <span class="fragments">{" … ".join(pieces)}</span>'


class ReviewRows:
    """One annotation as a table row (author, tag, quote, status, latest review and the
    reviewer's controls) for one user: what the inline review views answer with when asked
    `?on=review`, not a panel item. The review page itself now lists attributions
    (render/review.py, issue 10); this stays for those answers and their callers."""

    COLUMNS = 7

    def __init__(self, user: User | AnonymousUser, *, locked: bool = False) -> None:
        self.can_review = user.has_perm("annotations.add_review")
        self.locked = locked  # an approved article: no Correct… (see Renderer)
        self.item_url = url_pattern("annotations:item")

    def rows(self, items: Iterable[Item]) -> SafeString:
        html = "".join(self.row(i) for i in items)
        return mark_safe(  # noqa: S308 - fixed markup
            html
            or f'<tr class="empty"><td colspan="{self.COLUMNS}">No annotations match.</td></tr>'
        )

    def row(self, a: Item) -> SafeString:
        pk = a.id
        tag = a.tag
        url = self.item_url.format(pk)
        target = f'hx-target="#row-{pk}" hx-swap="outerHTML"'
        note = f'<div class="note">{a.note}</div>' if a.note else ""  # sanitised on write
        parts = [
            f'<tr id="row-{pk}" data-status="{a.status}">'
            f'<td class="where">{WHERE_LABELS.get(a.target, a.target)}'
            f'<span class="pos">{a.start}–{a.end}</span></td>'
            f"<td>{escape(a.author)}</td>"
            f'<td class="tag"><span class="chip chip-{tag.pk}"></span>{escape(tag.name)}</td>'
            f'<td class="q"><span class="quote-text">“{escape(clip(a.quote, 240))}”</span>{note}</td>'
            f'<td><span class="st st-{a.status}">{STATUS_LABELS.get(a.status, a.status)}</span></td>'
            f'<td class="rv">{review_line(a.review)}</td><td class="actions">'
        ]
        if self.can_review and not self.locked:
            if a.status != Annotation.Status.ACCEPTED:  # accepting again would change nothing
                parts.append(
                    f'<button type="button" class="accept" hx-post="{url}accept/?on=review" '
                    f"{target} hx-vals='{{\"version\": {a.version}}}'>Accept</button>"
                )
            parts.append(
                f'<button type="button" hx-get="{url}reject/?on=review" {target}>Reject…</button>'
            )
            parts.append(CORRECT_BUTTON.format(url=url, target=target, on="?on=review"))
        parts.append("</td></tr>")
        return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
