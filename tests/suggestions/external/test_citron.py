"""suggestions.external.citron: Citron documents as complete attributions, problems per field."""

from __future__ import annotations

from suggestions.external import citron

TEXT = (
    '"The reservoir is full," said Ida Marsh, the water board chair. '
    '"We will open the sluices," she added.'
)


def span(text: str, start: int | None = None) -> dict:
    """A Citron span for the first occurrence of `text` in TEXT (or at `start`)."""
    at = TEXT.index(text) if start is None else start
    return {"start": at, "end": at + len(text), "text": text}


def quote(**fields) -> dict:
    base = {
        "cue": span("said"),
        "sources": [span("Ida Marsh, the water board chair")],
        "contents": [span('"The reservoir is full,"')],
    }
    return {**base, **fields}


def parse(data: dict, **kwargs):
    return citron.parse(data, file="f.json", label="record 1", **kwargs)


def test_a_quote_becomes_one_candidate_with_its_spans_and_confidence():
    """Cue, sources and contents keep their offsets and texts; Citron's string confidence is
    read as a number; the origin is "citron"."""
    doc = parse({"text": TEXT, "quotes": [quote(confidence="0.8712")]})
    assert doc.problems == []
    (run,) = doc.runs
    assert (run.origin, run.version) == ("citron", "")
    (found,) = run.candidates
    assert found.cue.text == "said"
    assert [s.text for s in found.source] == ["Ida Marsh, the water board chair"]
    assert [s.text for s in found.content] == ['"The reservoir is full,"']
    assert found.confidence == 0.8712
    assert found.rule == "citron quote"
    assert doc.text == TEXT


def test_contents_come_in_reading_order_and_a_missing_confidence_takes_the_default():
    """Several content fragments are sorted by start; no confidence means the default."""
    later, earlier = span('"We will open the sluices,"'), span('"The reservoir is full,"')
    doc = parse({"quotes": [quote(contents=[later, earlier])]}, default_confidence=0.4)
    (found,) = doc.runs[0].candidates
    assert [s.text for s in found.content] == [earlier["text"], later["text"]]
    assert found.confidence == 0.4


def test_extractor_output_takes_the_sentence_source_and_keeps_the_resolved_name():
    """Citron's extractor writes the resolved name under `sources` and the source as written
    (a pronoun) under `coreferences`: the suggestion's source is the pronoun, its name the
    resolved one; the version is the model timestamp under "model:"."""
    doc = parse(
        {
            "quotes": [
                quote(
                    cue=span("added"),
                    sources=[span("Ida Marsh")],
                    coreferences=[span("she")],
                    contents=[span('"We will open the sluices,"')],
                )
            ],
            "source": {"application": "citron-extractor", "model:": "2021-11-15"},
        }
    )
    (run,) = doc.runs
    assert run.version == "2021-11-15"
    (found,) = run.candidates
    assert [s.text for s in found.source] == ["she"]
    assert found.source_name == "Ida Marsh"


def test_annotation_format_coreferences_name_the_source():
    """Without the extractor's mark, `sources` are the spans and `coreferences` the name."""
    doc = parse(
        {
            "quotes": [
                quote(sources=[span("she")], coreferences=[span("Ida Marsh")], cue=span("added"))
            ]
        }
    )
    (found,) = doc.runs[0].candidates
    assert ([s.text for s in found.source], found.source_name) == (["she"], "Ida Marsh")


def test_bad_quotes_are_reported_by_item_and_field_and_good_ones_kept():
    """Each bad quote is one problem naming its index and field; the good quote still comes."""
    bad_end = quote(cue={"start": 40, "end": 40, "text": ""})
    no_contents = quote(contents=[])
    percent = quote(confidence=87)
    no_sources = quote()
    del no_sources["sources"]
    not_number = quote(cue={"start": "4", "end": 8})
    doc = parse({"quotes": [bad_end, quote(), no_contents, percent, no_sources, not_number]})
    assert len(doc.runs[0].candidates) == 1
    found = [(p.item, p.field) for p in doc.problems]
    assert found == [
        ("record 1, quote 1", "cue"),
        ("record 1, quote 3", "contents"),
        ("record 1, quote 4", "confidence"),
        ("record 1, quote 5", "sources"),
        ("record 1, quote 6", "cue.start"),
    ]
    assert "87 is not in [0, 1]" in str(doc.problems[2])
    assert str(doc.problems[0]).startswith("f.json: record 1, quote 1: cue: end 40")


def test_an_implicit_source_is_an_empty_sources_array():
    """ "sources": [] is an attribution without a source span, not a problem."""
    doc = parse({"quotes": [quote(sources=[])]})
    assert doc.problems == [] and doc.runs[0].candidates[0].source == ()


def test_the_article_is_named_by_id_external_id_or_file_name():
    """article_id (a number or digits) and external_id are read; the file's stem is kept as the
    last resort."""
    assert parse({"quotes": [], "article_id": "12"}).ref.article_id == 12
    ref = parse({"quotes": [], "external_id": "wire-7"}, name="stem").ref
    assert (ref.article_id, ref.external_id, ref.name) == (None, "wire-7", "stem")


def test_a_document_without_quotes_is_one_problem():
    """No quotes array: the document is refused as a whole, with the field."""
    doc = parse({"text": TEXT})
    assert doc.runs == []
    assert [(p.item, p.field) for p in doc.problems] == [("record 1", "quotes")]
