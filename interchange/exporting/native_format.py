"""The native format (docs/formats/native.md) as the writers need it: its name and version, its
field tables (and `as_object`, a record as the object a table describes), its dates and its
JSON encoding.

To be merged into interchange/native.py, the one native-format definition that the import side
is writing in parallel (the lead merges the two). Until then the reader keeps its own copies of
the name, the key orders and the date rendering in articles/importers/jsonl.py, and a test holds
the two equal (tests/interchange/exporting/test_native.py).

Each table lists an object's fields in the order a line carries them: the JSON key, its kind
(what the writer does with the value, `KINDS`) and the attribute of the export record that
holds it (records.py; a caption is a (text, credit) tuple: its "attributes" are the positions
"0" and "1"). The native writer's fast path and its reference dict are both built from these
tables, so a field is added in one place.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

FORMAT = "newsroom.article/1"

KINDS = {
    "format": "the constant FORMAT",
    "str": "a string",
    "str?": "a string or null",
    "int": "an integer",
    "int?": "an integer or null",
    "time": "a date-time as native_datetime writes it",
    "time?": "the same, or null",
    "str[]": "an array of strings",
    "captions": "an array of CAPTION_FIELDS objects",
    "annotations": "an array of ANNOTATION_FIELDS objects",
    "attributions": "an array of ATTRIBUTION_FIELDS objects",
    "sources": "an array of SOURCE_FIELDS objects",
}


class Field(NamedTuple):
    key: str
    kind: str
    attribute: str


ARTICLE_FIELDS = (
    Field("format", "format", ""),
    Field("external_id", "str", "external_id"),
    Field("url", "str", "url"),
    Field("title", "str", "title"),
    Field("outlet", "str", "outlet"),
    Field("byline", "str", "byline"),
    Field("published", "time?", "published"),
    Field("status", "str", "status"),
    Field("body", "str", "body"),
    Field("captions", "captions", "captions"),
    Field("annotations", "annotations", "annotations"),
    Field("attributions", "attributions", "attributions"),
    Field("sources", "sources", "sources"),
)
CAPTION_FIELDS = (Field("text", "str", "0"), Field("credit", "str", "1"))
ANNOTATION_FIELDS = (
    Field("id", "str", "client_id"),
    Field("target", "str", "target"),
    Field("caption", "int?", "caption"),
    Field("start", "int", "start"),
    Field("end", "int", "end"),
    Field("quote", "str", "quote"),
    Field("prefix", "str", "prefix"),
    Field("suffix", "str", "suffix"),
    Field("tag", "str", "tag"),
    Field("note", "str", "note"),
    Field("author", "str", "author"),
    Field("status", "str", "status"),
    Field("source", "str?", "source"),
    Field("created", "time", "created"),
    Field("updated", "time", "updated"),
)
ATTRIBUTION_FIELDS = (
    Field("claim", "str", "claim"),
    Field("source_span", "str?", "source_span"),
    Field("source", "str?", "source"),
    Field("cue", "str?", "cue"),
    Field("author", "str", "author"),
)
SOURCE_FIELDS = (
    Field("name", "str", "name"),
    Field("kind", "str", "kind"),
    Field("description", "str", "description"),
    Field("aliases", "str[]", "aliases"),
)
# The table of the objects an array kind holds.
ITEM_FIELDS = {
    "captions": CAPTION_FIELDS,
    "annotations": ANNOTATION_FIELDS,
    "attributions": ATTRIBUTION_FIELDS,
    "sources": SOURCE_FIELDS,
}

# json.dumps(obj, ensure_ascii=False, separators=(",", ":")) as native.md specifies, with the
# encoder built once rather than per line. Every JSON writer (W3C, doccano, Label Studio) writes
# the same compact UTF-8 form.
encode_json = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False
).encode


def native_datetime(value: datetime | None) -> str | None:
    """A datetime as the native format writes it: UTC, seconds always, microseconds only when
    not zero, "Z" for the offset ("2024-05-01T08:30:00Z"). An aware datetime is required.

    What the database gives is already in UTC and needs no astimezone: a shortcut for it (the
    export's hot path) that writes the same text."""
    if value is None:
        return None
    if value.tzinfo is UTC:
        return value.replace(tzinfo=None).isoformat() + "Z"
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("the native format writes aware datetimes only")
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def as_object(fields: Sequence[Field], record: Any) -> dict[str, Any]:
    """A record as the native object the table `fields` describes (keys in order)."""
    out: dict[str, Any] = {}
    for key, kind, attribute in fields:
        if kind == "format":
            out[key] = FORMAT
            continue
        value = record[int(attribute)] if attribute.isdigit() else getattr(record, attribute)
        if kind in ITEM_FIELDS:
            value = [as_object(ITEM_FIELDS[kind], item) for item in value]
        elif kind in ("time", "time?"):
            value = native_datetime(value)
        out[key] = value
    return out
