"""What the saver holds between checking a record and writing its batch: a checked article
(`Pending`), its checked annotations (`Span`) and attributions (`Link`), and what matching needs
of a stored article (`Stored`). Plain data, no behaviour beyond the record's keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..records import SourceRecord

# Outcomes of a record, which are also the statuses of its preview row.
NEW, DUPLICATE, UPDATE, CHANGED, ERROR = "new", "duplicate", "update", "changed", "error"


@dataclass(slots=True)
class Span:
    """A checked annotation, waiting for its article's and captions' primary keys."""

    client_key: str  # the id in canonical form: 8-4-4-4-12 lower-case hex digits
    client_db: object  # the id as the database takes it (prepared once)
    target: str
    caption: int | None  # index into the article's captions
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    tag: int
    note: str
    source: str  # registry name, or ""
    author: str  # username, or "" for the importing user
    status: str
    created: datetime | None
    updated: datetime | None
    pk: int | None = None


@dataclass(slots=True)
class Link:
    """A checked attribution: indexes into the article's spans."""

    claim: int
    source_span: int | None
    source: str
    cue: int | None
    author: str
    fragments: list[int]  # further content spans after the claim
    implicit_source: bool


@dataclass(slots=True)
class Pending:
    """A checked article record, waiting for its batch to be written."""

    origin: str
    title: str
    body: str
    outlet: str
    byline: str
    url: str
    published: datetime | None
    external_id: str
    content_hash: str
    status: str
    captions: list[tuple[str, str]]
    spans: list[Span]
    links: list[Link]
    sources: list[SourceRecord]
    row: dict[str, Any] | None  # its preview row, when within the limit
    leader: Pending | None = None  # an identical record earlier in the same batch
    outcome: str = ""
    article_id: int | None = None
    approved: bool = False  # CHANGED because the stored article is approved (locked)

    @property
    def keys(self) -> set[tuple[str, str]]:
        keys = {("content_hash", self.content_hash)}
        if self.external_id:
            keys.add(("external_id", self.external_id))
        if self.url:
            keys.add(("url", self.url))
        return keys

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.external_id, self.url, self.content_hash)


@dataclass(slots=True)
class Stored:
    """What the dedupe needs of a stored article."""

    id: int
    external_id: str
    url: str
    content_hash: str
    status: str
