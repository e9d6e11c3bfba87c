"""annotations.grouping: the panel's cards and loose spans (pure), and the swaps between two
groupings of one article."""

from __future__ import annotations

from annotations.grouping import Card, Swap, diff, group


def test_cards_follow_their_claims_reading_order_and_list_source_cue_claim():
    """Cards are ordered by their claim; members read source, cue, claim, fragments."""
    g = group([1, 2, 3, 4, 5, 6], [(20, 6, 4, 5, []), (10, 3, 1, 2, [6])])
    assert g.cards == [Card(10, 3, (1, 2, 3, 6)), Card(20, 6, (4, 5, 6))]
    assert g.loose == []


def test_a_shared_span_lives_in_its_first_card():
    """A span in two attributions has the first card as its home; loose spans have none."""
    g = group([1, 2, 3, 4, 9], [(10, 2, 1, None, []), (11, 4, 1, None, [])])
    assert g.home == {1: 10, 2: 10, 4: 11, 3: None, 9: None}
    assert g.loose == [3, 9]


def test_a_dead_span_is_loose_and_its_attribution_has_no_card():
    """A deleted claim (its Undo placeholder) is loose; its attribution draws no card; a dead
    cue just leaves its card."""
    g = group([1, 2, 3], [(10, 3, 1, 2, [])], dead={3})
    assert g.cards == [] and g.loose == [1, 2, 3]
    g = group([1, 2, 3], [(10, 3, 1, 2, [])], dead={2})
    assert g.cards == [Card(10, 3, (1, 3))] and g.loose == [2]


def test_diff_of_a_new_link_inserts_the_card_and_removes_its_loose_items():
    """Linking claim 6 to 4 and 5: the new card goes after the kept one, 4, 5 and 6 leave
    the loose list; the untouched card is not sent."""
    before = group([1, 2, 3, 4, 5, 6, 7], [(10, 3, 1, 2, [])])
    after = group([1, 2, 3, 4, 5, 6, 7], [(10, 3, 1, 2, []), (20, 6, 4, 5, [])])
    assert diff(before, after, {6}) == [
        Swap("#att-list", "beforeend", ("card", 20)),
        Swap("#ann-4", "delete"),
        Swap("#ann-5", "delete"),
        Swap("#ann-6", "delete"),
    ]


def test_diff_of_an_unlink_removes_the_card_and_reinserts_before_a_kept_loose_item():
    """Unlinking: the card goes; its spans are inserted before the next loose span that
    stays (7), not before one inserted in the same answer."""
    before = group([1, 2, 3, 7], [(10, 3, 1, 2, [])])
    after = group([1, 2, 3, 7], [])
    assert diff(before, after, {3}) == [
        Swap("#ann-7", "beforebegin", ("item", 1)),
        Swap("#ann-7", "beforebegin", ("item", 2)),
        Swap("#ann-7", "beforebegin", ("item", 3)),
        Swap("#att-10", "delete"),
    ]
