"""The one saver: a stream of records and errors in, batches of rows out, one transaction.

Also where a file's format is chosen and its parser run (`detect_format`, `read_files`), so that
the management command, the demo loader and any upload view share one path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles import content
from articles.models import Article, ImageCaption, ImportRecord

from . import plaintext
from .records import ArticleRecord, RecordError, decode_lines

type Parser = Callable[[Iterable[str], str], Iterator[ArticleRecord | RecordError]]

PARSERS: dict[str, Parser] = {"plaintext": plaintext.parse}
EXTENSIONS = {".txt": "plaintext"}


@dataclass
class ImportResult:
    """Counts of one run. `created` is what was written, or, in a dry run, what would have been.
    When errors rolled everything back, `created` is 0 and `would_create` keeps the count."""

    created: int = 0
    updated: int = 0  # existing articles are never overwritten (annotation offsets point in)
    skipped: int = 0  # duplicates, in the database or earlier in the same files
    failed: int = 0
    errors: list[RecordError] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # of the articles created
    dry_run: bool = False
    rolled_back: bool = False  # errors occurred and keep_good was off: nothing written
    would_create: int = 0
    record: ImportRecord | None = None

    @property
    def written(self) -> bool:
        return not (self.dry_run or self.rolled_back)

    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, "
            f"skipped {self.skipped} duplicates, failed {self.failed}"
        )


def save_records(
    items: Iterable[ArticleRecord | RecordError],
    *,
    user: AbstractBaseUser | None = None,
    files: Sequence[str | os.PathLike[str]] = (),
    format: str = "plaintext",
    dry_run: bool = False,
    keep_good: bool = False,
    batch_size: int = 500,
    notes: Sequence[str] = (),
) -> ImportResult:
    """Write the articles in `items` inside one transaction, in batches of `batch_size`.

    A record is a duplicate ("skipped") when its external_id, else its url, else its
    content_hash matches an article already stored or met earlier in this run. Any RecordError
    (from the parser, or a record that fails model validation) rolls the whole run back unless
    `keep_good`; `dry_run` always rolls back but reports the counts. The run is recorded in
    ImportRecord outside the rolled-back part. `notes` (e.g. encoding fallbacks) is read after
    `items` is exhausted, so a generator may append to it while it runs.

    Only one batch is held at a time: earlier batches are already rows in the transaction, so
    the database query finds duplicates of them.
    """
    record = ImportRecord.objects.create(
        user=user, files=[str(f) for f in files], format=format, dry_run=dry_run
    )
    result = ImportResult(dry_run=dry_run, record=record)
    writer = _BatchWriter(result, batch_size)
    try:
        with transaction.atomic():
            for item in items:
                if isinstance(item, RecordError):
                    _fail(result, item)
                else:
                    writer.add(item)
            writer.flush()
            if dry_run or (result.failed and not keep_good):
                raise _RollBack
    except _RollBack:
        if not dry_run:
            result.rolled_back = True
            result.would_create, result.created = result.created, 0
            result.titles = []
    except Exception as exc:
        _finish(record, result, notes, crash=f"import stopped by an unexpected error: {exc!r}")
        raise
    _finish(record, result, notes)
    return result


def detect_format(path: str | os.PathLike[str]) -> str:
    """The importer format for a file: by extension, else by a look at its first bytes."""
    path = Path(path)
    if path.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[path.suffix.lower()]
    with path.open("rb") as stream:
        head = stream.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        raise ValueError(f"{path} looks like JSON, which has no importer yet")
    if head[:1] == b"<":
        raise ValueError(f"{path} looks like HTML or XML, which has no importer yet")
    if b"\x00" in head[:1024] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"{path} looks like a binary file, not text")
    return "plaintext"


def read_files(
    paths: Iterable[str | os.PathLike[str]],
    format: str | None = None,
    notes: list[str] | None = None,
) -> Iterator[ArticleRecord | RecordError]:
    """Parse the files one after another, lazily; encoding notes are appended to `notes`."""
    for path in paths:
        name = str(path)
        parser = PARSERS[format or detect_format(path)]
        lines, note = decode_lines(path, name)
        if note and notes is not None:
            notes.append(note)
        yield from parser(lines, name)


class _RollBack(Exception):
    """Raised inside the atomic block to undo a dry run or a failed import."""


def _fail(result: ImportResult, error: RecordError) -> None:
    result.failed += 1
    result.errors.append(error)


def _finish(
    record: ImportRecord, result: ImportResult, notes: Sequence[str], crash: str = ""
) -> None:
    record.created_count = result.created
    record.updated_count = result.updated
    record.skipped_count = result.skipped
    record.failed_count = result.failed
    report: list[dict[str, str | int]] = [{"level": "note", "message": n} for n in notes]
    report += [{"level": "error", **error.as_dict()} for error in result.errors]
    if result.rolled_back:
        report.append(
            {
                "level": "note",
                "message": f"rolled back: {result.would_create} article(s) not written",
            }
        )
    if crash:
        report.append({"level": "error", "message": crash})
    record.report = report
    record.finished = timezone.now()
    record.save()


@dataclass
class _Pending:
    article: Article
    captions: list[ImageCaption]


class _BatchWriter:
    def __init__(self, result: ImportResult, batch_size: int) -> None:
        self.result = result
        self.batch_size = max(1, batch_size)
        self.pending: list[_Pending] = []
        self.keys: set[tuple[str, str]] = set()

    def add(self, record: ArticleRecord) -> None:
        pending = self._build(record)
        if pending is None:
            return
        keys = _keys(pending.article)
        if not self.keys.isdisjoint(keys):
            self.result.skipped += 1
            return
        self.keys |= keys
        self.pending.append(pending)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        existing = self._existing_keys()
        fresh = [p for p in self.pending if existing.isdisjoint(_keys(p.article))]
        self.result.skipped += len(self.pending) - len(fresh)
        articles = Article.objects.bulk_create([p.article for p in fresh])
        captions: list[ImageCaption] = []
        for article, pending in zip(articles, fresh, strict=True):
            # SQLite >= 3.35 and PostgreSQL return the new primary keys from a bulk insert.
            if article.pk is None:
                raise RuntimeError("bulk_create did not return primary keys")
            for caption in pending.captions:
                caption.article = article
                captions.append(caption)
        ImageCaption.objects.bulk_create(captions)
        self.result.created += len(articles)
        self.result.titles.extend(a.title for a in articles)
        self.pending = []
        self.keys = set()

    def _existing_keys(self) -> set[tuple[str, str]]:
        wanted: dict[str, set[str]] = {"external_id": set(), "url": set(), "content_hash": set()}
        for pending in self.pending:
            for name, value in _keys(pending.article):
                wanted[name].add(value)
        query = Q(content_hash__in=wanted["content_hash"])
        if wanted["external_id"]:
            query |= Q(external_id__in=wanted["external_id"])
        if wanted["url"]:
            query |= Q(url__in=wanted["url"])
        found: set[tuple[str, str]] = set()
        for row in Article.objects.filter(query).values("external_id", "url", "content_hash"):
            found |= _keys_of(row["external_id"], row["url"], row["content_hash"])
        return found

    def _build(self, record: ArticleRecord) -> _Pending | None:
        """Canonicalise exactly as Article.save and ImageCaption.save would (bulk_create calls
        neither), then validate; a record that fails becomes a RecordError."""
        title = content.canonical_line(record.title)
        body = content.canonical_text(record.body)
        published = record.published
        if published is not None and timezone.is_naive(published):
            published = timezone.make_aware(published)
        article = Article(
            title=title,
            body=body,
            outlet=content.canonical_line(record.outlet),
            byline=content.canonical_line(record.byline),
            url=record.url.strip(),
            published=published,
            external_id=record.external_id.strip(),
            content_hash=content.content_hash(title, body),
        )
        captions = [
            ImageCaption(
                position=position,
                text=content.canonical_line(caption.text),
                credit=content.canonical_line(caption.credit),
            )
            for position, caption in enumerate(record.captions)
        ]
        try:
            article.full_clean(validate_unique=False, validate_constraints=False)
            for caption in captions:
                caption.full_clean(
                    exclude=["article"], validate_unique=False, validate_constraints=False
                )
        except ValidationError as exc:
            _fail(self.result, record.error(_describe(exc)))
            return None
        return _Pending(article, captions)


def _keys(article: Article) -> set[tuple[str, str]]:
    return _keys_of(article.external_id, article.url, article.content_hash)


def _keys_of(external_id: str, url: str, content_hash: str) -> set[tuple[str, str]]:
    keys = {("content_hash", content_hash)}
    if external_id:
        keys.add(("external_id", external_id))
    if url:
        keys.add(("url", url))
    return keys


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items()
        )
    return " ".join(exc.messages)
