"""Bulk inserts without the ORM's per-row cost: the raw SQL and the read-back of new keys.

`Insert` builds ``INSERT INTO table (columns) VALUES ...`` from a model's metadata; the column
tuples below are what the saver writes of each table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db import DEFAULT_DB_ALIAS, connections, models


class Insert:
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
        # Concrete columns only (the callers name them): never a reverse relation.
        self.fields = {name: cast("models.Field[Any, Any]", meta.get_field(name)) for name in names}
        quote = connection.ops.quote_name
        columns = ", ".join(quote(_column(f)) for f in self.fields.values())
        table, pk = quote(meta.db_table), quote(_column(meta.pk))
        # Names come from the model metadata, quoted; every value is a query parameter.
        self.head = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
        self.row = "(" + ", ".join(["%s"] * len(names)) + ")"
        self.conflict = ""
        key_columns = pk
        if skip_existing:
            unique = quote(_column(self.fields[skip_existing]))
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

    def __call__(self, rows: Sequence[Sequence[Any]]) -> list[int]:
        """Insert the rows; their primary keys, in order."""
        ids = [row[0] for row in self._execute(rows, keys=True)]
        if len(ids) != len(rows):
            raise RuntimeError("the database did not return a key for every inserted row")
        return ids

    def without_keys(self, rows: Sequence[Sequence[Any]]) -> None:
        """Insert the rows; nobody needs their keys."""
        self._execute(rows, keys=False)

    def new_rows(self, rows: Sequence[Sequence[Any]]) -> dict[object, int]:
        """Insert the rows whose `skip_existing` value is free: {that value: primary key}."""
        return {key: pk for pk, key in self._execute(rows, keys=True)}

    def _execute(self, rows: Sequence[Sequence[Any]], *, keys: bool) -> list[tuple[Any, ...]]:
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
        self, rows: Sequence[Sequence[Any]], *, keys: bool
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


ARTICLE_COLUMNS = (
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
CAPTION_COLUMNS = ("article", "position", "text", "credit")
ANNOTATION_COLUMNS = (
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
ATTRIBUTION_COLUMNS = (
    "claim",
    "source_span",
    "source_entry",
    "implicit_source",
    "cue",
    "author",
    "created",
)
# Attribution.fragments' table: one row per further content fragment.
FRAGMENT_COLUMNS = ("attribution", "annotation")


def _column(field: models.Field[Any, Any] | None) -> str:
    """A concrete field's column (the saver names only those)."""
    if field is None or field.column is None:
        raise TypeError(f"{field!r} is not a concrete column")
    return field.column
