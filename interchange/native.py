"""The native format, `newsroom.article/1`: its name and ONE field table (docs/formats/native.md).

Everything that reads or writes the format takes its keys, their order, their types, choices and
defaults from here: the JSON Lines reader (`importing/jsonl.py`, whose fast well-formed check
and field-by-field diagnosis both read these tables), the saver (which model field each key
lands in) and the writers (`exporting/native.py` generates its line writer from these tables;
its reference is `as_object`). Choices are the models' own, never a copy. Tests hold the JSON
Schema (docs/formats/native-article.schema.json) and native.md's tables to these tables.

One table per object of the format: ARTICLE (one line), CAPTION, ANNOTATION, ATTRIBUTION and
SOURCE. A Field says:

* `key`: the JSON key; the table's order is the order a writer writes the keys in;
* `type`: one of the kinds below (what a reader accepts and how it is written);
* `model`: where the value is stored, as "Model.field" (None: derived on write, or the format's
  own bookkeeping);
* `required`: a reader refuses the object without it; otherwise a missing or null value reads
  as `default`;
* `nullable`: written as null when there is no value (else as "" or []);
* `choices`: for a choice, the allowed values: the choices of the `model` field, in the order
  the model declares them;
* `items`: for an array of objects, the name of the table of its objects;
* `attribute`: where an export record (exporting/records.py) holds the value: the attribute of
  that name ("" = the key), or a position for a record that is a tuple (a caption).

This module imports no Django (the writers and their records are pure Python, usable without
it): a field's choices are looked up from the model when first asked for, by which time a
reader has Django running.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

NAME = "newsroom.article"
VERSION = 1
FORMAT = f"{NAME}/{VERSION}"

# Kinds of value.
CONSTANT = "constant"  # the format's name and version
TEXT = "text"  # a string
IDENTIFIER = "identifier"  # a string, or a whole number read as its digits (external ids)
CHOICE = "choice"  # a string among `choices`
INTEGER = "integer"  # a whole number >= 0
INDEX = "index"  # a whole number >= 0 pointing into the article's captions, or null
DATETIME = "datetime"  # ISO 8601; written as native_datetime gives it
UUID = "uuid"  # an annotation id
REFERENCE = "reference"  # the id of an annotation of the same article
REFERENCES = "references"  # an array of such ids, each once
BOOLEAN = "boolean"  # true or false
STRINGS = "strings"  # an array of non-empty strings
OBJECTS = "objects"  # an array of objects of the table named by `items`

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


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    type: str
    model: str | None
    required: bool = False
    nullable: bool = False
    default: object = ""
    items: str = ""
    attribute: str | int = ""

    @property
    def choices(self) -> tuple[str, ...]:
        """The values a choice may take: its model field's choices (() for other kinds)."""
        if self.type != CHOICE or self.model is None:
            return ()
        return _model_choices(self.model)

    def value_of(self, record: Any) -> Any:
        """This field's value in an export record (exporting/records.py)."""
        if isinstance(self.attribute, int):
            return record[self.attribute]
        return getattr(record, self.attribute or self.key)

    def to_json(self, value: Any) -> Any:
        """The value as the native format writes it, ready for json.dumps: datetimes through
        native_datetime, an empty optional id or name as null, arrays of strings as lists."""
        if self.type == DATETIME:
            return native_datetime(value)
        if self.nullable and self.type in (TEXT, REFERENCE):
            return value or None
        if self.type in (STRINGS, REFERENCES):
            return list(value)
        if self.type == BOOLEAN:
            return bool(value)
        return value


@cache
def _model_choices(model_field: str) -> tuple[str, ...]:
    """The choice values of "Model.field", as plain strings in declaration order (the order
    messages list them). Django is imported here, not at the top: see the module's docstring."""
    from django.apps import apps

    model_name, _, name = model_field.partition(".")
    model = next(m for m in apps.get_models() if m.__name__ == model_name)
    choices = getattr(model._meta.get_field(name), "choices", None) or ()
    return tuple(str(value) for value, _label in choices)


ARTICLE: tuple[Field, ...] = (
    Field("format", CONSTANT, None, required=True, default=FORMAT),
    Field("external_id", IDENTIFIER, "Article.external_id"),
    Field("url", TEXT, "Article.url"),
    Field("title", TEXT, "Article.title", required=True),
    Field("outlet", TEXT, "Article.outlet"),
    Field("byline", TEXT, "Article.byline"),
    Field("published", DATETIME, "Article.published", nullable=True, default=None),
    Field("status", CHOICE, "Article.status"),
    Field("body", TEXT, "Article.body", required=True),
    Field("captions", OBJECTS, None, default=(), items="CAPTION"),
    Field("annotations", OBJECTS, None, default=(), items="ANNOTATION"),
    Field("attributions", OBJECTS, None, default=(), items="ATTRIBUTION"),
    Field("sources", OBJECTS, None, default=(), items="SOURCE"),
)
# An export record's caption is a (text, credit) tuple: its values are read by position.
CAPTION: tuple[Field, ...] = (
    Field("text", TEXT, "ImageCaption.text", required=True, attribute=0),
    Field("credit", TEXT, "ImageCaption.credit", attribute=1),
)
ANNOTATION: tuple[Field, ...] = (
    Field("id", UUID, "Annotation.client_id", required=True, attribute="client_id"),
    Field("target", CHOICE, "Annotation.target", required=True),
    Field("caption", INDEX, "Annotation.caption", nullable=True, default=None),
    Field("start", INTEGER, "Annotation.start", required=True, default=None),
    Field("end", INTEGER, "Annotation.end", required=True, default=None),
    Field("quote", TEXT, "Annotation.quote", required=True),
    Field("prefix", TEXT, None),  # recomputed from the text on import (anchoring.quote_context)
    Field("suffix", TEXT, None),
    Field("tag", TEXT, "Annotation.tag", required=True),  # the Tag's name
    Field("note", TEXT, "Annotation.note"),
    Field("author", TEXT, "Annotation.author"),  # the user's username
    # The default is the model's (Annotation.Status.PENDING); a test holds the two equal.
    Field("status", CHOICE, "Annotation.status", default="pending"),
    Field("source", TEXT, "Annotation.source_entry", nullable=True),  # the registry entry's name
    Field("created", DATETIME, "Annotation.created", default=None),
    Field("updated", DATETIME, "Annotation.updated", default=None),
)
# `fragments` and `implicit_source` came with issue 9; a line written before them leaves them
# out and reads as an attribution with one fragment and a named source (their defaults).
ATTRIBUTION: tuple[Field, ...] = (
    Field("claim", REFERENCE, "Attribution.claim", required=True),
    Field("fragments", REFERENCES, "Attribution.fragments", default=()),
    Field("source_span", REFERENCE, "Attribution.source_span", nullable=True),
    Field("source", TEXT, "Attribution.source_entry", nullable=True),
    Field("implicit_source", BOOLEAN, "Attribution.implicit_source", default=False),
    Field("cue", REFERENCE, "Attribution.cue", nullable=True),
    Field("author", TEXT, "Attribution.author"),
)
SOURCE: tuple[Field, ...] = (
    Field("name", TEXT, "Source.name", required=True),
    Field("kind", CHOICE, "Source.kind", required=True),
    Field("description", TEXT, "Source.description"),
    Field("aliases", STRINGS, "SourceAlias.alias", default=()),
)
TABLES: dict[str, tuple[Field, ...]] = {
    "ARTICLE": ARTICLE,
    "CAPTION": CAPTION,
    "ANNOTATION": ANNOTATION,
    "ATTRIBUTION": ATTRIBUTION,
    "SOURCE": SOURCE,
}


def keys(table: tuple[Field, ...]) -> tuple[str, ...]:
    """The table's keys in the order the format writes them."""
    return tuple(field.key for field in table)


def field(table: tuple[Field, ...], key: str) -> Field:
    """The field of `table` named `key`."""
    return next(f for f in table if f.key == key)


def as_object(table: Sequence[Field], record: Any) -> dict[str, Any]:
    """An export record as the native object `table` describes, keys in order, values as
    `Field.to_json` writes them: the reference the native writer's fast path is held to."""
    out: dict[str, Any] = {}
    for f in table:
        if f.type == CONSTANT:
            out[f.key] = f.default
        elif f.type == OBJECTS:
            out[f.key] = [as_object(TABLES[f.items], item) for item in f.value_of(record)]
        else:
            out[f.key] = f.to_json(f.value_of(record))
    return out


ARTICLE_KEYS = keys(ARTICLE)
CAPTION_KEYS = keys(CAPTION)
ANNOTATION_KEYS = keys(ANNOTATION)
ATTRIBUTION_KEYS = keys(ATTRIBUTION)
SOURCE_KEYS = keys(SOURCE)
