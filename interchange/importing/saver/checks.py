"""The checks an article record must pass before a row is written, made directly.

What the database or `full_clean` would refuse is found here, at the record's origin: blank
title or body, every column's max_length, NUL characters (PostgreSQL refuses them), URL syntax,
unknown workflow status, blank caption text. `full_clean` costs more than the insert, so the
checks are made against the model fields' limits (`Fields`), and the field's own clean() words
the message only when one fails. Title, captions and credits are canonicalised exactly as
Article.save and ImageCaption.save would (the inserts call neither); the annotations are
checked by spans.py against the canonical text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from annotations.models import Annotation, Source, SourceAlias
from articles import content
from articles.models import Article, ImageCaption

from ..records import ArticleRecord
from .pending import Pending

if TYPE_CHECKING:
    from .spans import SpanChecker


class Fields:
    """The checks full_clean would make on the columns the saver writes, made directly: blank,
    max_length, NUL characters (PostgreSQL refuses them), URL syntax. On a failure the model
    field's own clean() words the message."""

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        # Concrete columns only (the callers name them): never a reverse relation.
        self.fields = {
            name: cast("models.Field[Any, Any]", model._meta.get_field(name)) for name in names
        }

    def problem(self, name: str, value: str, label: str | None = None) -> str | None:
        model_field = self.fields[name]
        limit = model_field.max_length
        if (
            (not value and not model_field.blank)
            or (limit is not None and len(value) > limit)
            or "\x00" in value
            or (value and isinstance(model_field, models.URLField) and not _valid_url(value))
        ):
            try:
                model_field.clean(value, None)
            except ValidationError as exc:
                return f"{label or name}: {' '.join(exc.messages)}"
            # A TextField has no validator for NUL, but PostgreSQL refuses it all the same.
            return f"{label or name}: Null characters are not allowed."
        return None


_url_validator = URLValidator()
# The URLs most records carry: http(s), a host name of letter-digit-hyphen labels, no port, no
# user, anything but whitespace after. URLValidator accepts every such URL (within its length
# limits, checked beside), so these skip its slower checks; any other URL goes through it.
_PLAIN_URL = re.compile(
    r"https?://(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
    r"(?:[/?#]\S*)?"
)


def _valid_url(value: str) -> bool:
    match = _PLAIN_URL.fullmatch(value)
    if match is not None and len(value) <= URLValidator.max_length and len(match["host"]) <= 253:
        return True
    try:
        _url_validator(value)
    except ValidationError:
        return False
    return True


ARTICLE = Fields(Article, ["title", "body", "outlet", "byline", "url", "external_id"])
CAPTION = Fields(ImageCaption, ["text", "credit"])
SOURCE = Fields(Source, ["name", "description"])
ALIAS = Fields(SourceAlias, ["alias"])
ANNOTATION = Fields(Annotation, ["note"])
# Tuples, not sets: they are listed in error messages, in a stable order.
_ARTICLE_STATUSES = tuple(Article.Status.values)


@functools.lru_cache(maxsize=4096)
def canonical_name(text: str) -> str:
    """content.canonical_line for the short strings that repeat from record to record
    (registry names and aliases, credits): a bounded cache saves redoing them."""
    return content.canonical_line(text)


def aware(value: datetime | None) -> datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, UTC)
    return value


def check_article(record: ArticleRecord, spans: SpanChecker, problems: list[str]) -> Pending:
    """The record canonicalised and checked; every problem is appended to `problems` (the
    returned Pending is only to be written when there are none). Every problem of the record
    is reported at once."""
    title = content.canonical_line(record.title)
    body = content.canonical_text(record.body)
    outlet = content.canonical_line(record.outlet) if record.outlet else ""
    byline = content.canonical_line(record.byline) if record.byline else ""
    url = record.url.strip()
    external_id = record.external_id.strip()
    for name, value in (
        ("title", title),
        ("body", body),
        ("outlet", outlet),
        ("byline", byline),
        ("url", url),
        ("external_id", external_id),
    ):
        if problem := ARTICLE.problem(name, value):
            problems.append(problem)
    status = record.status or Article.Status.NEW.value
    if status not in _ARTICLE_STATUSES:
        problems.append(f"status: {status!r} is not one of {', '.join(_ARTICLE_STATUSES)}")
    captions: list[tuple[str, str]] = []
    for number, caption in enumerate(record.captions, start=1):
        text = content.canonical_line(caption.text)
        credit = canonical_name(caption.credit)
        for name, value in (("text", text), ("credit", credit)):
            if problem := CAPTION.problem(name, value, f"caption {number}: {name}"):
                problems.append(problem)
        captions.append((text, credit))
    if record.sources or record.annotations or record.attributions:
        checked_spans, links = spans.check(record, title, body, captions, problems)
    else:
        checked_spans, links = [], []
    return Pending(
        origin=record.origin,
        title=title,
        body=body,
        outlet=outlet,
        byline=byline,
        url=url,
        published=aware(record.published),
        external_id=external_id,
        content_hash=content.hash_canonical(title, body),
        status=status,
        captions=captions,
        spans=checked_spans,
        links=links,
        sources=record.sources,
        row=None,
    )
