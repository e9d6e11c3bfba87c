"""Working text for the engine, and its offsets mapped back into the text as stored."""

from __future__ import annotations

import random

import pytest

from suggestions.textmap import BOM, WorkingText


def test_plain_text_is_its_own_working_text():
    """Without a BOM or CR, the working text is the text and offsets map to themselves."""
    working = WorkingText.from_stored("He said so.\nShe did not.")
    assert working.text == "He said so.\nShe did not."
    assert working.span_to_stored((3, 7)) == (3, 7)


def test_bom_and_crlf_are_dropped_and_offsets_map_past_them():
    """A BOM is character 0 of the stored text and each CR a character: a span in the working
    text maps to the same words in the stored text."""
    stored = BOM + "Police said.\r\nThe monitor said it was calm.\r\n"
    working = WorkingText.from_stored(stored)
    assert working.text == "Police said.\nThe monitor said it was calm.\n"
    start = working.text.index("The monitor")
    stored_span = working.span_to_stored((start, start + len("The monitor")))
    assert stored[slice(*stored_span)] == "The monitor"
    assert working.span_to_stored((0, 6)) == (1, 7)


def test_a_span_ending_at_a_line_end_does_not_take_the_cr():
    """An end offset just before a dropped CR stays before it; the next line's start skips it."""
    stored = "One.\r\nTwo."
    working = WorkingText.from_stored(stored)
    assert stored[slice(*working.span_to_stored((0, 4)))] == "One."
    assert stored[slice(*working.span_to_stored((5, 9)))] == "Two."
    # A span that crosses the line end keeps the whole CRLF inside it.
    assert stored[slice(*working.span_to_stored((2, 7)))] == "e.\r\nTw"


def test_a_lone_cr_is_a_line_end_of_the_same_length():
    """Old Mac line ends: a lone CR reads as LF and nothing is dropped."""
    working = WorkingText.from_stored("a\rb\r\rc")
    assert working.text == "a\nb\n\nc"
    assert working.dropped == ()


def test_a_span_outside_the_working_text_is_refused():
    """A span the engine could not have produced fails loudly instead of mapping somewhere."""
    working = WorkingText.from_stored("short")
    with pytest.raises(ValueError, match="not inside"):
        working.span_to_stored((3, 9))
    with pytest.raises(ValueError, match="not inside"):
        working.span_to_stored((2, 2))


def test_random_texts_map_every_span_to_the_same_words():
    """For texts full of BOMs, CRLFs, lone CRs and non-BMP characters, every working span maps
    to stored characters that read as the same working text."""
    rng = random.Random(9)
    alphabet = ["a", "b", " ", "\n", "\r\n", "\r", "é", "😀", "\u00a0"]
    for _ in range(300):
        stored = (BOM if rng.random() < 0.3 else "") + "".join(
            rng.choice(alphabet) for _ in range(rng.randint(1, 30))
        )
        working = WorkingText.from_stored(stored)
        assert working.stored_length == len(stored)
        n = len(working.text)
        for _ in range(20):
            if n == 0:
                break
            s = rng.randrange(n)
            e = rng.randint(s + 1, n)
            ss, se = working.span_to_stored((s, e))
            assert 0 <= ss < se <= len(stored)
            assert WorkingText.from_stored(stored[ss:se]).text == working.text[s:e]
