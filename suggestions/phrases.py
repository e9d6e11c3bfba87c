"""The attribution engine's phrase patterns and the tests it puts phrases to: the cue group (a
reporting verb with its auxiliaries, adverbs and particles, by the frame it takes), time and
place adverbials, whether a phrase reads as a source, as a clause, or names someone.

Regular expressions compiled once at import from the lexicon (suggestions/lexicon.py); every
rule module reads them from here, so a pattern has one home."""

from __future__ import annotations

import re

from . import lexicon
from .spans import OPEN_QUOTES

STRONG_SET = lexicon.CLAUSE_VERBS
# A tag or a lead is looked for among this many commas of a sentence at most: enough for any
# sentence a desk writes, and what keeps a hostile run of commas from costing quadratic time.
MAX_COMMAS = 8
_VERB = lexicon.alternation(lexicon.FINITE)
_TO_VERB = lexicon.alternation(lexicon.TO_VERBS - lexicon.PARTICIPLES)
_OBJECT_VERB = lexicon.alternation(lexicon.OBJECT_VERBS - lexicon.PARTICIPLES)
# No "is/was": "is said to", "was reported" are passives, handled (without a source) by the implicit rule.
_AUX = r"(?:(?:has|have|had|did|does|do|will|would|could|may|might|can|must|should)\s+)?"
_ADV = (
    r"(?:(?:not|also|repeatedly|never|previously|again|publicly|later|privately|reportedly"
    r"|firmly|strongly|flatly|openly|formally|officially|already|recently|often|still|even"
    r"|long|consistently|frequently|widely|privately|now|since|however|therefore|apparently"
    r"|further|separately|initially|earlier|then|quickly|immediately|explicitly|bluntly"
    r"|clearly|confidently|angrily|frankly|simply|only|first|n't)\s+)*"
)
# The medium belongs to the cue ("said in a joint statement", "wrote on social media").
_MEDIUM_WORDS = (
    r"\s+in\s+(?:a|an)\s+(?:(?:joint|written|brief|televised|separate|short)\s+)?"
    r"(?:statement|letter|interview|post|speech|report|note|tweet|video|message|email|op-ed"
    r"|column|blog\s+post|address|filing)"
    r"|\s+on\s+(?:social\s+media|Twitter|X|Facebook|Telegram|Instagram|its\s+website)"
)
_MEDIUM = re.compile(rf"(?:{_MEDIUM_WORDS})$")
_SPECIAL_CUE = (
    r"was\s+quoted\s+as\s+saying|declined\s+to\s+(?:say|comment|confirm|specify|elaborate"
    r"|discuss|give|disclose|identify|name|reveal)|told\s+(?:reporters|journalists)"
    r"|refused\s+to\s+(?:say|comment|confirm|disclose)|called\s+(?:for|on)"
    r"|went\s+on\s+to\s+say|made\s+clear|pointed\s+out|spelled\s+out|warned\s+of"
    r"|rul(?:e|ed|es)\s+out"
    r"|put(?=\s+(?:the|its|their)\s+(?:\w+\s+)?(?:number|figure|toll|total|cost|count|turnout"
    r"|damage|losses)(?:\s+of\s+\w+)?\s+at\s)"
    r"|call(?:s|ed)?(?=\s+(?:[\w’'.-]+\s+){1,5}?[\"“])"  # 'called the decision "cruel"'
)
# "want the board to explain": a desire with its object and infinitive.
_WANT = (
    r"(?:wants?|wanted|expects?|expected|wish(?:es|ed)?)"
    r"(?=\s+(?:[\w’'-]+\s+){1,4}?to\s+[a-z])"
)
_CUE = (
    rf"{_AUX}{_ADV}(?:{_SPECIAL_CUE}|{_WANT}|(?:{_TO_VERB})\s+to(?=\s)|(?:{_VERB}|{_OBJECT_VERB})\b)"
    rf"(?:{_MEDIUM_WORDS})?"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME = (
    rf"(?:\s*,?\s*(?:(?:late\s+|early\s+)?(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)"
    r"|earlier(?:\s+this\s+(?:week|month|year))?|on\s+(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)"
    r"|in\s+(?:a|an|the)\s+(?:written\s+|joint\s+|brief\s+)?(?:statement|interview|speech|letter|post|report|briefing)"
    r"(?:\s+(?:on|to|with)\s+[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,3})?"
    r"|at\s+a\s+(?:news|press)\s+conference|in\s+a\s+(?:tweet|social\s+media\s+post|video)"
    r"|on\s+(?:Twitter|X|Facebook|Telegram|Instagram|social\s+media|television|state\s+TV)"
    r"|to\s+(?:reporters|journalists)),?)*"
)
PRONOUNS = lexicon.PRONOUNS
# Before "said", these make it an adjective ("the said document"), not a cue.
_ARTICLES_AND_POSSESSIVES = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"]
)

CUE_RE = re.compile(rf"\b{_CUE}")
CUE_AT = re.compile(rf"\s*({_CUE}){_TIME}\s*")
ACCORDING_START = re.compile(r"(According to|In the view of)\s+([^,]{2,80}?),\s*")
ACCORDING_END = re.compile(
    r",\s*(according to)\s+([^,\"“”]{2,200}?(?:,\s+[^,\"“”]{2,120}?)?)\s*[.!?]?$"
)
# "The fire, according to the brigade, started in the kitchen."
ACCORDING_MID = re.compile(r",\s*(according to)\s+([^,\"“”]{2,120}?),\s+(?=[a-z])")
SOURCE_TAIL = re.compile(r"\s*([^\"“”]{2,240}?)\s*(?=,\s*[\"“]|\.?\s*$)")
DATELINE = re.compile(  # "HARWELL, March 3 –", "KESTRAL, May 21 (Meridian Wire) - "
    r"[A-Z][A-Z .'’-]{2,}(?:,\s*[^\n\"“–—]{0,48}?)?\s*(?:[–—]|--?)\s+"
)
# An opening adverbial without a comma: "On Friday the Met Office warned …".
OPENING = re.compile(r"On\s+\w+day\s+(?=[A-Z]|the\s)")
TIME_RE = re.compile(_TIME)
# What may follow "QUOTE, SOURCE CUE" in the same sentence: an adverbial, not a second clause.
PLAIN_TAIL = re.compile(
    r"(?:\s+(?!that\b)[^\"“”,;:]*)?"
    # ", adding that …", ", referring to …", ", although he cautioned …": the rest is not part
    # of the quotation's attribution (a second cue there is found on its own)
    r"(?:,\s+(?:\w+ing|although|though|but|while|whereas|and|as)\s+[\s\S]*)?\s*[.]?\s*"
)
# A second cue of the same source in the same sentence: "... and urged ...", ", adding that ...".
# A second cue of the same source: "… and called on all sides to …", "…, but warned that …",
# "…, adding that …".
COORD = re.compile(
    rf",?\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+)?({_CUE})(?=\s)"
    rf"|,\s+((?:{lexicon.alternation(lexicon.PARTICIPLES)})(?:\s+in\s+a\s+statement)?)(?=\s)"
)
_PASSIVE_VERB = (
    r"(?:announced|reported|said|believed|understood|expected|thought|alleged|feared|hoped"
    r"|known|claimed|estimated|rumou?red|confirmed|suspected|assumed|predicted|feared|argued)"
)
IT_PASSIVE = re.compile(
    rf"It\s+((?:is|was|has\s+been|had\s+been)\s+{_PASSIVE_VERB}){_TIME}\s+(?=that\s)"
)
RAISED = re.compile(
    rf"\s+((?:is|are|was|were)\s+{_PASSIVE_VERB})\s+(?=to\s)"
    r"|((?:\s+(?:is|are|was|were|has|have|had|will|would))?)\s+(reportedly)\s+"
)
# ", which he says has driven down wages": a source's verb inside a relative clause.
PARENTHETICAL = re.compile(
    r",\s+(which|who|that)\s+(he|she|they|it|we|the\s+\w+|[A-Z][\w’'-]+)\s+"
    r"(says|said|say|believes|believe|claims|claim|argues|argue|insists|insist)\s+"
)
# "No deaths have been reported.": the whole sentence is the passive report of its subject.
REPORTED_SUBJECT = re.compile(
    rf"\s+((?:has|have|had)\s+been\s+(?:{_PASSIVE_VERB}|confirmed|recorded))\s*[.]?$"
)
DASH_TAG = re.compile(r"\s*([–—])\s*([^,\"“”.]{2,60}?)\s*(?=[,.]|$)")
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
_NP_CONTENT_OK = frozenset({"deny", "denies", "denied", "denying"})
# What a denial's noun phrase is about when it reports speech ("denied the charges").
_DENIED_NP = re.compile(
    r"(?:\w+\s+){0,4}?(?:allegations?|charges?|claims?|reports?|accusations?|wrongdoing"
    r"|involvement|responsibility|rumou?rs|suggestions?|any\s+role|the\s+story|it|this|that"
    r"|these|those|any\s+wrongdoing)\b"
    r"|\w+ing\b"  # "denied targeting civilians"
)
_IDIOM = re.compile(
    r"(?:it\s+all|so|no|yes|no\s+more|nothing|little|much|more|less|something|anything"
    r"|a\s+(?:lot|word|prayer|joke|story|lie|few\s+words)|goodbye|farewell|hello|sorry|thanks"
    r"|thank\s+you|grace|amen|mass|the\s+(?:rosary|word|truth)|(?:his|her|their)\s+goodbyes"
    r"|(?:his|her|their|its)\s+(?:piece|prayers|farewells))\b"
)
# What follows an idiom that is one: nothing, punctuation, or a preposition ("goodbye to …").
_AFTER_IDIOM = re.compile(r"\s*(?:$|[:;,.!?]|(?:to|about|on|for|at|in|of|with|from|after)\b)")
_SAY = frozenset(lexicon.forms("say") + lexicon.forms("tell") + ("reporters", "journalists"))
_CLAUSE_STOP = re.compile(r"\s+(?:and|or|but)\s+")
RELATIVE = re.compile(rf",\s+(who|which)\s+({_CUE}){_TIME}\s*")
# ", SOURCE CUE" ending the sentence, or set off by commas inside it ("X, the Pentagon said, in
# what …"): the content is what precedes it.
_TRAILING = re.compile(
    rf",\s+((?:the|its|his|her|their|a|an)\s+[\w'’ -]{{2,40}}?|he|she|they|it|we|I)\s+({_CUE})"
    r"(?:\s*[.]?$|(,)\s)"
)
TAIL_QUOTE = re.compile(r"\s*,\s*([\"“][^\"“”]+[\"”])")
# Words that make a phrase a clause (or a verb phrase), never a source noun phrase.
_NOT_IN_SOURCE = frozenset(
    lexicon.words("""is are was were be been has have had will would can could should may might must did does
    do not also but and then while though although since as where whom whose what
    """)
)
_PARTICIPLE = lexicon.alternation(lexicon.PARTICIPLES)
# What follows a subject's own verb phrase: ", saying …" or " but did not say …".
AFTER_VP = re.compile(
    rf",\s+((?:{_PARTICIPLE})(?:\s+in\s+a\s+statement)?)\s+"
    rf"|\s+(?:but|and)\s+({_AUX}{_ADV}(?:{_VERB})\b)\s+"
)
WORD = re.compile(r"\S+")
VERBISH = re.compile(
    r"[a-z]+(?:ed|ly)|is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might"
    r"|must|should|remained|became|made|took|gave|held|kept|left|met|sent|told|said|won|lost"
)
# Whom a source told: part of the cue ("told reporters", "told a news conference", "told the
# Ardmore Herald", "told state television").
RECIPIENT = re.compile(
    r"\s+(?:(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+)?[A-Z][\w’'&-]*){0,4}"
    r"|(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,3}?(?:reporters|journalists"
    r"|conference|briefing|meeting|rally|crowd|committee|court|parliament|assembly|hearing"
    r"|television|TV|radio|rescuers|supporters|officers|police|investigators|lawmakers|MPs"
    r"|senators|delegates|students|workers|staff|members|residents|voters|agency|newspaper"
    r"|broadcaster|audience|congress|jury|judge|panel|inquiry|summit|forum|crowds)"
    r"|him|her|them|us|me)(?=[\s,.;:]|$)"
)
CUE_AT_START = re.compile(rf"({_CUE}){_TIME}\s+")
CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Still|Now|Meanwhile|Separately|However|Also)\s+(?=\S)")
COMMA_SPACE = re.compile(r",\s+")
# Words an opening adverbial starts with: "Separately, ", "Following the vote, ", "Asked why, ".
LEAD_WORDS = frozenset(
    lexicon.words("""After Before Following In On At During Despite Since As While When Although Though
    Meanwhile Separately However Earlier Later Also Still Yet Now Last This Asked Speaking
    Responding Referring Commenting Addressing Writing Elsewhere Instead Moreover Furthermore
    Additionally Nevertheless Nonetheless Overall Under Within With Without By For From Through
    Amid Against Ahead Unlike Like Shortly Soon Once Until Because Separately Today Yesterday
    Previously Initially Finally Recently Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday But And In Back""")
)
COLON_AT = re.compile(r"[^:\"“”]{2,120}?\s*(:)\s+(?=\S)")
COLON_QUOTE = re.compile(r"\s*:\s*(?=[\"“])")
# "told its partners in the alliance that": up to eight words of object before "that".
OBJECT_THAT = re.compile(r"(?:[\w’'.-]+\s+){1,8}?(that\s)")
OBJECT_TO = re.compile(r"(?:[\w’'.-]+\s+){1,5}?to\s+[a-z]")
_WANT_FORMS = frozenset(
    lexicon.forms("want") + lexicon.forms("expect") + ("wish", "wishes", "wished")
)
OBJECT_TO_VERBS = _WANT_FORMS | frozenset(
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
_NAMEISH = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)(?:[ -][\w'’.&()-]+){0,13}$")


# A verb's base form ("say", "report", "state") is a finite verb only after a plural subject,
# a personal pronoun, an auxiliary or "to"; after anything else it is a noun.
_LEMMAS = frozenset(
    lexicon.CLAUSE_LEMMAS + lexicon.THAT_LEMMAS + lexicon.TO_LEMMAS + lexicon.OBJECT_LEMMAS
)
_BEFORE_BASE_FORM = re.compile(
    r"i|we|you|they|not|never|also|to|do|did|does|will|would|could|can|may|might|must|should"
    r"|shall|n’t|n't|[\w’'-]*[a-z]s|police|people|staff|[a-z]+men|[a-z]+people|children|who"
    r"|data|media|public"
)


def first_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first cue group in text[start:end] that is used as a verb: "the said document",
    "the state news agency", "a report" have a determiner before the word, which makes it a
    noun or an adjective there."""
    for cm in CUE_RE.finditer(text, start, end):
        before = text[max(start, cm.start() - 24) : cm.start()].split()
        previous = before[-1].lower() if before else ""
        if (
            previous in _ARTICLES_AND_POSSESSIVES
            or previous.endswith(("’s", "'s"))
            or previous[:1].isdigit()
        ):
            continue  # "the said document", "Estavia's state gas company", "212 confirmed"
        word = cm.group(0).split()[0]
        if word in _LEMMAS and previous and not _BEFORE_BASE_FORM.fullmatch(previous):
            continue  # "an inspection report", "the state news agency": nouns
        if word.endswith("s") and previous in lexicon.DETERMINERS:
            continue  # "the five judges", "its reports": plural nouns
        return cm
    return None


def is_source(phrase: str) -> bool:
    """Whether a phrase before a cue looks like a source: a pronoun, or a noun phrase with its
    appositives ("Dana Kerr, 34, a farmer") and relative clauses ("Telvio, which has 11 million
    subscribers", "a doctor who asked not to be named"), which identify the source too."""
    words = phrase.split()
    if not words:
        return False
    if words[0].lower() in PRONOUNS:
        return len(words) == 1
    parts = phrase.split(",")
    kept: list[str] = []  # the noun phrases, without their relative clauses
    for i, part in enumerate(parts):
        lead = part.split()[:1]
        if not lead:
            return False
        if i and lead[0].lower() in _RELATIVES:
            if len(part.split()) > _RELATIVE_WORDS:
                return False
            continue
        reduced = _REDUCED_RELATIVE.match(part.strip())  # "An inspection report, seen by X,"
        if i and not reduced and (VERBISH.fullmatch(lead[0]) or lead[0].endswith("ing")):
            return False  # "the brigade, started the fire" is a clause, not an appositive
        if i and not reduced and not opens_appositive(lead[0]):
            return False  # "figures published on Tuesday, well below target": an aside
        noun_phrase, _, clause = _split_relative(part)
        if clause and len(clause.split()) > _RELATIVE_WORDS:
            return False
        kept.append(noun_phrase)
    return _is_noun_phrase(",".join(kept))


_QUANTITY = re.compile(r"(?:at\s+least|more\s+than|up\s+to|about|nearly|almost|some)\s+", re.I)
_PREPOSITIONS = frozenset(
    lexicon.words("in on at after before during since following despite with without for from by")
)
_NOT_IN_NOUN_PHRASE = frozenset(
    lexicon.words("that which if when because after before whether why how what where whom")
)


_REDUCED_RELATIVE = re.compile(
    r"(?:seen|published|released|issued|obtained|based|quoted|cited|written|commissioned"
    r"|led|run|owned|funded|backed|appointed|elected)\s+(?:by|on|in|at|from|for|last|this)\b"
)


def opens_appositive(word: str) -> bool:
    """Whether a word can open an appositive to a source: "Dana Kerr, 34, a farmer", "X, head
    of the board", "X, chief executive of Y" — not "well below target"."""
    lowered = word.lower()
    return (
        word[:1].isupper()
        or word[:1].isdigit()
        or lowered in lexicon.DETERMINERS
        or lowered in lexicon.SOURCE_NOUNS
        or lowered in _APPOSITIVE_HEADS
        or lowered.endswith(("’s", "'s"))
    )


_APPOSITIVE_HEADS = frozenset(
    lexicon.words(
        """head chief director member professor leader president chairman chairwoman chair
        secretary deputy founder co-founder editor lecturer commander coordinator owner partner
        author senior former retired acting interim general vice assistant associate"""
    )
)


def _split_relative(part: str) -> tuple[str, str, str]:
    """A phrase cut before a relative clause in it ("a doctor who asked …")."""
    m = _RELATIVE_TAIL.search(part)
    if m is None:
        return part, "", ""
    return part[: m.start()], m.group(0), part[m.end() :]


def _is_noun_phrase(phrase: str) -> bool:
    """Whether a phrase (relative clauses taken out) reads as a source's noun phrase."""
    words = phrase.split()
    if not words or len(words) > 14:
        return False
    quantity = _QUANTITY.match(phrase)
    if quantity:  # "At least three aid trucks", "More than 60 volunteers"
        words = phrase[quantity.end() :].split()
        if not words:
            return False
    first = words[0]
    if first.lower() in _PREPOSITIONS:
        return False  # "In a letter to the Gazette, Lord Fenton" opens with an adverbial
    if any(w.lower() in _NOT_IN_NOUN_PHRASE for w in words):
        return False
    if first[0].islower() and first.lower() not in lexicon.DETERMINERS:
        # "environment minister Jana Pelc", "police", "local officials" pass
        head = phrase.split(",")[0].split()[-1].lower().removesuffix("’s").removesuffix("'s")
        nouns = lexicon.SOURCE_NOUNS
        if not _NAME_WORD.match(words[-1]) and head not in nouns and first not in nouns:
            return False  # "officials familiar with the talks" passes on its first word
    for i, w in enumerate(words):
        # "Speaker of Parliament and Party leader X": "and" between capitalised words only
        # "… and her colleagues", "… and the union": a second noun phrase, not a second verb
        joins_names = (
            w == "and"
            and 0 < i < len(words) - 1
            and (words[i + 1][:1].isupper() or words[i + 1].lower() in lexicon.DETERMINERS)
        )
        if w.lower() in _NOT_IN_SOURCE and not joins_names:
            return False
    return bool(_NAMEISH.match(phrase.replace(",", "")))


_RELATIVES = frozenset(["who", "which", "whose", "whom", "where"])
_RELATIVE_TAIL = re.compile(r"\s(?:who|which|whose|whom|where|that)\s")
_RELATIVE_WORDS = 25  # a relative clause longer than this is a sentence of its own


def entity_name(phrase: str) -> str | None:
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
        if (
            _NAME_WORD.match(word)
            and not (i == 0 and w.lower() in lexicon.DETERMINERS)
            and word not in _CALENDAR
        ):
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
    while len(name) > 2 and name[0] in _TITLES and not is_org(" ".join(name)):
        name = name[1:]  # "Prime Minister Haider al-Abadi" → "Haider al-Abadi"
    if len(name) == 1:
        word = name[0]
        if word.lower() in lexicon.SOURCE_NOUNS or word.lower() in PRONOUNS:
            return None
        if word.endswith("s") and not word.isupper():
            return None  # "Shareholders", "Analysts": a capital only because it opens the sentence
    return " ".join(name)


_NAME_WORD = re.compile(r"(?:(?:al|el|bin|ibn|abu|de|van|von|da|di|du|le|la|ben)-)?[A-Z][\w’'.-]*$")
_CALENDAR = frozenset(
    lexicon.words(
        """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
        May June July August September October November December"""
    )
)
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


def is_org(name: str) -> bool:
    """Whether a name is an organisation's (by its words, or a single word), not a person's."""
    words = name.split()
    return bool(_ORG_WORDS & set(words)) or (len(words) == 1 and "-" not in words[0])


def reads_as_clause(content: str, cue: str) -> bool:
    """Whether content after a cue without "that" is a clause (or a denial's noun phrase).

    The clause's verb must come before any "and", "or", "but": in "noted the objection and
    moved on" the verb after "and" is the subject's own second verb, not a reported clause.
    After "say" and "tell", whose every other use is an idiom ("said goodbye", "said a prayer",
    "told a joke"), any content of three words or more that is not an idiom counts.
    """
    if content[:1] in OPEN_QUOTES:
        return True
    words = set(cue.split())
    if "declined" in words:
        return True
    if words & _NP_CONTENT_OK:
        return _DENIED_NP.match(content) is not None  # "denied the charges", not "denied access"
    idiom = _IDIOM.match(content)
    if idiom and _AFTER_IDIOM.match(content, idiom.end()):
        return False  # "said goodbye to the mayor", not "said more than 60 people were there"
    if words & _SAY and len(content.split()) >= 3:
        return True
    head = _CLAUSE_STOP.split(content, maxsplit=1)[0]
    return _CLAUSE.search(head) is not None


def verb_of(cue: str) -> str:
    """The reporting verb of a cue group ("told reporters" → "said", as always an attribution;
    "plans to" → "plans"; "called on" → "on")."""
    words = _MEDIUM.sub("", cue).split()  # "said in a joint statement" → "said"
    if {"told", "declined", "quoted", "refused", "went", "made", "pointed", "spelled"} & set(
        words
    ) and words[-1] not in lexicon.OBJECT_VERBS:
        return "said"
    if words[-1] == "to" and len(words) > 1:
        return words[-2]
    return words[-1]


def with_recipient(text: str, cue_start: int, cue_end: int, stop: int) -> int:
    """Where a cue ends once the recipient after "told" is taken in ("told the court")."""
    if verb_of(text[cue_start:cue_end]) not in _TELL or text.startswith(" that ", cue_end):
        return cue_end
    recipient = RECIPIENT.match(text, cue_end, stop)
    return recipient.end() if recipient else cue_end


_TELL = frozenset(lexicon.forms("tell"))


def content_start(text: str, start: int, end: int) -> int:
    """Where content starts after a cue: at a "that" a few words on when only a place or an
    adverb comes between ("told reporters outside the courthouse that …", "said only that …",
    "said in court that …")."""
    if text[max(0, start - 9) : start].strip() == "comment":
        return start  # "declined to comment on reports that …": the content is "on reports …"
    m = _BEFORE_THAT.match(text, start, end)
    if m and not any(VERBISH.fullmatch(w) for w in m.group(1).split()[1:]):
        return m.start(2)
    place = _PLACE_BEFORE_CLAUSE.match(text, start, end)
    return place.end() if place else start  # "said at the Marisol Classic she felt …"


_PLACE_BEFORE_CLAUSE = re.compile(
    r"(?:at|in|on|during|after)\s+(?:the|a|an)\s+(?:[A-Z][\w’'-]*\s+){1,4}(?=(?:he|she|they|it|we|I)\s)"
)
_BEFORE_THAT = re.compile(
    r"((?:only|also|again|then|later|privately|publicly|repeatedly|(?:in|at|on|outside|after"
    r"|before|during|to|from|inside)\s+(?:[\w’'-]+\s+){0,7}?)\s*)(that\s)"
)


def cut_aside(text: str, start: int, end: int) -> int:
    """Content ends before a writer's aside: a non-restrictive relative clause (", which …",
    ", in which …") or an adverbial tacked on by the writer (", as it did in 2018", ", nearly a
    week after …"), outside quotation marks."""
    for m in _ASIDE.finditer(text, start, end):
        part = text[start : m.start()]
        if part.count('"') % 2 or part.count("“") > part.count("”"):
            continue
        if _RESUMES.search(text, m.end(), end):
            continue  # the clause goes on after the relative clause: not an aside
        return m.start()
    return end


_ASIDE = re.compile(
    r",\s+(?:which|in\s+which|where|as\s+(?:it|they|he|she|was|were|did|had)"
    r"|an?\s+(?:phrase|reference|remark|comment|move|step|sign|figure|claim|word)\b"
    r"|(?:nearly|almost|just|more\s+than|some)\s+(?:a|an|one|two|three|\d+)\s+(?:\w+\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before|since|later))\b"
)
# A relative clause inside the content's subject: "wage growth, which hit 7 percent, was …".
_RESUMES = re.compile(
    r",\s+(?:[a-z]+ed|was|were|is|are|has|had|have|will|would|could|might|may|can|should|must"
    r"|did|does|do|remains?)\b"
)


def takes_np(cue: str) -> bool:
    """Whether the cue's verb takes a noun phrase as content ("welcomed the decision")."""
    return verb_of(cue) in lexicon.NP_VERBS


def cue_kind(cue: str) -> str:
    """What a cue takes after it: "clause" (with or without "that"), "that" (only with "that"),
    "to" (an infinitive: "plans to"), "object" ("told OBJECT that", "urged OBJECT to"), "np" (a
    noun phrase: "called for", "warned of")."""
    words = cue.split()
    if words[-2:] in (["called", "for"], ["warned", "of"]) or words[-1] in ("put", "out"):
        return "np"  # "called for an inquiry", "put the toll at 40", "did not rule out talks"
    if words[-2:] == ["called", "on"] or words[-1] in _WANT_FORMS:
        return "object"
    if words[-1] == "to":
        return "to"
    verb = verb_of(cue)
    if verb == "said":
        return "clause"
    if verb in lexicon.OBJECT_VERBS and verb not in ("said",):
        return "object"
    return "clause" if verb in STRONG_SET else "that"


def strong(cue: str) -> bool:
    """Whether a cue attributes whatever clause follows (not only with "that")."""
    return cue_kind(cue) != "that"
