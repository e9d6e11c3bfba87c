"""Span agreement and Cohen's kappa (annotations.agreement), checked against figures worked out
by hand in each docstring."""

from __future__ import annotations

import pytest

from annotations import agreement
from annotations.agreement import Agreement, Score, Span, combine, compare, kappa


def spans(*items: tuple, target: str = "body") -> list[Span]:
    """Spans from (start, end, tag) triples, keyed by their position in the list."""
    return [Span(target, s, e, tag, key=i) for i, (s, e, tag) in enumerate(items)]


def test_perfect_agreement_scores_one_everywhere():
    """Identical spans and tags: every F1 is 1; kappa over three pairs of three tags is 1
    (po = 1, pe = 3 · ⅓ · ⅓ = ⅓)."""
    a = spans((0, 5, "Claim"), (10, 20, "Source"), (30, 34, "Cue"))
    result = agreement.agreement(a, list(a))
    assert result.exact.f1 == 1.0
    assert result.exact_tag.f1 == 1.0
    assert result.overlap.f1 == 1.0
    assert result.kappa.value == pytest.approx(1.0)
    assert result.kappa.expected == pytest.approx(1 / 3)


def test_no_agreement_scores_zero_and_kappa_has_no_pairs():
    """Disjoint spans: F1 0 for every matching, and kappa has no items to rate."""
    a = spans((0, 5, "Claim"), (10, 15, "Claim"))
    b = spans((20, 25, "Claim"))
    result = agreement.agreement(a, b)
    assert (result.exact.f1, result.overlap.f1, result.exact_tag.f1) == (0.0, 0.0, 0.0)
    assert result.kappa.value is None
    assert result.kappa.reason == "no pairs"


def test_partial_overlap_counts_for_overlap_matching_only():
    """A (0–10, 20–30) and B (5–15, 40–50): no exact match; 0–10 and 5–15 share 5 code points,
    so overlap matching pairs them: P = R = F1 = ½."""
    a = spans((0, 10, "Claim"), (20, 30, "Claim"))
    b = spans((5, 15, "Claim"), (40, 50, "Claim"))
    result = agreement.agreement(a, b)
    assert result.exact.f1 == 0.0
    assert result.overlap == Score(1, 2, 2)
    assert (result.overlap.precision, result.overlap.recall, result.overlap.f1) == (0.5, 0.5, 0.5)


def test_touching_spans_do_not_overlap():
    """End offsets are exclusive: 0–5 and 5–10 share no code point."""
    result = agreement.agreement(spans((0, 5, "Claim")), spans((5, 10, "Claim")))
    assert result.overlap.matched == 0


def test_overlap_matching_is_greedy_by_largest_overlap_and_one_to_one():
    """A's 0–10 overlaps B's 8–20 by 2 and B's 2–9 by 7: it is paired with 2–9. A's 5–12 then
    takes 8–20 (overlap 4), the only one left."""
    a = spans((0, 10, "Claim"), (5, 12, "Claim"))
    b = spans((8, 20, "Claim"), (2, 9, "Claim"))
    pairs = agreement.overlap_pairs(a, b)
    assert [(x.start, y.start) for x, y in pairs] == [(0, 2), (5, 8)]


def test_one_span_cannot_match_twice():
    """Two spans of A on the stretch of B's single span: one match, F1 = 2·1 / (2 + 1)."""
    a = spans((0, 10, "Claim"), (0, 10, "Source"))
    b = spans((0, 10, "Source"))
    result = agreement.agreement(a, b)
    assert result.exact.matched == 1
    assert result.exact.f1 == pytest.approx(2 / 3)
    assert result.overlap.matched == 1


def test_exact_matching_pairs_equal_tags_first():
    """Both tagged 0–10 twice (Claim and Source, listed in different orders): the pairs are
    Claim–Claim and Source–Source, so the tags agree fully."""
    a = spans((0, 10, "Claim"), (0, 10, "Source"))
    b = spans((0, 10, "Source"), (0, 10, "Claim"))
    result = agreement.agreement(a, b)
    assert result.exact_tag.matched == 2
    assert result.confusion == {("Claim", "Claim"): 1, ("Source", "Source"): 1}


def test_different_targets_never_match():
    """The same offsets in the title and in the body are different text."""
    a = spans((0, 5, "Claim"), target="title")
    b = spans((0, 5, "Claim"), target="body")
    assert agreement.agreement(a, b).overlap.matched == 0


def test_same_span_with_different_tags():
    """A: 0–5 Claim, 10–15 Source; B: both Source. Exact F1 1, exact+tag F1 2·1/4 = ½.
    Kappa: po = ½; pA = (Claim ½, Source ½), pB = (Source 1), so pe = ½ and κ = 0."""
    a = spans((0, 5, "Claim"), (10, 15, "Source"))
    b = spans((0, 5, "Source"), (10, 15, "Source"))
    result = agreement.agreement(a, b)
    assert result.exact.f1 == 1.0
    assert result.exact_tag.f1 == 0.5
    assert result.kappa.observed == 0.5
    assert result.kappa.expected == 0.5
    assert result.kappa.value == pytest.approx(0.0)


def test_kappa_of_a_textbook_table():
    """10 pairs: Claim–Claim 4, Claim–Source 1, Source–Claim 2, Source–Source 3.
    po = 0.7; pA(Claim) = 0.5, pB(Claim) = 0.6, so pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4."""
    table = {("Claim", "Claim"): 4, ("Claim", "Source"): 1, ("Source", "Claim"): 2}
    table[("Source", "Source")] = 3
    result = kappa(table)
    assert result.pairs == 10
    assert result.observed == pytest.approx(0.7)
    assert result.expected == pytest.approx(0.5)
    assert result.value == pytest.approx(0.4)


def test_kappa_below_chance_is_negative():
    """Claim–Source and Source–Claim: po = 0, pe = ½, κ = −1."""
    assert kappa({("Claim", "Source"): 1, ("Source", "Claim"): 1}).value == pytest.approx(-1.0)


def test_kappa_is_undefined_when_both_editors_used_one_tag():
    """Every pair Claim–Claim: po = pe = 1 and κ = 0/0: no value, reason "one tag"."""
    result = agreement.agreement(
        spans((0, 5, "Claim"), (9, 12, "Claim")), spans((0, 5, "Claim"), (9, 12, "Claim"))
    )
    assert result.kappa.value is None
    assert result.kappa.reason == "one tag"
    assert result.kappa.observed == 1.0


def test_kappa_is_defined_when_each_editor_used_a_different_single_tag():
    """A always Claim, B always Source: pe = 1·0 = 0, po = 0, so κ = 0 (not the degenerate case)."""
    assert kappa({("Claim", "Source"): 3}).value == 0.0


def test_kappa_without_pairs():
    """No matched pairs: no value, reason "no pairs"."""
    result = kappa({})
    assert (result.value, result.pairs, result.reason) == (None, 0, "no pairs")


def test_precision_and_recall_take_a_as_reference():
    """A has two spans and B one of them: precision (of B) 1, recall (of A) ½, F1 ⅔ — and
    swapping the editors swaps precision and recall but not F1."""
    a = spans((0, 5, "Claim"), (9, 12, "Claim"))
    b = spans((0, 5, "Claim"))
    ab, ba = agreement.agreement(a, b).exact, agreement.agreement(b, a).exact
    assert (ab.precision, ab.recall) == (1.0, 0.5)
    assert (ba.precision, ba.recall) == (0.5, 1.0)
    assert ab.f1 == ba.f1 == pytest.approx(2 / 3)
    assert (ab.only_a, ab.only_b) == (1, 0)


def test_nothing_on_either_side_is_not_measured():
    """No spans at all: precision, recall and F1 are None, not 0 or 1."""
    result = agreement.agreement([], [])
    assert (result.exact.precision, result.exact.recall, result.exact.f1) == (None, None, None)


def test_one_side_empty_scores_zero_f1():
    """A tagged, B did not: recall 0, precision undefined, F1 0."""
    result = agreement.agreement(spans((0, 5, "Claim")), [])
    assert (result.exact.precision, result.exact.recall, result.exact.f1) == (None, 0.0, 0.0)


def test_set_figures_are_micro_averaged():
    """Article 1: one span each, matched. Article 2: A three spans, B one elsewhere. Summed:
    matched 1, |A| 4, |B| 2, so F1 = 2/6 = ⅓ (a macro average would give ½)."""
    first = (spans((0, 5, "Claim")), spans((0, 5, "Claim")))
    second = (
        spans((0, 5, "Claim"), (9, 12, "Claim"), (20, 25, "Claim")),
        spans((40, 45, "Claim")),
    )
    result = agreement.set_agreement([first, second])
    assert result.articles == 2
    assert result.exact == Score(1, 4, 2)
    assert result.exact.f1 == pytest.approx(1 / 3)


def test_set_kappa_pools_the_pairs_of_all_articles():
    """Kappa of a set is computed from the pooled table, not averaged: article 1 gives
    Claim–Claim, article 2 Source–Source, so together po = 1, pe = ½, κ = 1 (each alone is the
    degenerate one-tag case)."""
    one = agreement.agreement(spans((0, 5, "Claim")), spans((0, 5, "Claim")))
    two = agreement.agreement(spans((0, 5, "Source")), spans((0, 5, "Source")))
    assert one.kappa.value is None
    assert combine([one, two]).kappa.value == pytest.approx(1.0)


def test_combine_of_nothing_is_empty():
    """No articles: zero counts and no figures."""
    assert combine([]) == Agreement()
    assert combine([]).exact.f1 is None


def test_status_of_each_span():
    """Each span says what the other editor has there: the same span and tag, the same span
    with another tag, an overlapping span, or nothing."""
    a = spans((0, 5, "Claim"), (10, 15, "Claim"), (20, 30, "Claim"), (40, 45, "Claim"))
    b = spans((0, 5, "Claim"), (10, 15, "Source"), (25, 35, "Claim"), (60, 65, "Claim"))
    result = compare(a, b)
    assert result.status_a == {
        0: agreement.SAME,
        1: agreement.OTHER_TAG,
        2: agreement.OVERLAP,
        3: agreement.ONLY,
    }
    assert result.status_b[3] == agreement.ONLY
    assert result.status_b[2] == agreement.OVERLAP


def test_long_span_before_short_ones_is_still_found():
    """The overlap search scans back past short spans to a long one that starts earlier."""
    a = spans((50, 55, "Claim"))
    b = spans((0, 100, "Claim"), (10, 12, "Claim"), (20, 22, "Claim"))
    pairs = agreement.overlap_pairs(a, b)
    assert [(x.start, y.start) for x, y in pairs] == [(50, 0)]
