"""annotations.aliases: which words may become a registry alias, and who may confirm them."""

from __future__ import annotations

import pytest

from annotations.aliases import Standing, may_be_alias, standing


@pytest.mark.parametrize(
    "words",
    [
        "he",
        "He",
        "she,",
        "They",
        "I",
        "him",
        "the",
        "those",
        "someone",
        "officials",
        "A source",
        "the spokesman",
        "Police",
        "his",
        "",
        "  ",
        "“he”",
    ],
)
def test_pronouns_determiners_and_bare_generic_words_are_never_aliases(words):
    """A pronoun, determiners alone or a bare generic noun (edge punctuation ignored) names no
    one outside its sentence: never an alias, never a pre-selection."""
    assert standing(words) == Standing.NEVER
    assert not may_be_alias(words)


@pytest.mark.parametrize(
    "words",
    [
        "the monitor",
        "The monitor",
        "the ministry",
        "Senior officials",
        "Ministry officials",
        "a senior security official",
        "The harbour board",
    ],
)
def test_descriptions_without_a_name_are_generic(words):
    """A description ("the monitor") may be a candidate, for an admin to confirm; a capital
    that only opens the sentence ("Senior officials") is not a name."""
    assert standing(words) == Standing.GENERIC
    assert may_be_alias(words)


@pytest.mark.parametrize(
    "words",
    [
        "Reuters",
        "the Pentagon",
        "al-Sadr",
        "Moqtada al-Sadr",
        "US officials",
        "the Syrian monitor",
        "The Monitor",
    ],
)
def test_words_with_a_name_are_names(words):
    """A capital past the sentence's opening word, or on a first word that is no generic
    opener, makes the words a name an editor may confirm."""
    assert standing(words) == Standing.NAME
