"""The rule-based attribution engine (suggestions/engine.py): one rule or exclusion per test."""

from __future__ import annotations

from suggestions.engine import Suggestion, suggest


def spans(text: str, suggestion: Suggestion) -> tuple[list[str], str, list[str]]:
    """Source, cue and content of a suggestion as the words they cover."""
    return (
        [text[s:e] for s, e in suggestion.source],
        text[suggestion.cue[0] : suggestion.cue[1]],
        [text[s:e] for s, e in suggestion.content],
    )


def only(text: str) -> tuple[Suggestion, tuple[list[str], str, list[str]]]:
    """The single suggestion for a text, and its words."""
    found = suggest(text)
    assert len(found) == 1, found
    return found[0], spans(text, found[0])


def test_source_cue_that_content_includes_that_and_leaves_out_the_stop() -> None:
    """SOURCE said that CONTENT: content starts at "that" and stops before the full stop."""
    s, words = only("The Varden Water Board said that the reservoir was full.")
    assert words == (["The Varden Water Board"], "said", ["that the reservoir was full"])
    assert s.rule == "source-cue-that"


def test_source_cue_clause_without_that() -> None:
    """SOURCE said CONTENT without "that" is an attribution too, with a lower confidence."""
    s, words = only("Mayor Ida Pell said the school would reopen in May.")
    assert words == (["Mayor Ida Pell"], "said", ["the school would reopen in May"])
    assert s.rule == "source-cue-clause"
    assert 0 < s.confidence < 0.85


def test_auxiliaries_and_negation_belong_to_the_cue() -> None:
    """'has repeatedly denied' and 'did not deny' are the whole cue."""
    _, words = only("The minister has repeatedly denied that the talks had failed.")
    assert words[1] == "has repeatedly denied"
    _, words = only("The minister did not deny that the talks had failed.")
    assert words[1] == "did not deny"


def test_declined_to_comment_counts() -> None:
    """'declined to comment' is a cue; what follows is the content."""
    _, words = only("A spokesman declined to comment on the rumours about the merger.")
    assert words == (["A spokesman"], "declined to comment", ["on the rumours about the merger"])


def test_told_reporters_is_one_cue() -> None:
    """'told reporters' is the cue; plain 'told' with another object is not in the lexicon."""
    _, words = only("The coach told reporters the team would travel on Friday.")
    assert words[1] == "told reporters"


def test_cue_keeps_in_a_statement() -> None:
    """'confirmed in a statement' is one cue."""
    _, words = only("Arlo Foods confirmed in a statement that two plants would close.")
    assert words[1] == "confirmed in a statement"


def test_weak_verb_needs_that() -> None:
    """A verb with other senses ("found") attributes only with "that" after it."""
    assert suggest("The inspectors found a broken valve in the basement.") == []
    _, words = only("The inspectors found that the valve had been broken for weeks.")
    assert words[2] == ["that the valve had been broken for weeks"]


def test_closed_appositive_source_leaves_out_the_comma() -> None:
    """'Her deputy, Aurel Benko, said': the source ends before the comma that closes it."""
    _, words = only("Her deputy, Aurel Benko, said the gap would be covered.")
    assert words[0] == ["Her deputy, Aurel Benko"]


def test_open_comma_before_cue_is_not_a_source() -> None:
    """A participle after a comma phrase ("part of a plan announced last year") is no source."""
    assert suggest("Work on the pier, part of a plan announced last year, began on Monday.") == []


def test_leading_time_phrase_is_not_part_of_the_source() -> None:
    """'On Friday the Met Office warned ...': the source starts at 'the'."""
    _, words = only("On Friday the Met Office warned that storms would hit the coast.")
    assert words[0] == ["the Met Office"]


def test_dateline_is_not_part_of_the_source() -> None:
    """A dateline ("KESTON, May 2 –") before the sentence is skipped."""
    _, words = only("KESTON, May 2 – The police said the road was closed for the night.")
    assert words[0] == ["The police"]


def test_quote_then_source_then_cue() -> None:
    """'"QUOTE," SOURCE CUE.': content is the quotation with its marks and comma."""
    s, words = only('"We will win," Coach Ana Lind said on Sunday.')
    assert words == (["Coach Ana Lind"], "said", ['"We will win,"'])
    assert s.rule == "quote-source-cue"


def test_quote_then_cue_then_source() -> None:
    """'"QUOTE," said SOURCE.': the inverted order."""
    s, words = only('"The dam is safe," said Omar Reyes, the chief engineer.')
    assert words == (["Omar Reyes, the chief engineer"], "said", ['"The dam is safe,"'])
    assert s.rule == "quote-cue-source"


def test_curly_quotation_marks() -> None:
    """Typographic quotation marks work like straight ones."""
    _, words = only("“It is over,” the senator wrote on Tuesday.")
    assert words[2] == ["“It is over,”"]


def test_interrupted_quotation_is_one_attribution_with_two_fragments() -> None:
    """'"X," said S, "Y."' is one suggestion whose content has both quotations."""
    _, words = only('"The bridge is sound," said Pia Holm, "but the road is not."')
    assert words[2] == ['"The bridge is sound,"', '"but the road is not."']


def test_quotation_continuing_in_next_sentence_is_another_fragment() -> None:
    """A sentence that is only a quotation, after an attributed quotation, continues it."""
    text = '"We want our pay," she said. "We want it now."'
    _, words = only(text)
    assert words[2] == ['"We want our pay,"', '"We want it now."']


def test_pronoun_source_as_written_with_lower_confidence() -> None:
    """A pronoun is the source as written, unresolved, less confident than a name."""
    s, words = only("She said the repairs would cost about a million dollars.")
    assert words[0] == ["She"]
    assert s.source_entity is None
    assert s.confidence < 0.8


def test_colon_before_quotation() -> None:
    """'SOURCE said: "QUOTE"': content is the quotation, stop inside the marks included."""
    s, words = only('The chancellor said: "Do not accept it."')
    assert words == (["The chancellor"], "said", ['"Do not accept it."'])
    assert s.rule == "source-cue-colon-quote"


def test_according_to_first() -> None:
    """'According to SOURCE, CONTENT.'"""
    s, words = only("According to the fire service, two people were hurt.")
    assert words == (["the fire service"], "According to", ["two people were hurt"])
    assert s.rule == "according-to-first"


def test_according_to_last() -> None:
    """'CONTENT, according to SOURCE.'"""
    _, words = only("Prices rose by two percent, according to the statistics office.")
    assert words == (["the statistics office"], "according to", ["Prices rose by two percent"])


def test_in_the_view_of() -> None:
    """'In the view of SOURCE, CONTENT' is a phrase cue, not a leading time phrase."""
    _, words = only("In the view of economist Lia Berg, the currency is too strong.")
    assert words[1] == "In the view of"


def test_content_then_short_source_then_cue() -> None:
    """'CONTENT, the airline added.' without quotation marks."""
    s, words = only("Nobody was hurt, the airline added.")
    assert words == (["the airline"], "added", ["Nobody was hurt"])
    assert s.rule == "content-source-cue"


def test_the_said_document_is_not_an_attribution() -> None:
    """'the said document' uses "said" as an adjective."""
    assert suggest("Lawyers read the said document in a sealed room.") == []


def test_called_naming_is_not_an_attribution() -> None:
    """'a group called X' names; "called" is not a reporting verb here."""
    assert suggest("Members of a group called the Red Lantern occupied the lobby.") == []


def test_expletive_it_is_never_a_source() -> None:
    """'It is expected that ...' has no source, and the engine does not invent one."""
    found = suggest("It is expected that the bridge will open in June.")
    assert [f.source for f in found] == [()]
    assert suggest("It rained all day, and it is unclear when the road will reopen.") == []


def test_all_told_is_not_an_attribution() -> None:
    """'All told,' is an idiom, not a cue."""
    assert suggest("All told, the storm destroyed 300 homes.") == []


def test_claimed_a_title_is_not_an_attribution() -> None:
    """'claimed their title' is an action; "claimed" attributes only with "that"."""
    assert suggest("Kessling Athletic claimed their third title on Saturday.") == []


def test_plain_action_is_not_an_attribution() -> None:
    """'The regime agreed to a ceasefire' has no reporting verb."""
    assert suggest("The regime agreed to a ceasefire on Sunday.") == []


def test_named_source_gets_its_name_as_entity() -> None:
    """A title and a name: the entity is the name's capitalised run."""
    s, _ = only("Opposition leader Dario Ferrante said the reform was a gift to landlords.")
    assert s.source_entity == "Dario Ferrante"


def test_offsets_are_code_points_into_the_text_given() -> None:
    """Characters outside the BMP count as one: spans stay on the words."""
    text = "Sunny 🙂🙂 day. The council said the park would close."
    _, words = only(text)
    assert words[0] == ["The council"]
    assert suggest(text)[0].source == ((14, 25),)  # two emoji, two code points


def test_deterministic_and_confidence_in_range() -> None:
    """The same text gives the same suggestions, each confidence within [0, 1]."""
    text = '"Go," he said. The board said that it would meet. According to Ana, it rained.'
    first = suggest(text)
    assert first == suggest(text)
    assert first and all(0 <= s.confidence <= 1 for s in first)


def test_relative_pronoun_source_as_written() -> None:
    """'..., who told reporters that ...': the source is "who"."""
    s, words = only(
        "The strike was led by Ana Ros, a nurse, who told reporters that staff were tired."
    )
    assert words == (["who"], "told reporters", ["that staff were tired"])
    assert s.rule == "relative-who-cue"


def test_second_cue_after_and_is_a_second_attribution() -> None:
    """'X warned A and urged B': two attributions of X, the first content ending before "and"."""
    text = "The Met Office warned that winds would hit the coast and urged people to stay in."
    found = suggest(text)
    assert [spans(text, f) for f in found] == [
        (["The Met Office"], "warned", ["that winds would hit the coast"]),
        (["The Met Office"], "urged", ["people to stay in"]),
    ]
    assert found[1].rule == "coordinated-cue"


def test_adding_after_quote_is_a_second_attribution() -> None:
    """'"Q," X said, adding that B.': the quotation and "adding that B" are two attributions."""
    text = '"It began in the kitchen," the chief said, adding that the alarms were off.'
    found = suggest(text)
    assert [spans(text, f)[1:] for f in found] == [
        ("said", ['"It began in the kitchen,"']),
        ("adding", ["that the alarms were off"]),
    ]


def test_and_inside_a_quotation_does_not_split() -> None:
    """A reporting verb after "and" inside quoted words stays part of the content."""
    text = 'The mayor said the plan was "bold and said to be cheap" on Monday.'
    found = suggest(text)
    assert len(found) == 1
    assert spans(text, found[0])[2] == ['the plan was "bold and said to be cheap" on Monday']


def test_quotation_after_indirect_quote_continues_it() -> None:
    """'X said A. "Q."': the quotation-only sentence is a second fragment of X's attribution."""
    text = 'The union said the strike would go on. "We have waited long enough."'
    _, words = only(text)
    assert words[2] == ["the strike would go on", '"We have waited long enough."']


def test_dash_tag_after_quotation() -> None:
    """'"QUOTE." – SOURCE, ...': the dash is the cue, the name the source."""
    s, words = only('"No more cuts." – Councillor Ada Oyel, speaking on Thursday.')
    assert words == (["Councillor Ada Oyel"], "–", ['"No more cuts."'])
    assert s.rule == "quote-dash-source"


def test_expletive_it_passive_has_no_source() -> None:
    """'It was announced that C': cue "was announced", no source span."""
    s, words = only("It was announced on Thursday that the steelworks would close.")
    assert words == ([], "was announced", ["that the steelworks would close"])
    assert s.source == ()


def test_raised_passive_splits_the_content() -> None:
    """'NP is reported to VP': no source; the subject and the rest are two content fragments."""
    _, words = only("The owner is reported to be in talks with two buyers.")
    assert words == ([], "is reported", ["The owner", "to be in talks with two buyers"])


def test_reportedly_splits_the_content() -> None:
    """'NP reportedly VP': cue "reportedly", no source, content in two fragments."""
    _, words = only("The banker reportedly left the country on a private jet.")
    assert words == ([], "reportedly", ["The banker", "left the country on a private jet"])


def test_pronoun_subject_of_raised_passive_is_not_suggested() -> None:
    """'He is said to ...' is left alone: the content would be a bare pronoun."""
    assert suggest("He is said to be in talks with two buyers.") == []


def test_reporting_verb_with_a_plain_object_is_not_an_attribution() -> None:
    """'said goodbye', 'wrote a book', 'added salt': no clause after the verb, no attribution."""
    assert suggest("She said goodbye to her colleagues.") == []
    assert suggest("He wrote a book about the war.") == []
    assert suggest("He added salt to the soup.") == []


def test_denial_of_a_noun_phrase_counts() -> None:
    """'has denied the charges' is an attribution even though no clause follows."""
    _, words = only("The senator has denied the charges against him.")
    assert words[1:] == ("has denied", ["the charges against him"])


def test_clause_with_an_irregular_past_tense_is_content() -> None:
    """'SOURCE, APPOSITIVE, said the strike hit a camp': a clause turning on an irregular past
    tense is content, and the appositive belongs to the source."""
    text = "Rami Abdel Rahman, head of the Observatory, said the strike hit a training camp."
    (found,) = suggest(text)
    assert [text[a:b] for a, b in found.source] == ["Rami Abdel Rahman, head of the Observatory"]
    assert text[found.cue[0] : found.cue[1]] == "said"
    assert [text[a:b] for a, b in found.content] == ["the strike hit a training camp"]


def test_noun_phrase_after_said_is_still_not_content() -> None:
    """The irregular past list does not turn 'said goodbye' or 'wrote a book' into content."""
    assert suggest("She said goodbye to the crowd.") == []
    assert suggest("He wrote a book.") == []


def test_a_tag_set_off_by_commas_inside_the_sentence() -> None:
    """'CONTENT, the Pentagon said, in what …': the tag may sit inside the sentence between
    commas; the content is the clause before it, nothing after the tag."""
    text = "Rebels shelled the airport on Sunday, the army said, in a statement read on television."
    (found,) = suggest(text)
    assert [text[a:b] for a, b in found.source] == ["the army"]
    assert text[found.cue[0] : found.cue[1]] == "said"
    assert [text[a:b] for a, b in found.content] == ["Rebels shelled the airport on Sunday"]
    assert found.rule == "content-source-cue-medial"


def test_a_verb_after_a_comma_inside_a_clause_is_not_a_medial_tag() -> None:
    """'When he arrived, the minister said the port was closed': the minister is the source of
    what follows, so nothing before the comma is taken as content."""
    text = "When he arrived, the minister said the port was closed."
    assert all(text[a:b] != "When he arrived" for s in suggest(text) for a, b in s.content)
