"""doccano JSONL: one line per article, for doccano's sequence labelling projects.

doccano annotates one text per document, so the article's texts are laid end to end
(`records.flat_text`: title, captions, body, a blank line between them) and every span's offsets
are shifted into that text; "parts" says where each text lies, so a reader can map them back.
Offsets are code points, as doccano counts them (Python string indexes).

Two layouts:

* default, doccano's "sequence labeling" import: ``{"text", "label": [[start, end, tag], ...],
  <meta>}``;
* `relations=True`, doccano's "sequence labeling with relations" import: ``{"text",
  "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": [{"id", "from_id",
  "to_id", "type"}], <meta>}`` with a "source" relation from each fragment of a claim's
  content to its source span, a "cue" relation from each to its cue, and a "fragment" relation
  from the claim to each further fragment (`link_relations`; a link to a registry entry or an
  implicit source has no span to point at: no source relation).

The other keys (doccano keeps them as the document's metadata): article_id, external_id,
title, url, outlet, published, status and parts.

The formats registry has both: "doccano" (the default layout) and "doccano-relations".
`links_dropped` and `sources_dropped` count, per article, the attribution links each layout
cannot carry (the export reports the sum: docs/formats/exports.md, "Links a format drops").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..native import encode_json, native_datetime
from .records import ArticleData, flat_text, link_relations


def write(
    articles: Iterable[ArticleData], *, relations: bool = False, **_options: object
) -> Iterator[str]:
    """One line per article. Other options are ignored."""
    for article in articles:
        yield encode_json(document(article, relations=relations)) + "\n"


def document(article: ArticleData, *, relations: bool = False) -> dict[str, Any]:
    flat = flat_text(article)
    base = flat.starts()
    out: dict[str, Any] = {"text": flat.text}
    if not relations:
        out["label"] = [
            [a.start + (shift := base[a.target, a.caption]), a.end + shift, a.tag]
            for a in article.annotations
        ]
    else:
        out["entities"] = [
            {
                "id": a.id,
                "label": a.tag,
                "start_offset": a.start + (shift := base[a.target, a.caption]),
                "end_offset": a.end + shift,
            }
            for a in article.annotations
        ]
        pk = {a.client_id: a.id for a in article.annotations}
        links: list[dict[str, int | str]] = []
        for link in article.attributions:
            for start, kind, end in link_relations(link):
                links.append(
                    {"id": len(links) + 1, "from_id": pk[start], "to_id": pk[end], "type": kind}
                )
        out["relations"] = links
    out.update(
        article_id=article.id,
        external_id=article.external_id,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published=native_datetime(article.published),
        status=article.status,
        parts=flat.described(),
    )
    return out


def links_dropped(article: ArticleData) -> int:
    """The default layout has no relations: every attribution of the article is dropped."""
    return len(article.attributions)


def sources_dropped(article: ArticleData) -> int:
    """With relations, an attribution whose source is not a span of the text (a registry entry
    alone, or an implicit source) has no source relation: its link to its source is dropped."""
    return sum(1 for link in article.attributions if link.source_span is None)
