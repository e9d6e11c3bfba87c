"""The formats registry: each export format's writer, content type, file extension (without the
dot) and whether it yields bytes (binary) rather than text.

A writer is ``write(articles: Iterable[ArticleData], **options) -> Iterator[str | bytes]``: it
yields the file in pieces and holds one article (or one page of annotations) at a time. Every
writer ignores options it does not know, so a caller may pass a common set (base_url, label,
bom, ...). Formats and their options: docs/formats/exports.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from . import attributions_csv, brat, csv, doccano, labelstudio, native, spacy, w3c


class Format(NamedTuple):
    write: Callable[..., Iterator[str] | Iterator[bytes]]
    content_type: str
    extension: str
    binary: bool


FORMATS: dict[str, Format] = {
    "native": Format(native.write, "application/jsonl; charset=utf-8", "jsonl", False),
    "csv": Format(csv.write, "text/csv; charset=utf-8", "csv", False),
    "attributions-csv": Format(attributions_csv.write, "text/csv; charset=utf-8", "csv", False),
    "w3c": Format(
        w3c.write,
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
        "jsonld",
        False,
    ),
    "doccano": Format(doccano.write, "application/jsonl; charset=utf-8", "jsonl", False),
    "labelstudio": Format(labelstudio.write, "application/json; charset=utf-8", "json", False),
    "brat": Format(brat.write, "application/zip", "zip", True),
    "spacy": Format(spacy.write, "application/octet-stream", "spacy", True),
}
