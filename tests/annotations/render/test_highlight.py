"""Snapshots of the highlighted text (annotations.render.highlight), one per state of a
paragraph: no span, one span, nested spans, and a caption's paragraph with an id prefix (the
compare page). Exact markup, so a change in it is seen here."""

from __future__ import annotations

from annotations.render.highlight import (
    SpanInfo,
    SuggestedSpan,
    render_paragraphs,
    render_text,
    tag_stylesheet,
)

TEXT = "Fish & chips.\n\nThe minister said so."


def test_paragraphs_without_spans_are_offset_runs():
    """Each paragraph is an element with its id and offset; text runs carry their offsets and
    are escaped."""
    assert render_text("body", TEXT, []) == [
        '<p class="para" id="t-body-p0" data-o="0"><span data-o="0">Fish &amp; chips.</span></p>',
        '<p class="para" id="t-body-p1" data-o="15"><span data-o="15">The minister said so.</span></p>',
    ]


def test_one_span_is_a_mark_with_its_tag_and_id():
    """A span is a <mark> with its tag's layer class, its annotation id and a tag title."""
    (html,) = render_paragraphs("body", TEXT, [SpanInfo(5, 19, 27, 2, "Source")], [1])
    assert html == (
        '<p class="para" id="t-body-p1" data-o="15"><span data-o="15">The </span>'
        '<mark class="hl a-2" data-o="19" data-ann="5" title="Source">minister</mark>'
        '<span data-o="27"> said so.</span></p>'
    )


def test_nested_spans_are_layered_innermost_first():
    """Inside a claim, a source's words carry both ids, innermost first, and the depth class."""
    spans = [SpanInfo(1, 15, 36, 1, "Claim"), SpanInfo(2, 19, 27, 2, "Source")]
    (html,) = render_paragraphs("body", TEXT, spans, [1])
    assert html == (
        '<p class="para" id="t-body-p1" data-o="15">'
        '<mark class="hl a-1" data-o="15" data-ann="1" title="Claim">The </mark>'
        '<mark class="hl a-2 b-1 n2" data-o="19" data-ann="2 1" title="Source · Claim">'
        "minister</mark>"
        '<mark class="hl a-1" data-o="27" data-ann="1" title="Claim"> said so.</mark></p>'
    )


def test_caption_paragraph_with_an_id_prefix():
    """A caption's text is a <span> paragraph; the prefix keeps the compare page's ids apart."""
    assert render_text("caption-3", "Dusk", [], "span", id_prefix="a-") == [
        '<span class="para" id="a-t-caption-3-p0" data-o="0"><span data-o="0">Dusk</span></span>'
    ]


def test_tag_stylesheet_skips_a_colour_that_is_not_rrggbb():
    """Colour rules for valid #rrggbb only (the innermost span's fill and the chip; enclosing
    spans are drawn by their role's shape); anything else never reaches the stylesheet."""
    assert tag_stylesheet([(1, "#f6c744"), (2, "red;}")]) == (
        "mark.a-1{background-color:#f6c744}.chip-1{--chip:#f6c744}"
    )


def test_suggested_spans_are_outlined_runs_with_their_role_and_id():
    """A pending suggestion's spans are plain runs with `sg sg-<role>` and data-sg (no fill);
    where an annotation covers the same words the <mark> carries them too."""
    suggested = [SuggestedSpan(7, 15, 27, "source"), SuggestedSpan(7, 28, 32, "cue")]
    (html,) = render_paragraphs(
        "body", TEXT, [SpanInfo(5, 19, 27, 2, "Source")], [1], suggested=suggested
    )
    assert html == (
        '<p class="para" id="t-body-p1" data-o="15">'
        '<span class="sg sg-source" data-o="15" data-sg="7">The </span>'
        '<mark class="hl a-2 sg sg-source" data-o="19" data-ann="5" data-sg="7" title="Source">'
        "minister</mark>"
        '<span data-o="27"> </span>'
        '<span class="sg sg-cue" data-o="28" data-sg="7">said</span>'
        '<span data-o="32"> so.</span></p>'
    )


def test_render_text_puts_each_suggested_span_in_its_paragraph():
    """render_text hands each paragraph only the suggestion spans inside it."""
    html = render_text("body", TEXT, [], suggested=[SuggestedSpan(3, 0, 4, "claim")])
    assert '<span class="sg sg-claim" data-o="0" data-sg="3">Fish</span>' in html[0]
    assert "sg" not in html[1]


def test_unlinked_claim_segments_carry_the_unlinked_class():
    """A claim with no attribution is drawn `unlinked` on every segment it covers, nested ones
    included; a linked claim and a source are not."""
    spans = [
        SpanInfo(1, 15, 36, 1, "Claim", unlinked=True),
        SpanInfo(2, 19, 27, 2, "Source"),
    ]
    (html,) = render_paragraphs("body", TEXT, spans, [1])
    assert html == (
        '<p class="para" id="t-body-p1" data-o="15">'
        '<mark class="hl a-1 unlinked" data-o="15" data-ann="1" title="Claim">The </mark>'
        '<mark class="hl a-2 b-1 unlinked n2" data-o="19" data-ann="2 1" title="Source · Claim">'
        "minister</mark>"
        '<mark class="hl a-1 unlinked" data-o="27" data-ann="1" title="Claim"> said so.</mark></p>'
    )
    (linked,) = render_paragraphs("body", TEXT, [SpanInfo(1, 15, 36, 1, "Claim")], [1])
    assert "unlinked" not in linked


def test_each_role_gets_its_shape_classes_and_span_ends():
    """With roles, a segment carries r-<role> for every role covering it and o-/e-<role> where
    a span of that role opens or closes: a source nested in a claim opens and closes inside
    the claim's run."""
    spans = [
        SpanInfo(1, 15, 36, 1, "Claim", role="claim"),
        SpanInfo(2, 19, 27, 2, "Source", role="source"),
    ]
    (html,) = render_paragraphs("body", TEXT, spans, [1])
    assert html == (
        '<p class="para" id="t-body-p1" data-o="15">'
        '<mark class="hl a-1 r-claim o-claim" data-o="15" data-ann="1" title="Claim">The </mark>'
        '<mark class="hl a-2 b-1 n2 r-source r-claim o-source e-source" data-o="19" '
        'data-ann="2 1" title="Source · Claim">minister</mark>'
        '<mark class="hl a-1 r-claim e-claim" data-o="27" data-ann="1" title="Claim">'
        " said so.</mark></p>"
    )


def test_a_source_inside_a_source_is_drawn_double():
    """Two sources covering the same words (one nested in the other) add d-source there."""
    spans = [
        SpanInfo(1, 15, 27, 2, "Source", role="source"),
        SpanInfo(2, 19, 27, 2, "Source", role="source"),
    ]
    (html,) = render_paragraphs("body", TEXT, spans, [1])
    assert 'class="hl a-2 b-2 n2 r-source o-source e-source d-source" data-o="19"' in html
    assert 'class="hl a-2 r-source o-source" data-o="15"' in html


def test_two_tags_on_the_same_words_carry_a_stack_count_on_their_last_run():
    """A claim and a quote on exactly the same words: the run that ends them says data-stack=2;
    a span that merely overlaps them adds no count."""
    spans = [
        SpanInfo(1, 19, 32, 1, "Claim", role="claim"),
        SpanInfo(2, 19, 32, 4, "Quote", role="quote"),
        SpanInfo(3, 28, 36, 3, "Cue", role="cue"),
    ]
    (html,) = render_paragraphs("body", TEXT, spans, [1])
    assert html.count("data-stack=") == 1
    assert 'data-ann="3 1 2" data-stack="2" title="Cue · Claim · Quote">said</mark>' in html
    (alone,) = render_paragraphs("body", TEXT, spans[:1], [1])
    assert "data-stack" not in alone
