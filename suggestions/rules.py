"""Rules where the source comes first: 'SOURCE CUE (that) CONTENT', 'SOURCE CUE: "QUOTE"',
'SOURCE plans to VP', 'SOURCE told OBJECT that CONTENT', 'SOURCE VP, saying CONTENT', a colon
after a source, a relative "who", and attributions without a source (passives, "reportedly")."""

from __future__ import annotations

import re

from . import lexicon
from .phrases import (
    AFTER_VP,
    COLON_AT,
    COLON_QUOTE,
    COMMA_SPACE,
    CONJUNCTION,
    IT_PASSIVE,
    LEAD_WORDS,
    MAX_COMMAS,
    OBJECT_THAT,
    OBJECT_TO,
    OBJECT_TO_VERBS,
    OPENING,
    PRONOUNS,
    RAISED,
    RELATIVE,
    REPORTED_SUBJECT,
    STRONG_SET,
    TIME_RE,
    VERBISH,
    WORD,
    content_start,
    cue_kind,
    cut_aside,
    entity_name,
    first_cue,
    is_source,
    reads_as_clause,
    strong,
    takes_np,
    verb_of,
    with_recipient,
)
from .spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTE_RE,
    Span,
    Suggestion,
    end_before_stop,
    open_quotation,
    strip_span,
)

_CITING = re.compile(r",\s+(?:citing|quoting)\s+[^,]+,$")


_MAIN_VERB_AFTER = re.compile(r",\s+(?=(?:[a-z]+ed|was|were|is|are|has|had|will|would)\b)")
_CLAUSE_OPENER = re.compile(
    r"(?:\b(?:after|because|when|while|since|although|though|before|until|once|whereas)"
    r"|,\s+(?:and|but|while|whereas|although|though)|;)\s+"
)


def _subject(text: str, s: int, cue_start: int) -> Span | None:
    """The source before a cue: the phrase from the sentence start, or after a lead ("Separately,
    ", "Following the decision …, ", "But "), that reads as a noun phrase; a closed appositive
    ("Her deputy, Aurel Benko, said") keeps its inner comma and loses the closing one."""
    conj = CONJUNCTION.match(text, s, cue_start) or OPENING.match(text, s, cue_start)
    starts = [conj.end() if conj else s]
    for m in COMMA_SPACE.finditer(text, s, cue_start):
        starts.append(m.end())
        if len(starts) > MAX_COMMAS:
            break
    # "… collapsed after the junior partner said …", "…, and the minister said …": the source
    # may open a subordinate or a joined clause; what comes before is not part of the attribution
    clauses = [m.end() for m in _CLAUSE_OPENER.finditer(text, s, cue_start)][-MAX_COMMAS:]
    for p in [*starts, *clauses]:
        if p > starts[0] and p not in clauses and not _is_lead(text[starts[0] : p]):
            continue
        phrase = text[p:cue_start].strip()
        citing = _CITING.search(phrase)
        if citing:  # "The agency, citing a military source, said": the agency is the source
            phrase = phrase[: citing.start()]
        elif phrase.endswith(","):
            if "," not in phrase[:-1]:
                continue  # an appositive must open and close: "Her deputy, X, said"
            phrase = phrase[:-1]
        elif "," in phrase:
            continue
        if is_source(phrase):
            return p, p + len(phrase)
    return None


def _is_lead(prefix: str) -> bool:
    """Whether the words before a source are an opening adverbial (not a clause of their own)."""
    words = prefix.split()
    if not words or any(q in prefix for q in OPEN_QUOTES + CLOSE_QUOTES):
        return False
    return words[0].strip(",") in LEAD_WORDS and prefix.rstrip().endswith(",")


def source_cue(text: str, s: int, e: int) -> Suggestion | None:
    """'SOURCE CUE (that) CONTENT.', 'SOURCE CUE: "QUOTE"', 'SOURCE plans to VP', 'SOURCE told
    OBJECT that CONTENT', 'SOURCE urged OBJECT to VP': the source opens the sentence or follows
    an opening adverbial. Only the first cue of the sentence is tried: a later one lies in the
    content of the first (nested attributions: only the outermost is marked)."""
    cm = first_cue(text, s, e)
    source = None if cm is None else _subject(text, s, cm.start())
    if cm is not None and source is None:
        # "Asked whether he expected to …, he said: …": a cue inside an opening clause; the
        # sentence's own cue comes after the comma that closes it.
        comma = text.find(", ", cm.end(), e)
        if comma >= 0:
            cm = first_cue(text, comma + 2, e)
            source = None if cm is None else _subject(text, s, cm.start())
    if cm is None or source is None:
        return None
    phrase = text[source[0] : source[1]]
    found = content_after(text, cm.group(0), cm.end(), e, text[source[0] : source[1]])
    if found is None:
        return None
    cue_end, content, rule, conf = found
    lowered = phrase.lower()
    if lowered == "it":
        conf -= 0.15  # "It did not say …": the article's last organisation, as written
    elif lowered in PRONOUNS:
        conf -= 0.1
    return Suggestion(
        (source,),
        (cm.start(), cue_end),
        (content,),
        round(conf, 2),
        rule,
        None if lowered in PRONOUNS else entity_name(phrase),
    )


def content_after(
    text: str, cue_text: str, cue_end: int, e: int, source: str = ""
) -> tuple[int, Span, str, float] | None:
    """The content a cue group takes, up to the sentence end `e`, by the frame of its verb:
    ': "QUOTE"', 'that C', a clause, 'to VP', 'OBJECT that C', 'OBJECT to VP', a noun phrase
    ("called for an inquiry", "welcomed the decision", "the survey showed support at 24%").
    The recipient after "told" belongs to the cue ("told the Ardmore Herald they …").
    (where the cue ends, content span, rule name, confidence) or None when what follows is not
    such content. `source` is the source phrase, when known (artefacts "show" noun phrases)."""
    kind = cue_kind(cue_text)
    verb = verb_of(cue_text)
    if verb in _TELL:
        told = with_recipient(text, cue_end - len(cue_text), cue_end, e)
        if told != cue_end:
            cue_end, kind = told, "clause"
    after = TIME_RE.match(text, cue_end, e).end()  # type: ignore[union-attr]
    colon = COLON_QUOTE.match(text, after, e)
    if colon:
        start = colon.end()
        q = QUOTE_RE.match(text, start, e)
        if not q or q.end() < strip_span(text, start, e)[1] - 1:
            return None
        return cue_end, (start, q.end()), "source-cue-colon-quote", 0.85
    start = strip_span(text, after, e)[0]
    if start >= e or not (text[start].isalnum() or text[start] in OPEN_QUOTES):
        return None
    start = content_start(text, start, e)
    has_that = text.startswith("that ", start)
    end = cut_aside(text, start, end_before_stop(text, start, e))
    # an artefact: "the survey …", "A survey by the Institute published on Friday …"
    artefact = any(w.lower() in lexicon.ARTEFACTS for w in source.split(",")[0].split()[:3])
    if kind == "to":
        rule, conf = "source-cue-to", 0.75
    elif kind == "object" and not has_that:
        obj = OBJECT_THAT.match(text, start, e)
        if obj:
            start = obj.start(1)
            rule, conf = "source-cue-object-that", 0.8
        elif OBJECT_TO.match(text, start, e) and verb in OBJECT_TO_VERBS:
            rule, conf = "source-cue-object-to", 0.75
        elif verb in STRONG_SET and reads_as_clause(text[start:e], cue_text):
            rule, conf = "source-cue-clause", 0.75
        elif takes_np(cue_text) and (len(cue_text.split()) > 1 or verb not in lexicon.NP_LEMMAS):
            rule, conf = "source-cue-np", 0.7  # 'urged "restraint on all sides"'
        else:
            return None
    elif kind == "np" or (takes_np(cue_text) and not has_that):
        if verb.startswith("accus") and not _ACCUSED_OF.match(text, start, e):
            return None  # "accused" is a stance only as "accused X of Y"
        if verb in lexicon.NP_LEMMAS and len(cue_text.split()) == 1:
            return None  # "managers who criticise officials can face fines": a generic
        rule, conf = "source-cue-np", 0.7
    elif (
        not has_that
        and verb in _SHOW
        and artefact
        and (verb not in _SHOW_ONLY or _FIGURE.search(text, start, end))
    ):
        rule, conf = "artefact-shows-np", 0.7  # "the survey showed support at 24 percent"
    elif not has_that and verb in _CALL and _CALLED_QUOTE.match(text, start, e):
        rule, conf = "source-called-quote", 0.7  # 'called the decision "short-sighted"'
    else:
        if kind == "that" and not has_that:
            return None
        if not has_that and not reads_as_clause(text[start:e], cue_text):
            return None
        rule = "source-cue-that" if has_that else "source-cue-clause"
        conf = 0.85 if has_that else 0.8
    if rule in ("source-cue-np", "artefact-shows-np", "source-called-quote"):
        # a noun phrase ends before a clause the writer adds ("accused the referee of bias
        # after a late penalty")
        tail = _NP_ENDS.search(text, start, end)
        if tail and not open_quotation(text, start, tail.start()):
            end = tail.start()
        medium = _MEDIUM_AFTER.search(text, start, end)
        if medium and not open_quotation(text, start, medium.start()):
            end = medium.start()  # 'urged "restraint on all sides" in a brief statement'
    if len(text[start:end].split()) < 2:
        return None
    return cue_end, (start, end), rule, conf


_TELL = frozenset(lexicon.forms("tell"))
_MEDIUM_AFTER = re.compile(
    r"\s+(?:in|on)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|interview|post"
    r"|letter|speech|tweet|video|briefing)$"
)
_NP_ENDS = re.compile(r",?\s+(?:after|before|when|because|while|since|despite|following)\s")
_TRAILING_TIME = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|last\s+\w+|this\s+\w+|earlier|later)$"
)
_SHOW = frozenset(lexicon.forms("show") + lexicon.forms("find"))
_CALL = frozenset(lexicon.forms("call"))
_SHOW_ONLY = frozenset(lexicon.forms("show"))  # "showed a map" depicts; "showed 24%" reports
_FIGURE = re.compile(r"\d|percent|per cent")
_ACCUSED_OF = re.compile(r"(?:[\w’'.-]+\s+){1,6}?of\s")
_CALLED_QUOTE = re.compile(r"(?:[\w’'.-]+\s+){1,5}?[\"“]")


def subject_then_cue(text: str, s: int, e: int) -> Suggestion | None:
    """'SOURCE VP, saying (that) CONTENT' and 'SOURCE VP but did not say CONTENT': the sentence's
    subject is the source of a cue that follows its own verb phrase. The subject is the opening
    noun phrase up to its verb (a word in "-ed", an auxiliary, an adverb in "-ly")."""
    m = AFTER_VP.search(text, s, e)
    if m is None or open_quotation(text, s, m.start()):
        return None
    source = _leading_np(text, s, m.start())
    if source is None:
        return None
    g = 1 if m.group(1) else 2
    cue_text = m.group(g)
    kind = cue_kind(cue_text)
    start = strip_span(text, TIME_RE.match(text, m.end(g), e).end(), e)[0]  # type: ignore[union-attr]
    end = end_before_stop(text, start, e)
    if start >= end or len(text[start:end].split()) < 2 or not text[start].isalnum():
        return None
    has_that = text.startswith("that ", start)
    if kind == "that" and not has_that:
        return None
    clause = has_that or reads_as_clause(text[start:end], cue_text)
    if kind in ("clause", "object") and not clause:
        return None
    phrase = text[source[0] : source[1]]
    lowered = phrase.lower()
    if lowered == "it":
        return None
    return Suggestion(
        (source,),
        (m.start(g), m.end(g)),
        ((start, end),),
        0.65 if lowered in PRONOUNS else 0.7,
        "subject-vp-cue",
        None if lowered in PRONOUNS else entity_name(phrase),
    )


def _leading_np(text: str, s: int, limit: int) -> Span | None:
    """The noun phrase opening a clause, up to its verb, when it reads as a source."""
    conj = CONJUNCTION.match(text, s, limit)
    start = conj.end() if conj else s
    end = start
    for w in WORD.finditer(text, start, limit):
        word = w.group(0)
        if w.start() > start and word[0].islower() and VERBISH.fullmatch(word):
            break
        if word[-1:] in ";:" or word[0] in OPEN_QUOTES:
            return None
        end = w.end()
    else:
        return None
    if text[end - 1] == ",":  # "The drivers' union, TRAK, was blunt": a closed appositive
        end -= 1
    phrase = text[start:end]
    when = _TRAILING_TIME.search(phrase)
    if when:  # "The Board on Thursday blocked …": the time is not part of the source
        end -= len(phrase) - when.start()
        phrase = text[start:end]
    return (start, end) if end > start and is_source(phrase) else None


def colon_rule(text: str, s: int, e: int) -> Suggestion | None:
    """'SOURCE: CONTENT' (a headline's "Minister: bridge will open") and 'SOURCE VP: "QUOTE"'
    ("The harbourmaster was blunt: "…""): the colon is the cue. With a verb phrase before the
    colon, only a quotation counts as content."""
    m = COLON_AT.match(text, s, e)
    if m is None or first_cue(text, s, m.start(1)):
        return None
    start = m.end()
    end = end_before_stop(text, start, e)
    quote = QUOTE_RE.match(text, start, e)
    whole_quote = quote is not None and quote.end() >= end
    prefix = strip_span(text, s, m.start(1))
    phrase = text[prefix[0] : prefix[1]]
    head = phrase.split()[-1].lower() if phrase.split() else ""
    several = len(phrase.split()) >= 2 or phrase.isupper()  # not "Update: …", "Note: …"
    named = (several and entity_name(phrase) is not None) or head in lexicon.SOURCE_NOUNS
    if named and is_source(phrase) and phrase.lower() not in PRONOUNS:
        source: Span | None = prefix
        if not whole_quote and not reads_as_clause(text[start:end], ""):
            return None
    else:
        source = _leading_np(text, s, m.start(1))
        if not whole_quote:
            return None
    if source is None or len(text[start:end].split()) < 2:
        return None
    if whole_quote:
        end = quote.end()  # type: ignore[union-attr]
    name = text[source[0] : source[1]]
    return Suggestion(
        (source,), (m.start(1), m.end(1)), ((start, end),), 0.7, "source-colon", entity_name(name)
    )


def implicit(text: str, s: int, e: int) -> Suggestion | None:
    """No source: "It was announced that C", "NP is reported to VP", "NP reportedly VP".

    Expletive "it" is never the source; the attribution has no source span. In the raised forms
    the content is split by the cue: the subject and the rest are two fragments.
    """
    m = IT_PASSIVE.match(text, s, e)
    if m:
        start = strip_span(text, m.end(), e)[0]
        end = end_before_stop(text, start, e)
        return Suggestion((), (m.start(1), m.end(1)), ((start, end),), 0.7, "it-passive", None)
    whole = REPORTED_SUBJECT.search(text, s, e)
    if whole is not None:
        subject = text[s : whole.start()].strip()
        if subject and is_source(subject) and subject.lower() not in PRONOUNS:
            cue = (whole.start(1), whole.end(1))
            return Suggestion((), cue, ((s, s + len(subject)),), 0.65, "reported-subject", None)
    r = RAISED.search(text, s, e)
    if r is None:
        return None
    group = 1 if r.group(1) else 3
    # "At least three trucks were reportedly turned back": the auxiliary stays with the subject
    core = text[s : r.start()].strip().removesuffix(",")
    subject = text[s : r.start(3)].strip() if group == 3 else core
    if not core or not is_source(core) or core.lower() in PRONOUNS:
        return None
    end = end_before_stop(text, r.end(), e)
    if len(text[r.end() : end].split()) < 2:
        return None
    return Suggestion(
        (),
        (r.start(group), r.end(group)),
        ((s, s + len(subject)), (r.end(), end)),
        0.7,
        "raised-passive" if group == 1 else "reportedly",
        None,
    )


def relative(text: str, s: int, e: int) -> Suggestion | None:
    """'..., who CUE (that) CONTENT.': the relative pronoun is the source as written."""
    m = RELATIVE.search(text, s, e)
    if m is None or m.end() >= e:
        return None
    has_that = text.startswith("that ", m.end())
    if not strong(m.group(2)) and not has_that:
        return None
    end = end_before_stop(text, m.end(), e)
    main = _MAIN_VERB_AFTER.search(text, m.end(), end)
    if main:  # "X, who denied the charges, showed no emotion": the relative clause ends there
        end = main.start()
    if len(text[m.end() : end].split()) < 2 or not text[m.end()].isalnum():
        return None
    if not has_that and not reads_as_clause(text[m.end() : end], m.group(2)):
        return None
    return Suggestion(
        ((m.start(1), m.end(1)),),
        (m.start(2), m.start(2) + len(m.group(2))),
        ((m.end(), end),),
        0.75,
        "relative-who-cue",
        None,
    )
