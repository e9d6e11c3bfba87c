"""The attribution engine's wider rules (issue 9): openings, inverted tags, infinitive and object
cues, subjects before their own verb phrase, two attributions in a sentence, sentence ends, and
resolution of sources within the article. One rule or exclusion per test, invented sentences."""

from __future__ import annotations

import pytest

from suggestions.engine import Suggestion, suggest


def words(text: str, found: Suggestion) -> tuple[list[str], str, list[str]]:
    return (
        [text[s:e] for s, e in found.source],
        text[found.cue[0] : found.cue[1]],
        [text[s:e] for s, e in found.content],
    )


def only(text: str) -> tuple[Suggestion, tuple[list[str], str, list[str]]]:
    found = suggest(text)
    assert len(found) == 1, [words(text, f) for f in found]
    return found[0], words(text, found[0])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Separately, an aide revealed that the vote would be delayed.", "an aide"),
        (
            "Following the strike at the port, the union announced that talks had failed.",
            "the union",
        ),
        ("But the ministry said the figures were wrong.", "the ministry"),
        ("Asked about the delay, local officials said the money had run out.", "local officials"),
    ],
)
def test_an_opening_adverbial_or_conjunction_is_not_part_of_the_source(text, source) -> None:
    """The source starts after 'Separately, ', 'Following …, ', 'But ', 'Asked …, '."""
    _, (src, _, _) = only(text)
    assert src == [source]


def test_a_name_with_a_lowercase_particle_is_a_source() -> None:
    """'former Prime Minister Tarek al-Hamdi' ends in a name though its last word is lower case."""
    s, (src, cue, content) = only(
        "Last week, former Prime Minister Tarek al-Hamdi has also announced that he will retire."
    )
    assert src == ["former Prime Minister Tarek al-Hamdi"]
    assert cue == "has also announced"
    assert s.source_entity == "Tarek al-Hamdi"


def test_intention_takes_an_infinitive() -> None:
    """'plans to VP': the cue is the verb with its "to", the content the verb phrase."""
    s, got = only("The Ministry of Ports plans to close two harbours by 2030.")
    assert got == (["The Ministry of Ports"], "plans to", ["close two harbours by 2030"])
    assert s.rule == "source-cue-to"


def test_declined_to_stays_a_refusal_not_an_intention() -> None:
    """'declined to attend' is an action; only 'declined to say/comment' is a cue."""
    assert suggest("The mayor declined to attend the opening of the bridge.") == []


def test_object_then_that() -> None:
    """'notified its partners … that C': the cue is the verb, the content starts at "that"."""
    _, got = only("The Green Bloc notified its partners in the alliance that it would leave.")
    assert got == (["The Green Bloc"], "notified", ["that it would leave"])


def test_object_then_infinitive() -> None:
    """'urged residents to stay indoors': the content is the object and its infinitive."""
    _, got = only("The fire service urged residents to keep their windows shut.")
    assert got == (["The fire service"], "urged", ["residents to keep their windows shut"])


def test_called_for_takes_a_noun_phrase() -> None:
    """'called for an inquiry' attributes a demand; 'called off' and naming do not."""
    _, got = only("Opposition leaders called for an inquiry into the contract.")
    assert got == (["Opposition leaders"], "called for", ["an inquiry into the contract"])
    assert suggest("The club called off the match because of snow.") == []
    assert suggest("She joined a band called the Night Owls in 2019.") == []


def test_told_to_leave_is_not_an_attribution() -> None:
    """'was told to leave' is a passive order to the subject, not a source speaking."""
    assert suggest("The reporter was told to leave the building.") == []


def test_it_before_an_active_cue_is_a_pronoun_source() -> None:
    """'It did not say …' after a named organisation: "It" is the source, resolved to it."""
    text = "The Harbour Authority said the pier was closed. It did not say when it would reopen."
    found = suggest(text)
    assert [words(text, f)[:2] for f in found] == [
        (["The Harbour Authority"], "said"),
        (["It"], "did not say"),
    ]
    assert found[1].source_entity == "Harbour Authority"
    assert found[1].confidence < found[0].confidence


def test_inverted_tag_with_an_appositive_and_a_partial_quotation() -> None:
    """'But "Q" near the town, said NAME, head of X.': one attribution, the appositive in the
    source, the partial quotation and the words after it in the content, "But" left out."""
    text = (
        'But "the shells landed on a school" near Orvel, said Dana Kerr, head of the Relief Desk.'
    )
    s, got = only(text)
    assert got == (
        ["Dana Kerr, head of the Relief Desk"],
        "said",
        ['"the shells landed on a school" near Orvel'],
    )
    assert s.rule == "content-cue-source"
    assert s.source_entity == "Dana Kerr"


def test_trailing_tag_with_a_time_after_the_cue() -> None:
    """'CONTENT, the monitor said on Sunday.'"""
    _, got = only("Six people died in the fire, the monitor said on Sunday.")
    assert got == (["the monitor"], "said", ["Six people died in the fire"])


def test_trailing_clause_that_is_not_a_tag() -> None:
    """'…, the company cut 300 jobs.' ends in a clause, not a reporting tag: nothing."""
    assert suggest("After a poor year, the company cut 300 jobs.") == []


def test_participle_after_the_subjects_verb_phrase() -> None:
    """'SOURCE VP, saying C': the sentence's subject is the source of "saying"."""
    s, got = only("The Farmers’ Union echoed the warning, saying the harvest would be late.")
    assert got == (["The Farmers’ Union"], "saying", ["the harvest would be late"])
    assert s.rule == "subject-vp-cue"


def test_cue_coordinated_with_the_subjects_own_verb_phrase() -> None:
    """'SOURCE arrested …, but did not say C'."""
    _, got = only("Police in Varno arrested two men but did not say what they were accused of.")
    assert got == (["Police in Varno"], "did not say", ["what they were accused of"])


def test_two_sources_in_one_sentence() -> None:
    """'A plans to X, and B believes Y': two attributions, the first content cut at ', and'."""
    text = (
        "The rail operator plans to cut two routes, and Transport Minister Ivo Dane believes "
        "buses can replace them."
    )
    found = suggest(text)
    assert [words(text, f) for f in found] == [
        (["The rail operator"], "plans to", ["cut two routes"]),
        (["Transport Minister Ivo Dane"], "believes", ["buses can replace them"]),
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    """'Mr. Olsen said' and 'J. Olsen said' stay one sentence with their source."""
    _, got = only("Mr. Olsen said the account was closed in May.")
    assert got[0] == ["Mr. Olsen"]
    _, got = only("Officer J. Olsen said the account was closed in May.")
    assert got[0] == ["Officer J. Olsen"]


def test_a_stop_inside_quotation_marks_ends_the_sentence() -> None:
    """'… "Q." She said C.': the second sentence is found on its own."""
    text = '"The road is open," said Pia Holm, "but not for trucks." She said repairs would last.'
    found = suggest(text)
    assert [words(text, f)[:2] for f in found] == [(["Pia Holm"], "said"), (["She"], "said")]


def test_names_resolve_to_their_full_earlier_form() -> None:
    """A surname after the full name resolves to the full name."""
    text = "Minister Lea Varga said the bill would pass. Varga added that it would cost little."
    assert [f.source_entity for f in suggest(text)] == ["Lea Varga", "Lea Varga"]


def test_a_description_resolves_by_its_head_noun() -> None:
    """'the Observatory' after 'the Lantra Observatory for Civil Rights' is that organisation."""
    text = (
        "Ten people died, the Lantra Observatory for Civil Rights said. "
        "The shelling went on at night, according to the Observatory."
    )
    assert [f.source_entity for f in suggest(text)] == ["Lantra Observatory for Civil Rights"] * 2


def test_a_registry_alias_resolves_only_once_the_article_named_the_entry() -> None:
    """'the monitor' is an alias of the entry: resolved after the article names it, and a later
    description with the same head ('the Geneva based monitor') follows it; never before."""
    aliases = {"monitor": "Lantra Observatory"}
    text = (
        "Ten people died, the Lantra Observatory said. Four were children, the monitor said. "
        "The toll may rise, the Geneva based monitor said."
    )
    assert [f.source_entity for f in suggest(text, aliases)] == ["Lantra Observatory"] * 3
    early = "Four were children, the monitor said."
    assert [f.source_entity for f in suggest(early, aliases)] == [None]
    assert [f.source_entity for f in suggest(text)][1:] == [None, None]


def test_pronouns_resolve_to_the_last_compatible_named_source() -> None:
    """'she' to the last person, 'it' to the last organisation, 'who' to the name before it."""
    text = (
        "The Vell Company said sales fell. Its chief, Ada Marr, said the plan would work. "
        "She said costs would drop. It said profits would follow. "
        "The deal was backed by Omar Fell, who said it was fair."
    )
    entities = [f.source_entity for f in suggest(text)]
    assert entities == ["Vell Company", "Ada Marr", "Ada Marr", "Vell Company", "Omar Fell"]


def test_a_pronoun_after_an_unnamed_person_stays_unresolved() -> None:
    """'A witness saw … . …, he said.': he is the witness, whom the article never names."""
    text = (
        "Mayor Ian Roe said the road was shut. A local driver saw smoke over the hill. "
        "The fire spread quickly, he said."
    )
    assert [f.source_entity for f in suggest(text)] == ["Ian Roe", None]
