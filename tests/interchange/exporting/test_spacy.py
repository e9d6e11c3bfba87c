"""spaCy's DocBin, loaded with spaCy: a Doc per text, every span, the report."""

from __future__ import annotations

from interchange.exporting import spacy as spacy_export
from tests.interchange.exporting.sample_records import (
    BODY,
    CAPTION,
    TITLE,
    load_docbin,
    sample,
    span,
    spans_by_id,
)


def test_docbin_has_a_doc_per_text_with_every_span():
    """One Doc per title, caption and body, whose text is that canonical text; doc.spans["sc"]
    holds every annotation with the same offsets, text, label, id and registry entry."""
    article = sample()
    report: list[str] = []
    docs = load_docbin(spacy_export.write([article], report=report))
    assert [d.text for d in docs] == [TITLE, CAPTION, BODY]
    assert [d.user_data["newsroom"]["target"] for d in docs] == ["title", "caption", "body"]
    assert docs[1].user_data["newsroom"]["caption_id"] == 77
    spans = [s for d in docs for s in d.spans["sc"]]
    assert len(spans) == len(article.annotations)
    for made, annotation in zip(spans, article.annotations, strict=True):
        assert (made.start_char, made.end_char) == (annotation.start, annotation.end)
        assert made.text == annotation.quote
        assert made.label_ == annotation.tag
        assert made.id_ == annotation.client_id
        assert made.kb_id_ == (annotation.source or "")
    assert report == []


def test_docbin_carries_notes_and_attributions_in_user_data():
    """The Doc holding a claim lists its attributions; each span's note is plain text."""
    body = load_docbin(spacy_export.write([sample()]))[2]
    data = body.user_data["newsroom"]
    assert data["article"] == 1 and data["external_id"] == "ext-1"
    assert len(data["attributions"]) == 2
    assert {a["source"] for a in data["attributions"]} == {None, "City Council"}
    notes = {v["note"] for v in data["annotations"].values()}
    assert "Check this" in notes


def test_docbin_attributions_carry_fragments_and_implicit_sources():
    """spaCy's spans cannot link to each other: the attributions in the Doc's user data carry
    the further fragments' ids (spans of doc.spans["sc"], by their id_) and implicit_source."""
    article = sample()
    quote, council = article.attributions
    quote.fragments = [spans_by_id(article.annotations, 8)]
    council.source, council.implicit_source = None, True
    body = load_docbin(spacy_export.write([article]))[2]
    first, second = body.user_data["newsroom"]["attributions"]
    # msgpack gives arrays back as tuples
    assert (list(first["fragments"]), first["implicit_source"]) == (quote.fragments, False)
    assert (list(second["fragments"]), second["implicit_source"], second["source"]) == (
        [],
        True,
        None,
    )
    assert quote.fragments[0] in {s.id_ for s in body.spans["sc"]}


def test_docbin_reports_a_span_that_does_not_align_with_tokens():
    """A span ending inside a token is kept widened to whole tokens, and reported in the
    writer's report and the Doc's user data: never dropped silently."""
    article = sample()
    article.annotations.append(span(9, "body", BODY, "inister said", "Claim"))
    report: list[str] = []
    docs = load_docbin(spacy_export.write([article], report=report))
    body = docs[2]
    assert len(body.spans["sc"]) == len([a for a in article.annotations if a.target == "body"])
    assert "minister said" in [s.text for s in body.spans["sc"]]
    assert len(report) == 1
    assert "inister said" in report[0] and "does not align" in report[0]
    (misaligned,) = body.user_data["newsroom"]["misaligned"]
    start = BODY.index("minister said")
    assert misaligned["kept_as"] == {"start": start, "end": start + len("minister said")}


def test_docbin_streams_nothing_before_the_end_but_yields_one_chunk():
    """A DocBin cannot be written in parts: exactly one chunk, a loadable DocBin."""
    chunks = list(spacy_export.write([sample(1), sample(2)]))
    assert len(chunks) == 1
    assert len(load_docbin(chunks)) == 6
