"""Which words may become a registry alias, and who may confirm them (pure: no ORM).

An alias applies in every article, so it is managed rather than learned: resolving "he" to a
correspondent in one article must never make "he" mean that correspondent in another. Words
fall in one of three standings:

- NEVER: a pronoun, determiners alone, or a bare generic noun ("officials", "a source"). They
  refer to someone only inside one article; they are never stored as an alias.
- GENERIC: a description without a name ("the monitor", "the ministry"). It may be proposed
  as a candidate, but only an admin confirms it (in the admin), since in the next article the
  same words may mean another entry.
- NAME: words with a name in them ("the Pentagon", "al-Sadr", "Reuters"). An editor who
  resolves the span may confirm them as an alias ("remember as alias").

The test for a name is capital letters, leaning to GENERIC when in doubt: a wrong GENERIC costs
an admin's click, a wrong NAME brings the issue back.
"""

from __future__ import annotations

from enum import StrEnum


class Standing(StrEnum):
    NEVER = "never"
    GENERIC = "generic"
    NAME = "name"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _words(
    """he she it they we i you him her them us me his hers its their theirs our ours my mine
    your yours who whom whose which himself herself itself themselves ourselves myself yourself
    yourselves one someone somebody everyone everybody anyone anybody nobody"""
)
DETERMINERS = _words(
    """the a an this that these those his her its their our my your some any each every another
    such both all many several"""
)
# Nouns that say what kind of person or paper a source is, never who: alone, never an alias.
GENERIC_NOUNS = _words(
    """official officials source sources spokesman spokeswoman spokesperson spokespeople police
    authorities authority witness witnesses resident residents expert experts analyst analysts
    people person man woman men women critic critics observer observers reporter reporters
    correspondent correspondents journalist journalists diplomat diplomats officer officers
    statement statements report reports"""
)
# Words that open a generic description ("Ministry officials", "Senior officials",
# "The monitor"): a capital on them, first in the span, is the sentence's, not a name's.
GENERIC_OPENERS = GENERIC_NOUNS | _words(
    """senior local western foreign security military government police health top former
    unnamed anonymous other two three four five ministry agency monitor group company army
    court council committee"""
)
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()[]«»—–-"


def words_of(text: str) -> list[str]:
    """The text's words, without the punctuation a sloppy span keeps at their edges."""
    return [w for w in (word.strip(_EDGE_PUNCTUATION) for word in text.split()) if w]


def standing(text: str) -> Standing:
    """How far `text` (a Source span's words) may go as a registry alias; see the module."""
    words = words_of(text)
    lowered = [w.casefold() for w in words]
    meaningful = [
        low
        for word, low in zip(words, lowered, strict=True)
        if _acronym(word) or (low not in DETERMINERS and low not in PRONOUNS)
    ]
    if not meaningful or (len(meaningful) == 1 and meaningful[0] in GENERIC_NOUNS):
        return Standing.NEVER
    for position, word in enumerate(words):
        if not any(c.isupper() for c in word):
            continue
        # A capital on the first word may only open the sentence ("Officials said").
        plain = lowered[position] in DETERMINERS or lowered[position] in GENERIC_OPENERS
        if position == 0 and plain:
            continue
        return Standing.NAME
    return Standing.GENERIC


def _acronym(word: str) -> bool:
    """ "US", "IT": capitals throughout are a name, though "us" and "it" are pronouns."""
    return len(word) > 1 and word.isupper()


def may_be_alias(text: str) -> bool:
    """Whether these words may be an alias at all, or pre-select a registry entry through one:
    never a pronoun or a bare generic word, whatever the registry holds."""
    return standing(text) != Standing.NEVER
