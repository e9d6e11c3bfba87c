"""The review page's rows as cards (issue 10): source — cue — claim, the registry entry, the
sentence in context with the three parts marked, editor, status, provenance and the reviewer's
controls. Built in Python for the reason panel.py gives (hundreds of rows per page); every text
is escaped here.

The controls belong to the page's one bulk form (`form="bulk"`): a row's checkbox, its Accept
button and its Reject… reason are that form's fields, so a row works without JavaScript and
one POST reviews one row or many (annotations.views.review.review_bulk). The context block
renders each text node alone in an element whose data-o is its code point offset, as the
article's text is (render/highlight.py), so static/js/review.js maps a selection in it to
offsets for a correction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString, mark_safe

from ..anchoring import clip
from ..models import Annotation, Source
from ..reviewing import PENDING, Row
from .panel import provenance_text, review_line, url_pattern

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

STATUS_LABELS = dict(Annotation.Status.choices)
KIND_LABELS = dict(Source.Kind.choices)
ROLE_WORDS = {"source": "source", "cue": "cue", "claim": "claim"}


def context_html(text: str, lo: int, hi: int, marks: Iterable[tuple[str, int, int]]) -> str:
    """text[lo:hi] as data-o pieces, each piece inside the parts (role, start, end) that cover
    it marked with a class per role (cx-source bold, cx-cue italic and dotted, cx-claim
    underlined: marked by shape as well as colour)."""
    marks = [(role, max(s, lo), min(e, hi)) for role, s, e in marks if s < hi and e > lo]
    cuts = sorted({lo, hi, *(s for _, s, _ in marks), *(e for _, _, e in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        piece = escape(text[a:b])
        roles = sorted({role for role, s, e in marks if s <= a and b <= e})
        if roles:
            classes = " ".join(f"cx-{r}" for r in roles)
            out.append(f'<mark class="cx {classes}" data-o="{a}">{piece}</mark>')
        else:
            out.append(f'<span data-o="{a}">{piece}</span>')
    return "".join(out)


class ReviewCards:
    """Rows of the review page for one user."""

    def __init__(self, user: User | AnonymousUser, *, locked: bool = False) -> None:
        self.can_review = user.has_perm("annotations.add_review")
        self.locked = locked  # approved: no controls (reopen first), as the bulk view refuses
        self.correct_url = url_pattern("annotations:correct")

    def rows(self, rows: Iterable[Row], texts: Mapping[str, str]) -> SafeString:
        html = "".join(self.row(r, texts) for r in rows)
        return mark_safe(html or '<li class="rv-empty">No rows match these filters.</li>')  # noqa: S308

    def row(self, row: Row, texts: Mapping[str, str]) -> SafeString:
        key = row.key
        source, cue = row.part("source"), row.part("cue")
        link = row.link
        if row.attribution_id is None:
            only = row.parts[0].item
            title = f"{escape(only.tag.name)} “{escape(clip(only.quote, 160))}”"
            triple = (
                f'<p class="rv-triple"><span class="rv-kind">Unlinked</span> '
                f'<span class="p-{escape(row.parts[0].role)}">{title}</span></p>'
            )
            label = f"{only.tag.name} “{clip(only.quote, 60)}”"
            entry = ""
        else:
            assert link is not None  # noqa: S101 - every attribution row has its link
            if source is not None:
                who = f"“{escape(clip(source.item.quote, 80))}”"
            elif link.implicit:
                who = f'<span class="implicit">{escape(link.source_label)}</span>'
            else:
                who = escape(link.source_label)
            said = (
                f"“{escape(clip(cue.item.quote, 40))}”"
                if cue
                else '<span class="muted">no cue</span>'
            )
            claims = " … ".join(f"“{escape(clip(p.item.quote, 120))}”" for p in row.claims())
            triple = (
                f'<p class="rv-triple"><span class="p-source"><span class="rv-role">Source</span> {who}</span>'
                f' <span class="sep" aria-hidden="true">—</span> '
                f'<span class="p-cue"><span class="rv-role">Cue</span> {said}</span>'
                f' <span class="sep" aria-hidden="true">—</span> '
                f'<span class="p-claim"><span class="rv-role">Claim</span> {claims}</span></p>'
            )
            src_words = source.item.quote if source else link.source_label
            label = f"{clip(src_words, 30)} — {clip(cue.item.quote, 20) if cue else 'no cue'} — {clip(row.claims()[0].item.quote, 40)}"
            if link.entry:
                name, kind = link.entry
                entry = (
                    f'<p class="rv-entry"><span class="muted">Registry:</span> '
                    f"<strong>{escape(name)}</strong> "
                    f'<span class="muted">({KIND_LABELS.get(kind, escape(kind))})</span></p>'
                )
            elif link.implicit:
                entry = '<p class="rv-entry muted">Implicit source: no registry entry.</p>'
            else:
                entry = '<p class="rv-entry muted">Registry: not resolved.</p>'
        context = ""
        if row.context is not None:
            tkey, lo, hi = row.context
            text = texts.get(tkey, "")
            marks = [
                (p.role, p.item.start, p.item.end) for p in row.parts if p.item.target_key == tkey
            ]
            target, _, caption = tkey.partition("-")
            # Not a tab stop: the card is (j / k); a correction's own block is (article.html).
            context = (
                f'<blockquote class="rv-context" data-target="{target}" data-caption="{caption}">'
                f"{context_html(text, lo, hi, marks)}</blockquote>"
            )
        status = STATUS_LABELS.get(row.status, row.status)
        if row.status == PENDING and row.accepted:
            status += f" ({row.accepted} of {len(row.parts)} spans accepted)"
        provenance = (
            provenance_text(*link.suggested)
            if link is not None and link.suggested
            else ("manual" if link is not None else "")
        )
        meta = (
            f'<p class="rv-meta"><span class="by">{escape(row.editor)}</span>'
            f' · <span class="st st-{row.status}">{escape(status)}</span>'
            + (f' · <span class="provenance">{provenance}</span>' if provenance else "")
            + "</p>"
        )
        # The spans of a row reviewed together carry the same review: say it once.
        seen: dict[tuple, str] = {}
        for p in row.parts:
            r = p.item.review
            if r is not None:
                key_ = (r.action, r.reviewer, r.reason, r.before.get("quote"))
                if key_ not in seen:
                    seen[key_] = review_line(r)
        reviews = "".join(seen.values())
        # The editors' notes (stored sanitised, articles.content.sanitize_html): inserted as is.
        notes = "".join(f'<div class="note">{p.item.note}</div>' for p in row.parts if p.item.note)
        parts = [
            f'<li id="row-{key}" class="rv-card" data-row="{key}" data-status="{row.status}" tabindex="-1">'
            f'<div class="rv-head">'
        ]
        if self.can_review and not self.locked:
            parts.append(
                f'<input type="checkbox" class="pick" name="row" value="{key}" form="bulk" '
                f'id="pick-{key}" aria-label="Select {escape(label)}">'
            )
        parts.append(f"{triple}</div>{entry}{context}{notes}{meta}{reviews}")
        if self.can_review and not self.locked:
            parts.append('<div class="actions rv-actions" role="group" aria-label="Review">')
            if row.status != "accepted":
                parts.append(
                    f'<button type="submit" class="accept" form="bulk" name="one" '
                    f'value="accept {key}">Accept</button>'
                )
            parts.append(
                f'<details class="rv-reject"><summary>Reject…</summary>'
                f'<label for="why-{key}">Reason <span class="muted">(the editor sees it)</span></label>'
                f'<textarea id="why-{key}" name="reason-{key}" form="bulk" rows="2" maxlength="2000"></textarea>'
                f'<button type="submit" class="danger" form="bulk" name="one" value="reject {key}">Reject</button>'
                "</details>"
            )
            for p in row.parts:
                url = self.correct_url.format(p.item.id)
                parts.append(
                    f'<button type="button" hx-get="{url}?on=card&amp;row={key}" '
                    f'hx-target="#row-{key}" hx-swap="outerHTML">Correct {ROLE_WORDS.get(p.role, "span")}'
                    f'<span class="visually-hidden"> “{escape(clip(p.item.quote, 40))}”</span>…</button>'
                )
            parts.append("</div>")
        parts.append("</li>")
        return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
