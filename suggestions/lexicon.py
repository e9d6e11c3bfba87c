"""The words the attribution engine (suggestions/engine.py) knows: reporting verbs by the frame
they take, their inflections, the nouns that make a source, and the abbreviations a sentence
does not end at.

Verbs are listed as lemmas and inflected here (regular rules plus a table of irregular forms),
so adding a verb adds all its forms. The classes follow what may come after the verb in news
prose, which is what tells an attribution from an ordinary use:

- CLAUSE verbs report speech or thought and take a clause with or without "that" ("said the
  bridge would close", "believes a bus can replace it"). Without "that" the engine still checks
  that what follows reads as a clause ("said goodbye" is not an attribution).
- THAT verbs have common non-reporting senses ("found a wallet", "showed the way") and count
  only with "that" (or a quotation) after them.
- TO verbs report intentions and desires with an infinitive ("plans to close", "vowed to
  rebuild"); the cue is the verb with its "to".
- OBJECT verbs take a person, then "that" or an infinitive ("told reporters that", "urged
  residents to stay indoors", "warned investors that").
"""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    """The words of a list written as prose (one place for the long word lists below)."""
    return text.split()


_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "knowing", "known"),
    "feel": ("feels", "felt", "feeling"),
    "find": ("finds", "found", "finding"),
    "hear": ("hears", "heard", "hearing"),
    "see": ("sees", "saw", "seeing", "seen"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "foresee": ("foresees", "foresaw", "foreseeing", "foreseen"),
    "understand": ("understands", "understood", "understanding"),
    "admit": ("admits", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretting"),
    "submit": ("submits", "submitted", "submitting"),
    "commit": ("commits", "committed", "committing"),
    "teach": ("teaches", "taught", "teaching"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "show": ("shows", "showed", "showing", "shown"),
    "prove": ("proves", "proved", "proving", "proven"),
    "mean": ("means", "meant", "meaning"),
    "read": ("reads", "read", "reading"),
    "put": ("puts", "put", "putting"),
}

CLAUSE_LEMMAS = words("""
say add warn deny confirm insist argue stress reveal acknowledge note believe estimate tweet
write state explain promise declare claim assert maintain contend admit concede allege predict
emphasise emphasize recall reply respond remark observe vow pledge reiterate repeat caution
speculate think fear hope complain boast testify counter suggest indicate report announce
affirm clarify comment lament mention hint disclose proclaim underline underscore recount
recognise recognize reckon forecast guess conclude doubt worry suspect retort quip joke
""")

THAT_LEMMAS = words("""
find show learn hear see accept decide demonstrate determine discover notice realise realize
understand know feel agree acknowledge establish prove imply mean read rule order demand
propose recommend request ask urge expect foresee judge hold conclude
""")

TO_LEMMAS = words("""
plan want intend hope aim expect vow pledge promise threaten seek refuse wish vote decline
offer propose pretend claim
""")

OBJECT_LEMMAS = words("""
tell assure inform notify warn remind convince persuade urge ask order instruct advise
encourage
""")

# Not attributions whatever follows ("declined to" is only a cue as "declined to say/comment").
_TO_EXCLUDED = {"decline", "offer", "vote", "pretend", "seek", "refuse"}

_DOUBLE_FINAL = {"admit", "regret", "submit", "commit", "plan", "refer", "prefer", "occur"}


def forms(lemma: str) -> tuple[str, ...]:
    """The lemma and its third-person, past and -ing forms."""
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma in _DOUBLE_FINAL:
        stem = lemma + lemma[-1]
        return lemma, lemma + "s", stem + "ed", stem + "ing"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return lemma, third, past, ing


def _all(lemmas: list[str]) -> frozenset[str]:
    return frozenset(form for lemma in lemmas for form in forms(lemma))


CLAUSE_VERBS = _all(CLAUSE_LEMMAS)
THAT_VERBS = _all(THAT_LEMMAS) - CLAUSE_VERBS
TO_VERBS = _all([lemma for lemma in TO_LEMMAS if lemma not in _TO_EXCLUDED])
OBJECT_VERBS = _all(OBJECT_LEMMAS)
# The -ing forms open participial cues (", saying that …"); as finite cues they need an
# auxiliary the engine does not treat ("is saying"), so they are kept apart.
PARTICIPLES = frozenset(f for lemma in CLAUSE_LEMMAS for f in forms(lemma) if f.endswith("ing"))
FINITE = (CLAUSE_VERBS | THAT_VERBS) - PARTICIPLES


def alternation(words: frozenset[str] | set[str]) -> str:
    """A regular-expression alternation of words, longest first (so "says" before "say")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Nouns that head a source phrase even in lower case ("police", "local officials").
SOURCE_NOUNS = frozenset(
    words("""
police officials official authorities analysts analyst experts expert witnesses witness
residents resident sources source investigators investigator prosecutors prosecutor doctors
doctor researchers researcher scientists scientist critics critic activists activist lawmakers
lawmaker diplomats diplomat officers officer medics medic rescuers observers economists
economist campaigners protesters organisers organizers spokesman spokeswoman spokesperson
lawyers lawyer attorney attorneys judges judge ministers minister leaders leader members
member staff workers worker employees teachers parents students farmers villagers survivors
families relatives neighbours neighbors opponents supporters executives executive managers
manager owners owner traders trader investors voters officials agency ministry government
company firm group monitor observatory army military council court committee commission
report study survey statement data figures poll police regulator regulators union unions
department spokespeople representatives representative negotiators mediators insiders
""")
)

DETERMINERS = frozenset(
    words("""
the a an this that these those its his her their our my your some many several two three four
five six seven eight nine ten dozens both all most other another one each every no few
""")
)

PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "who", "you"])

# Words a sentence does not end after, though a stop and a capital follow ("Mr. Pell said").
ABBREVIATIONS = frozenset(
    words("""
mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr inc corp co ltd
no vs jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e fig mt ft
""")
)
