"""Rule-based attribution engine: text in, source–cue–content suggestions out (issue 9).

Pure Python (regular expressions only: no Django, no ORM, no model), deterministic, and fast
enough for the issue's budget (well under 10 ms per 4,500-character article), because every rule
is a handful of regular expressions run per sentence. Offsets are code points into the text
given; callers with stored text use `suggestions.textmap.WorkingText` and map spans back.

Precision first: each rule fires only on a shape it recognises in full (a source that looks like
a noun phrase or a pronoun, a reporting verb from the lexicon, content up to the sentence end),
and its confidence says how often that shape is a true attribution. Non-attributive uses are
excluded by construction: "the said X" (a determiner before "said"), "called X" naming ("called"
is not in the lexicon; only "called for" is), expletive "it" ("It is expected that ..." has no
source). The rules follow the PolNeAR/PARC convention described in docs/suggestions.md.

The engine is split by what each part knows: `lexicon` (words), `phrases` (patterns and the
tests phrases are put to), `sentences` (splitting), `rules` (source-first shapes), `tags`
(content-first shapes and "according to"), `resolve` (which entity a source refers to), and this
module, which runs the rules over the sentences in order, joins coordinated and continued
attributions, and resolves the sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from .phrases import COORD, DATELINE, PARENTHETICAL, cut_aside
from .resolve import resolve
from .rules import colon_rule, content_after, implicit, relative, source_cue, subject_then_cue
from .sentences import sentences
from .spans import (
    OPEN_QUOTES,
    QUOTE_RE,
    Span,
    Suggestion,
    end_before_stop,
    open_quotation,
    strip_span,
)
from .tags import according, content_source_cue, quote_first

# Stored with every suggestion (suggestions.models.Suggestion.origin_version): bump it when a rule
# changes what comes out, so a desk can tell which engine proposed what.
ORIGIN = "newsroom-rules"
# Longer "sentences" (a text with no stops, a list of thousands of items) get no rule: no news
# sentence is this long, and every rule's cost stays linear in the text.
MAX_SENTENCE = 2000
VERSION = "3"


# Rules whose content runs from the cue to the end of the sentence.
_RUNS_TO_THE_END = frozenset(
    [
        "source-cue-that",
        "source-cue-clause",
        "source-cue-to",
        "source-cue-object-that",
        "source-cue-object-to",
        "source-cue-np",
        "artefact-shows-np",
        "source-called-quote",
        "subject-vp-cue",
        "relative-who-cue",
    ]
)


_MODAL = re.compile(r"(?:will|would|could|may|might|should|must|can)\s")


def _coordinated(text: str, found: Suggestion, e: int) -> list[Suggestion]:
    """The suggestion, and a second one when its source has a second cue in the sentence.

    "X said A and urged B": A ends before "and", and "urged B" is the same source's second
    attribution; so is "'Q,' X said, adding that B". Only a short list of reporting verbs counts
    after "and", so an ordinary coordinated clause inside the content is left alone.
    """
    if found.rule.startswith(("quote", "content-", "according-to-last")):
        start = max(found.cue[1], found.source[0][1] if found.source else 0)
    elif found.rule in _RUNS_TO_THE_END:
        start = found.content[-1][0]
    else:
        return [found]
    m = COORD.search(text, start, e)
    if m is None:
        return _second_source(text, found, start, e)
    between = text[start : m.start()]
    if between.count('"') % 2 or between.count("“") > between.count("”"):
        return [found]  # the "and" is inside a quotation
    verb = 1 if m.group(1) else 2
    source = text[found.source[0][0] : found.source[0][1]] if found.source else ""
    second_content = content_after(text, m.group(verb), m.end(verb), e, source)
    first = found
    if second_content is None and _MODAL.match(m.group(verb)):
        return [found]  # "… and would decide in the coming months whether …": the clause's own
    if found.rule in _RUNS_TO_THE_END:
        # the content ends where the source's own second cue begins, whether or not what
        # follows that cue is content the rules can take ("…, and noted reports by …")
        cut = strip_span(text, found.content[-1][0], m.start())
        first = replace(found, content=(*found.content[:-1], cut))
    if second_content is None:
        return [first]
    second = Suggestion(
        found.source,
        (m.start(verb), second_content[0]),
        (second_content[1],),
        round(found.confidence - 0.05, 2),
        "coordinated-cue",
        found.source_entity,
    )
    return [first, second]


def _second_source(text: str, found: Suggestion, start: int, e: int) -> list[Suggestion]:
    """The suggestion, and a second one when a second clause of the sentence has its own source
    and cue: "The ministry plans to close the line, and the minister believes a bus can
    replace it." The first content ends before the joining comma."""
    quoted = found.rule.startswith("quote")
    if not quoted and found.content[-1][1] < end_before_stop(text, start, e):
        return [found]
    for joint in _JOINT.finditer(text, start, e):
        if open_quotation(text, start, joint.start()):
            continue
        second = source_cue(text, joint.end(), e)
        if second is None or second.source[0][0] != joint.end():
            continue
        first = found
        if not quoted:  # a quotation's content ends with its marks already
            cut = strip_span(text, found.content[-1][0], joint.start())
            if len(text[cut[0] : cut[1]].split()) < 2:
                return [found]
            first = replace(found, content=(*found.content[:-1], cut))
        return [
            first,
            replace(
                second, rule=second.rule + "+second", confidence=round(second.confidence - 0.05, 2)
            ),
        ]
    return [found]


_JOINT = re.compile(r"(?:,\s+(?:and|but|while|whereas|although|though)|;)\s+")

_RULES = (
    quote_first,
    according,
    source_cue,
    content_source_cue,
    relative,
    subject_then_cue,
    colon_rule,
    implicit,
)


def _parentheticals(text: str, s: int, e: int, outer: Suggestion) -> list[Suggestion]:
    """', which he says has driven down wages': an attribution inside a relative clause the
    outer attribution's content leaves out as an aside. The relative pronoun and the verb
    phrase are the content's two fragments, the pronoun or noun phrase the source."""
    found = []
    for m in PARENTHETICAL.finditer(text, s, e):
        if any(a <= m.start(1) < b for a, b in outer.content) or open_quotation(text, s, m.start()):
            continue  # inside the outer content: only the outermost attribution is marked
        end = cut_aside(text, m.end(), end_before_stop(text, m.end(), e))
        comma = text.find(",", m.end(), end)
        end = comma if comma >= 0 else end
        if len(text[m.end() : end].split()) < 2:
            continue
        found.append(
            Suggestion(
                ((m.start(2), m.end(2)),),
                (m.start(3), m.end(3)),
                ((m.start(1), m.end(1)), (m.end(), end)),
                0.65,
                "parenthetical-which-says",
                None,
            )
        )
    return found


def _quotation_only(text: str, s: int, e: int) -> Span | None:
    """The sentence's span when it is one quotation and nothing else (a quotation going on),
    or a quotation left open to the end of its paragraph (news style: the quotation goes on in
    the next paragraph, which opens with a quotation mark again)."""
    m = QUOTE_RE.fullmatch(text, s, e)
    if m is None and e - s > 1 and text[e - 1] == ".":
        m = QUOTE_RE.fullmatch(text, s, e - 1)
    if m is not None:
        return m.start(), m.end()
    if (
        text[s] in OPEN_QUOTES
        and not any(q in text[s + 1 : e] for q in '"”“')
        and _ends_line(text, e)
    ):
        return s, e
    return None


def _ends_line(text: str, e: int) -> bool:
    """Whether only white space lies between `e` and the end of its line."""
    newline = text.find("\n", e)
    return not text[e : len(text) if newline < 0 else newline].strip()


def suggest(text: str, aliases: Mapping[str, str] | None = None) -> list[Suggestion]:
    """Every attribution the rules are confident of, in text order (at most one per sentence).

    A sentence that is nothing but a quotation, right after a sentence whose quotation was
    attributed, carries on that quotation: it becomes another content fragment of the same
    attribution (the convention's "content continues over following sentences").
    """
    found: list[Suggestion] = []
    quoting = False
    for s0, e in sentences(text):
        dateline = DATELINE.match(text, s0, e)
        s = dateline.end() if dateline else s0
        for rule in _RULES if e - s <= MAX_SENTENCE else ():
            suggestion = rule(text, s, e)
            if suggestion is not None:
                found.extend(_coordinated(text, suggestion, e))
                quoting = suggestion.rule.startswith(("quote", "source-cue"))
                found.extend(_parentheticals(text, s, e, suggestion))
                break
        else:
            fragment = _quotation_only(text, s, e) if quoting and found else None
            if fragment is not None:
                last = found[-1]
                found[-1] = replace(last, content=(*last.content, fragment))
            else:
                quoting = False
    return resolve(text, found, aliases or {})
