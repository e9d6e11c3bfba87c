"""brat standoff: the ZIP parsed here as brat parses it; span counts and texts must match."""

from __future__ import annotations

from collections.abc import Iterator

from interchange.exporting import brat
from interchange.exporting.records import ArticleData
from tests.interchange.exporting.sample_records import (
    BODY,
    CAPTION,
    TITLE,
    parse_ann,
    sample,
    span,
    spans_by_id,
    unzip,
)


def test_brat_spans_read_back_equal_the_text_they_mark():
    """Every T line's fragments cut exactly its text out of the .txt (brat offsets are code
    points, like Python's), one T per annotation, and the whole span from the first fragment to
    the last is the annotation's quote."""
    article = sample()
    files = unzip(brat.write([article]))
    txt, ann = files["newsroom/1.txt"], files["newsroom/1.ann"]
    spans, _, _ = parse_ann(ann)
    assert len(spans) == len(article.annotations)
    for (kind, pieces, text), annotation in zip(spans.values(), article.annotations, strict=True):
        assert text == " ".join(txt[s:e] for s, e in pieces)
        assert txt[pieces[0][0] : pieces[-1][1]] == annotation.quote
        assert kind == annotation.tag
        assert all("\n" not in txt[s:e] for s, e in pieces)


def test_brat_text_is_title_captions_body_separated_by_blank_lines():
    """The .txt is the title, each caption and the body, joined by a blank line, so title and
    caption spans are shifted by where their part starts."""
    files = unzip(brat.write([sample()]))
    assert files["newsroom/1.txt"] == f"{TITLE}\n\n{CAPTION}\n\n{BODY}"
    spans, _, _ = parse_ann(files["newsroom/1.ann"])
    caption_span = next(s for s in spans.values() if s[0] == "Quote")
    start = len(TITLE) + 2 + CAPTION.index("old bridge")
    assert caption_span[1] == [(start, start + len("old bridge"))]


def test_brat_spans_across_line_breaks_become_fragments():
    """A span holding a paragraph break or a line break is written as brat writes one itself:
    a fragment per line, texts joined by a space."""
    files = unzip(brat.write([sample()]))
    spans, _, _ = parse_ann(files["newsroom/1.ann"])
    texts = {s[2]: s[1] for s in spans.values()}
    assert len(texts["the bridge would open in spring. Engineers 👍🏽 were"]) == 2
    assert len(texts["were less sure, according"]) == 2


def test_brat_attributions_become_relations_and_notes():
    """Claim ← Source span and Cue are SourceOf / CueOf relations from the span to the claim;
    a registry-only source, a resolved source span and a note become AnnotatorNotes."""
    files = unzip(brat.write([sample()]))
    spans, relations, notes = parse_ann(files["newsroom/1.ann"])
    by_text = {s[2]: tid for tid, s in spans.items()}
    claim = by_text["The minister said on Tuesday that the bridge would open in spring"]
    assert sorted(relations) == [
        ("CueOf", by_text["said"], claim),
        ("SourceOf", by_text["The minister"], claim),
    ]
    assert sorted(notes) == sorted(
        [
            (by_text["The minister"], "registry entry: Minister of Transport"),
            (by_text["were less sure, according"], "Check this"),
            (by_text["The council said nothing"], "source: City Council"),
        ]
    )
    assert len(notes) == len({target for target, _ in notes})


def test_brat_annotation_conf_declares_types_relations_and_overlap():
    """annotation.conf lists every tag seen, both relations with the types they link, and
    allows overlapping spans (brat refuses them otherwise)."""
    conf = unzip(brat.write([sample()]))["newsroom/annotation.conf"]
    sections = {}
    current = None
    for line in conf.splitlines():
        if line.startswith("#") or not line:
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        else:
            sections[current].append(line)
    assert sections["entities"] == ["Claim", "Cue", "Quote", "Source"]
    assert "SourceOf\tArg1:Source, Arg2:Claim" in sections["relations"]
    assert "CueOf\tArg1:Cue, Arg2:Claim" in sections["relations"]
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in sections["relations"]


def test_brat_tag_names_become_safe_type_names():
    """A tag name with spaces or punctuation becomes a brat type of letters, digits and _."""
    article = sample()
    article.annotations[0].tag = "Named entity (person)"
    files = unzip(brat.write([article]))
    spans, _, _ = parse_ann(files["newsroom/1.ann"])
    assert next(iter(spans.values()))[0] == "Named_entity_person"
    assert "Named_entity_person" in files["newsroom/annotation.conf"].splitlines()


def test_brat_zip_streams_an_article_at_a_time():
    """The first chunk is a complete ZIP entry pair, yielded before the second article is
    read: a download starts at once and memory holds one article."""
    pulled = []

    def articles() -> Iterator[ArticleData]:
        for n in (1, 2, 3):
            pulled.append(n)
            yield sample(n)

    chunks = brat.write(articles())
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04")
    assert pulled == [1]
    rest = list(chunks)
    assert pulled == [1, 2, 3]
    names = sorted(unzip([first, *rest]))
    assert names == [
        "newsroom/1.ann",
        "newsroom/1.txt",
        "newsroom/2.ann",
        "newsroom/2.txt",
        "newsroom/3.ann",
        "newsroom/3.txt",
        "newsroom/annotation.conf",
    ]


def test_brat_span_of_line_breaks_only_is_reported():
    """A span made of line breaks only cannot be marked in brat: it is reported, not lost
    silently."""
    article = sample()
    article.annotations.append(span(9, "body", BODY, "\n\n", "Claim"))
    report: list[str] = []
    files = unzip(brat.write([article], report=report))
    spans, _, _ = parse_ann(files["newsroom/1.ann"])
    assert len(spans) == len(article.annotations) - 1
    assert len(report) == 1 and "only line breaks" in report[0]


def test_brat_fragments_are_relations_and_an_implicit_source_an_attribute():
    """A content in two fragments: one T line each, and a FragmentOf relation from the further
    fragment to the claim; an implicit source: the ImplicitSource attribute of its claim, both
    declared in annotation.conf with the types they were written for."""
    article = sample()
    quote, council = article.attributions
    quote.fragments = [spans_by_id(article.annotations, 8)]
    council.source, council.implicit_source = None, True
    files = unzip(brat.write([article]))
    attributes: list = []
    spans, relations, notes = parse_ann(files["newsroom/1.ann"], attributes)
    by_text = {s[2]: tid for tid, s in spans.items()}
    claim = by_text["The minister said on Tuesday that the bridge would open in spring"]
    assert ("FragmentOf", by_text["The council said nothing"], claim) in relations
    assert attributes == [("ImplicitSource", by_text["The council said nothing"])]
    assert not any(text.startswith("source:") for _, text in notes)
    conf = files["newsroom/annotation.conf"]
    assert "FragmentOf\tArg1:Claim, Arg2:Claim" in conf
    assert conf.endswith("[attributes]\nImplicitSource\tArg:Claim\n")
