"""Native (annotated) article records as the JSONL parser makes them, for the saver's tests."""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from annotations.models import Annotation, Attribution, Source, SourceAlias
from articles.models import Article, ImageCaption
from interchange.importing.records import (
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    CaptionRecord,
    SourceRecord,
)

TITLE = "Council Votes on Bridge Repairs"
BODY = "The council approved the repairs, the mayor said.\n\nWork starts in May."
CAPTION = CaptionRecord("Traffic crosses the old bridge.", "City Press")
CLAIM_ID = "6f1c2a7e-3b4d-4e8f-9a0b-1c2d3e4f5a6b"
SOURCE_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
CUE_ID = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b"
QUOTE_ID = "2c3d4e5f-6071-4829-8b3c-4d5e6f7a8b9c"
CREATED = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)


# --- factories ---------------------------------------------------------------------------------


def record(title: str = TITLE, body: str = BODY, **fields) -> ArticleRecord:
    fields.setdefault("origin", "feed.jsonl:1")
    return ArticleRecord(title=title, body=body, **fields)


def span(
    quote: str, *, id: str = "", tag: str = "Claim", target: str = "body", text: str = BODY, **f
):
    """An AnnotationRecord over the first occurrence of `quote` in `text`."""
    start = text.index(quote)
    fields = {"author": "ana", "status": "accepted", "created": CREATED, "updated": CREATED}
    fields.update(f)
    return AnnotationRecord(
        target=target, start=start, end=start + len(quote), quote=quote, tag=tag, id=id, **fields
    )


def native(**fields) -> ArticleRecord:
    """A native record: caption, a claim, its source (a registry entry) and cue, linked."""
    fields.setdefault("external_id", "ap-1")
    fields.setdefault("captions", [CAPTION])
    fields.setdefault(
        "annotations",
        [
            span("The council approved the repairs", id=CLAIM_ID),
            span("mayor", id=SOURCE_ID, tag="Source", source="Mayor of Springfield"),
            span("said", id=CUE_ID, tag="Cue", author="ben"),
            span(
                "old bridge",
                id=QUOTE_ID,
                tag="Quote",
                target="caption",
                caption=0,
                text=CAPTION.text,
            ),
        ],
    )
    fields.setdefault(
        "attributions",
        [AttributionRecord(claim=CLAIM_ID, source_span=SOURCE_ID, cue=CUE_ID, author="ana")],
    )
    fields.setdefault(
        "sources",
        [SourceRecord("Mayor of Springfield", "person", "Elected 2022", ["the mayor", "Mayor"])],
    )
    return record(**fields)


def counts() -> tuple[int, ...]:
    User = get_user_model()
    return (
        Article.objects.count(),
        ImageCaption.objects.count(),
        Annotation.all_objects.count(),
        Attribution.objects.count(),
        Source.objects.count(),
        SourceAlias.objects.count(),
        User.objects.count(),
    )


def statuses(result) -> list[str]:
    return [row["status"] for row in result.preview]
