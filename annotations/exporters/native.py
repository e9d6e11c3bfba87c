"""Native JSONL (`newsroom.article/1`): one article a line, exactly docs/formats/native.md.

Lossless: importing the output into an empty database (interchange/importing/jsonl.py and the
saver) and exporting again gives the same bytes. The key orders are those of the reader's
NATIVE_*_KEYS tuples (a test compares them) and dates go through the reader's
`native_datetime`, so the two sides cannot drift apart.

`article_object` is the line as a dict, in key order: the format's reference, whose
``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` is the line. `article_line`
writes the same text without building the dicts: every string goes through the very function
json.dumps uses for strings (`json.encoder.encode_basestring`), integers through `repr`, None
as null. It is a quarter faster, and the export's hot path; tests hold it equal to the reference
on hostile text (quotes, backslashes, control characters, lone surrogates, emoji).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from interchange.native import FORMAT as NATIVE_FORMAT
from interchange.native import native_datetime

from .data import ArticleData

# json.dumps(obj, ensure_ascii=False, separators=(",", ":")) as native.md specifies, with the
# encoder built once rather than per line.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
# What that encoder writes for a str (the C function when available, as json itself uses).
_string = json.encoder.encode_basestring


def write(articles: Iterable[ArticleData], **_options: object) -> Iterator[str]:
    """One line (ended by "\\n") per article. Takes no options; others are ignored."""
    for article in articles:
        yield article_line(article)


def article_line(article: ArticleData) -> str:
    """`_encode(article_object(article)) + "\\n"`, written directly (see the module doc)."""
    q = _string
    stamp = _stamp
    spans = ",".join(
        [
            f'{{"id":{q(a.client_id)},"target":{q(a.target)},'
            f'"caption":{"null" if a.caption is None else int(a.caption)},'
            f'"start":{int(a.start)},"end":{int(a.end)},"quote":{q(a.quote)},'
            f'"prefix":{q(a.prefix)},"suffix":{q(a.suffix)},"tag":{q(a.tag)},'
            f'"note":{q(a.note)},"author":{q(a.author)},"status":{q(a.status)},'
            f'"source":{_nullable(a.source)},"created":"{stamp(a.created)}",'
            f'"updated":"{stamp(a.updated)}"}}'
            for a in article.annotations
        ]
    )
    links = ",".join(
        [
            f'{{"claim":{q(link.claim)},"source_span":{_nullable(link.source_span)},'
            f'"source":{_nullable(link.source)},"cue":{_nullable(link.cue)},'
            f'"author":{q(link.author)}}}'
            for link in article.attributions
        ]
    )
    sources = ",".join(
        [
            f'{{"name":{q(source.name)},"kind":{q(source.kind)},'
            f'"description":{q(source.description)},'
            f'"aliases":[{",".join([q(alias) for alias in source.aliases])}]}}'
            for source in article.sources
        ]
    )
    captions = ",".join(
        [f'{{"text":{q(text)},"credit":{q(credit)}}}' for text, credit in article.captions]
    )
    return (
        f'{{"format":{q(NATIVE_FORMAT)},"external_id":{q(article.external_id)},'
        f'"url":{q(article.url)},"title":{q(article.title)},"outlet":{q(article.outlet)},'
        f'"byline":{q(article.byline)},"published":{_nullable(native_datetime(article.published))},'
        f'"status":{q(article.status)},"body":{q(article.body)},"captions":[{captions}],'
        f'"annotations":[{spans}],"attributions":[{links}],"sources":[{sources}]}}\n'
    )


def article_object(article: ArticleData) -> dict[str, Any]:
    """The article as the dict whose serialisation is its native line (keys in order)."""
    stamp = _stamp
    return {
        "format": NATIVE_FORMAT,
        "external_id": article.external_id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": native_datetime(article.published),
        "status": article.status,
        "body": article.body,
        "captions": [{"text": text, "credit": credit} for text, credit in article.captions],
        "annotations": [
            {
                "id": a.client_id,
                "target": a.target,
                "caption": a.caption,
                "start": a.start,
                "end": a.end,
                "quote": a.quote,
                "prefix": a.prefix,
                "suffix": a.suffix,
                "tag": a.tag,
                "note": a.note,
                "author": a.author,
                "status": a.status,
                "source": a.source,
                "created": stamp(a.created),
                "updated": stamp(a.updated),
            }
            for a in article.annotations
        ],
        "attributions": [
            {
                "claim": link.claim,
                "source_span": link.source_span,
                "source": link.source,
                "cue": link.cue,
                "author": link.author,
            }
            for link in article.attributions
        ],
        "sources": [
            {
                "name": source.name,
                "kind": source.kind,
                "description": source.description,
                "aliases": source.aliases,
            }
            for source in article.sources
        ],
    }


def _nullable(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _stamp(value: datetime) -> str:
    """native_datetime, with a shortcut for what the database gives: a datetime in UTC needs
    no astimezone. Both give the same text."""
    if value.tzinfo is UTC:
        return value.replace(tzinfo=None).isoformat() + "Z"
    return native_datetime(value)  # type: ignore[return-value]
