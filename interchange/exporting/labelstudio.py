"""Label Studio JSON: a list of tasks, one per article, with one annotation holding every span
as a "labels" result and every attribution as "relation" results.

Label Studio labels one text per task, so `data.text` is the article's texts end to end
(`records.flat_text`: title, captions, body, a blank line between them) and offsets are shifted
into it; `data.parts` says where each text lies. Offsets are code points, as Label Studio
stores them. The labelling config these results fit is `label_config(tags)`: a <Labels>
named "label" over a <Text> named "text", and <Relations> "source" and "cue".

A result's id is the annotation's client id; a note becomes the region's meta text (plain
text). Relations (`records.link_relations`): each fragment of a claim's content → source span
("source") and → cue ("cue"), claim → each further fragment ("fragment"); a link to a registry
entry has no region to point at and is left out. An implicit source is the per-region choice
"implicit" of the <Choices> "source_kind" on the claim's region. Label Studio has no author or
review status per region: those stay in the native and CSV exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import quoteattr

from ..native import encode_json, native_datetime
from .records import ArticleData, flat_text, link_relations, note_text

FROM_NAME = "label"
TO_NAME = "text"
RELATIONS = ("source", "cue", "fragment")
SOURCE_CHOICE = "source_kind"  # a per-region <Choices> on a claim: its source is implicit
IMPLICIT = "implicit"


def write(articles: Iterable[ArticleData], **_options: object) -> Iterator[str]:
    """A JSON array, one task per line. Takes no options; others are ignored."""
    first = True
    yield "["
    for article in articles:
        yield ("\n" if first else ",\n") + encode_json(task(article))
        first = False
    yield "\n]\n"


def task(article: ArticleData) -> dict[str, Any]:
    flat = flat_text(article)
    base = flat.starts()
    results: list[dict[str, Any]] = []
    regions: dict[str, dict[str, Any]] = {}
    for a in article.annotations:
        shift = base[a.target, a.caption]
        region: dict[str, Any] = {
            "id": a.client_id,
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "origin": "manual",
            "value": {
                "start": a.start + shift,
                "end": a.end + shift,
                "text": a.quote,
                "labels": [a.tag],
            },
        }
        if a.note:
            region["meta"] = {"text": [note_text(a.note)]}
        results.append(region)
        regions[a.client_id] = region
    for link in article.attributions:
        for start, kind, end in link_relations(link):
            results.append(
                {
                    "from_id": start,
                    "to_id": end,
                    "type": "relation",
                    "direction": "right",
                    "labels": [kind],
                }
            )
        if link.implicit_source:
            # A per-region choice on the claim's region (same id, same value), as Label
            # Studio stores a <Choices perRegion="true"> answer.
            claim = regions[link.claim]["value"]
            results.append(
                {
                    "id": link.claim,
                    "from_name": SOURCE_CHOICE,
                    "to_name": TO_NAME,
                    "type": "choices",
                    "origin": "manual",
                    "value": {
                        "start": claim["start"],
                        "end": claim["end"],
                        "text": claim["text"],
                        "choices": [IMPLICIT],
                    },
                }
            )
    return {
        "id": article.id,
        "data": {
            "text": flat.text,
            "title": article.title,
            "article_id": article.id,
            "external_id": article.external_id,
            "url": article.url,
            "outlet": article.outlet,
            "published": native_datetime(article.published),
            "parts": flat.described(),
        },
        "annotations": [{"result": results, "ground_truth": False}] if results else [],
    }


def label_config(tags: Iterable[str]) -> str:
    """The Label Studio labelling config (XML) that the exported results fit."""
    labels = "".join(f"<Label value={quoteattr(tag)}/>" for tag in tags)
    relations = "".join(f"<Relation value={quoteattr(kind)}/>" for kind in RELATIONS)
    return (
        f"<View><Relations>{relations}</Relations>"
        f'<Labels name="{FROM_NAME}" toName="{TO_NAME}">{labels}</Labels>'
        f'<Text name="{TO_NAME}" value="$text"/>'
        f'<Choices name="{SOURCE_CHOICE}" toName="{TO_NAME}" perRegion="true">'
        f'<Choice value="{IMPLICIT}"/></Choices></View>'
    )


def links_dropped(article: ArticleData) -> int:
    """An attribution whose source is a registry entry alone has no region to relate to (an
    implicit source is the claim's per-region choice): its link to its source is dropped."""
    return sum(
        1 for link in article.attributions if link.source_span is None and not link.implicit_source
    )
