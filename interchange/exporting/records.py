"""What every writer reads: plain-data snapshots of articles, and the text helpers they share.

Pure Python, no Django and no ORM: `loader.load_articles` builds these records from the
database, a test builds them by hand, and the writers (one module per format in this package)
turn them into files. Contract (kept stable: every writer, the download view, the background
export and the command build on it):

ArticleData
    id (pk), external_id, url, title, outlet, byline, published (aware datetime or None),
    status (workflow status), body (canonical text), captions: list of (text, credit) in display
    order, annotations, attributions, sources, caption_ids: the captions' pks in the same order
    (for the page's element ids; `caption` indexes below refer to positions, not pks).
    `text(target, caption)` gives the text an annotation points into.
AnnotationData
    id (pk), client_id (UUID string, lower case with hyphens), target ("title" | "body" |
    "caption"), caption (index into captions, or None), start, end (code points, see
    docs/offsets.md), quote, prefix, suffix, tag (name), tag_role (Tag.Role value), note
    (sanitised HTML), author (username), status ("pending" | "accepted" | "rejected"), source
    (registry entry name of a Source span, or None), created, updated (aware datetimes).
    Order: reading order: title, captions by index, body; then start, end descending (an
    enclosing span first), then client_id. Deleted annotations are never loaded.
AttributionData
    id (pk), claim (the claim's client_id), source_span (client_id or None), source (the
    attribution's own registry entry name, or None), cue (client_id or None), author (username),
    fragments (client_ids of the further content spans after the claim, in reading order;
    `[claim, *fragments]` is the whole content), implicit_source (True when there is no source
    in the text: then source_span and source are None).
    Only links whose claim and source span are both exported are kept; a cue or a fragment that
    is not exported (e.g. pending while only accepted annotations are exported) is left out
    (None, or not in the list), as when it is deleted. Order: by the claim's position, the source span's (None first), source
    name (None first), the cue's (None first), then pk: exactly native.md's order.
SourceData
    name, kind, description, aliases (sorted by code point). ArticleData.sources lists the
    registry entries its annotations and attributions name, each once, sorted by name. The
    instances are shared between articles: treat them as read-only.

`flat_text(article)` lays an article's texts end to end (title, captions, body, separated by
a blank line) for formats that annotate one text per document (doccano, Label Studio, brat).
`note_text(note)` is a note as plain text, for formats that do not carry HTML.
`caption_number(index)` is a caption as the article page numbers it (from 1). `place(span)` and
`one_line(text)` word the lines of a writer's report (brat, spaCy). `link_relations(link)` is
an attribution as relations between two spans each (doccano, Label Studio).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from articles import content

SEPARATOR = "\n\n"  # between the parts of a flat text
# How the exports word an attribution with no source in the text (AttributionData.
# implicit_source); the same words as the panel's (annotations.models, held equal by a test).
IMPLICIT_SOURCE = "(implicit source)"


@dataclass(slots=True)
class SourceData:
    name: str
    kind: str
    description: str
    aliases: list[str]


@dataclass(slots=True)
class AnnotationData:
    id: int
    client_id: str
    target: str
    caption: int | None
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    tag: str
    tag_role: str
    note: str
    author: str
    status: str
    source: str | None
    created: datetime
    updated: datetime


@dataclass(slots=True)
class AttributionData:
    id: int
    claim: str
    source_span: str | None
    source: str | None
    cue: str | None
    author: str
    fragments: list[str] = field(default_factory=list)
    implicit_source: bool = False


@dataclass(slots=True)
class ArticleData:
    # The fields without a default are the Article model's columns of the same names, in this
    # order: the loader reads them by these names (loader.ARTICLE_COLUMNS).
    id: int
    external_id: str
    url: str
    title: str
    outlet: str
    byline: str
    published: datetime | None
    status: str
    body: str
    captions: list[tuple[str, str]] = field(default_factory=list)
    annotations: list[AnnotationData] = field(default_factory=list)
    attributions: list[AttributionData] = field(default_factory=list)
    sources: list[SourceData] = field(default_factory=list)
    caption_ids: list[int] = field(default_factory=list)

    def text(self, target: str, caption: int | None = None) -> str:
        """The canonical text a span of `target` (and caption index) points into."""
        if target == "title":
            return self.title
        if target == "body":
            return self.body
        if target == "caption" and caption is not None:
            return self.captions[caption][0]
        raise ValueError(f"no text for target {target!r}, caption {caption!r}")


@dataclass(slots=True)
class FlatText:
    """An article's texts end to end: `text`, and where each part starts in it."""

    text: str
    # (target, caption index or None, start in `text`, end in `text`), in reading order.
    parts: list[tuple[str, int | None, int, int]]

    def offset(self, target: str, caption: int | None = None) -> int:
        """Where the text of `target` (caption index) starts in `text`."""
        for part_target, part_caption, start, _ in self.parts:
            if part_target == target and part_caption == caption:
                return start
        raise ValueError(f"no part {target!r}, caption {caption!r}")

    def starts(self) -> dict[tuple[str, int | None], int]:
        """offset() of every part at once, by (target, caption index): to shift many spans."""
        return {(target, caption): start for target, caption, start, _ in self.parts}

    def described(self) -> list[dict[str, object]]:
        """The parts as the doccano and Label Studio exports list them ("parts")."""
        return [
            {"target": target, "caption": caption, "start": start, "end": end}
            for target, caption, start, end in self.parts
        ]


def flat_text(article: ArticleData, separator: str = SEPARATOR) -> FlatText:
    """Title, then each caption, then the body, joined by `separator` (a blank line): a span
    of part P at [start, end) is at [start + offset(P), end + offset(P)) in the result."""
    pieces: list[tuple[str, int | None, str]] = [("title", None, article.title)]
    pieces += [("caption", i, text) for i, (text, _) in enumerate(article.captions)]
    pieces.append(("body", None, article.body))
    parts: list[tuple[str, int | None, int, int]] = []
    position = 0
    for target, caption, text in pieces:
        parts.append((target, caption, position, position + len(text)))
        position += len(text) + len(separator)
    return FlatText(separator.join(text for _, _, text in pieces), parts)


_BREAK = re.compile(r"<(?:br|/p|/li|/blockquote)\b[^>]*>", re.IGNORECASE)


def note_text(note: str) -> str:
    """A note (sanitised HTML) as one line of plain text, for formats without HTML: tags
    removed, entities decoded, a space where a paragraph, item or line ends."""
    if not note:
        return ""
    if "<" not in note and "&" not in note:
        return content.canonical_line(note)
    return content.html_to_text(_BREAK.sub(" ", note))


def caption_number(caption: int | None) -> int | str:
    """A caption's number as the article page shows it ("Caption 1" is the first caption in
    display order, index 0): index + 1, or "" for a span that is not in a caption. The CSV
    exports and the reports number captions so; the JSON formats keep the index (from 0)
    into the article's list of captions."""
    return "" if caption is None else caption + 1


def place(span: AnnotationData) -> str:
    """Where a span is, as a report names it: "title", "body" or "caption <n>" (numbered as
    the article page numbers captions, from 1)."""
    return f"caption {caption_number(span.caption)}" if span.caption is not None else span.target


def one_line(text: str, n: int = 60) -> str:
    """`text` on one line of a report: line breaks shown as ⏎, cut to `n` characters with an
    ellipsis."""
    text = text.replace("\n", "⏎")
    return text if len(text) <= n else text[: n - 1] + "…"


def link_relations(link: AttributionData) -> Iterator[tuple[str, str, str]]:
    """An attribution as (from, type, to) relations between spans (client ids), for the
    formats that link regions two by two (doccano, Label Studio): "source" and "cue" from each
    fragment of the content, then "fragment" from the claim to each further fragment, which
    tells one attribution in two fragments from two attributions with the same source and cue.
    A registry entry or an implicit source has no span to point at: no source relation."""
    for part in (link.claim, *link.fragments):
        for kind, other in (("source", link.source_span), ("cue", link.cue)):
            if other is not None:
                yield part, kind, other
    for fragment in link.fragments:
        yield link.claim, "fragment", fragment
