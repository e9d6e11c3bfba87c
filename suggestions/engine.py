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

About 500 lines, over the usual 400, on purpose: the rules share one lexicon and one set of
compiled patterns (cue group, time adverbials, source shape), and each rule is short; split into
modules they would import each other's private patterns without being any easier to read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from . import lexicon

Span = tuple[int, int]

# Stored with every suggestion (suggestions.models.Suggestion.origin_version): bump it when a rule
# changes what comes out, so a desk can tell which engine proposed what.
ORIGIN = "newsroom-rules"
VERSION = "1"

_STRONG_SET = lexicon.CLAUSE_VERBS
_VERB = lexicon.alternation(lexicon.FINITE)
_TO_VERB = lexicon.alternation(lexicon.TO_VERBS - lexicon.PARTICIPLES)
_OBJECT_VERB = lexicon.alternation(lexicon.OBJECT_VERBS - lexicon.PARTICIPLES)
# No "is/was": "is said to", "was reported" are passives, handled (without a source) by _implicit.
_AUX = r"(?:(?:has|have|had|did|does|do|will|would|could|may|might|can|must|should)\s+)?"
_ADV = (
    r"(?:(?:not|also|repeatedly|never|previously|again|publicly|later|privately|reportedly"
    r"|firmly|strongly|flatly|openly|formally|officially|already|recently|often|still|even"
    r"|further|separately|initially|earlier|then|quickly|immediately|explicitly|bluntly"
    r"|clearly|confidently|angrily|frankly|simply|only|first|n't)\s+)*"
)
_SPECIAL_CUE = (
    r"was\s+quoted\s+as\s+saying|declined\s+to\s+(?:say|comment|confirm|specify|elaborate"
    r"|discuss|give|disclose|identify|name|reveal)|told\s+(?:reporters|journalists)"
    r"|refused\s+to\s+(?:say|comment|confirm|disclose)|called\s+(?:for|on)"
    r"|went\s+on\s+to\s+say|made\s+clear|pointed\s+out|spelled\s+out|warned\s+of"
)
_CUE = (
    rf"{_AUX}{_ADV}(?:{_SPECIAL_CUE}|(?:{_TO_VERB})\s+to(?=\s)|(?:{_VERB}|{_OBJECT_VERB})\b)"
    r"(?:\s+in\s+a\s+(?:written\s+)?(?:statement|letter|interview|post|speech|report))?"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME = (
    rf"(?:\s*,?\s*(?:(?:late\s+|early\s+)?(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)"
    r"|earlier(?:\s+this\s+(?:week|month|year))?|on\s+(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)"
    r"|in\s+(?:a|an|the)\s+(?:written\s+|joint\s+|brief\s+)?(?:statement|interview|speech|letter|post|report|briefing)"
    r"(?:\s+(?:on|to|with)\s+[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,3})?),?)*"
)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "who"])
# Before "said", these make it an adjective ("the said document"), not a cue.
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"]
)
_OPEN_QUOTES = '"“'
_CLOSE_QUOTES = '"”'

_CUE_RE = re.compile(rf"\b{_CUE}")
_CUE_AT = re.compile(rf"\s*({_CUE}){_TIME}\s*")
_QUOTE_RE = re.compile(r"[\"“][^\"“”]+[\"”]")
_ACCORDING_START = re.compile(r"(According to|In the view of)\s+([^,]{2,80}?),\s*")
_ACCORDING_END = re.compile(r",\s*(according to)\s+([^,]{2,80}?)\s*[.!?]?$")
_SOURCE_TAIL = re.compile(r"\s*([^\"“”]{2,120}?)\s*(?=,\s*[\"“]|\.?\s*$)")
_LEAD = re.compile(
    r"(?:[A-Z][A-Z ]{2,}[^–—\"“]{0,30}[–—]\s*)?"  # dateline "HARWELL, March 3 –"
    r"(?:(?!In the view of)(?:On|In|At|After|Before|Earlier|Later)\b[^,\"“]{0,60},\s*"  # "In a speech, "
    r"|On\s+\w+day\s+)?"
)
_TIME_RE = re.compile(_TIME)
# What may follow "QUOTE, SOURCE CUE" in the same sentence: an adverbial, not a second clause.
_PLAIN_TAIL = re.compile(r"(?:\s+(?!that\b)[^\"“”,;:]*)?(?:,\s+adding\s+[\s\S]*)?\s*[.]?\s*")
# A second cue of the same source in the same sentence: "... and urged ...", ", adding that ...".
_COORD = re.compile(
    r",?\s+and\s+(urged|promised|warned|added|insisted|stressed|noted|said)\s+|,\s+(adding)\s+"
)
_PASSIVE_VERB = r"(?:announced|reported|said|believed|understood|expected|thought|alleged)"
_IT_PASSIVE = re.compile(
    rf"It\s+((?:is|was|has\s+been|had\s+been)\s+{_PASSIVE_VERB}){_TIME}\s+(?=that\s)"
)
_RAISED = re.compile(rf"\s+((?:is|are|was|were)\s+{_PASSIVE_VERB})\s+(?=to\s)|\s+(reportedly)\s+")
_DASH_TAG = re.compile(r"\s*([–—])\s*([^,\"“”.]{2,60}?)\s*(?=[,.]|$)")
# Content without "that" must read as a clause, so "said goodbye", "wrote a book", "added salt"
# are not attributions: a finite verb marker, a subject pronoun or a wh-word first.
# Irregular past tenses a reported clause commonly turns on ("the strike hit a camp"): with the
# regular "-ed" forms and the auxiliaries they tell a clause from a noun phrase ("said goodbye").
_IRREGULAR_PAST = (
    "hit struck took made left fell rose came went gave began ran won lost held kept brought "
    "bought fought thought sent spent built cut put set shot led met paid saw became broke chose "
    "drove flew grew knew sold stood understood wrote told found"
)
_CLAUSE = re.compile(
    r"^(?:he|she|they|we|i|it|you|there|whether|what|why|how|when|where|who|if|on)\b"
    r"|\b(?:would|will|was|were|is|are|had|has|have|could|can|should|must|may|might|did|does)\b"
    r"|\s\w+ed\b"
    rf"|\s(?:{'|'.join(_IRREGULAR_PAST.split())})\b",
    re.IGNORECASE,
)
_NP_CONTENT_OK = frozenset({"deny", "denies", "denied", "declined"})  # "denied the charges"
_RELATIVE = re.compile(rf",\s+(who)\s+({_CUE}){_TIME}\s*")
# ", SOURCE CUE" ending the sentence, or set off by commas inside it ("X, the Pentagon said, in
# what …"): the content is what precedes it.
_TRAILING = re.compile(
    rf",\s+((?:the|its|his|her|their|a|an)\s+[\w'’ -]{{2,40}}?|he|she|they|it|we|I)\s+({_CUE})"
    r"(?:\s*[.]?$|(,)\s)"
)
_TAIL_QUOTE = re.compile(r"\s*,\s*([\"“][^\"“”]+[\"”])")
# Words that make a phrase a clause (or a verb phrase), never a source noun phrase.
_NOT_IN_SOURCE = frozenset(
    lexicon.words("""is are was were be been has have had will would can could should may might must did does
    do not also but and then while though although since as where whom whose what
    """)
)
_PARTICIPLE = lexicon.alternation(lexicon.PARTICIPLES)
# What follows a subject's own verb phrase: ", saying …" or " but did not say …".
_AFTER_VP = re.compile(
    rf",\s+((?:{_PARTICIPLE})(?:\s+in\s+a\s+statement)?)\s+"
    rf"|\s+(?:but|and)\s+({_AUX}{_ADV}(?:{_VERB})\b)\s+"
)
_WORD = re.compile(r"\S+")
_VERBISH = re.compile(
    r"[a-z]+(?:ed|ly)|is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might"
    r"|must|should|remained|became|made|took|gave|held|kept|left|met|sent|told|said|won|lost"
)
_CUE_AT_START = re.compile(rf"({_CUE}){_TIME}\s+")
_CONJUNCTION = re.compile(
    r"(?:But|And|Yet|So|Still|Now|Meanwhile|Separately|However|Also)\s+(?=\S)"
)
_COMMA_SPACE = re.compile(r",\s+")
# Words an opening adverbial starts with: "Separately, ", "Following the vote, ", "Asked why, ".
_LEAD_WORDS = frozenset(
    lexicon.words("""After Before Following In On At During Despite Since As While When Although Though
    Meanwhile Separately However Earlier Later Also Still Yet Now Last This Asked Speaking
    Responding Referring Commenting Addressing Writing Elsewhere Instead Moreover Furthermore
    Additionally Nevertheless Nonetheless Overall Under Within With Without By For From Through
    Amid Against Ahead Unlike Like Shortly Soon Once Until Because Separately Today Yesterday
    Previously Initially Finally Recently Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday But And In Back""")
)
_COLON_QUOTE = re.compile(r"\s*:\s*(?=[\"“])")
# "told its partners in the alliance that": up to eight words of object before "that".
_OBJECT_THAT = re.compile(r"(?:[\w’'.-]+\s+){1,8}?(that\s)")
_OBJECT_TO = re.compile(r"(?:[\w’'.-]+\s+){1,5}?to\s+[a-z]")
_OBJECT_TO_VERBS = frozenset(
    lexicon.forms("urge")
    + lexicon.forms("ask")
    + lexicon.forms("order")
    + lexicon.forms("tell")
    + lexicon.forms("encourage")
    + lexicon.forms("advise")
    + lexicon.forms("instruct")
    + lexicon.forms("warn")
    + lexicon.forms("remind")
    + lexicon.forms("persuade")
    + ("on",)
)
_NAMEISH = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)(?:[ -][\w'’.-]+){0,13}$")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed attribution; spans are (start, end) code points, end exclusive."""

    source: tuple[Span, ...]
    cue: Span
    content: tuple[Span, ...]
    confidence: float
    rule: str
    source_entity: str | None


def _sentences(text: str) -> list[Span]:
    """Sentence spans: a stop followed by space and a capital or quote, outside quotations.

    A quotation running over several sentences stays in one sentence, so its content is one
    fragment (the convention marks a continuing quotation as one attribution).
    """
    spans: list[Span] = []
    start = 0
    inside = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "“":
            inside = True
        elif ch in '”"' and (ch == "”" or inside):
            inside = False
            # '… before winter." She said …': a stop inside the marks ends the sentence too
            if i > start and text[i - 1] in ".!?" and _capital_follows(text, i + 1):
                spans.append((start, i + 1))
                start = i + 1
        elif ch == '"':
            inside = True
        elif ch == "\n" and i + 1 < n and text[i + 1] == "\n":
            inside = False
            spans.append((start, i))
            start = i + 1
        elif ch in ".!?" and not inside:
            j = i + 1
            while j < n and text[j] in _CLOSE_QUOTES and text[j] != '"':
                j += 1
            if j < n and text[j].isspace() and not _abbreviation(text, start, i):
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k >= n or text[k].isupper() or text[k] in _OPEN_QUOTES:
                    spans.append((start, j))
                    start = k
                    i = k
                    continue
        i += 1
    if start < n:
        spans.append((start, n))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if s < e]


def _capital_follows(text: str, j: int) -> bool:
    """Whether white space then a capital letter or an opening quotation mark come at `j`."""
    if j >= len(text) or not text[j].isspace():
        return False
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    return k < len(text) and (text[k].isupper() or text[k] in _OPEN_QUOTES)


def _abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the stop at `stop` ends an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    k = stop
    while k > start and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:stop].lower()
    if not word:
        return False
    if word in lexicon.ABBREVIATIONS:
        return True
    return len(word) == 1 and text[k].isupper()


def _strip(text: str, start: int, end: int) -> Span:
    """The span without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _content_end(text: str, start: int, end: int) -> int:
    """Sentence end minus a final stop outside quotation marks."""
    s, e = _strip(text, start, end)
    if e > s and text[e - 1] in ".!?":
        e -= 1
    return e


def _is_source(phrase: str) -> bool:
    """Whether a phrase before a cue looks like a source: a pronoun or a short noun phrase."""
    words = phrase.split()
    if not words or len(words) > 14:
        return False
    first = words[0]
    if first.lower() in _PRONOUNS:
        return len(words) == 1
    if any(
        w.lower() in {"that", "which", "if", "when", "because", "after", "before"} for w in words
    ):
        return False
    if first[0].islower() and first.lower() not in lexicon.DETERMINERS:
        # "environment minister Jana Pelc", "police", "local officials" pass
        head = phrase.split(",")[0].split()[-1].lower().rstrip("’'s")
        if not _NAME_WORD.match(words[-1]) and head not in lexicon.SOURCE_NOUNS:
            return False
    for i, w in enumerate(words):
        # "Speaker of Parliament and Party leader X": "and" between capitalised words only
        joins_names = w == "and" and 0 < i < len(words) - 1 and words[i + 1][:1].isupper()
        if w.lower() in _NOT_IN_SOURCE and not joins_names:
            return False
    return bool(_NAMEISH.match(phrase.replace(",", "")))


def _entity(phrase: str) -> str | None:
    """The name in a source phrase, if it names someone: the last run of capitalised words of
    its head (before any appositive), joined over "of", "for", "al-" and the like ("Syrian
    Observatory for Human Rights", "Haider al-Abadi", "CENTCOM"); None for "the monitor"."""
    parts = phrase.split(",")
    head = parts[0].split()
    if len(parts) > 1 and head and not _NAME_WORD.match(head[-1]):
        head = parts[-1].split()  # "Its chief, Ada Marr": the name is the appositive
    runs: list[list[str]] = []
    current: list[str] = []
    for i, w in enumerate(head):
        word = w.strip("’'").removesuffix("’s").removesuffix("'s")
        if _NAME_WORD.match(word) and not (i == 0 and w.lower() in lexicon.DETERMINERS):
            current.append(word)
        elif current and w in _NAME_JOINERS and i + 1 < len(head) and _NAME_WORD.match(head[i + 1]):
            current.append(w)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if not runs or not _NAME_WORD.match(head[-1].strip("’'")):
        return None  # the head is a common noun: "the Britain based monitor", "X’s coalition"
    name = runs[-1]
    while len(name) > 2 and name[0] in _TITLES and not _is_org(" ".join(name)):
        name = name[1:]  # "Prime Minister Haider al-Abadi" → "Haider al-Abadi"
    if len(name) == 1:
        word = name[0]
        if word.lower() in lexicon.SOURCE_NOUNS or word.lower() in _PRONOUNS:
            return None
        if word.endswith("s") and not word.isupper():
            return None  # "Shareholders", "Analysts": a capital only because it opens the sentence
    return " ".join(name)


_NAME_WORD = re.compile(r"(?:(?:al|el|bin|ibn|abu|de|van|von|da|di|du|le|la|ben)-)?[A-Z][\w’'.-]*$")
_TITLES = frozenset(
    lexicon.words(
        """President Prime Minister Speaker Secretary General Governor Senator Mayor Judge
        Chief Commissioner Director Chairman Chairwoman Chair Dr Mr Mrs Ms Sir King Queen Prince
        Princess Pope Sheikh Imam Ayatollah Cleric Former Deputy Vice Foreign Defence Defense
        Interior Finance Health Transport Justice Education Environment Economy Trade Labour
        Labor Energy Agriculture Culture State Attorney Professor Prof Colonel Col Major Captain
        Lieutenant Sergeant Admiral Bishop Archbishop Rabbi Father Spokesman Spokeswoman Coach
        Manager Ambassador Envoy Commander Inspector Superintendent Detective Officer Chancellor
        Representative Rep Sen Gov Gen Lt Sgt Capt Councillor Councilman Councilwoman Leader"""
    )
)
_NAME_JOINERS = frozenset(
    ["of", "for", "and", "de", "al", "bin", "ibn", "van", "von", "der", "la", "da"]
)
_ORG_WORDS = frozenset(
    lexicon.words(
        """Ministry Department Office Observatory Command Coalition Commission Council Party
        Movement Army Police Agency Bank Group Company Corp Inc Ltd Union Association Committee
        Court Government University Institute Centre Center Forces Alliance Organisation
        Organization Board Authority Service Airlines Foods Monitor Network Fund Trust Front
        Federation League Club Parliament Senate Assembly Embassy Mission Bureau Agency Times
        News Post Press Radio Television Hospital School Foundation Society Watch Rights
        Industries Holdings Capital Partners Energy Motors Systems"""
    )
)


def _is_org(name: str) -> bool:
    """Whether a name is an organisation's (by its words, or a single word), not a person's."""
    words = name.split()
    return bool(_ORG_WORDS & set(words)) or (len(words) == 1 and "-" not in words[0])


def _resolve(text: str, found: list[Suggestion], aliases: Mapping[str, str]) -> list[Suggestion]:
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
            if lowered in _PRONOUNS:
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
        if head in {w.lower() for w in earlier.split()} and _is_org(earlier):
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
        return _entity(text[start + 1 : comma].strip()) if comma > 0 else None
    if pronoun in ("he", "she") and _INDEFINITE_BEFORE.search(text, max(0, at - 300), at):
        return None  # "An AFP correspondent saw … . …, he said": someone the article never names
    for earlier in reversed(named):
        org = _is_org(earlier)
        if (pronoun in ("he", "she") and not org) or (pronoun == "it" and org) or pronoun == "they":
            return earlier
    return None


def _quote_first(text: str, s: int, e: int) -> Suggestion | None:
    """'"QUOTE," CUE SOURCE' or '"QUOTE," SOURCE CUE', possibly continued by a second quote."""
    m = _QUOTE_RE.match(text, s)
    if not m or text[m.end() - 2] not in ",?!.":
        return None
    rest = m.end()
    dash = _DASH_TAG.match(text, rest, e)
    if dash and _is_source(dash.group(2)) and dash.group(2)[0].isupper():
        return Suggestion(
            ((dash.start(2), dash.end(2)),),
            (dash.start(1), dash.end(1)),
            ((m.start(), m.end()),),
            0.8,
            "quote-dash-source",
            _entity(dash.group(2)),
        )
    if text[m.end() - 2] == ".":
        return None
    cue_m = _CUE_AT.match(text, rest, e)
    source: Span
    if cue_m and _strong(cue_m.group(1)):
        cue = (cue_m.start(1), cue_m.start(1) + len(cue_m.group(1)))
        src_m = _SOURCE_TAIL.match(text, cue_m.end(), e)
        if not src_m or not _is_source(src_m.group(1)):
            return None
        source = (src_m.start(1), src_m.end(1))
        after = src_m.end(1)
    else:
        src_end = text.find(" ", rest + 1)
        found = None
        for cm in _CUE_RE.finditer(text, rest, e):
            phrase = text[rest : cm.start()].strip()
            if phrase and _is_source(phrase) and _strong(cm.group(0)):
                found = cm
            break
        if found is None or src_end < 0:
            return None
        source = _strip(text, rest, found.start())
        cue = (found.start(), found.end())
        after = found.end()
        tm = _TIME_RE.match(text, after, e)
        if tm:
            after = tm.end()
    content = [(m.start(), m.end())]
    tail = _TAIL_QUOTE.match(text, after, e)
    if tail:
        content.append((tail.start(1), tail.end(1)))
    elif not _PLAIN_TAIL.fullmatch(text, after, e):
        return None  # more than an adverbial after the cue ("..., adding that ...")
    phrase = text[source[0] : source[1]]
    pronoun = phrase.lower() in _PRONOUNS
    return Suggestion(
        (source,),
        cue,
        tuple(content),
        0.8 if pronoun else 0.9,
        "quote-cue-source" if cue[0] < source[0] else "quote-source-cue",
        None if pronoun else _entity(phrase),
    )


def _according(text: str, s: int, e: int) -> Suggestion | None:
    """'According to SOURCE, CONTENT.' and 'CONTENT, according to SOURCE.'"""
    m = _ACCORDING_START.match(text, s, e)
    if m:
        end = _content_end(text, m.end(), e)
        if end - m.end() < 10:
            return None
        phrase = m.group(2)
        return Suggestion(
            ((m.start(2), m.end(2)),),
            (m.start(1), m.end(1)),
            ((m.end(), end),),
            0.9,
            "according-to-first",
            _entity(phrase),
        )
    m2 = _ACCORDING_END.search(text, s, e)
    if m2 and m2.start() - s >= 10:
        return Suggestion(
            ((m2.start(2), m2.end(2)),),
            (m2.start(1), m2.end(1)),
            ((s, m2.start()),),
            0.85,
            "according-to-last",
            _entity(m2.group(2)),
        )
    return None


def _subject(text: str, s: int, cue_start: int) -> Span | None:
    """The source before a cue: the phrase from the sentence start, or after a lead ("Separately,
    ", "Following the decision …, ", "But "), that reads as a noun phrase; a closed appositive
    ("Her deputy, Aurel Benko, said") keeps its inner comma and loses the closing one."""
    conj = _CONJUNCTION.match(text, s, cue_start)
    starts = [conj.end() if conj else s]
    starts += [m.end() for m in _COMMA_SPACE.finditer(text, s, cue_start)]
    for p in starts:
        if p > starts[0] and not _is_lead(text[starts[0] : p]):
            continue
        phrase = text[p:cue_start].strip()
        if phrase.endswith(","):
            if "," not in phrase[:-1]:
                continue  # an appositive must open and close: "Her deputy, X, said"
            phrase = phrase[:-1]
        elif "," in phrase:
            continue
        if _is_source(phrase):
            return p, p + len(phrase)
    return None


def _is_lead(prefix: str) -> bool:
    """Whether the words before a source are an opening adverbial (not a clause of their own)."""
    words = prefix.split()
    if not words or any(q in prefix for q in _OPEN_QUOTES + _CLOSE_QUOTES):
        return False
    return words[0].strip(",") in _LEAD_WORDS and prefix.rstrip().endswith(",")


def _source_cue(text: str, s: int, e: int) -> Suggestion | None:
    """'SOURCE CUE (that) CONTENT.', 'SOURCE CUE: "QUOTE"', 'SOURCE plans to VP', 'SOURCE told
    OBJECT that CONTENT', 'SOURCE urged OBJECT to VP': the source opens the sentence or follows
    an opening adverbial. Only the first cue of the sentence is tried: a later one lies in the
    content of the first (nested attributions: only the outermost is marked)."""
    cm = _CUE_RE.search(text, s, e)
    if cm is None:
        return None
    before = text[max(s, cm.start() - 4) : cm.start()].lower().split()
    if before and before[-1] in _DETERMINERS:
        return None  # "the said document"
    source = _subject(text, s, cm.start())
    if source is None:
        return None
    phrase = text[source[0] : source[1]]
    cue_text = cm.group(0)
    kind = _kind(cue_text)
    after = _TIME_RE.match(text, cm.end(), e).end()  # type: ignore[union-attr]
    colon = _COLON_QUOTE.match(text, after, e)
    cue = (cm.start(), cm.end())
    if colon:
        start = colon.end()
        q = _QUOTE_RE.match(text, start, e)
        if not q or q.end() < _strip(text, start, e)[1] - 1:
            return None
        rule, conf = "source-cue-colon-quote", 0.85
        end = q.end()
    else:
        start = _strip(text, after, e)[0]
        if start >= e or not (text[start].isalnum() or text[start] in _OPEN_QUOTES):
            return None
        has_that = text.startswith("that ", start)
        end = _content_end(text, start, e)
        if kind == "to":
            rule, conf = "source-cue-to", 0.75
        elif kind == "object" and not has_that:
            obj = _OBJECT_THAT.match(text, start, e)
            if obj:
                start = obj.start(1)
                rule, conf = "source-cue-object-that", 0.8
            elif _OBJECT_TO.match(text, start, e) and _verb_of(cue_text) in _OBJECT_TO_VERBS:
                rule, conf = "source-cue-object-to", 0.75
            elif _verb_of(cue_text) in _STRONG_SET and _reads_as_clause(text[start:e], cue_text):
                rule, conf = "source-cue-clause", 0.75
            else:
                return None
        elif kind == "np":
            rule, conf = "source-cue-np", 0.75
        else:
            if kind == "that" and not has_that:
                return None
            if not has_that and not _reads_as_clause(text[start:e], cue_text):
                return None
            rule = "source-cue-that" if has_that else "source-cue-clause"
            conf = 0.85 if has_that else 0.8
        if len(text[start:end].split()) < 2:
            return None
    lowered = phrase.lower()
    if lowered == "it":
        conf -= 0.15  # "It did not say …": the article's last organisation, as written
    elif lowered in _PRONOUNS:
        conf -= 0.1
    return Suggestion(
        (source,),
        cue,
        ((start, end),),
        round(conf, 2),
        rule,
        None if lowered in _PRONOUNS else _entity(phrase),
    )


def _content_source_cue(text: str, s: int, e: int) -> Suggestion | None:
    """'CONTENT, SOURCE CUE.' and 'CONTENT, CUE SOURCE.': "No one was hurt, the airline added.",
    "… near the city, said Rami Abdel Rahman, head of the Observatory." — or the tag set off by
    commas inside the sentence ("X, the Pentagon said, in what …").

    The tag is the last comma-separated part of the sentence (or the part before a comma that
    ends it): a source that reads as a noun phrase and a cue that attributes a clause, nothing
    else; the content is everything before it, at least three words.
    """
    conj = _CONJUNCTION.match(text, s, e)
    first = conj.end() if conj else s
    quote = _QUOTE_RE.match(text, first, e)
    if quote and text[quote.end() - 2] in ",?!":
        return None  # '"QUOTE," SOURCE CUE' is _quote_first's
    stop = _content_end(text, s, e)
    for comma in reversed(list(_COMMA_SPACE.finditer(text, first, stop))):
        content_end = comma.start()
        if len(text[first:content_end].split()) < 3:
            return None
        if _open_quotation(text, first, content_end):
            continue  # the comma is inside a quotation
        found = _tag(text, comma.end(), stop)
        if found is None:
            continue
        source, cue, medial = found
        phrase = text[source[0] : source[1]]
        lowered = phrase.lower()
        if lowered == "it":
            return None
        conf = 0.7 if lowered in _PRONOUNS else 0.8 if _entity(phrase) else 0.75
        return Suggestion(
            (source,),
            cue,
            ((first, content_end),),
            round(conf - (0.05 if medial else 0), 2),
            "content-source-cue-medial"
            if medial
            else "content-cue-source"
            if cue[0] < source[0]
            else "content-source-cue",
            None if lowered in _PRONOUNS else _entity(phrase),
        )
    return None


def _tag(text: str, start: int, stop: int) -> tuple[Span, Span, bool] | None:
    """A reporting tag from `start`: 'SOURCE CUE' or 'CUE SOURCE', to the end of the sentence
    (`stop`), or 'SOURCE CUE' followed by a comma (a medial tag). (source, cue, medial)."""
    inverted = _CUE_AT_START.match(text, start, stop)
    if inverted is not None:
        if not _strong(inverted.group(1)) or _kind(inverted.group(1)) in ("to", "np"):
            return None
        src = _strip(text, inverted.end(), stop)
        phrase = text[src[0] : src[1]]
        if not phrase or phrase.lower() in _PRONOUNS or not _is_source(phrase.rstrip(",")):
            return None
        return src, (inverted.start(1), inverted.end(1)), False
    cm = _CUE_RE.search(text, start, stop)
    if cm is None or not _strong(cm.group(0)) or _kind(cm.group(0)) in ("to", "np"):
        return None
    src = _strip(text, start, cm.start())
    phrase = text[src[0] : src[1]]
    if "," in phrase or not _is_source(phrase):
        return None
    if text[cm.end() : stop].lstrip().startswith(","):
        return src, (cm.start(), cm.end()), True
    after = _TIME_RE.match(text, cm.end(), stop).end()  # type: ignore[union-attr]
    rest = text[after:stop].strip()
    if rest and not rest.startswith(","):
        return None
    return src, (cm.start(), cm.end()), bool(rest)


def _open_quotation(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in text[start:end] is still open at its end."""
    part = text[start:end]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")


def _subject_then_cue(text: str, s: int, e: int) -> Suggestion | None:
    """'SOURCE VP, saying (that) CONTENT' and 'SOURCE VP but did not say CONTENT': the sentence's
    subject is the source of a cue that follows its own verb phrase. The subject is the opening
    noun phrase up to its verb (a word in "-ed", an auxiliary, an adverb in "-ly")."""
    m = _AFTER_VP.search(text, s, e)
    if m is None or _open_quotation(text, s, m.start()):
        return None
    source = _leading_np(text, s, m.start())
    if source is None:
        return None
    g = 1 if m.group(1) else 2
    cue_text = m.group(g)
    kind = _kind(cue_text)
    start = _strip(text, _TIME_RE.match(text, m.end(g), e).end(), e)[0]  # type: ignore[union-attr]
    end = _content_end(text, start, e)
    if start >= end or len(text[start:end].split()) < 2 or not text[start].isalnum():
        return None
    has_that = text.startswith("that ", start)
    if kind == "that" and not has_that:
        return None
    clause = has_that or _reads_as_clause(text[start:end], cue_text)
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
        0.65 if lowered in _PRONOUNS else 0.7,
        "subject-vp-cue",
        None if lowered in _PRONOUNS else _entity(phrase),
    )


def _leading_np(text: str, s: int, limit: int) -> Span | None:
    """The noun phrase opening a clause, up to its verb, when it reads as a source."""
    conj = _CONJUNCTION.match(text, s, limit)
    start = conj.end() if conj else s
    end = start
    for w in _WORD.finditer(text, start, limit):
        word = w.group(0)
        if w.start() > start and word[0].islower() and _VERBISH.fullmatch(word):
            break
        if word[-1:] in ",;:" or word[0] in _OPEN_QUOTES:
            return None
        end = w.end()
    else:
        return None
    phrase = text[start:end]
    return (start, end) if end > start and _is_source(phrase) else None


def _implicit(text: str, s: int, e: int) -> Suggestion | None:
    """No source: "It was announced that C", "NP is reported to VP", "NP reportedly VP".

    Expletive "it" is never the source; the attribution has no source span. In the raised forms
    the content is split by the cue: the subject and the rest are two fragments.
    """
    m = _IT_PASSIVE.match(text, s, e)
    if m:
        start = _strip(text, m.end(), e)[0]
        end = _content_end(text, start, e)
        return Suggestion((), (m.start(1), m.end(1)), ((start, end),), 0.7, "it-passive", None)
    r = _RAISED.search(text, s, e)
    if r is None:
        return None
    subject = text[s : r.start()].strip()
    if not subject or "," in subject or not _is_source(subject) or subject.lower() in _PRONOUNS:
        return None
    group = 1 if r.group(1) else 2
    end = _content_end(text, r.end(), e)
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


def _relative(text: str, s: int, e: int) -> Suggestion | None:
    """'..., who CUE (that) CONTENT.': the relative pronoun is the source as written."""
    m = _RELATIVE.search(text, s, e)
    if m is None or m.end() >= e:
        return None
    has_that = text.startswith("that ", m.end())
    if not _strong(m.group(2)) and not has_that:
        return None
    end = _content_end(text, m.end(), e)
    if len(text[m.end() : end].split()) < 2 or not text[m.end()].isalnum():
        return None
    if not has_that and not _reads_as_clause(text[m.end() : end], m.group(2)):
        return None
    return Suggestion(
        ((m.start(1), m.end(1)),),
        (m.start(2), m.start(2) + len(m.group(2))),
        ((m.end(), end),),
        0.75,
        "relative-who-cue",
        None,
    )


def _coordinated(text: str, found: Suggestion, e: int) -> list[Suggestion]:
    """The suggestion, and a second one when its source has a second cue in the sentence.

    "X said A and urged B": A ends before "and", and "urged B" is the same source's second
    attribution; so is "'Q,' X said, adding that B". Only a short list of reporting verbs counts
    after "and", so an ordinary coordinated clause inside the content is left alone.
    """
    if found.rule.startswith("quote"):
        start = max(found.cue[1], found.source[0][1] if found.source else 0)
    elif found.rule.startswith("source-cue-") and found.rule != "source-cue-colon-quote":
        start = found.content[-1][0]
    else:
        return [found]
    m = _COORD.search(text, start, e)
    if m is None:
        return _second_source(text, found, start, e)
    between = text[start : m.start()]
    if between.count('"') % 2 or between.count("“") > between.count("”"):
        return [found]  # the "and" is inside a quotation
    verb = 1 if m.group(1) else 2
    content_start = m.end()
    content_end = _content_end(text, content_start, e)
    if len(text[content_start:content_end].split()) < 2:
        return [found]
    first = found
    if not found.rule.startswith("quote"):
        cut = _strip(text, found.content[-1][0], m.start())
        first = replace(found, content=(*found.content[:-1], cut))
    second = Suggestion(
        found.source,
        (m.start(verb), m.end(verb)),
        ((content_start, content_end),),
        round(found.confidence - 0.05, 2),
        "coordinated-cue",
        found.source_entity,
    )
    return [first, second]


def _second_source(text: str, found: Suggestion, start: int, e: int) -> list[Suggestion]:
    """The suggestion, and a second one when a second clause of the sentence has its own source
    and cue: "The ministry plans to close the line, and the minister believes a bus can
    replace it." The first content ends before the joining comma."""
    if found.rule.startswith("quote") or found.content[-1][1] < _content_end(text, start, e):
        return [found]
    for joint in _JOINT.finditer(text, start, e):
        if _open_quotation(text, start, joint.start()):
            continue
        second = _source_cue(text, joint.end(), e)
        if second is None or second.source[0][0] != joint.end():
            continue
        cut = _strip(text, found.content[-1][0], joint.start())
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


_JOINT = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")

_RULES = (
    _quote_first,
    _according,
    _source_cue,
    _content_source_cue,
    _relative,
    _subject_then_cue,
    _implicit,
)


def _reads_as_clause(content: str, cue: str) -> bool:
    """Whether content after a cue without "that" is a clause (or a denial's noun phrase)."""
    if content[:1] in _OPEN_QUOTES or _NP_CONTENT_OK & set(cue.split()):
        return True
    return _CLAUSE.search(content) is not None


def _verb_of(cue: str) -> str:
    """The reporting verb of a cue group ("told reporters" → "said", as always an attribution;
    "plans to" → "plans"; "called on" → "on")."""
    words = cue.split()
    if {"told", "declined", "quoted", "refused", "went", "made", "pointed", "spelled"} & set(
        words
    ) and words[-1] not in lexicon.OBJECT_VERBS:
        return "said"
    while len(words) > 3 and words[-2] in {"a", "an", "written"}:
        words = words[: words.index("in")] if "in" in words else words[:-3]
    if words[-1] == "to" and len(words) > 1:
        return words[-2]
    return words[-1]


def _kind(cue: str) -> str:
    """What a cue takes after it: "clause" (with or without "that"), "that" (only with "that"),
    "to" (an infinitive: "plans to"), "object" ("told OBJECT that", "urged OBJECT to"), "np" (a
    noun phrase: "called for", "warned of")."""
    words = cue.split()
    if words[-2:] in (["called", "for"], ["warned", "of"]):
        return "np"
    if words[-2:] == ["called", "on"]:
        return "object"
    if words[-1] == "to":
        return "to"
    verb = _verb_of(cue)
    if verb == "said":
        return "clause"
    if verb in lexicon.OBJECT_VERBS and verb not in ("said",):
        return "object"
    return "clause" if verb in _STRONG_SET else "that"


def _strong(cue: str) -> bool:
    """Whether a cue attributes whatever clause follows (not only with "that")."""
    return _kind(cue) != "that"


def _quotation_only(text: str, s: int, e: int) -> Span | None:
    """The sentence's span when it is one quotation and nothing else (a quotation going on)."""
    m = _QUOTE_RE.fullmatch(text, s, e)
    if m is None and e - s > 1 and text[e - 1] == ".":
        m = _QUOTE_RE.fullmatch(text, s, e - 1)
    return (m.start(), m.end()) if m else None


def suggest(text: str, aliases: Mapping[str, str] | None = None) -> list[Suggestion]:
    """Every attribution the rules are confident of, in text order (at most one per sentence).

    A sentence that is nothing but a quotation, right after a sentence whose quotation was
    attributed, carries on that quotation: it becomes another content fragment of the same
    attribution (the convention's "content continues over following sentences").
    """
    found: list[Suggestion] = []
    quoting = False
    for s0, e in _sentences(text):
        lead = _LEAD.match(text, s0, e)
        s = lead.end() if lead else s0
        for rule in _RULES:
            suggestion = rule(text, s, e)
            if suggestion is not None:
                found.extend(_coordinated(text, suggestion, e))
                quoting = suggestion.rule.startswith(("quote", "source-cue"))
                break
        else:
            fragment = _quotation_only(text, s, e) if quoting and found else None
            if fragment is not None:
                last = found[-1]
                found[-1] = replace(last, content=(*last.content, fragment))
            else:
                quoting = False
    return _resolve(text, found, aliases or {})
