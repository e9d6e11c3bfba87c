"""Article objects, native lines and the readers' shortcuts, for the JSON, JSON Lines, CSV and
native-format tests."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from interchange.importing import csvfile, jsonl
from interchange.importing.decoding import decode_lines
from interchange.importing.records import (
    ArticleRecord,
    RecordError,
)

DOCS = Path(__file__).resolve().parents[3] / "docs" / "formats"
SCHEMA = DOCS / "native-article.schema.json"
NATIVE_DOC = DOCS / "native.md"

CLAIM_ID = "6f1c2a7e-3b4d-4e8f-9a0b-1c2d3e4f5a6b"
SOURCE_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
CUE_ID = "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f"
BODY = "The council approved the repairs, the mayor said.\n\nWork starts in May."


# --- factories ---------------------------------------------------------------------------------


def article(number: int = 1, **fields: object) -> dict[str, object]:
    """A plain article object with one caption."""
    data: dict[str, object] = {
        "title": f"Headline {number}",
        "body": f"First paragraph {number}.\n\nSecond paragraph {number}.",
        "captions": [{"text": f"Caption {number}.", "credit": "AP"}],
    }
    data.update(fields)
    return data


def annotation(ident: str, start: int, end: int, tag: str, **fields: object) -> dict[str, object]:
    """A native annotation of BODY, every key present, in the documented order."""
    data: dict[str, object] = {
        "id": ident,
        "target": "body",
        "caption": None,
        "start": start,
        "end": end,
        "quote": BODY[start:end],
        "prefix": BODY[max(0, start - 32) : start],
        "suffix": BODY[end : end + 32],
        "tag": tag,
        "note": "",
        "author": "editor1",
        "status": "accepted",
        "source": None,
        "created": "2024-05-02T09:00:00Z",
        "updated": "2024-05-02T09:05:00.250000Z",
    }
    data.update(fields)
    return data


def native_article(**fields: object) -> dict[str, object]:
    """A native line's object: a claim, its source span and cue, one registry entry."""
    data: dict[str, object] = {
        "format": "newsroom.article/1",
        "external_id": "ap-1",
        "url": "https://example.org/a/1",
        "title": "Council Votes on Bridge Repairs",
        "outlet": "City Press",
        "byline": "Ana Ruiz",
        "published": "2024-05-01T08:30:00Z",
        "status": "approved",
        "body": BODY,
        "captions": [{"text": "Traffic crosses the old bridge.", "credit": "City Press"}],
        "annotations": [
            annotation(CLAIM_ID, 0, 32, "Claim", note="<em>Check</em> it."),
            annotation(SOURCE_ID, 38, 43, "Source", source="Mayor of Springfield"),
            annotation(CUE_ID, 44, 48, "Cue", status="pending"),
        ],
        "attributions": [
            {
                "claim": CLAIM_ID,
                "fragments": [],
                "source_span": SOURCE_ID,
                "source": None,
                "implicit_source": False,
                "cue": CUE_ID,
                "author": "editor1",
            }
        ],
        "sources": [
            {
                "name": "Mayor of Springfield",
                "kind": "person",
                "description": "",
                "aliases": ["the mayor"],
            }
        ],
    }
    data.update(fields)
    return data


def native_line(data: dict[str, object]) -> str:
    """Serialised as the native format prescribes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def jsonl_text(*objects: object) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in objects)


def read_lines(tmp_path: Path, name: str, data: str | bytes) -> Iterator[str]:
    """Write a file and read it back the way the importer does."""
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    lines, _note = decode_lines(path, name)
    return lines


def parse_jsonl(tmp_path: Path, data: str | bytes, name: str = "in.jsonl") -> list:
    return list(jsonl.parse(read_lines(tmp_path, name, data), name))


def parse_json(tmp_path: Path, data: str | bytes, name: str = "in.json") -> list:
    return list(jsonl.parse_json(read_lines(tmp_path, name, data), name))


def parse_csv(tmp_path: Path, data: str | bytes, name: str = "in.csv") -> list:
    return list(csvfile.parse(read_lines(tmp_path, name, data), name))


def records_of(items: list) -> list[ArticleRecord]:
    return [item for item in items if isinstance(item, ArticleRecord)]


def errors_of(items: list) -> list[RecordError]:
    return [item for item in items if isinstance(item, RecordError)]


def only_error(items: list) -> RecordError:
    errors = errors_of(items)
    assert len(errors) == 1, errors
    return errors[0]


def doc_example() -> str:
    """The example line of docs/formats/native.md, unwrapped."""
    block = re.search(r"```json\n(.*?)```", NATIVE_DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    return "".join(block[1].splitlines())
