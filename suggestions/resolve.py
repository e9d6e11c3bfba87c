"""Resolving the sources of an article's suggestions to the entities they refer to, within
that article only (never across articles, never stored as a global alias)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from .phrases import PRONOUNS, entity_name, is_org
from .spans import Suggestion


def resolve(text: str, found: list[Suggestion], aliases: Mapping[str, str]) -> list[Suggestion]:
    """Each source's entity, resolved within the article (never across articles):

    - a name is its longest earlier form ("Jameel" → "Imad Jameel");
    - a description ("the Observatory", "the coalition") is the last named entity one of whose
      words is its head noun; a registry alias ("the monitor") is its entry's name once the
      article has named that entry; a later description with the same head noun ("the Britain
      based monitor") is what the earlier one resolved to;
    - a pronoun is the last compatible named source ("he"/"she" a person, "it" an
      organisation, "they" either; a relative "who" the name just before it).
    Unresolvable sources stay unresolved: nothing is guessed.
    """
    named: list[str] = []  # entities in order of mention
    by_head: dict[str, str] = {}
    out: list[Suggestion] = []
    for sug in found:
        entity: str | None = None
        if sug.source:
            a, b = sug.source[0]
            phrase = text[a:b]
            lowered = phrase.lower()
            if lowered in PRONOUNS:
                entity = _pronoun_entity(text, lowered, a, named)
            else:
                entity = sug.source_entity
                head = phrase.split(",")[0].split()[-1].lower().strip("’'")
                if entity is not None:
                    entity = _full_name(entity, named)
                else:
                    alias = aliases.get(_normalise(phrase.split(",")[0]))
                    if alias is not None and _mentioned(alias, named, text, a):
                        entity = alias
                    if entity is None:
                        entity = _by_head_word(head, named) or by_head.get(head)
                if entity is not None:
                    by_head[head] = entity
        if entity is not None:
            if entity in named:
                named.remove(entity)
            named.append(entity)
        out.append(replace(sug, source_entity=entity) if entity != sug.source_entity else sug)
    return out


def _normalise(phrase: str) -> str:
    """An alias's lookup form: lower case, single spaces, no leading article."""
    words = phrase.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _full_name(name: str, named: list[str]) -> str:
    """The longest earlier name ending with this one ("Jameel" → "Imad Jameel")."""
    for earlier in reversed(named):
        if earlier != name and earlier.endswith(" " + name):
            return earlier
    return name


def _by_head_word(head: str, named: list[str]) -> str | None:
    """The last named organisation with the head noun among its words ("the Observatory")."""
    for earlier in reversed(named):
        if head in {w.lower() for w in earlier.split()} and is_org(earlier):
            return earlier
    return None


def _mentioned(name: str, named: list[str], text: str, before: int) -> bool:
    """Whether the article has named an entity before a point (as a source or anywhere)."""
    return name in named or name in text[:before]


_INDEFINITE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)An?\s+(?:[A-Z]+\s+)?[a-z]+\s+[a-z]+")


def _pronoun_entity(text: str, pronoun: str, at: int, named: list[str]) -> str | None:
    """The entity a pronoun source refers to, or None."""
    if pronoun == "who":
        comma = text.rfind(",", 0, at)
        start = max(
            text.rfind(".", 0, comma), text.rfind(",", 0, comma), text.rfind("\n", 0, comma)
        )
        return entity_name(text[start + 1 : comma].strip()) if comma > 0 else None
    if pronoun in ("he", "she") and _INDEFINITE_BEFORE.search(text, max(0, at - 300), at):
        return None  # "An AFP correspondent saw … . …, he said": someone the article never names
    for earlier in reversed(named):
        org = is_org(earlier)
        if (pronoun in ("he", "she") and not org) or (pronoun == "it" and org) or pronoun == "they":
            return earlier
    return None
