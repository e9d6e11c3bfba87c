"""suggestions.external.placing: candidates checked against an article's texts and moved onto
them."""

from __future__ import annotations

from suggestions.external.placing import OFFSETS_HINT, ArticleTexts, place
from suggestions.external.records import (
    ArticleRef,
    Candidate,
    ExternalDoc,
    Part,
    Run,
    SpanClaim,
)

TITLE = "Lighthouse to close"
CAPTION = "The lighthouse at Kerr Point"
BODY = 'The coast guard said the lighthouse will close.\n\n"It is a sad day," a keeper said.'
TEXTS = ArticleTexts(TITLE, BODY, (CAPTION,))


def claim(text: str, words: str, field: str = "", shift: int = 0) -> SpanClaim:
    start = text.index(words) + shift
    return SpanClaim(start, start + len(words), words, field or words)


def candidate(text: str, source: str | None, cue: str, *contents: str, shift: int = 0) -> Candidate:
    return Candidate(
        item="quote 1",
        source=(claim(text, source, shift=shift),) if source else (),
        cue=claim(text, cue, shift=shift),
        content=tuple(claim(text, c, shift=shift) for c in contents),
        confidence=0.8,
        rule="r",
        source_name="Coast Guard",
    )


def doc(*candidates: Candidate, text: str | None = None, parts=None) -> ExternalDoc:
    return ExternalDoc(
        file="f.json",
        label="record 1",
        ref=ArticleRef(),
        text=text,
        parts=parts,
        runs=[Run("m", "1", list(candidates))],
    )


def placed(document: ExternalDoc):
    return [p for _, found in place(document, TEXTS, "article 5") for p in found]


def test_offsets_into_our_body_are_checked_against_the_text_they_claim():
    """Without the tool's text the offsets point into our body; each span must cut the text it
    claims, and comes out unchanged with the candidate's confidence, rule and name."""
    (found,) = placed(doc(candidate(BODY, "The coast guard", "said", "the lighthouse will close")))
    assert BODY[slice(*found.cue)] == "said"
    assert (found.target, found.caption, found.confidence, found.source_name) == (
        "body",
        None,
        0.8,
        "Coast Guard",
    )


def test_a_span_that_cuts_other_text_is_refused_with_both_texts():
    """A span one character off names the field, what it cuts and what it claims."""
    document = doc(candidate(BODY, "The coast guard", "said", "the lighthouse", shift=1))
    assert placed(document) == []
    problems = [str(p) for p in document.problems]
    assert problems[0] == (
        "f.json: quote 1: The coast guard.text: [1, 16] cuts 'he coast guard ', not 'The coast guard'"
    )
    assert problems[-1] == f"f.json: record 1: {OFFSETS_HINT}"


def test_the_tool_text_with_bom_and_crlf_is_mapped_onto_ours():
    """The tool read a BOM + CRLF copy: its offsets land on the same words of our body."""
    theirs = "\ufeff" + BODY.replace("\n", "\r\n")
    (found,) = placed(doc(candidate(theirs, "a keeper", "said", '"It is a sad day,"'), text=theirs))
    assert BODY[slice(*found.source[0])] == "a keeper"
    assert BODY[slice(*found.content[0])] == '"It is a sad day,"'


def test_a_tool_text_that_is_not_the_body_is_one_problem_for_the_document():
    """Another text altogether: the document is refused, saying where the texts part."""
    theirs = BODY.replace("coast guard", "navy")
    document = doc(candidate(theirs, "The navy", "said", "the lighthouse"), text=theirs)
    assert placed(document) == []
    (problem,) = document.problems
    assert problem.field == "text"
    assert "differs at character 4 of ours" in problem.message


def test_parts_place_spans_in_the_title_a_caption_or_the_body():
    """Our export's flat text: spans shift into the part they lie in; a span across two parts,
    or an attribution spread over two texts, is refused."""
    flat = f"{TITLE}\n\n{CAPTION}\n\n{BODY}"
    c0 = len(TITLE) + 2
    b0 = c0 + len(CAPTION) + 2
    parts = (
        Part("title", None, 0, len(TITLE)),
        Part("caption", 0, c0, c0 + len(CAPTION)),
        Part("body", None, b0, len(flat)),
    )
    good = candidate(flat, "a keeper", "said", '"It is a sad day,"')
    good = Candidate(
        "q1",
        good.source,
        SpanClaim(flat.rindex("said"), flat.rindex("said") + 4, "said", "cue"),
        good.content,
        0.5,
    )
    spread = Candidate(
        "q2",
        (claim(flat, "Lighthouse"),),
        claim(flat, "said"),
        (claim(flat, "the lighthouse will"),),
        0.5,
    )
    across = Candidate(
        "q3", (), claim(flat, "close\n\nThe"), (claim(flat, "the lighthouse will"),), 0.5
    )
    document = doc(good, spread, across, text=flat, parts=parts)
    (found,) = placed(document)
    assert found.target == "body"
    assert BODY[slice(*found.cue)] == "said" and found.cue[0] == BODY.rindex("said")
    assert [(p.item, p.field) for p in document.problems] == [
        ("q2", "said"),
        ("q3", "close\n\nThe"),
    ]
    assert "lies in the body, the rest in the title" in document.problems[0].message


def test_a_caption_part_that_no_longer_matches_is_reported():
    """A part whose text differs from ours (the caption was edited since) is one problem."""
    flat = f"{TITLE}\n\nAnother caption"
    parts = (Part("title", None, 0, len(TITLE)), Part("caption", 0, len(TITLE) + 2, len(flat)))
    document = doc(text=flat, parts=parts)
    placed(document)
    (problem,) = document.problems
    assert problem.field == "data.parts[1]"
    assert problem.message.startswith("the text is not caption 0 of article 5")
