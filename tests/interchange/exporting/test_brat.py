"""The binary exports read back by their own clients: brat standoff (the ZIP parsed here as brat
parses it) and spaCy's DocBin (loaded with spaCy). Span counts and texts must match."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

import pytest
import spacy
from spacy.tokens import DocBin

from annotations import anchoring
from annotations.exporters import FORMATS, brat
from annotations.exporters import spacy as spacy_export
from annotations.exporters.data import (
    AnnotationData,
    ArticleData,
    AttributionData,
    SourceData,
    load_articles,
)
from annotations.models import Annotation, Attribution, Source
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

WHEN = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)
TITLE = "Minister 👍🏽 says the bridge opens"
CAPTION = "The old bridge at dawn, looking east"
BODY = (
    "The minister said on Tuesday that the bridge would open in spring.\n\n"
    "Engineers 👍🏽 were less sure,\naccording to a report.\n\n"
    "The council said nothing."
)


def span(
    n: int, target: str, text: str, quote: str, tag: str = "Claim", caption=None, **fields
) -> AnnotationData:
    start = text.index(quote)
    selector = anchoring.text_quote(text, start, start + len(quote))
    values = {
        "id": n,
        "client_id": f"00000000-0000-4000-8000-{n:012d}",
        "target": target,
        "caption": caption,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
        "tag": tag,
        "tag_role": tag.lower() if tag in {"Claim", "Source", "Cue"} else "other",
        "note": "",
        "author": "editor1",
        "status": "accepted",
        "source": None,
        "created": WHEN,
        "updated": WHEN,
    }
    return AnnotationData(**(values | fields))


def sample(article_id: int = 1) -> ArticleData:
    """Title (after an astral emoji), caption, nested, overlapping, cross-paragraph and
    line-break-crossing body spans, an attribution with source span and cue, one to a
    registry entry only, and a note in HTML."""
    spans = [
        span(1, "title", TITLE, "says the bridge", "Cue"),
        span(2, "caption", CAPTION, "old bridge", "Quote", caption=0),
        span(3, "body", BODY, "The minister said on Tuesday that the bridge would open in spring"),
        span(4, "body", BODY, "The minister", "Source", source="Minister of Transport"),
        span(5, "body", BODY, "said", "Cue"),
        span(6, "body", BODY, "the bridge would open in spring.\n\nEngineers 👍🏽 were"),
        span(
            7, "body", BODY, "were less sure,\naccording", "Claim", note="<p>Check <b>this</b></p>"
        ),
        span(8, "body", BODY, "The council said nothing", "Claim"),
    ]
    spans.sort(key=lambda s: ({"title": 0, "caption": 1, "body": 2}[s.target], s.start, -s.end))
    return ArticleData(
        id=article_id,
        external_id=f"ext-{article_id}",
        url="",
        title=TITLE,
        outlet="City Press",
        byline="",
        published=None,
        status="approved",
        body=BODY,
        captions=[(CAPTION, "AP")],
        annotations=spans,
        attributions=[
            AttributionData(
                1,
                spans_by_id(spans, 3),
                spans_by_id(spans, 4),
                None,
                spans_by_id(spans, 5),
                "editor1",
            ),
            AttributionData(2, spans_by_id(spans, 8), None, "City Council", None, "editor1"),
        ],
        sources=[
            SourceData("City Council", "government", "", []),
            SourceData("Minister of Transport", "person", "", ["the minister"]),
        ],
        caption_ids=[77],
    )


def spans_by_id(spans: list[AnnotationData], n: int) -> str:
    return next(s.client_id for s in spans if s.id == n)


# --- brat ---------------------------------------------------------------------------------------


def parse_ann(ann: str) -> tuple[dict, list, list]:
    """A .ann file as brat reads it: T id -> (type, [(start, end)], text); relations
    (type, arg1, arg2); notes (target id, text). Fails on any other line."""
    spans, relations, notes = {}, [], []
    for line in ann.splitlines():
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            head, text = rest.split("\t", 1)
            kind, offsets = head.split(" ", 1)
            pieces = [tuple(int(x) for x in part.split(" ")) for part in offsets.split(";")]
            spans[ident] = (kind, pieces, text)
        elif ident.startswith("R"):
            kind, arg1, arg2 = rest.split(" ")
            assert arg1.startswith("Arg1:") and arg2.startswith("Arg2:")
            relations.append((kind, arg1[5:], arg2[5:]))
        elif ident.startswith("#"):
            head, text = rest.split("\t", 1)
            kind, target = head.split(" ")
            assert kind == "AnnotatorNotes"
            notes.append((target, text))
        else:
            raise AssertionError(f"unexpected .ann line {line!r}")
    return spans, relations, notes


def unzip(chunks: Iterable[bytes]) -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(b"".join(chunks)))
    assert archive.testzip() is None
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


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


# --- spaCy --------------------------------------------------------------------------------------


def load_docbin(chunks: Iterable[bytes]):
    nlp = spacy.blank("en")
    return list(DocBin().from_bytes(b"".join(chunks)).get_docs(nlp.vocab))


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


# --- From the database --------------------------------------------------------------------------


@pytest.mark.django_db
def test_both_formats_read_back_from_the_database():
    """Annotations saved through the models, loaded by load_articles and written by FORMATS'
    brat and spacy writers, read back with the same counts and texts; pending ones are left
    out by default."""
    editor = make_user(role="editor")
    article = make_article(captions=[("Engineers on the bridge deck", "AP")])
    caption = article.captions.get()
    accepted = {"author": editor, "status": Annotation.Status.ACCEPTED}
    claim = make_annotation(article, "Claim", quote="the bridge would open in spring", **accepted)
    source = make_annotation(article, "Source", quote="The minister", **accepted)
    cue = make_annotation(article, "Cue", quote="said", **accepted)
    make_annotation(article, "Claim", target="title", quote="Minister says", **accepted)
    make_annotation(
        article, "Quote", target="caption", caption=caption, quote="Engineers", **accepted
    )
    make_annotation(article, "Claim", quote="spring.\n\nEngineers", **accepted)
    make_annotation(article, "Claim", quote="less sure", author=editor)  # pending
    entry = Source.objects.create(name="Ministry of Transport", kind="government")
    Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
    Attribution.objects.create(claim=claim, source_entry=entry, author=editor)

    def data():
        return load_articles(Article.objects.all())

    files = unzip(FORMATS["brat"].write(data()))
    spans, relations, notes = parse_ann(files[f"newsroom/{article.pk}.ann"])
    txt = files[f"newsroom/{article.pk}.txt"]
    assert len(spans) == 6
    for _, pieces, text in spans.values():
        assert text == " ".join(txt[s:e] for s, e in pieces)
    assert sorted(r[0] for r in relations) == ["CueOf", "SourceOf"]
    assert [n[1] for n in notes] == ["source: Ministry of Transport"]

    docs = load_docbin(FORMATS["spacy"].write(data()))
    assert [d.text for d in docs] == [article.title, caption.text, article.body]
    assert sum(len(d.spans["sc"]) for d in docs) == 6
    quotes = sorted(s.text for d in docs for s in d.spans["sc"])
    assert quotes == sorted(
        Annotation.objects.filter(status="accepted").values_list("quote", flat=True)
    )
