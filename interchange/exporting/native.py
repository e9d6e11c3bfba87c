"""Native JSONL (`newsroom.article/1`): one article a line, exactly docs/formats/native.md.

Lossless: importing the output into an empty database (the importer and its saver) and exporting
again gives the same bytes. Keys, their order and how each value is written come from the one
field table of the format, interchange/native.py, which the reader and the saver read too.

`article_object` is the line as a dict, in key order: the format's reference
(`native.as_object`), whose ``encode_json(...)`` is the line. `article_line` writes the same
text without building the dicts: every string goes through the very function json.dumps uses
for strings (`json.encoder.encode_basestring`), integers through `int`, None as null. It is a
quarter faster, and the export's hot path. So that the field list has one home, its code is
generated from the tables once, when this module is imported (as `dataclasses` and
`namedtuple` generate theirs): one f-string per object, no call per field. Writing the same
without generated code (a template and `operator.attrgetter` per object, or json's encoder
with a `default` hook) measured 40-60 % slower than this. Tests hold it equal to the reference
on hostile text (quotes, backslashes, control characters, lone surrogates, emoji), and a table
with a field added.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..native import (
    ARTICLE,
    BOOLEAN,
    CONSTANT,
    DATETIME,
    INDEX,
    INTEGER,
    OBJECTS,
    REFERENCES,
    STRINGS,
    TABLES,
    Field,
    as_object,
    encode_json,
    native_datetime,
)
from .records import ArticleData

# What the encoder writes for a str (the C function when available, as json itself uses).
_string = json.encoder.encode_basestring


def write(articles: Iterable[ArticleData], **_options: object) -> Iterator[str]:
    """One line (ended by "\\n") per article. Takes no options; others are ignored."""
    line = article_line
    for article in articles:
        yield line(article)


def article_object(article: ArticleData) -> dict[str, Any]:
    """The article as the dict whose serialisation is its native line (keys in order)."""
    return as_object(ARTICLE, article)


# --- The fast path, generated from the tables ---------------------------------------------------


def _value(field: Field, expression: str) -> str:
    """The f-string text that writes `expression`, the value of `field`, as JSON (what
    `field.to_json` and the encoder make of it)."""
    if field.type == DATETIME:
        if field.nullable:
            return f"{{nullable(stamp({expression}))}}"
        return f'"{{stamp({expression})}}"'
    if field.type == INTEGER:
        return f"{{int({expression})}}"
    if field.type == INDEX:
        return f'{{"null" if {expression} is None else int({expression})}}'
    if field.type in (STRINGS, REFERENCES):
        return f'[{{",".join([q(s) for s in {expression}])}}]'
    if field.type == BOOLEAN:
        return f'{{"true" if {expression} else "false"}}'
    # Every other kind is a string: TEXT, IDENTIFIER, CHOICE, UUID, REFERENCE.
    return f"{{nullable({expression})}}" if field.nullable else f"{{q({expression})}}"


def _object_fstring(table: Sequence[Field], item: str) -> str:
    """An f-string literal writing the record named `item` as its JSON object. An array of
    objects writes the local variable named after its key (built by _line_source)."""
    members = []
    for field in table:
        if field.type == CONSTANT:
            text = _literal(encode_json(field.default))
        elif field.type == OBJECTS:
            text = f"[{{{field.key}}}]"
        elif isinstance(field.attribute, int):  # a tuple record (a caption): by position
            text = _value(field, f"{item}[{field.attribute}]")
        else:
            text = _value(field, f"{item}.{field.attribute or field.key}")
        members.append(_literal(encode_json(field.key)) + ":" + text)
    return "f'{{" + ",".join(members) + "}}'"


def _literal(json_text: str) -> str:
    """Constant JSON text as it stands inside the generated f'...' literal."""
    if "'" in json_text or "\\" in json_text:
        raise ValueError(f"not written into generated code: {json_text}")
    return json_text.replace("{", "{{").replace("}", "}}")


def _line_source(article: Sequence[Field], tables: Mapping[str, Sequence[Field]]) -> str:
    """The source of `article_line`: each array joined from its items, then the line."""
    lines = ["def article_line(article):"]
    for field in article:
        if field.type == OBJECTS:
            each = _object_fstring(tables[field.items], "item")
            attribute = field.attribute or field.key
            lines.append(f"    {field.key} = ','.join([{each} for item in article.{attribute}])")
    lines.append(f"    return {_object_fstring(article, 'article')} + '\\n'")
    return "\n".join(lines) + "\n"


def _nullable(value: str | None) -> str:
    return "null" if not value else _string(value)


def compile_line(
    article: Sequence[Field] = ARTICLE, tables: Mapping[str, Sequence[Field]] = TABLES
) -> Callable[[ArticleData], str]:
    """The line writer for these tables (the format's own by default; a test gives others)."""
    namespace: dict[str, Any] = {"q": _string, "nullable": _nullable, "stamp": native_datetime}
    source = _line_source(article, tables)
    exec(compile(source, f"<{__name__} generated>", "exec"), namespace)  # noqa: S102
    line = namespace["article_line"]
    line.__doc__ = '`encode_json(article_object(article)) + "\\n"`, written directly.'
    return line


article_line = compile_line()
