"""The formats registry: each export format's writer, content type, file extension (without the
dot) and whether it yields bytes (binary) rather than text.

A writer is ``write(articles: Iterable[ArticleData], **options) -> Iterator[str | bytes]``: it
yields the file in pieces and holds one article (or one page of annotations) at a time. Every
writer ignores options it does not know, so a caller may pass a common set (base_url, label,
bom, ...). Formats and their options: docs/formats/exports.md.

`drops`, for a format that cannot carry every attribution link, counts per article the links
it leaves out (None: it carries them all). The command, the background export and the export
page sum it and say how many links the export dropped; the writers stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import NamedTuple

from . import attributions_csv, brat, csv, doccano, labelstudio, native, spacy, w3c
from .records import ArticleData


class Format(NamedTuple):
    write: Callable[..., Iterator[str] | Iterator[bytes]]
    content_type: str
    extension: str
    binary: bool
    drops: Callable[[ArticleData], int] | None = None


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
    "doccano": Format(
        doccano.write, "application/jsonl; charset=utf-8", "jsonl", False, doccano.links_dropped
    ),
    "doccano-relations": Format(
        partial(doccano.write, relations=True),
        "application/jsonl; charset=utf-8",
        "jsonl",
        False,
        doccano.sources_dropped,
    ),
    "labelstudio": Format(
        labelstudio.write,
        "application/json; charset=utf-8",
        "json",
        False,
        labelstudio.links_dropped,
    ),
    "brat": Format(brat.write, "application/zip", "zip", True),
    "spacy": Format(spacy.write, "application/octet-stream", "spacy", True),
}


class DroppedLinks:
    """Counts the attribution links a format drops while its articles flow to the writer:
    wrap the articles with `counted` and read `count` once the writer has finished (or at
    any time, for progress). `applies` is False for a format that carries every link."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.drops = FORMATS[name].drops
        self.applies = self.drops is not None
        self.count = 0

    def counted(self, articles: Iterable[ArticleData]) -> Iterator[ArticleData]:
        drops = self.drops
        if drops is None:
            yield from articles
            return
        for article in articles:
            self.count += drops(article)
            yield article

    def phrase(self) -> str:
        """How many links were dropped, as the command's counts line says it."""
        return phrase(self.count, self.name)


def phrase(count: int, name: str) -> str:
    """ "3 attribution links dropped (doccano cannot carry them)"."""
    return f"{count} attribution link{'' if count == 1 else 's'} dropped ({name} cannot carry them)"
