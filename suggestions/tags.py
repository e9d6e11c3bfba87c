"""Rules where the content comes first and the reporting tag after or around it:
'"QUOTE," SOURCE CUE', 'CONTENT, SOURCE CUE.', 'CONTENT, CUE SOURCE.', 'X, the Pentagon said, Y',
and the "according to" phrase in its three places."""

from __future__ import annotations

import re

from . import lexicon
from .phrases import (
    ACCORDING_END,
    ACCORDING_MID,
    ACCORDING_START,
    COMMA_SPACE,
    CONJUNCTION,
    CUE_AT,
    CUE_AT_START,
    CUE_RE,
    DASH_TAG,
    MAX_COMMAS,
    PLAIN_TAIL,
    PRONOUNS,
    TAIL_QUOTE,
    TIME_RE,
    cue_kind,
    entity_name,
    first_cue,
    is_source,
    opens_appositive,
    reads_as_clause,
    strong,
    verb_of,
    with_recipient,
)
from .spans import QUOTE_RE, Span, Suggestion, end_before_stop, open_quotation, strip_span


def quote_first(text: str, s: int, e: int) -> Suggestion | None:
    """'"QUOTE," CUE SOURCE' or '"QUOTE," SOURCE CUE', possibly continued by a second quote."""
    m = QUOTE_RE.match(text, s)
    if not m or text[m.end() - 2] not in ",?!.":
        return None
    rest = m.end()
    dash = DASH_TAG.match(text, rest, e)
    if dash and is_source(dash.group(2)) and dash.group(2)[0].isupper():
        return Suggestion(
            ((dash.start(2), dash.end(2)),),
            (dash.start(1), dash.end(1)),
            ((m.start(), m.end()),),
            0.8,
            "quote-dash-source",
            entity_name(dash.group(2)),
        )
    if text[m.end() - 2] == ".":
        return None
    cue_m = CUE_AT.match(text, rest, e)
    source: Span
    if cue_m and strong(cue_m.group(1)):
        cue = (cue_m.start(1), cue_m.start(1) + len(cue_m.group(1)))
        inverted = _source_after_cue(text, cue_m.end(), e)
        if inverted is None:
            return None
        source, after = inverted
    else:
        src_end = text.find(" ", rest + 1)
        found = None
        for cm in CUE_RE.finditer(text, rest, e):
            phrase = text[rest : cm.start()].strip().removesuffix(",")
            if phrase and is_source(phrase) and strong(cm.group(0)):
                found = cm
            break
        if found is None or src_end < 0:
            return None
        source = strip_span(text, rest, found.start())
        if text[source[1] - 1] == ",":  # '"Q," the chairwoman, Dame X, said'
            source = (source[0], source[1] - 1)
        cue = (found.start(), with_recipient(text, found.start(), found.end(), e))
        after = cue[1]
        tm = TIME_RE.match(text, after, e)
        if tm:
            after = tm.end()
    content = [(m.start(), m.end())]
    tail = TAIL_QUOTE.match(text, after, e)
    if tail:
        content.append((tail.start(1), tail.end(1)))
    elif not PLAIN_TAIL.fullmatch(text, after, e):
        return None  # more than an adverbial after the cue ("..., adding that ...")
    phrase = text[source[0] : source[1]]
    pronoun = phrase.lower() in PRONOUNS
    return Suggestion(
        (source,),
        cue,
        tuple(content),
        0.8 if pronoun else 0.9,
        "quote-cue-source" if cue[0] < source[0] else "quote-source-cue",
        None if pronoun else entity_name(phrase),
    )


def _source_after_cue(text: str, start: int, e: int) -> tuple[Span, int] | None:
    """The source after an inverted cue ('"Q," said NAME, head of X, in a note to clients'):
    the longest phrase up to a comma or the sentence end that reads as a source, a trailing
    "in a note …"/"on Monday" left out. (source span, where what follows it starts)."""
    stop = end_before_stop(text, start, e)
    ends = [m.start() for m in COMMA_SPACE.finditer(text, start, stop)][:MAX_COMMAS]
    for end in reversed([*ends, stop]):
        span = strip_span(text, start, end)
        phrase = text[span[0] : span[1]]
        medium = _MEDIUM_TAIL.search(phrase)
        if medium:
            phrase = phrase[: medium.start()]
        if phrase and is_source(phrase) and phrase.lower() not in PRONOUNS:
            return (span[0], span[0] + len(phrase)), span[0] + len(phrase)
    return None


_TELL = frozenset(lexicon.forms("tell"))
_REDUCED_RELATIVE = re.compile(
    r"(?:published|released|issued|seen|sent|posted|obtained|filed)\b[^,]*"
)
_MEDIUM_TAIL = re.compile(
    r"\s+(?:in\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:statement|letter|interview|post|speech|report"
    r"|note|tweet|video|message|email|briefing)(?:\s+to\s+[\w\s]+)?"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|social\s+media|Twitter)"
    r"|yesterday|today|late\s+on\s+\w+)$"
)


def according(text: str, s: int, e: int) -> Suggestion | None:
    """'According to SOURCE, CONTENT.' and 'CONTENT, according to SOURCE.'"""
    m = ACCORDING_START.match(text, s, e)
    if m:
        end = end_before_stop(text, m.end(), e)
        if end - m.end() < 10:
            return None
        phrase = m.group(2)
        return Suggestion(
            ((m.start(2), m.end(2)),),
            (m.start(1), m.end(1)),
            ((m.end(), end),),
            0.9,
            "according-to-first",
            entity_name(phrase),
        )
    last = text.rfind(", according to", s, e)  # only the last can end the sentence
    m2 = ACCORDING_END.match(text, last, e) if last >= 0 else None
    if m2 and not is_source(m2.group(2)):
        m2 = None
    if m2 and "," in m2.group(2) and not opens_appositive(m2.group(2).split(",")[1].split()[0]):
        m2 = None  # "according to the brigade, started in the kitchen": the rest is content
    mid = ACCORDING_MID.search(text, s, e)
    if (
        mid
        and m2 is None
        and is_source(mid.group(2))
        and reads_as_clause(text[s : mid.start()], "")
    ):
        # "C, according to S, well below the 95% level": a whole clause before, an aside after
        m2 = mid
    elif mid and m2 is None and is_source(mid.group(2)):
        end = end_before_stop(text, mid.end(), e)
        if len(text[mid.end() : end].split()) >= 2:
            return Suggestion(
                ((mid.start(2), mid.end(2)),),
                (mid.start(1), mid.end(1)),
                ((s, mid.start()), (mid.end(), end)),
                0.8,
                "according-to-medial",
                entity_name(mid.group(2)),
            )
    if m2 and m2.start() - s >= 10:
        return Suggestion(
            ((m2.start(2), m2.end(2)),),
            (m2.start(1), m2.end(1)),
            ((s, m2.start()),),
            0.85,
            "according-to-last",
            entity_name(m2.group(2)),
        )
    return None


def content_source_cue(text: str, s: int, e: int) -> Suggestion | None:
    """'CONTENT, SOURCE CUE.' and 'CONTENT, CUE SOURCE.': "No one was hurt, the airline added.",
    "… near the city, said Rami Abdel Rahman, head of the Observatory." — or the tag set off by
    commas inside the sentence ("X, the Pentagon said, in what …").

    The tag is the last comma-separated part of the sentence (or the part before a comma that
    ends it): a source that reads as a noun phrase and a cue that attributes a clause, nothing
    else; the content is everything before it, at least three words.
    """
    conj = CONJUNCTION.match(text, s, e)
    first = conj.end() if conj else s
    quote = QUOTE_RE.match(text, first, e)
    if quote and text[quote.end() - 2] in ",?!":
        return None  # '"QUOTE," SOURCE CUE' is quote_first's
    stop = end_before_stop(text, s, e)
    commas = list(COMMA_SPACE.finditer(text, first, stop))
    for comma in reversed(commas[-MAX_COMMAS:]):
        content_end = comma.start()
        if len(text[first:content_end].split()) < 1:
            return None
        if open_quotation(text, first, content_end):
            continue  # the comma is inside a quotation
        found = _tag(text, comma.end(), stop)
        if found is None:
            continue
        source, cue, rest = found
        medial = rest is not None
        phrase = text[source[0] : source[1]]
        lowered = phrase.lower()
        if lowered == "it":
            return None
        conf = 0.7 if lowered in PRONOUNS else 0.8 if entity_name(phrase) else 0.75
        content: tuple[Span, ...] = ((first, content_end),)
        if rest is not None and not reads_as_clause(text[first:content_end], ""):
            # "The attack, the Pentagon said, targeted leaders": the tag splits the content
            content = (*content, (rest, stop))
        return Suggestion(
            (source,),
            cue,
            content,
            round(conf - (0.05 if medial else 0), 2),
            "content-source-cue-medial"
            if medial
            else "content-cue-source"
            if cue[0] < source[0]
            else "content-source-cue",
            None if lowered in PRONOUNS else entity_name(phrase),
        )
    return None


def _tag(text: str, start: int, stop: int) -> tuple[Span, Span, int | None] | None:
    """A reporting tag from `start`: 'SOURCE CUE' or 'CUE SOURCE', to the end of the sentence
    (`stop`), or 'SOURCE CUE' followed by a comma (a medial tag). (source, cue, where the rest
    of the sentence after a medial tag starts, or None)."""
    inverted = CUE_AT_START.match(text, start, stop)
    if inverted is not None:
        if not strong(inverted.group(1)) or cue_kind(inverted.group(1)) in ("to", "np"):
            return None
        src = strip_span(text, inverted.end(), stop)
        phrase = text[src[0] : src[1]]
        if not phrase or phrase.lower() in PRONOUNS or not is_source(phrase.rstrip(",")):
            return None
        return src, (inverted.start(1), inverted.end(1)), None
    cm = first_cue(text, start, stop)
    if cm is None or cue_kind(cm.group(0)) in ("to", "np"):
        return None
    src = strip_span(text, start, cm.start())
    phrase = text[src[0] : src[1]]
    if "," in phrase or not is_source(phrase):
        return None
    artefact = any(w.lower() in lexicon.ARTEFACTS for w in phrase.split()[:3])
    if not strong(cm.group(0)) and not artefact:
        return None  # "…, the survey found": a finding verb needs an artefact as its source
    cue = (cm.start(), with_recipient(text, cm.start(), cm.end(), stop))  # "told Reuters"
    after = cue[1]
    if verb_of(cm.group(0)) in _TELL and after == cm.end():
        return None  # "…, the mayor told his staff." names no one the content was told to
    if not text[after:stop].lstrip().startswith(","):
        after = TIME_RE.match(text, after, stop).end()  # type: ignore[union-attr]
        if text[after - 1] == ",":  # "said on Wednesday, threatening …": the time took the comma
            after -= 1
    rest = text[after:stop].strip()
    if rest and _REDUCED_RELATIVE.fullmatch(rest):
        rest = ""  # "said in a report published on Wednesday"
    if rest and not rest.startswith(","):
        return None
    if not rest:
        return src, cue, None
    return src, cue, strip_span(text, text.index(",", after) + 1, stop)[0]
