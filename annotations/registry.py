"""The registry type-ahead: search keys (pure) and the one read that ranks entries for typed words.

Every entry name and alias is stored as search terms (`SourceTerm`): its key (accents dropped,
case folded, spaces collapsed) from the start, and from the start of each later word.
"Ministry of Transport" gives "ministry of transport", "of transport" and "transport", so what
is typed matches the start of a name or of any word in it with one range seek on an index
(terms compare by code point on every database: `CodePointField`), never a scan. Matches in
the middle of a word ("port" in "Transport") are not looked for: they would need a scan.

Ranking, best first: the entry suggested for the span (its name, a confirmed alias or the same
words resolved earlier in the article: `SourceQuerySet.matching`) while the typed words are
still the span's; then entries whose name starts with the words, whose confirmed alias does,
whose name has a word that does, whose confirmed alias has. Only confirmed aliases are
searched: a candidate is unreviewed words (annotations.aliases).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Source

LIMIT = 20  # options listed at most: the list is for picking, not browsing
MAX_KEY = 300  # a term is at most a name's length (Source.name, SourceAlias.alias)


def search_key(text: str) -> str:
    """What names and typed words are compared as: compatibility forms unfolded, accents
    dropped, case folded, every run of whitespace one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())[:MAX_KEY]


def terms_of(text: str) -> list[str]:
    """The search terms of a name or alias: its key, then the key from each later word on (a
    word starts after a space or punctuation: "al-Sadr" is found by "sadr" too)."""
    key = search_key(text)
    terms = [key] if key else []
    for i in range(1, len(key)):
        if key[i].isalnum() and not key[i - 1].isalnum():
            terms.append(key[i:])
    return terms


def upper_bound(key: str) -> str:
    """The least string above every string that starts with `key`, by code point: the terms
    starting with `key` are those in [key, upper_bound(key))."""
    return key + "\U0010ffff"


class Rank:
    SUGGESTED = 0
    NAME = 1
    ALIAS = 2
    NAME_WORD = 3
    ALIAS_WORD = 4


@dataclass(frozen=True)
class Hit:
    """One option of the list: the entry, how it matched, and the alias that did (if one)."""

    source: Source
    rank: int
    alias: str = ""

    @property
    def suggested(self) -> bool:
        return self.rank == Rank.SUGGESTED
