"""The one saver: a stream of records and errors in, batches of rows out, one transaction.

Rules (docs/import.md):

* **Matching.** A record is compared with the stored articles by external id, then URL (when
  the stored article has no other external id), then content hash. Same text (content hash) as
  the article it matches: a duplicate, skipped with its annotations. Matched by external id or
  URL but the text differs: if the stored article has annotations (deleted ones kept for undo
  included: their offsets point into the old text too), it is "changed": reported, never
  overwritten; otherwise its title, body, captions and the metadata the record carries are
  replaced and its revision bumped ("update").
* **All or nothing.** Everything happens inside one transaction. Any RecordError (from the
  parser, or a record this module rejects) rolls the whole run back unless `keep_good`; a dry
  run always rolls back, after doing exactly what a real run would, so its counts and preview
  are the real ones. The ImportRecord is written outside the rolled-back part.
* **Annotated records** (the native format, docs/formats/native.md) bring their registry
  sources (matched by name, else created with kind, description and aliases), their authors
  (matched by username, else created inactive with an unusable password), their annotations
  (tags must exist; the quote must equal the canonical text at the offsets; prefix and suffix
  are recomputed; the note is sanitised; annotation ids already stored are skipped) and their
  attributions (claim, source and cue roles checked, ids mapped to the new rows).

Speed: records are checked field by field against the models' limits here instead of
`full_clean` (which costs more than the insert), text that is already canonical is recognised
without being rebuilt, and rows are written with multi-row ``INSERT ... RETURNING`` statements
built from the models' metadata (`_Insert`), which does what `bulk_create` does for these plain
columns at a third of its cost. Batches of `batch_size` articles: one dedupe query per key
kind, a handful of inserts. Every check the database constraints or column limits need is made
before a row is written, so a bad record is a report line, never an IntegrityError.
"""

from __future__ import annotations

import functools
import os
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import MAX_URL_LENGTH, URLValidator
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models import F
from django.utils import timezone

from annotations import anchoring
from annotations.models import Annotation, Attribution, Source, SourceAlias, Tag, normalise_alias
from articles import content
from articles.models import Article, ImageCaption, ImportRecord

from .records import (
    CANONICAL_UUID,
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    RecordError,
    SourceRecord,
)

type Progress = Callable[[int, int], None]


BATCH_SIZE = 1000
PREVIEW_LIMIT = 1000
# Statuses of a preview row.
NEW, DUPLICATE, UPDATE, CHANGED, ERROR = "new", "duplicate", "update", "changed", "error"


@dataclass
class ImportResult:
    """Counts of one run. `created` and `updated` are what was written, or, in a dry run, what
    would have been. When errors rolled everything back they are 0 and `would_create` /
    `would_update` keep the counts. `failed` counts records; `errors` holds every problem (a
    record with two bad annotations fails once and has two errors). `titles` (of the articles
    created) and `preview` (one row per record, in order) stop at the run's preview_limit;
    the counts never do."""

    created: int = 0
    updated: int = 0  # text replaced: matched by external id or URL, no annotations
    changed: int = 0  # text differs but the stored article is annotated: not overwritten
    skipped: int = 0  # duplicates, in the database or earlier in the same run
    failed: int = 0
    total: int = 0  # records read: articles and errors
    annotations: int = 0
    annotations_skipped: int = 0  # their id was already stored
    attributions: int = 0
    sources: int = 0  # registry entries created
    users: int = 0  # inactive accounts created for unknown authors
    errors: list[RecordError] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)  # changed and updated articles
    titles: list[str] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    rolled_back: bool = False  # errors occurred and keep_good was off: nothing written
    would_create: int = 0
    would_update: int = 0
    record: ImportRecord | None = None

    @property
    def written(self) -> bool:
        return not (self.dry_run or self.rolled_back)

    def summary(self) -> str:
        line = (
            f"created {self.created}, updated {self.updated}, "
            f"skipped {self.skipped} duplicates, failed {self.failed}"
        )
        if self.changed:
            line += f"; {self.changed} changed but annotated, not overwritten"
        return line


def save_records(
    items: Iterable[ArticleRecord | RecordError],
    *,
    user: AbstractBaseUser | None = None,
    files: Sequence[str | os.PathLike[str]] = (),
    format: str = "plaintext",
    dry_run: bool = False,
    keep_good: bool = False,
    batch_size: int = BATCH_SIZE,
    notes: Sequence[str] = (),
    record: ImportRecord | None = None,
    progress: Progress | None = None,
    preview_limit: int = PREVIEW_LIMIT,
) -> ImportResult:
    """Write the articles in `items` inside one transaction, `batch_size` articles at a time.

    The run is recorded in `record` when given (its status goes RUNNING, then PREVIEWED for a
    dry run, DONE, or FAILED when errors rolled it back or it crashed), else in a new
    ImportRecord. `user` is who imports, and the author of annotations that name none. `notes`
    (e.g. encoding fallbacks) is read after `items` is exhausted, so a generator may append to
    it while it runs. `progress(records_done, errors_so_far)` is called after every batch,
    inside the transaction, and once more when the run is over, outside it.

    Only one batch is held at a time: earlier batches are already rows in the transaction, so
    the dedupe queries find them.
    """
    record = _start(record, user, files, format, dry_run, keep_good)
    result = ImportResult(dry_run=dry_run, record=record)
    try:
        with transaction.atomic():
            writer = _Writer(result, user, batch_size, progress, preview_limit)
            for item in items:
                writer.add(item)
            writer.flush()
            if dry_run or (result.failed and not keep_good):
                raise _RollBack
    except _RollBack:
        if not dry_run:
            _roll_back(result)
    except Exception as exc:
        _finish(record, result, notes, crash=f"import stopped by an unexpected error: {exc!r}")
        raise
    _finish(record, result, notes)
    if progress is not None:
        progress(result.total, result.failed)
    return result


# --- The run's ImportRecord --------------------------------------------------------------------


class _RollBack(Exception):
    """Raised inside the atomic block to undo a dry run or a failed import."""


def _start(
    record: ImportRecord | None,
    user: AbstractBaseUser | None,
    files: Sequence[str | os.PathLike[str]],
    format: str,
    dry_run: bool,
    keep_good: bool,
) -> ImportRecord:
    if record is None:
        return ImportRecord.objects.create(
            user=user,
            files=[str(f) for f in files],
            format=format,
            dry_run=dry_run,
            options={"dry_run": dry_run, "keep_good": keep_good},
            status=ImportRecord.Status.RUNNING,
        )
    record.status = ImportRecord.Status.RUNNING
    record.dry_run = dry_run
    update = ["status", "dry_run"]
    if files:
        record.files = [str(f) for f in files]
        update.append("files")
    if not record.format:
        record.format = format
        update.append("format")
    if user is not None and record.user_id is None:
        record.user = user
        update.append("user")
    record.save(update_fields=update)
    return record


def _roll_back(result: ImportResult) -> None:
    result.rolled_back = True
    result.would_create, result.created = result.created, 0
    result.would_update, result.updated = result.updated, 0
    result.annotations = result.attributions = result.sources = result.users = 0
    result.titles = []


def _finish(
    record: ImportRecord, result: ImportResult, notes: Sequence[str], crash: str = ""
) -> None:
    record.total = result.total
    record.created_count = result.created
    record.updated_count = result.updated
    record.changed_count = result.changed
    record.skipped_count = result.skipped
    record.failed_count = result.failed
    report: list[dict[str, Any]] = [{"level": "note", "message": n} for n in notes]
    report += [{"level": "error", **error.as_dict()} for error in result.errors]
    report += result.notices
    if result.annotations or result.annotations_skipped or result.attributions:
        report.append(
            {
                "level": "note",
                "message": (
                    f"annotations: created {result.annotations}, skipped "
                    f"{result.annotations_skipped} already stored; attributions: created "
                    f"{result.attributions}; registry sources created {result.sources}; "
                    f"inactive users created {result.users}"
                ),
            }
        )
    if result.rolled_back:
        held = f"{result.would_create} article(s)"
        if result.would_update:
            held += f" and {result.would_update} update(s)"
        report.append({"level": "note", "message": f"rolled back: {held} not written"})
    if crash:
        report.append({"level": "error", "message": crash})
    record.report = report
    record.preview = result.preview
    if crash:
        record.status = ImportRecord.Status.FAILED
    elif result.dry_run:
        record.status = ImportRecord.Status.PREVIEWED
    elif result.rolled_back:
        record.status = ImportRecord.Status.FAILED
    else:
        record.status = ImportRecord.Status.DONE
    record.finished = timezone.now()
    record.save()


# --- Checks ------------------------------------------------------------------------------------


class _Fields:
    """The checks full_clean would make on the columns the saver writes, made directly: blank,
    max_length, NUL characters (PostgreSQL refuses them), URL syntax. On a failure the model
    field's own clean() words the message."""

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        self.fields = {name: model._meta.get_field(name) for name in names}

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
    if match is not None and len(value) <= MAX_URL_LENGTH and len(match["host"]) <= 253:
        return True
    try:
        _url_validator(value)
    except ValidationError:
        return False
    return True


_ARTICLE = _Fields(Article, ["title", "body", "outlet", "byline", "url", "external_id"])
_CAPTION = _Fields(ImageCaption, ["text", "credit"])
_SOURCE = _Fields(Source, ["name", "description"])
_ALIAS = _Fields(SourceAlias, ["alias"])
_ANNOTATION = _Fields(Annotation, ["note"])
# Tuples, not sets: they are listed in error messages, in a stable order.
_ARTICLE_STATUSES = tuple(Article.Status.values)
_TITLE, _BODY, _CAPTION_TARGET = (str(t) for t in Annotation.Target)
_ANNOTATION_STATUSES = tuple(Annotation.Status.values)
_SOURCE_KINDS = tuple(Source.Kind.values)


@functools.lru_cache(maxsize=4096)
def _canonical_name(text: str) -> str:
    """content.canonical_line for the short strings that repeat from record to record
    (registry names and aliases, credits): a bounded cache saves redoing them."""
    return content.canonical_line(text)


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, UTC)
    return value


# --- Rows --------------------------------------------------------------------------------------


class _Insert:
    """``INSERT INTO table (columns) VALUES (...), (...)`` for plain columns, with the new
    rows' primary keys when asked for.

    What bulk_create sends on SQLite and PostgreSQL, without building model instances or
    compiling every value through the ORM (two thirds of an import's database time). The caller
    passes values ready for the database: strings, numbers, None, and datetimes or UUIDs put
    through `prepare` (a model field's get_db_prep_save). Keys come back in row order, as
    bulk_create assumes too.

    PostgreSQL gets multi-row statements and returns the keys (``RETURNING``). SQLite gets one
    ``executemany`` of a one-row statement, which its driver loops over in C: ``RETURNING`` on
    a multi-row insert cost a quarter of the insert, and Django's cursor rewrites the
    placeholders of every statement with a regular expression over its text, which for
    multi-row statements cost as much again for annotations. Its keys are read back instead:
    the primary keys are AUTOINCREMENT, which gives every new row a key larger than any the
    table ever had, and the import's transaction holds SQLite's only write lock, so the rows
    just inserted are the table's last rows, in insertion order. One ``ORDER BY pk DESC
    LIMIT n`` reads them, checked against the connection's last inserted rowid.

    With `skip_existing` (a unique column), a row whose value is taken is left out
    (``ON CONFLICT (column) DO NOTHING``): `new_rows` says which rows went in."""

    def __init__(
        self, model: type[models.Model], names: Sequence[str], *, skip_existing: str = ""
    ) -> None:
        # The wrapper itself: `django.db.connection` looks it up on every attribute access.
        self.connection = connection = connections[DEFAULT_DB_ALIAS]
        meta = model._meta
        self.fields = {name: meta.get_field(name) for name in names}
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in self.fields.values())
        table, pk = quote(meta.db_table), quote(meta.pk.column)
        # Names come from the model metadata, quoted; every value is a query parameter.
        self.head = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
        self.row = "(" + ", ".join(["%s"] * len(names)) + ")"
        self.conflict = ""
        key_columns = pk
        if skip_existing:
            unique = quote(self.fields[skip_existing].column)
            self.conflict = f" ON CONFLICT ({unique}) DO NOTHING"
            key_columns = f"{pk}, {unique}"
        self.returning = f" RETURNING {key_columns}"
        self.read_back = connection.vendor == "sqlite" and isinstance(
            meta.pk, models.fields.AutoFieldMixin
        )
        self.one_row = self.head + self.row + self.conflict
        self.last_rows = (
            f"SELECT {key_columns}, last_insert_rowid() FROM {table} "  # noqa: S608
            f"ORDER BY {pk} DESC LIMIT %s"
        )
        limit = connection.features.max_query_params or 30000
        # A power of two, and a batch's rest sent in powers of two below it: a few statement
        # shapes per table, so the prepared-statement caches stay small whatever the rows.
        self.per_statement = 1 << (max(1, min(512, limit // len(names))).bit_length() - 1)
        self._sql: dict[tuple[int, bool], str] = {}

    def prepare(self, name: str, value: object) -> object:
        """A value of the right Python type (an aware datetime, a UUID) as the database
        takes it: get_db_prep_save without get_prep_value, which only converts other types."""
        if value is None:
            return None
        return self.fields[name].get_db_prep_value(value, self.connection, prepared=True)

    def __call__(self, rows: Sequence[Sequence[object]]) -> list[int]:
        """Insert the rows; their primary keys, in order."""
        ids = [row[0] for row in self._execute(rows, keys=True)]
        if len(ids) != len(rows):
            raise RuntimeError("the database did not return a key for every inserted row")
        return ids

    def without_keys(self, rows: Sequence[Sequence[object]]) -> None:
        """Insert the rows; nobody needs their keys."""
        self._execute(rows, keys=False)

    def new_rows(self, rows: Sequence[Sequence[object]]) -> dict[object, int]:
        """Insert the rows whose `skip_existing` value is free: {that value: primary key}."""
        return {key: pk for pk, key in self._execute(rows, keys=True)}

    def _execute(self, rows: Sequence[Sequence[object]], *, keys: bool) -> list[tuple[Any, ...]]:
        if not self.connection.features.can_return_rows_from_bulk_insert:
            raise RuntimeError("the importer needs SQLite >= 3.35 or PostgreSQL")
        if not rows:
            return []
        if self.read_back:
            return self._execute_and_read_back(rows, keys=keys)
        found: list[tuple[Any, ...]] = []
        start, size = 0, self.per_statement
        with self.connection.cursor() as cursor:
            while start < len(rows):
                while size > len(rows) - start:
                    size >>= 1
                chunk = rows[start : start + size]
                start += size
                sql = self._sql.get((len(chunk), keys))
                if sql is None:
                    sql = self._sql[(len(chunk), keys)] = (
                        self.head
                        + ", ".join([self.row] * len(chunk))
                        + self.conflict
                        + (self.returning if keys else "")
                    )
                cursor.execute(sql, [value for row in chunk for value in row])
                if keys:
                    found.extend(cursor.fetchall())
        return found

    def _execute_and_read_back(
        self, rows: Sequence[Sequence[object]], *, keys: bool
    ) -> list[tuple[Any, ...]]:
        with self.connection.cursor() as cursor:
            cursor.executemany(self.one_row, rows)
            inserted = cursor.rowcount  # rows skipped by ON CONFLICT are not counted
            if not keys or inserted <= 0:
                return []
            cursor.execute(self.last_rows, [inserted])
            found = cursor.fetchall()
        if len(found) != inserted or found[0][0] != found[0][-1]:
            raise RuntimeError("the inserted rows are not the table's last rows")
        return [row[:-1] for row in reversed(found)]


_ARTICLE_COLUMNS = (
    "title",
    "body",
    "outlet",
    "byline",
    "url",
    "published",
    "external_id",
    "content_hash",
    "revision",
    "status",
    "created",
    "updated",
)
_CAPTION_COLUMNS = ("article", "position", "text", "credit")
_ANNOTATION_COLUMNS = (
    "client_id",
    "article",
    "target",
    "caption",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "tag",
    "note",
    "source_entry",
    "author",
    "status",
    "created",
    "updated",
)
_ATTRIBUTION_COLUMNS = ("claim", "source_span", "source_entry", "cue", "author", "created")


@dataclass(slots=True)
class _Span:
    """A checked annotation, waiting for its article's and captions' primary keys."""

    client_key: str  # the id in canonical form: 8-4-4-4-12 lower-case hex digits
    client_db: object  # the id as the database takes it (prepared once)
    target: str
    caption: int | None  # index into the article's captions
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    tag: int
    note: str
    source: str  # registry name, or ""
    author: str  # username, or "" for the importing user
    status: str
    created: datetime | None
    updated: datetime | None
    pk: int | None = None


@dataclass(slots=True)
class _Link:
    """A checked attribution: indexes into the article's spans."""

    claim: int
    source_span: int | None
    source: str
    cue: int | None
    author: str


@dataclass(slots=True)
class _Pending:
    """A checked article record, waiting for its batch to be written."""

    origin: str
    title: str
    body: str
    outlet: str
    byline: str
    url: str
    published: datetime | None
    external_id: str
    content_hash: str
    status: str
    captions: list[tuple[str, str]]
    spans: list[_Span]
    links: list[_Link]
    sources: list[SourceRecord]
    row: dict[str, Any] | None  # its preview row, when within the limit
    leader: _Pending | None = None  # an identical record earlier in the same batch
    outcome: str = ""
    article_id: int | None = None

    @property
    def keys(self) -> set[tuple[str, str]]:
        keys = {("content_hash", self.content_hash)}
        if self.external_id:
            keys.add(("external_id", self.external_id))
        if self.url:
            keys.add(("url", self.url))
        return keys

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.external_id, self.url, self.content_hash)


@dataclass(slots=True)
class _Stored:
    """What the dedupe needs of a stored article."""

    id: int
    external_id: str
    url: str
    content_hash: str


class _Writer:
    """Checks records as they come, holds one batch, and writes it."""

    def __init__(
        self,
        result: ImportResult,
        user: AbstractBaseUser | None,
        batch_size: int,
        progress: Progress | None,
        preview_limit: int,
    ) -> None:
        self.result = result
        self.user = user
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.preview_limit = max(0, preview_limit)
        self.pending: list[_Pending] = []
        self.keys: set[tuple[str, str]] = set()
        self.identities: dict[tuple[str, str, str], _Pending] = {}
        self.read_since_flush = 0
        # Configuration and registry, read once: a few rows each, not growing with the file.
        self.tags = {t.name: (t.pk, t.role) for t in Tag.objects.only("name", "role")}
        self.tag_roles = {pk: role for pk, role in self.tags.values()}
        self.source_ids: dict[str, int] = dict(Source.objects.values_list("name", "id"))
        self.declared_sources: set[str] = set(self.source_ids)
        self.user_ids: dict[str, int] = {}
        self.valid_usernames: set[str] = set()
        self.User = get_user_model()
        self.username_field = self.User._meta.get_field(self.User.USERNAME_FIELD)
        self.insert_article = _Insert(Article, _ARTICLE_COLUMNS)
        self.insert_caption = _Insert(ImageCaption, _CAPTION_COLUMNS)
        self.insert_annotation = _Insert(Annotation, _ANNOTATION_COLUMNS, skip_existing="client_id")
        self.insert_attribution = _Insert(Attribution, _ATTRIBUTION_COLUMNS)
        self.native_uuid = connections[DEFAULT_DB_ALIAS].features.has_native_uuid_field

    # --- reading ---------------------------------------------------------------------------

    def add(self, item: ArticleRecord | RecordError) -> None:
        self.result.total += 1
        self.read_since_flush += 1
        if isinstance(item, RecordError):
            self._fail([item], origin=f"{item.file}:{item.line}", title="")
        else:
            pending = self._check(item)
            if pending is not None:
                self._hold(pending)
        if len(self.pending) >= self.batch_size or self.read_since_flush >= self.batch_size:
            self.flush()

    def _hold(self, pending: _Pending) -> None:
        leader = self.identities.get(pending.identity)
        if leader is not None:
            # The same keys as a record of this batch: it goes the way that one goes.
            pending.leader = leader
            self.pending.append(pending)
            return
        if not self.keys.isdisjoint(pending.keys):
            # Shares some keys with a record of this batch: write that one first, so this one
            # is matched against it exactly as if the two had come in separate runs.
            self.flush()
        self.pending.append(pending)
        self.keys |= pending.keys
        self.identities[pending.identity] = pending

    def _fail(self, errors: list[RecordError], *, origin: str, title: str) -> None:
        self.result.failed += 1
        self.result.errors.extend(errors)
        row = self._row(origin, title)
        if row is not None:
            row["status"] = ERROR
            row["message"] = "; ".join(error.message for error in errors)

    def _row(
        self, origin: str, title: str, captions: int = 0, paragraphs: int = 0, annotations: int = 0
    ) -> dict[str, Any] | None:
        if len(self.result.preview) >= self.preview_limit:
            return None
        row = {
            "origin": origin,
            "title": title,
            "captions": captions,
            "paragraphs": paragraphs,
            "annotations": annotations,
            "status": "",
            "message": "",
        }
        self.result.preview.append(row)
        return row

    def _check(self, record: ArticleRecord) -> _Pending | None:
        """Canonicalise exactly as Article.save and ImageCaption.save would (the inserts call
        neither) and check everything the database would refuse, and the annotations against
        the canonical text. Every problem of the record is reported at once."""
        problems: list[str] = []
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
            if problem := _ARTICLE.problem(name, value):
                problems.append(problem)
        status = record.status or Article.Status.NEW.value
        if status not in _ARTICLE_STATUSES:
            problems.append(f"status: {status!r} is not one of {', '.join(_ARTICLE_STATUSES)}")
        captions: list[tuple[str, str]] = []
        for number, caption in enumerate(record.captions, start=1):
            text = content.canonical_line(caption.text)
            credit = _canonical_name(caption.credit)
            for name, value in (("text", text), ("credit", credit)):
                if problem := _CAPTION.problem(name, value, f"caption {number}: {name}"):
                    problems.append(problem)
            captions.append((text, credit))
        declared: set[str] = set()
        spans: list[_Span] = []
        links: list[_Link] = []
        if record.sources or record.annotations or record.attributions:
            declared = self._check_sources(record.sources, problems)
            spans = self._check_spans(record.annotations, title, body, captions, declared, problems)
            links = self._check_links(
                record.attributions, record.annotations, spans, declared, problems
            )
        row_title = title or record.title[:200]
        paragraphs = body.count(content.PARAGRAPH_SEPARATOR) + 1 if body else 0
        if problems:
            self._fail([record.error(p) for p in problems], origin=record.origin, title=row_title)
            return None
        self.declared_sources |= declared
        return _Pending(
            origin=record.origin,
            title=title,
            body=body,
            outlet=outlet,
            byline=byline,
            url=url,
            published=_aware(record.published),
            external_id=external_id,
            content_hash=content.hash_canonical(title, body),
            status=status,
            captions=captions,
            spans=spans,
            links=links,
            sources=record.sources,
            row=self._row(record.origin, title, len(captions), paragraphs, len(record.annotations)),
        )

    def _check_sources(self, sources: list[SourceRecord], problems: list[str]) -> set[str]:
        declared: set[str] = set()
        for source in sources:
            name = _canonical_name(source.name)
            where = f"source {name!r}"
            if problem := _SOURCE.problem("name", name, f"{where}: name"):
                problems.append(problem)
            if source.kind not in _SOURCE_KINDS:
                problems.append(
                    f"{where}: kind {source.kind!r} is not one of {', '.join(_SOURCE_KINDS)}"
                )
            description = _canonical_name(source.description)
            if problem := _SOURCE.problem("description", description, f"{where}: description"):
                problems.append(problem)
            for alias in source.aliases:
                if problem := _ALIAS.problem("alias", _canonical_name(alias), where):
                    problems.append(f"{problem} (alias {alias!r})")
            declared.add(name)
        return declared

    def _check_spans(
        self,
        annotations: list[AnnotationRecord],
        title: str,
        body: str,
        captions: list[tuple[str, str]],
        declared: set[str],
        problems: list[str],
    ) -> list[_Span]:
        spans: list[_Span] = []
        seen: dict[str, int] = {}
        tags = self.tags
        # The id as UUIDField.get_db_prep_value gives it (a UUID, or 32 hex digits where the
        # database has no uuid type), made from the canonical string without parsing it.
        native_uuid = self.native_uuid
        for number, annotation in enumerate(annotations, start=1):
            found: list[str] = []
            client_key = annotation.id
            if not client_key:
                client_key = str(uuid.uuid4())
            elif CANONICAL_UUID.fullmatch(client_key) is None:  # the native format's form
                try:
                    client_key = str(uuid.UUID(client_key))
                except ValueError:
                    found.append(f"id {annotation.id!r} is not a UUID")
            if annotation.id and not found:
                if client_key in seen:
                    found.append(f"id repeats annotation {seen[client_key]}")
                seen[client_key] = number
            text: str | None = None
            target = annotation.target
            if target == _BODY:
                text = body
            elif target == _TITLE:
                text = title
            elif target == _CAPTION_TARGET:
                index = annotation.caption
                if index is None or not 0 <= index < len(captions):
                    found.append(f"caption index {index!r} is not one of the article's captions")
                else:
                    text = captions[index][0]
            if target in (_BODY, _TITLE) and annotation.caption is not None:
                found.append(f"a {target} span has no caption index")
            elif text is None and target != _CAPTION_TARGET:
                found.append(f"target {annotation.target!r} is not title, body or caption")
            quoted = False
            start, end = annotation.start, annotation.end
            if text is not None:
                try:
                    anchoring.check_span(text, start, end, annotation.quote)
                except anchoring.AnchorError as exc:
                    found.append(str(exc))
                else:
                    quoted = True
            tag = tags.get(annotation.tag)
            if tag is None:
                found.append(f"unknown tag {annotation.tag!r}")
            if annotation.status not in _ANNOTATION_STATUSES:
                found.append(
                    f"status {annotation.status!r} is not one of {', '.join(_ANNOTATION_STATUSES)}"
                )
            source = _canonical_name(annotation.source) if annotation.source else ""
            if source and source not in declared and source not in self.declared_sources:
                found.append(f"source {source!r} is neither in the registry nor in the record")
            note = ""
            if annotation.note:
                note = content.sanitize_html(annotation.note)
                if problem := _ANNOTATION.problem("note", note):
                    found.append(problem)
            if problem := self._author_problem(annotation.author):
                found.append(problem)
            if found:
                problems.extend(f"annotation {number}: {problem}" for problem in found)
                continue
            assert quoted and text is not None and tag is not None
            created, updated = annotation.created, annotation.updated
            spans.append(
                _Span(  # positionally: a third of the cost of keywords, 20 times an article
                    client_key,
                    uuid.UUID(client_key) if native_uuid else client_key.replace("-", ""),
                    target,
                    annotation.caption,
                    start,
                    end,
                    annotation.quote,  # checked equal to text[start:end]
                    *anchoring.quote_context(text, start, end),
                    tag[0],
                    note,
                    source,
                    annotation.author,
                    annotation.status,
                    created if created is None or created.tzinfo is not None else _aware(created),
                    updated if updated is None or updated.tzinfo is not None else _aware(updated),
                )
            )
        return spans

    def _author_problem(self, username: str) -> str | None:
        if not username:
            if self.user is None:
                return "no author, and no importing user to stand in"
            return None
        if username in self.valid_usernames:
            return None
        try:
            self.username_field.clean(username, None)
        except ValidationError as exc:
            return f"author {username!r}: {' '.join(exc.messages)}"
        if len(self.valid_usernames) < 10_000:  # a few authors, usually; bounded all the same
            self.valid_usernames.add(username)
        return None

    def _check_links(
        self,
        attributions: list[AttributionRecord],
        annotations: list[AnnotationRecord],
        spans: list[_Span],
        declared: set[str],
        problems: list[str],
    ) -> list[_Link]:
        if not attributions:
            return []
        if len(spans) != len(annotations):
            return []  # the annotations' problems are reported; links to them cannot be checked
        index = {span.client_key: i for i, span in enumerate(spans)}
        index.update({a.id: i for i, a in enumerate(annotations) if a.id})
        roles = self.tag_roles
        links: list[_Link] = []
        for number, attribution in enumerate(attributions, start=1):
            where = f"attribution {number}"
            found: list[str] = []
            positions: dict[str, int | None] = {}
            for name, role in (
                ("claim", Tag.Role.CLAIM),
                ("source_span", Tag.Role.SOURCE),
                ("cue", Tag.Role.CUE),
            ):
                ref = getattr(attribution, name)
                positions[name] = None
                if not ref:
                    continue
                position = index.get(ref)
                if position is None:
                    found.append(f"{name} {ref!r} is not an annotation of this article")
                    continue
                positions[name] = position
                if roles[spans[position].tag] != role:
                    found.append(f"{name} {ref!r} is not tagged as a {role.label}")
            if not attribution.claim:
                found.append("no claim")
            source = _canonical_name(attribution.source) if attribution.source else ""
            if source and source not in declared and source not in self.declared_sources:
                found.append(f"source {source!r} is neither in the registry nor in the record")
            if not attribution.source_span and not source:
                found.append("needs a source span or a registry source")
            if attribution.source_span and attribution.source_span == attribution.claim:
                found.append("the source span is the claim itself")
            if attribution.author and (problem := self._author_problem(attribution.author)):
                found.append(problem)
            if found:
                problems.extend(f"{where}: {problem}" for problem in found)
                continue
            claim = positions["claim"]
            assert claim is not None
            links.append(  # _Link(claim, source_span, source, cue, author), positionally
                _Link(
                    claim,
                    positions["source_span"],
                    source,
                    positions["cue"],
                    attribution.author or spans[claim].author,
                )
            )
        return links

    # --- writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        read, self.read_since_flush = self.read_since_flush, 0
        self.keys = set()
        self.identities = {}
        if pending:
            self._write(pending)
        if read and self.progress is not None:
            self.progress(self.result.total, self.result.failed)

    def _write(self, batch: list[_Pending]) -> None:
        now = timezone.now()
        stored = _Index(self._stored(batch))
        self._decide(batch, stored, now)
        fresh = [p for p in batch if p.outcome == NEW]
        if fresh:
            insert = self.insert_article
            stamp = insert.prepare("created", now)
            ids = insert(
                [
                    (
                        p.title,
                        p.body,
                        p.outlet,
                        p.byline,
                        p.url,
                        insert.prepare("published", p.published),
                        p.external_id,
                        p.content_hash,
                        1,
                        p.status,
                        stamp,
                        stamp,
                    )
                    for p in fresh
                ]
            )
            for p, pk in zip(fresh, ids, strict=True):
                p.article_id = pk
        written = [p for p in batch if p.outcome in (NEW, UPDATE)]
        caption_ids = self._write_captions(written)
        self._write_sources([p for p in batch if p.outcome])
        self._write_spans(written, caption_ids, now)
        result = self.result
        for p in batch:
            if p.leader is not None:
                p.article_id = p.leader.article_id
            if p.outcome != NEW:
                self._explain(p)
            if p.outcome == NEW:
                result.created += 1
                if len(result.titles) < self.preview_limit:
                    result.titles.append(p.title)
            elif p.outcome == UPDATE:
                result.updated += 1
            elif p.outcome == CHANGED:
                result.changed += 1
            else:
                result.skipped += 1
            if p.row is not None:
                p.row["status"] = p.outcome

    def _stored(self, batch: list[_Pending]) -> list[_Stored]:
        """The stored articles that share a key with a record of the batch: one query per key
        kind (each uses an index), in chunks the database accepts."""
        wanted: dict[str, set[str]] = {"content_hash": set(), "external_id": set(), "url": set()}
        for p in batch:
            if p.leader is None:
                for kind, value in p.keys:
                    wanted[kind].add(value)
        limit = min(connection.features.max_query_params or 5000, 5000)
        rows: dict[int, _Stored] = {}
        for kind, values in wanted.items():
            ordered = sorted(values)
            for start in range(0, len(ordered), limit):
                query = Article.objects.filter(**{f"{kind}__in": ordered[start : start + limit]})
                if kind != "content_hash":
                    query = query.exclude(**{kind: ""})  # the partial indexes need this
                for row in query.order_by().values_list("id", "external_id", "url", "content_hash"):
                    rows[row[0]] = _Stored(*row)
        return sorted(rows.values(), key=lambda row: row.id)

    def _decide(self, batch: list[_Pending], stored: _Index, now: datetime) -> None:
        """Each record's outcome, in order, as if each had been saved on its own."""
        candidates = [
            match.id
            for p in batch
            if p.leader is None
            and (match := stored.match(p)) is not None
            and match.content_hash != p.content_hash
        ]
        annotated = _annotated(candidates)
        for p in batch:
            if p.leader is not None:
                p.outcome = CHANGED if p.leader.outcome == CHANGED else DUPLICATE
                continue
            match = stored.match(p)
            if match is None:
                p.outcome = NEW
                continue
            p.article_id = match.id
            if match.content_hash == p.content_hash:
                p.outcome = DUPLICATE
                continue
            if match.id not in annotated:
                annotated |= _annotated([match.id])  # matched only after an earlier update
            if match.id in annotated:
                p.outcome = CHANGED
            else:
                p.outcome = UPDATE
                self._update(p, match, now)
                stored.updated(match, p)

    def _explain(self, p: _Pending) -> None:
        article_id = p.article_id
        message = {
            DUPLICATE: f"same text as article {article_id}",
            UPDATE: f"updates article {article_id}: its text changed",
            CHANGED: (
                f"the text of article {article_id} changed, but it has annotations: not overwritten"
            ),
        }[p.outcome]
        if p.row is not None:
            p.row["message"] = message
        if p.outcome in (UPDATE, CHANGED):
            file, _, line = p.origin.rpartition(":")
            self.result.notices.append(
                {
                    "level": p.outcome,
                    "file": file if line.isdigit() else p.origin,
                    "line": int(line) if line.isdigit() else 0,
                    "article": article_id,
                    "message": message,
                }
            )

    def _update(self, p: _Pending, match: _Stored, now: datetime) -> None:
        """Replace an unannotated article's text, captions and the metadata the record has."""
        fields: dict[str, Any] = {
            "title": p.title,
            "body": p.body,
            "content_hash": p.content_hash,
            "revision": F("revision") + 1,
            "updated": now,
        }
        for name in ("outlet", "byline", "url", "published", "external_id"):
            value = getattr(p, name)
            if value:
                fields[name] = value
        Article.objects.filter(pk=match.id).update(**fields)
        ImageCaption.objects.filter(article_id=match.id).delete()

    def _write_captions(self, written: list[_Pending]) -> dict[int, list[int]]:
        rows = [
            (p.article_id, position, text, credit)
            for p in written
            for position, (text, credit) in enumerate(p.captions)
        ]
        if not rows:
            return {}
        if not any(span.caption is not None for p in written for span in p.spans):
            self.insert_caption.without_keys(rows)  # no span points at a caption
            return {}
        ids = iter(self.insert_caption(rows))
        return {id(p): [next(ids) for _ in p.captions] for p in written if p.captions}

    def _write_sources(self, valid: list[_Pending]) -> None:
        """Create the registry entries the batch declares and the registry lacks: those of
        duplicates too (idempotent), since a later record may have been checked against
        them."""
        new: dict[str, SourceRecord] = {}
        for p in valid:
            for source in p.sources:
                name = _canonical_name(source.name)
                if name not in self.source_ids and name not in new:
                    new[name] = source
        if not new:
            return
        # A concurrent import may have made some since the run started.
        self.source_ids.update(Source.objects.filter(name__in=list(new)).values_list("name", "id"))
        missing = {name: s for name, s in new.items() if name not in self.source_ids}
        made = Source.objects.bulk_create(
            Source(
                name=name,
                kind=source.kind,
                description=_canonical_name(source.description),
            )
            for name, source in missing.items()
        )
        aliases: list[SourceAlias] = []
        for entry, source in zip(made, missing.values(), strict=True):
            self.source_ids[entry.name] = entry.pk
            seen: set[str] = set()
            for alias in source.aliases:
                text = _canonical_name(alias)
                normalised = normalise_alias(text)
                if normalised not in seen:
                    seen.add(normalised)
                    aliases.append(SourceAlias(source=entry, alias=text, normalised=normalised))
        SourceAlias.objects.bulk_create(aliases)
        self.result.sources += len(made)

    def _write_spans(
        self, written: list[_Pending], caption_ids: dict[int, list[int]], now: datetime
    ) -> None:
        """Insert the annotations of the written articles, then their attributions. A span
        whose id is already stored is skipped, and so is every link to it."""
        kept = [(p, span) for p in written for span in p.spans]
        if not kept:
            return
        # Authors of spans that turn out to be stored already are made too: rare, harmless.
        users = self._user_ids(
            {span.author for _, span in kept if span.author}
            | {link.author for p in written for link in p.links if link.author}
        )
        insert = self.insert_annotation
        prepare = insert.prepare
        source_ids = self.source_ids
        stamps: dict[datetime, object] = {}  # exports repeat times: convert each once
        rows: list[tuple[object, ...]] = []
        for p, span in kept:
            created = span.created or now
            updated = span.updated or created
            if (created_db := stamps.get(created)) is None:
                created_db = stamps[created] = prepare("created", created)
            if (updated_db := stamps.get(updated)) is None:
                updated_db = stamps[updated] = prepare("updated", updated)
            rows.append(
                (
                    span.client_db,
                    p.article_id,
                    span.target,
                    None if span.caption is None else caption_ids[id(p)][span.caption],
                    span.start,
                    span.end,
                    span.quote,
                    span.prefix,
                    span.suffix,
                    span.tag,
                    span.note,
                    source_ids[span.source] if span.source else None,
                    users[span.author] if span.author else self._importer_id(),
                    span.status,
                    created_db,
                    updated_db,
                )
            )
        # A span whose id is stored already, or came earlier in the run, is left out by the
        # database; the first of two equal ids in the batch is the one that went in.
        inserted = insert.new_rows(rows)
        self.result.annotations += len(inserted)
        self.result.annotations_skipped += len(rows) - len(inserted)
        for (_, span), row in zip(kept, rows, strict=True):
            span.pk = inserted.pop(row[0], None)
        # A link to a skipped span was most likely stored with it: skipped too.
        links = [
            (p, link)
            for p in written
            for link in p.links
            if p.spans[link.claim].pk is not None
            and (link.source_span is None or p.spans[link.source_span].pk is not None)
            and (link.cue is None or p.spans[link.cue].pk is not None)
        ]
        created = self.insert_attribution.prepare("created", now)
        rows = [
            (
                p.spans[link.claim].pk,
                None if link.source_span is None else p.spans[link.source_span].pk,
                self.source_ids[link.source] if link.source else None,
                None if link.cue is None else p.spans[link.cue].pk,
                users[link.author] if link.author else self._importer_id(),
                created,
            )
            for p, link in links
        ]
        if rows:
            self.insert_attribution.without_keys(rows)
        self.result.attributions += len(rows)

    def _importer_id(self) -> int:
        assert self.user is not None  # _author_problem refused authorless spans otherwise
        return self.user.pk

    def _user_ids(self, usernames: set[str]) -> dict[str, int]:
        """Primary keys of the authors, creating inactive accounts for the unknown ones."""
        missing = usernames - self.user_ids.keys()
        if missing:
            name = self.User.USERNAME_FIELD
            self.user_ids.update(
                self.User._default_manager.filter(**{f"{name}__in": missing}).values_list(
                    name, "pk"
                )
            )
            new = []
            for username in sorted(missing - self.user_ids.keys()):
                account = self.User(**{name: username, "is_active": False})
                account.set_unusable_password()
                new.append(account)
            for account in self.User._default_manager.bulk_create(new):
                self.user_ids[account.get_username()] = account.pk
            self.result.users += len(new)
        return self.user_ids


class _Index:
    """The stored articles of a batch, by key, kept current as the batch updates them."""

    def __init__(self, rows: list[_Stored]) -> None:
        self.by_external_id: dict[str, _Stored] = {}
        self.by_url: dict[str, list[_Stored]] = {}
        self.by_hash: dict[str, _Stored] = {}
        for row in rows:
            self._add(row)

    def _add(self, row: _Stored) -> None:
        if row.external_id:
            self.by_external_id[row.external_id] = row
        if row.url:
            self.by_url.setdefault(row.url, []).append(row)
        self.by_hash.setdefault(row.content_hash, row)

    def match(self, p: _Pending) -> _Stored | None:
        if p.external_id and (row := self.by_external_id.get(p.external_id)):
            return row
        if p.url:
            # The same URL under another external id is another article (a correction, a
            # live page re-published): not a match. Same text wins among several.
            rows = [
                r
                for r in self.by_url.get(p.url, ())
                if not (r.external_id and p.external_id and r.external_id != p.external_id)
            ]
            if rows:
                return next((r for r in rows if r.content_hash == p.content_hash), rows[0])
        return self.by_hash.get(p.content_hash)

    def updated(self, row: _Stored, p: _Pending) -> None:
        """`row` now holds the text of `p`: later records must see the new keys, not the old."""
        if self.by_external_id.get(row.external_id) is row:
            del self.by_external_id[row.external_id]
        if row.url:
            self.by_url[row.url] = [r for r in self.by_url[row.url] if r is not row]
        if self.by_hash.get(row.content_hash) is row:
            del self.by_hash[row.content_hash]
        row.content_hash = p.content_hash
        row.url = p.url or row.url
        row.external_id = p.external_id or row.external_id
        self._add(row)


def _annotated(article_ids: list[int]) -> set[int]:
    """Which of these articles have annotations (deleted ones kept for undo count too)."""
    if not article_ids:
        return set()
    return set(
        Annotation.all_objects.filter(article_id__in=article_ids)
        .order_by()
        .values_list("article_id", flat=True)
        .distinct()
    )
