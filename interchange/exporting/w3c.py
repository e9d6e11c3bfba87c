"""W3C Web Annotation (JSON-LD): an AnnotationCollection whose AnnotationPages hold the
annotations, `page_size` to a page. Mapping and layout: docs/formats/exports.md.

One JSON document, streamed: the collection's head, then its pages one per line inside the
collection's "@included" array (JSON-LD 1.1's way to carry other nodes in one document), then
the figures only known at the end: "total", "first" and "last". Pages are linked with
"partOf" (the collection's id and label), "startIndex", "prev" and "next"; each page and each annotation carries the
"@context", so any of them can be taken out and read on its own.

After an article's spans come its attributions, one Annotation each (motivation "linking"):
the content's fragments are its targets, the source and the cue its bodies (`attribution_object`).

Each span's annotation targets its article (the Newsroom page when `base_url` is given, else the
article's original URL, else a URN) with two alternative selectors that both pick its text: a
CssSelector naming the element that holds the target text on the Newsroom page (#t-title,
#t-caption-<caption pk>, #t-body), refined by a TextQuoteSelector in one and a
TextPositionSelector in the other. Positions are code points into that text's canonical form
(docs/offsets.md), as the W3C model counts them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from django.urls import reverse
from django.utils.encoding import iri_to_uri

from annotations.render.highlight import root_id

from ..native import encode_json, native_datetime
from .records import IMPLICIT_SOURCE, AnnotationData, ArticleData, AttributionData

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PAGE_SIZE = 100
ATTRIBUTION_TAG = "attribution"  # the tagging body of an attribution's annotation
_ATTRIBUTION_NAMESPACE = uuid.UUID("8d1f0c52-5b0e-4f8a-9d8e-0e5c2f7b6a31")


def write(
    articles: Iterable[ArticleData],
    *,
    base_url: str = "",
    collection_id: str = "",
    label: str = "Newsroom annotations",
    page_size: int = PAGE_SIZE,
    **_options: object,
) -> Iterator[str]:
    """The collection document, in chunks (a head, a line per page, a tail).

    `base_url` ("https://newsroom.example.org") makes each target's source the article's page
    in Newsroom; `collection_id` is the collection's IRI (default: a new urn:uuid), pages are
    "<collection_id>#page-<n>". Other options are ignored."""
    collection = collection_id or f"urn:uuid:{uuid.uuid4()}"
    page_size = max(1, page_size)
    source_of = _Sources(base_url)
    head = {"@context": CONTEXT, "id": collection, "type": "AnnotationCollection", "label": label}
    yield encode_json(head)[:-1] + ',"@included":[\n'
    part_of = {"id": collection, "label": label}
    total = 0
    pages = 0
    items: list[dict[str, Any]] = []
    for article in articles:
        source = source_of(article)
        for item in article_objects(article, source):
            if len(items) == page_size:
                pages += 1
                yield ("" if pages == 1 else ",\n") + _page(part_of, pages, total, items, True)
                total += len(items)
                items = []
            items.append(item)
    if items:
        pages += 1
        yield ("" if pages == 1 else ",\n") + _page(part_of, pages, total, items, False)
        total += len(items)
    tail: dict[str, Any] = {"total": total}
    if pages:
        tail["first"] = _page_id(collection, 1)
        tail["last"] = _page_id(collection, pages)
    yield "\n]," + encode_json(tail)[1:] + "\n"


def article_objects(article: ArticleData, source: str) -> Iterator[dict[str, Any]]:
    """The article's annotations: its spans in reading order, then its attributions."""
    for span in article.annotations:
        yield annotation_object(article, span, source)
    if article.attributions:
        spans = {span.client_id: span for span in article.annotations}
        for link in article.attributions:
            yield attribution_object(article, link, spans, source)


def attribution_object(
    article: ArticleData, link: AttributionData, spans: dict[str, AnnotationData], source: str
) -> dict[str, Any]:
    """An attribution as one Annotation, motivation "linking": its targets are the content's
    fragments in reading order (several targets, each selected as a span's target is), its
    bodies say what links them: who said it ("identifying": the source span as a
    SpecificResource, its registry entry or the attribution's own as a TextualBody, or
    "implicit source" when the text names none) and how (the cue, "describing")."""
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": ATTRIBUTION_TAG}
    ]
    if link.source_span is not None:
        span = spans[link.source_span]
        body.append({**_target(article, span, source), "purpose": "identifying"})
        if span.source:
            body.append({"type": "TextualBody", "purpose": "identifying", "value": span.source})
    if link.source:
        body.append({"type": "TextualBody", "purpose": "identifying", "value": link.source})
    if link.implicit_source:
        body.append({"type": "TextualBody", "purpose": "identifying", "value": IMPLICIT_SOURCE})
    if link.cue is not None:
        body.append({**_target(article, spans[link.cue], source), "purpose": "describing"})
    content = [link.claim, *link.fragments]
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{attribution_id(link)}",
        "type": "Annotation",
        "motivation": "linking",
        "creator": {"type": "Person", "nickname": link.author},
        "body": body,
        "target": [_target(article, spans[c], source) for c in content],
    }


def attribution_id(link: AttributionData) -> uuid.UUID:
    """A stable id for an attribution, made from what it links (attributions have no id of
    their own that survives a native round trip; the spans' client ids do)."""
    parts = (link.claim, *link.fragments, "|", link.source_span or "", link.source or "")
    key = " ".join((*parts, "implicit" if link.implicit_source else "", link.cue or ""))
    return uuid.uuid5(_ATTRIBUTION_NAMESPACE, key)


def annotation_object(article: ArticleData, span: AnnotationData, source: str) -> dict[str, Any]:
    body: list[dict[str, str]] = [{"type": "TextualBody", "purpose": "tagging", "value": span.tag}]
    if span.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": span.note,
                "format": "text/html",
            }
        )
    if span.source:
        body.append({"type": "TextualBody", "purpose": "identifying", "value": span.source})
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{span.client_id}",
        "type": "Annotation",
        "motivation": "tagging",
        "created": native_datetime(span.created),
        "modified": native_datetime(span.updated),
        "creator": {"type": "Person", "nickname": span.author},
        "body": body,
        "target": _target(article, span, source),
    }


def _target(article: ArticleData, span: AnnotationData, source: str) -> dict[str, Any]:
    """The span's text as a SpecificResource: the element holding its text on the page,
    refined by a quote selector in one alternative and a position selector in the other."""
    element = "#" + root_id(
        f"caption-{article.caption_ids[span.caption]}" if span.caption is not None else span.target
    )
    return {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {
                "type": "CssSelector",
                "value": element,
                "refinedBy": {
                    "type": "TextQuoteSelector",
                    "exact": span.quote,
                    "prefix": span.prefix,
                    "suffix": span.suffix,
                },
            },
            {
                "type": "CssSelector",
                "value": element,
                "refinedBy": {
                    "type": "TextPositionSelector",
                    "start": span.start,
                    "end": span.end,
                },
            },
        ],
    }


def _page(
    part_of: dict[str, str], number: int, start: int, items: list[dict[str, Any]], more: bool
) -> str:
    collection = part_of["id"]
    page: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _page_id(collection, number),
        "type": "AnnotationPage",
        # An object, not the bare IRI: the W3C test suite reads the collection's label and
        # other figures in it (only what is known when the page is written: id and label).
        "partOf": part_of,
        "startIndex": start,
    }
    if number > 1:
        page["prev"] = _page_id(collection, number - 1)
    if more:
        page["next"] = _page_id(collection, number + 1)
    page["items"] = items
    return encode_json(page)


def _page_id(collection: str, number: int) -> str:
    return f"{collection}#page-{number}"


class _Sources:
    """The IRI of an article: its Newsroom page, its original URL, or a URN (in that order of
    preference), as a URI (non-ASCII characters percent-encoded)."""

    def __init__(self, base_url: str) -> None:
        self.page: tuple[str, str] | None = None
        if base_url:
            marker = "987654321"
            url = iri_to_uri(base_url.rstrip("/") + reverse("articles:detail", args=[marker]))
            head, _, tail = url.rpartition(marker)
            self.page = (head, tail)

    def __call__(self, article: ArticleData) -> str:
        if self.page is not None:
            return f"{self.page[0]}{article.id}{self.page[1]}"
        if article.url:
            return iri_to_uri(article.url)
        return f"urn:newsroom:article:{article.id}"
