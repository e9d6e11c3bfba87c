"""annotations/anchoring.py: span checks, quote selectors, paragraphs and highlight segments.

Pure Python: no database. Offsets are Python code points into canonical text.
"""

from __future__ import annotations

import pytest

from annotations.anchoring import (
    CONTEXT_CHARS,
    AnchorError,
    Segment,
    Span,
    check_span,
    paragraph_bounds,
    paragraphs_touched,
    segments,
    text_quote,
)
from articles.content import canonical_text

TEXT = "The minister said the bridge would open in spring."


# --- check_span -------------------------------------------------------------------------------


def test_check_span_accepts_matching_quote():
    """A span whose offsets cut out exactly the quote passes silently."""
    check_span(TEXT, 4, 12, "minister")


def test_check_span_accepts_span_ending_at_text_end():
    """`end` may equal len(text): the last character can be selected."""
    check_span(TEXT, len(TEXT) - 7, len(TEXT), "spring.")


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (0, len(TEXT) + 1), (60, 70)])
def test_check_span_rejects_offsets_outside_the_text(start, end):
    """A negative start or an end past the text is out_of_range."""
    with pytest.raises(AnchorError) as info:
        check_span(TEXT, start, end, "x")
    assert info.value.code == "out_of_range"


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 5)])
def test_check_span_rejects_empty_or_reversed_span(start, end):
    """start == end, or start after end, is empty."""
    with pytest.raises(AnchorError) as info:
        check_span(TEXT, start, end, "")
    assert info.value.code == "empty"


def test_check_span_rejects_quote_that_differs_from_text():
    """Offsets in range but a different quote (stale page, edited text) is quote_mismatch."""
    with pytest.raises(AnchorError) as info:
        check_span(TEXT, 4, 12, "Minister")
    assert info.value.code == "quote_mismatch"


def test_check_span_rejects_non_integer_offsets():
    """Offsets must be ints (a float from JSON is refused, not truncated)."""
    with pytest.raises(AnchorError) as info:
        check_span(TEXT, 4.0, 12, "minister")  # type: ignore[arg-type]
    assert info.value.code == "not_integer"


def test_anchor_error_is_a_value_error():
    """Callers that only know ValueError still catch anchoring failures."""
    assert issubclass(AnchorError, ValueError)


# --- code points: emoji and combining characters ----------------------------------------------


def test_offsets_count_an_emoji_with_skin_tone_as_two_code_points():
    """👍🏽 is two code points (thumb + modifier), so "cheered" starts at 10, not 9 or 12."""
    text = "Crowds \U0001f44d\U0001f3fd cheered"
    assert len("\U0001f44d\U0001f3fd") == 2
    check_span(text, 7, 9, "\U0001f44d\U0001f3fd")
    check_span(text, 10, 17, "cheered")


def test_offsets_after_emoji_are_not_utf16_units():
    """The UTF-16 offset of "cheered" (12) does not match: offsets are code points."""
    text = "Crowds \U0001f44d\U0001f3fd cheered"
    with pytest.raises(AnchorError) as info:
        check_span(text, 12, 19, "cheered")
    assert info.value.code in {"quote_mismatch", "out_of_range"}


def test_offsets_into_canonical_text_treat_composed_accent_as_one_code_point():
    """After NFC canonicalisation "Café" is four code points, so the next word starts at 5."""
    text = canonical_text("Cafe\u0301 opens")
    assert text == "Caf\u00e9 opens"
    check_span(text, 0, 4, "Caf\u00e9")
    check_span(text, 5, 10, "opens")


def test_decomposed_quote_does_not_match_canonical_text():
    """A quote the browser did not normalise (e + combining accent) is refused, not fixed up."""
    text = canonical_text("Cafe\u0301 opens")
    with pytest.raises(AnchorError) as info:
        check_span(text, 0, 4, "Cafe\u0301")
    assert info.value.code == "quote_mismatch"


# --- text_quote -------------------------------------------------------------------------------


def test_text_quote_takes_context_chars_either_side():
    """In the middle of long text, prefix and suffix are CONTEXT_CHARS (32) characters each."""
    text = "a" * 50 + "QUOTE" + "b" * 50
    selector = text_quote(text, 50, 55)
    assert CONTEXT_CHARS == 32
    assert selector.exact == "QUOTE"
    assert selector.prefix == "a" * 32
    assert selector.suffix == "b" * 32


def test_text_quote_prefix_is_short_at_text_start():
    """A span near the start gets only the characters that exist before it."""
    selector = text_quote(TEXT, 4, 12)
    assert selector.prefix == "The "
    assert selector.suffix == TEXT[12:44]


def test_text_quote_suffix_is_empty_at_text_end():
    """A span ending at the end of the text has an empty suffix."""
    selector = text_quote(TEXT, len(TEXT) - 7, len(TEXT))
    assert selector.exact == "spring."
    assert selector.suffix == ""
    assert selector.prefix == TEXT[len(TEXT) - 7 - 32 : len(TEXT) - 7]


def test_text_quote_at_exact_context_boundary():
    """A span starting at offset 32 gets the whole first 32 characters as prefix."""
    text = "p" * 32 + "X" + "s" * 32
    selector = text_quote(text, 32, 33)
    assert selector.prefix == "p" * 32
    assert selector.suffix == "s" * 32


# --- paragraphs -------------------------------------------------------------------------------

PARAGRAPHS = "First one.\n\nSecond\nstill second.\n\nThird."


def test_paragraph_bounds_exclude_separators():
    """Each paragraph's (start, end) cuts out its text without the blank-line separator."""
    bounds = paragraph_bounds(PARAGRAPHS)
    assert [PARAGRAPHS[s:e] for s, e in bounds] == ["First one.", "Second\nstill second.", "Third."]
    assert bounds == [(0, 10), (12, 32), (34, 40)]


def test_paragraph_bounds_of_empty_text_is_one_empty_paragraph():
    """Empty text still has one (empty) paragraph to render."""
    assert paragraph_bounds("") == [(0, 0)]


def test_paragraphs_touched_by_span_crossing_two_paragraphs():
    """A span from the end of paragraph 0 into paragraph 1 touches exactly 0 and 1."""
    bounds = paragraph_bounds(PARAGRAPHS)
    assert paragraphs_touched(bounds, 6, 18) == [0, 1]


def test_paragraphs_touched_by_span_inside_one_paragraph():
    """A span inside paragraph 2 touches only paragraph 2."""
    bounds = paragraph_bounds(PARAGRAPHS)
    assert paragraphs_touched(bounds, 34, 40) == [2]


def test_paragraphs_touched_ignores_paragraph_that_span_only_borders():
    """A span ending exactly where a paragraph starts (end is exclusive) does not touch it."""
    bounds = paragraph_bounds(PARAGRAPHS)
    assert paragraphs_touched(bounds, 0, 10) == [0]
    assert paragraphs_touched(bounds, 10, 12) == []


# --- segments ---------------------------------------------------------------------------------


def test_segments_without_spans_is_one_plain_segment():
    """No spans: the whole range is one segment with no keys."""
    assert segments(0, 10, []) == [Segment(0, 10, ())]


def test_segments_of_empty_range_is_empty():
    """An empty range yields no segments at all."""
    assert segments(5, 5, [Span("a", 5, 6)]) == []


def test_segments_with_disjoint_spans():
    """Two separate spans give highlighted pieces with plain text between and around them."""
    result = segments(0, 20, [Span("a", 2, 5), Span("b", 10, 12)])
    assert result == [
        Segment(0, 2, ()),
        Segment(2, 5, ("a",)),
        Segment(5, 10, ()),
        Segment(10, 12, ("b",)),
        Segment(12, 20, ()),
    ]


def test_segments_with_nested_spans_list_innermost_first():
    """Inside a nested span, the inner (shorter) key comes before the outer one."""
    result = segments(0, 10, [Span("outer", 0, 10), Span("inner", 3, 6)])
    assert result == [
        Segment(0, 3, ("outer",)),
        Segment(3, 6, ("inner", "outer")),
        Segment(6, 10, ("outer",)),
    ]


def test_segments_with_overlapping_spans():
    """Crossing spans split into three pieces; the shared piece lists the shorter span first."""
    result = segments(0, 10, [Span("long", 0, 6), Span("short", 4, 8)])
    assert result == [
        Segment(0, 4, ("long",)),
        Segment(4, 6, ("short", "long")),
        Segment(6, 8, ("short",)),
        Segment(8, 10, ()),
    ]


def test_segments_with_identical_spans_keep_both_keys_in_input_order():
    """Two spans over the same text give one piece carrying both keys, first given first."""
    result = segments(0, 5, [Span("first", 1, 4), Span("second", 1, 4)])
    assert result == [
        Segment(0, 1, ()),
        Segment(1, 4, ("first", "second")),
        Segment(4, 5, ()),
    ]


def test_segments_with_adjacent_spans_do_not_share_a_piece():
    """A span ending where the next begins: the pieces meet with no overlap and no gap."""
    result = segments(0, 6, [Span("a", 0, 3), Span("b", 3, 6)])
    assert result == [Segment(0, 3, ("a",)), Segment(3, 6, ("b",))]


def test_segments_clip_spans_to_the_range():
    """Spans reaching outside [start, end) (another paragraph) are cut at the range edges."""
    result = segments(10, 20, [Span("a", 5, 15), Span("b", 18, 30), Span("c", 25, 30)])
    assert result == [
        Segment(10, 15, ("a",)),
        Segment(15, 18, ()),
        Segment(18, 20, ("b",)),
    ]


def test_segments_order_three_nested_levels_innermost_first():
    """With three nested spans the keys run from the shortest to the longest."""
    spans = [Span("l", 0, 9), Span("s", 4, 5), Span("m", 2, 7)]
    assert segments(0, 9, spans)[2] == Segment(4, 5, ("s", "m", "l"))


def test_segment_texts_concatenate_to_the_original_text():
    """However spans overlap, the segments tile the range: joined, they give back the text."""
    text = "Crowds \U0001f44d\U0001f3fd cheered as the minister said the bridge would open."
    spans = [
        Span(1, 0, 6),
        Span(2, 3, 20),
        Span(3, 7, 9),
        Span(4, 7, 9),
        Span(5, 18, len(text)),
        Span(6, 40, 46),
    ]
    result = segments(0, len(text), spans)
    assert "".join(text[s.start : s.end] for s in result) == text
    assert all(a.end == b.start for a, b in zip(result, result[1:], strict=False))
