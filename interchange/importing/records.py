"""What every parser yields: `ArticleRecord` (one article, fields not yet canonical) and
`RecordError` (a row that could not be read, with file and line). The saver consumes that
stream; nothing here touches the database.

The records of the native format's objects (caption, annotation, attribution, source) list their
fields in the order of interchange.native's tables, so that a reader holding the values in
table order builds a record with one positional call (a test holds the orders equal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

# An annotation id as the native format writes it (str(uuid.UUID)): what parsers check ids
# against and what the saver takes without parsing it again.
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(slots=True)
class CaptionRecord:
    text: str
    credit: str


@dataclass(slots=True)
class AnnotationRecord:
    """A span carried by an imported article (the native format, docs/formats/native.md), its
    fields in the order of native.ANNOTATION. `id` is the annotation's client id (a UUID
    string); attributions refer to spans by it. `prefix` and `suffix` are kept as read: the
    saver recomputes them from the text."""

    id: str = ""
    target: str = ""  # "title" | "body" | "caption"
    caption: int | None = None  # index into the article's captions when target == "caption"
    start: int = 0
    end: int = 0
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    tag: str = ""  # Tag name
    note: str = ""
    author: str = ""  # username; made as an inactive account if it does not exist
    status: str = "pending"
    source: str = ""  # name of the registry entry a Source span resolves to
    created: datetime | None = None
    updated: datetime | None = None


@dataclass(slots=True)
class AttributionRecord:
    claim: str  # AnnotationRecord.id
    fragments: list[str] = field(default_factory=list)  # AnnotationRecord.ids after the claim
    source_span: str = ""  # AnnotationRecord.id
    source: str = ""  # registry entry name, when there is no source span
    implicit_source: bool = False  # no source in the text: neither source_span nor source
    cue: str = ""  # AnnotationRecord.id
    author: str = ""


@dataclass(slots=True)
class SourceRecord:
    """A registry entry carried along so an annotated set imports complete."""

    name: str
    kind: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ArticleRecord:
    title: str
    body: str
    captions: list[CaptionRecord] = field(default_factory=list)
    url: str = ""
    outlet: str = ""
    byline: str = ""
    published: datetime | None = None
    external_id: str = ""
    origin: str = ""  # "file:line" (or "file:record N") of the article, for error reports
    status: str = ""  # workflow status, from a native export; empty means "new"
    annotations: list[AnnotationRecord] = field(default_factory=list)
    attributions: list[AttributionRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)

    def error(self, message: str) -> RecordError:
        """A RecordError pointing at where this record came from."""
        file, _, line = self.origin.rpartition(":")
        if not line.isdigit():
            return RecordError(self.origin, 0, message)
        return RecordError(file, int(line), message)


@dataclass(frozen=True, slots=True)
class RecordError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        return {"file": self.file, "line": self.line, "message": self.message}
