"""Records built by hand (no database) for the brat and spaCy writers, and readers of those
two formats' output as their own clients read it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime

import spacy
from spacy.tokens import DocBin

from annotations import anchoring
from interchange.exporting.records import AnnotationData, ArticleData, AttributionData, SourceData

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


def parse_ann(ann: str, attributes: list | None = None) -> tuple[dict, list, list]:
    """A .ann file as brat reads it: T id -> (type, [(start, end)], text); relations
    (type, arg1, arg2); notes (target id, text); attributes (type, target id) into
    `attributes` when given. Fails on any other line (an attribute line when not asked for)."""
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
        elif ident.startswith("A") and attributes is not None:
            kind, target = rest.split(" ")
            attributes.append((kind, target))
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


def load_docbin(chunks: Iterable[bytes]):
    nlp = spacy.blank("en")
    return list(DocBin().from_bytes(b"".join(chunks)).get_docs(nlp.vocab))
