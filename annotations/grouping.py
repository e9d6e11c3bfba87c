"""The side panel's groups (issue 10): one card per attribution, then the spans in none. Pure.

A card reads source — cue — claim (then the claim's further fragments); it is placed by its
claim's reading order. A span may belong to several attributions (a source quoted twice, a cue
shared): its panel item (`#ann-<pk>`, one per page) lives in the first card that holds it, its
*home*, and the later cards show a reference to it. Spans in no attribution are *loose*, listed
after the cards in reading order.

`diff` turns two groupings of the same article (before and after one change) into the swaps
that bring a page drawn from the first to the second: annotations.views.fragments sends them as
out-of-band partials, so every inline change keeps the groups right without a reload and
without re-sending the whole panel.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

# (attribution id, claim id, source span id, cue id, further fragment ids)
LinkRow = tuple[int, int, int | None, int | None, Sequence[int]]


@dataclass(frozen=True, slots=True)
class Card:
    id: int  # the attribution
    claim: int
    members: tuple[int, ...]  # as the card lists them: source span, cue, claim, fragments


@dataclass(slots=True)
class Grouping:
    cards: list[Card] = field(default_factory=list)
    # annotation id -> the card its item lives in, None for a loose one
    home: dict[int, int | None] = field(default_factory=dict)
    loose: list[int] = field(default_factory=list)

    def card(self, pk: int) -> Card | None:
        return next((c for c in self.cards if c.id == pk), None)


def group(order: Sequence[int], links: Iterable[LinkRow], dead: Collection[int] = ()) -> Grouping:
    """Group the annotations `order` lists (reading order) by the attributions `links`. An id in
    `dead` (a deleted span still shown as its Undo placeholder) is loose and in no card; so is
    an attribution whose claim is not listed."""
    position = {pk: i for i, pk in enumerate(order)}
    live = {pk for pk in order if pk not in dead}
    cards = []
    for att, claim, source, cue, fragments in links:
        if claim not in live:
            continue
        seen: list[int] = []
        for pk in (source, cue, claim, *sorted(fragments, key=lambda f: position.get(f, 0))):
            if pk is not None and pk in live and pk not in seen:
                seen.append(pk)
        cards.append(Card(att, claim, tuple(seen)))
    cards.sort(key=lambda c: (position[c.claim], c.id))
    home: dict[int, int | None] = {}
    for card in cards:
        for pk in card.members:
            home.setdefault(pk, card.id)
    loose = [pk for pk in order if pk not in home]
    for pk in loose:
        home[pk] = None
    return Grouping(cards, home, loose)


@dataclass(slots=True)
class Swap:
    """One out-of-band swap: `what` is ("card", id) or ("item", annotation id), drawn from the
    grouping after the change; `target` a CSS selector of the page before it."""

    target: str
    swap: str  # beforebegin | beforeend | outerHTML | delete
    what: tuple[str, int] | None = None


def diff(before: Grouping, after: Grouping, touched: Collection[int]) -> list[Swap]:
    """The swaps that turn the panel drawn from `before` into the one drawn from `after`, given
    the annotations whose own item changed (`touched`). Targets are looked up in the page as it
    was (htmx resolves every partial's target before swapping), so an anchor is always an
    element that stays: insertions come first, then replacements, then removals."""
    old_cards = {c.id: c for c in before.cards}
    new_cards = {c.id: c for c in after.cards}
    ids = set(touched)
    changed = {pk for pk in old_cards.keys() ^ new_cards.keys()}
    changed |= {pk for pk in old_cards.keys() & new_cards.keys() if old_cards[pk] != new_cards[pk]}
    for pk in changed:
        ids.update((old_cards.get(pk) or new_cards[pk]).members)
        if pk in new_cards and pk in old_cards:
            ids.update(old_cards[pk].members)
    # A card must be drawn again when it holds a changed span (its item or its reference).
    affected = set(changed)
    affected |= {c.id for c in [*before.cards, *after.cards] if ids.intersection(c.members)}
    old_order = [c.id for c in before.cards]
    new_order = [c.id for c in after.cards]
    # A correction can move a span: a card whose claim moved, or a loose item that did, is
    # removed and inserted anew rather than drawn again in place.
    moved_cards = _moved(old_order, new_order, {c.id for c in after.cards if c.claim in touched})
    moved_items = _moved(before.loose, after.loose, set(touched))
    inserts: list[Swap] = []
    replaces: list[Swap] = []
    removals: list[Swap] = []
    # Cards: kept ones in place (their order follows the claim), new ones before the next card
    # that was there and stays put, gone ones removed.
    stays = {pk for pk in old_order if pk in new_cards and pk not in moved_cards}
    for i, card in enumerate(after.cards):
        if card.id not in affected and card.id not in moved_cards:
            continue
        if card.id in stays:
            replaces.append(Swap(f"#att-{card.id}", "outerHTML", ("card", card.id)))
            continue
        anchor = next((c for c in new_order[i + 1 :] if c in stays), None)
        target = (f"#att-{anchor}", "beforebegin") if anchor else ("#att-list", "beforeend")
        inserts.append(Swap(*target, what=("card", card.id)))
    removals += [
        Swap(f"#att-{pk}", "delete")
        for pk in old_order
        if pk not in stays and (pk not in new_cards or pk in moved_cards)
    ]
    # Loose items: drawn again in place, inserted when they become loose (or moved), removed
    # when a card takes them in.
    kept = {pk for pk in before.loose if pk not in moved_items}
    for i, pk in enumerate(after.loose):
        if pk not in ids:
            continue
        if pk in kept:
            replaces.append(Swap(f"#ann-{pk}", "outerHTML", ("item", pk)))
            continue
        anchor = next((a for a in after.loose[i + 1 :] if a in kept), None)
        target = (f"#ann-{anchor}", "beforebegin") if anchor else ("#ann-loose", "beforeend")
        inserts.append(Swap(*target, what=("item", pk)))
    now_loose = set(after.loose) - moved_items
    removals += [Swap(f"#ann-{pk}", "delete") for pk in before.loose if pk not in now_loose]
    return [*inserts, *replaces, *removals]


def _moved(old: Sequence[int], new: Sequence[int], candidates: set[int]) -> set[int]:
    """The candidates kept in both sequences whose place among the kept ones changed (all of
    them when any did: a moved span is put back by inserting it, which is always right)."""
    common = set(old) & set(new)
    if [x for x in old if x in common] == [x for x in new if x in common]:
        return set()
    return candidates & common
