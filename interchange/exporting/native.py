"""Native JSONL (`newsroom.article/1`): one article a line, exactly docs/formats/native.md.

Lossless: importing the output into an empty database (the importer and its saver) and exporting
again gives the same bytes. Keys, their order and how each value is written come from the field
tables of native_format.py; a test holds them equal to the reader's.

`article_object` is the line as a dict, in key order: the format's reference, whose
``encode_json(...)`` is the line. `article_line` writes the same text without building the
dicts: every string goes through the very function json.dumps uses for strings
(`json.encoder.encode_basestring`), integers through `int`, None as null. It is a quarter faster,
and the export's hot path. So that the field list has one home, its code is generated from the
tables once, when this module is imported (as `dataclasses` and `namedtuple` generate theirs):
one f-string per object, no call per field. Tests hold it equal to the reference on hostile text
(quotes, backslashes, control characters, lone surrogates, emoji).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .native_format import (
    ARTICLE_FIELDS,
    FORMAT,
    ITEM_FIELDS,
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
    return as_object(ARTICLE_FIELDS, article)


# --- The fast path, generated from the tables ---------------------------------------------------


def _value(kind: str, expression: str) -> str:
    """The f-string text that writes `expression`, of this kind, as JSON."""
    return {
        "str": f"{{q({expression})}}",
        "str?": f"{{nullable({expression})}}",
        "int": f"{{int({expression})}}",
        "int?": f'{{"null" if {expression} is None else int({expression})}}',
        "time": f'"{{stamp({expression})}}"',
        "time?": f"{{nullable(stamp({expression}))}}",
        "str[]": f'[{{",".join([q(s) for s in {expression}])}}]',
    }[kind]


def _object_fstring(fields: Sequence[Field], item: str) -> str:
    """An f-string literal writing the record named `item` as its JSON object. Array kinds
    write the local variable of the same name (built by _line_source)."""
    members = []
    for key, kind, attribute in fields:
        if kind == "format":
            text = _literal(encode_json(FORMAT))
        elif kind in ITEM_FIELDS:
            text = f"[{{{kind}}}]"
        elif attribute.isdigit():  # a tuple (a caption): by position
            text = _value(kind, f"{item}[{attribute}]")
        else:
            text = _value(kind, f"{item}.{attribute}")
        members.append(_literal(encode_json(key)) + ":" + text)
    return "f'{{" + ",".join(members) + "}}'"


def _literal(json_text: str) -> str:
    """Constant JSON text as it stands inside the generated f'...' literal."""
    if "'" in json_text or "\\" in json_text:
        raise ValueError(f"not written into generated code: {json_text}")
    return json_text.replace("{", "{{").replace("}", "}}")


def _line_source() -> str:
    """The source of `article_line`: each array joined from its items, then the line."""
    lines = ["def article_line(article):"]
    for field in ARTICLE_FIELDS:
        if field.kind in ITEM_FIELDS:
            each = _object_fstring(ITEM_FIELDS[field.kind], "item")
            lines.append(
                f"    {field.kind} = ','.join([{each} for item in article.{field.attribute}])"
            )
    lines.append(f"    return {_object_fstring(ARTICLE_FIELDS, 'article')} + '\\n'")
    return "\n".join(lines) + "\n"


def _nullable(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _compile_line() -> Callable[[ArticleData], str]:
    namespace: dict[str, Any] = {"q": _string, "nullable": _nullable, "stamp": native_datetime}
    exec(compile(_line_source(), f"<{__name__} generated>", "exec"), namespace)  # noqa: S102
    line = namespace["article_line"]
    line.__doc__ = '`encode_json(article_object(article)) + "\\n"`, written directly.'
    return line


article_line = _compile_line()
