"""suggestions.external.textmatch: a tool's text lined up with ours, offsets moved across."""

from __future__ import annotations

import random
import unicodedata

import pytest

from articles.content import canonical_line, canonical_text
from suggestions.external.textmatch import TextMismatch, align, first_difference

BODY = "The harbour master said the pier would close.\n\nFishermen were not told, a union said."


def test_identical_texts_keep_every_offset():
    """When the tool read exactly our text, nothing is dropped and offsets stay as they are."""
    alignment = align(BODY, BODY)
    assert alignment.dropped == ()
    assert alignment.span(4, 17) == (4, 17)


def test_bom_crlf_and_trailing_spaces_are_dropped_and_spans_cut_the_same_words():
    """A BOM, CRLF line ends, trailing spaces and a third blank line: every span of the tool's
    text lands on the same words of ours."""
    theirs = "\ufeff" + BODY.replace("\n\n", "  \r\n\r\n\r\n")
    assert canonical_text(theirs) == BODY
    alignment = align(theirs, BODY)
    start = theirs.index("Fishermen")
    end = theirs.index(", a union")
    assert alignment.span(start, end) == (BODY.index("Fishermen"), BODY.index(", a union"))
    assert alignment.span(1, 4) == (0, 3)  # "The" after the BOM


def test_a_span_of_only_dropped_characters_maps_to_nothing():
    """A span covering only a CR and trailing spaces has no counterpart in our text."""
    theirs = "Bells rang.  \r\nThen quiet."
    alignment = align(theirs, canonical_text(theirs))
    assert alignment.span(11, 14) is None


def test_decomposed_accents_fold_into_their_letters():
    """NFC: 'e' + combining acute in the tool's text is our single 'é'; a span around it keeps
    the letter and the words after it stay in step."""
    theirs = "The cafe\u0301 owner Zoe\u0308 said no."
    ours = canonical_line(theirs)
    assert ours == "The café owner Zoë said no."
    alignment = align(theirs, ours)
    start, end = theirs.index("cafe"), theirs.index(" owner")
    assert ours[slice(*alignment.span(start, end))] == "café"
    said = theirs.index("said")
    assert ours[slice(*alignment.span(said, said + 4))] == "said"


def test_other_differences_are_a_mismatch_with_positions():
    """A changed word is not canonicalisation: TextMismatch says where, in both texts."""
    with pytest.raises(TextMismatch) as raised:
        align("The harbour master said no.", "The harbour mayor said no.")
    assert (raised.value.theirs, raised.value.ours) == (14, 14)
    with pytest.raises(TextMismatch):
        align("Short.", "Short. And more of ours.")


def test_random_texts_every_kept_character_lands_on_its_twin():
    """Random texts with BOMs, CRLFs, lone CRs, trailing spaces and blank lines: each character
    of the tool's text that is not dropped maps to the same character of ours (a line break to
    LF), in order, and ours is covered exactly."""
    rng = random.Random(9)
    words = ["said", "the", "mayor", "é", "a\u0301", "🙂", "“quote”", "—", "x"]
    for _ in range(200):
        pieces = []
        for _ in range(rng.randint(1, 30)):
            pieces.append(rng.choice(words))
            pieces.append(
                rng.choice([" ", " ", "  ", " \r\n", "\r\n\r\n", "\n", "\r", " \t\n\n\n"])
            )
        theirs = ("\ufeff" if rng.random() < 0.3 else "") + "".join(pieces)
        ours = canonical_text(theirs)
        alignment = align(theirs, ours)
        kept = [i for i in range(len(theirs)) if i not in set(alignment.dropped)]
        assert len(kept) == len(ours)
        for i in kept:
            char, mapped = theirs[i], ours[alignment.offset(i)]
            composed = unicodedata.normalize("NFC", theirs[i : i + 2])
            assert mapped in ("\n" if char == "\r" else char, composed)


def test_first_difference():
    """Where two texts part, or the shorter one's length."""
    assert first_difference("abcd", "abxd") == 2
    assert first_difference("abc", "abcdef") == 3
