"""CSV for spreadsheets: one row per annotation (columns in docs/formats/exports.md).

RFC 4180 (comma, double quotes, CR LF), UTF-8, with a byte-order mark when `bom=True` (Excel
needs it to read UTF-8). Formula injection: a text cell that starts with = + - @, a tab or a
carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
evaluating it (OWASP's advice for CSV injection). Numbers are written as numbers. Captions are
numbered from 1, as the article page numbers them ("Caption 1"; `records.caption_number`).

`safe` and `row_writer` are shared with the attributions table
(attributions_csv.py), so both CSVs follow the same rules.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from .records import IMPLICIT_SOURCE, ArticleData, caption_number, note_text

COLUMNS = (
    "article_id",
    "external_id",
    "article_title",
    "annotation_id",
    "target",
    "caption",
    "start",
    "end",
    "quote",
    "tag",
    "note",
    "author",
    "status",
    "registry_entry",
    "source",
    "cue",
    "linked_claim",
    "source_ids",
    "cue_ids",
    "claim_ids",
    "content_ids",
    "fragment_of",
    "created",
    "updated",
)
SEPARATOR = " | "  # between the items of a cell that lists several links
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    """A file-like object whose write returns what it was given: csv.writer's writerow then
    returns the formatted row (the pattern of Django's streaming CSV example)."""

    def write(self, value: str) -> str:
        return value


def safe(value: str) -> str:
    """A text cell a spreadsheet will not evaluate as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def row_writer() -> Any:
    """A csv.writer whose writerow returns the formatted row (RFC 4180, CR LF)."""
    return csv.writer(_Line())


def write(
    articles: Iterable[ArticleData], *, bom: bool = False, **_options: object
) -> Iterator[str]:
    """The header, then the rows of each article as one chunk. `bom` starts the output with
    U+FEFF (written as EF BB BF in UTF-8). Other options are ignored."""
    writer = row_writer()
    yield ("\ufeff" if bom else "") + writer.writerow(COLUMNS)
    for article in articles:
        rows = list(article_rows(article))
        if rows:
            yield "".join(writer.writerow(row) for row in rows)


def article_rows(article: ArticleData) -> Iterator[list[object]]:
    quotes = {a.client_id: a for a in article.annotations}
    sources: dict[str, list[tuple[str, str]]] = {}  # claim -> (label, source span id)
    cues: dict[str, list[tuple[str, str]]] = {}  # claim -> (cue quote, cue id)
    claims: dict[str, list[tuple[str, str]]] = {}  # source or cue span -> (claim quote, id)
    contents: dict[str, list[tuple[str, str]]] = {}  # claim -> ("", content ids) per link
    fragment_of: dict[str, list[tuple[str, str]]] = {}  # further fragment -> ("", claim id)
    for link in article.attributions:
        claim = quotes[link.claim]
        if link.source_span is not None:
            span = quotes[link.source_span]
            entries = dict.fromkeys(e for e in (span.source, link.source) if e)
            label = span.quote + "".join(f" ({entry})" for entry in entries)
            sources.setdefault(link.claim, []).append((label, link.source_span))
            claims.setdefault(link.source_span, []).append((claim.quote, link.claim))
        else:
            label = IMPLICIT_SOURCE if link.implicit_source else link.source or ""
            sources.setdefault(link.claim, []).append((label, ""))
        contents.setdefault(link.claim, []).append(("", " ".join([link.claim, *link.fragments])))
        for fragment in link.fragments:
            fragment_of.setdefault(fragment, []).append(("", link.claim))
        if link.cue is not None:
            cues.setdefault(link.claim, []).append((quotes[link.cue].quote, link.cue))
            claims.setdefault(link.cue, []).append((claim.quote, link.claim))
        else:
            cues.setdefault(link.claim, []).append(("", ""))
    article_id = article.id
    external_id = safe(article.external_id)
    title = safe(article.title)
    none: list[tuple[str, str]] = []
    for a in article.annotations:
        linked_sources = sources.get(a.client_id, none)
        linked_cues = cues.get(a.client_id, none)
        linked_claims = claims.get(a.client_id, none)
        yield [
            article_id,
            external_id,
            title,
            a.client_id,
            a.target,
            caption_number(a.caption),
            a.start,
            a.end,
            safe(a.quote),
            safe(a.tag),
            safe(note_text(a.note)),
            safe(a.author),
            a.status,
            safe(a.source or ""),
            _joined(linked_sources, 0),
            _joined(linked_cues, 0),
            _joined(linked_claims, 0),
            _joined(linked_sources, 1),
            _joined(linked_cues, 1),
            _joined(linked_claims, 1),
            _joined(contents.get(a.client_id, none), 1),
            _joined(fragment_of.get(a.client_id, none), 1),
            _time(a.created),
            _time(a.updated),
        ]


def _joined(items: list[tuple[str, str]], index: int) -> str:
    """One field of each linked item, in link order; "" when every one is empty."""
    values = [item[index] for item in items]
    return safe(SEPARATOR.join(values)) if any(values) else ""


def _time(value: datetime) -> str:
    """UTC, "YYYY-MM-DD HH:MM:SS": the form spreadsheets read as a date and time."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
