"""JSON Lines and JSON articles, including the native format that the export writes.

Two entry points, both yielding ArticleRecord and RecordError in file order:

* `parse` reads JSON Lines: one article object per line; blank lines are ignored. It holds one
  line at a time. A file whose first non-blank line is ``[`` or ``{`` alone, or starts an array,
  is really a JSON document and is handed to `parse_json`, so a misnamed file still reads.
* `parse_json` reads a JSON document: one article object, an array of them, or several of
  either one after another. It streams as well: a small scanner follows brackets and strings line
  by line to find where each array element ends, and only that element is decoded. Memory is
  bounded by the largest element and the longest line, so an array written on one single line
  (``json.dump`` without ``indent``) is held whole: for big files, prefer JSON Lines.

An article object (`article_from_fields`, shared with the CSV importer):

=============== =============================================================================
title           string, required
body            string, required; or ``paragraphs``: an array of strings (not both)
captions        array of ``{"text", "credit"}`` objects or of strings (text only); text required
url, outlet,    string or null
byline
published       ISO 8601 date or datetime string, or null; without a UTC offset it is UTC, a
                date alone is midnight UTC
external_id     string, whole number, or null
status          an Article.Status value ("new", ...), or null
annotations,    the native format's arrays, checked for types, enums, offsets (0 <= start <
attributions,   end), the caption index, unique annotation ids, and attribution ids that name
sources         an annotation of the same record
format          present only in native records: must be "newsroom.article/1"
=============== =============================================================================

The native format is docs/formats/native.md (schema: docs/formats/native-article.schema.json).
A record with a ``format`` key is native and strict: a key the format does not have is an error,
because dropping it would break the lossless round trip. In other records, unknown keys are
ignored and listed once per file in `notes`.

Errors: one RecordError per bad record, naming its line (JSON Lines: the line; JSON documents:
"record N" and the line where the record starts, or where its syntax error is) and every bad
field at once, joined with "; ". A bad record never stops the file. Nothing here compares
quotes with text, resolves tags, users or registry entries, or sanitises notes: the saver does,
with the database at hand.
"""

from __future__ import annotations

import functools
import json
import operator
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from itertools import chain, repeat

from articles import content

from .records import (
    CANONICAL_UUID,
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    CaptionRecord,
    RecordError,
    SourceRecord,
)

NATIVE_FORMAT = "newsroom.article/1"
# Key order of the native format (docs/formats/native.md): the exporter writes exactly these,
# in this order, and the schema lists them in the same order.
NATIVE_ARTICLE_KEYS = (
    "format",
    "external_id",
    "url",
    "title",
    "outlet",
    "byline",
    "published",
    "status",
    "body",
    "captions",
    "annotations",
    "attributions",
    "sources",
)
NATIVE_CAPTION_KEYS = ("text", "credit")
NATIVE_ANNOTATION_KEYS = (
    "id",
    "target",
    "caption",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "tag",
    "note",
    "author",
    "status",
    "source",
    "created",
    "updated",
)
NATIVE_ATTRIBUTION_KEYS = ("claim", "source_span", "source", "cue", "author")
NATIVE_SOURCE_KEYS = ("name", "kind", "description", "aliases")

# The models' choices, repeated so that parsing needs no Django; a test checks they agree.
ARTICLE_STATUSES = ("new", "in_annotation", "ready", "approved", "sent_back")
TARGETS = ("title", "body", "caption")
ANNOTATION_STATUSES = ("pending", "accepted", "rejected")
SOURCE_KINDS = ("person", "organisation", "media", "government", "anonymous")

_ARTICLE_KEYS = frozenset(NATIVE_ARTICLE_KEYS) | {"paragraphs"}
_NATIVE_KEYS = frozenset(NATIVE_ARTICLE_KEYS)
_CAPTION_KEYS = frozenset(NATIVE_CAPTION_KEYS)
_ANNOTATION_KEYS = frozenset(NATIVE_ANNOTATION_KEYS)
_ATTRIBUTION_KEYS = frozenset(NATIVE_ATTRIBUTION_KEYS)
_SOURCE_KEYS = frozenset(NATIVE_SOURCE_KEYS)
_annotation_values = operator.itemgetter(*NATIVE_ANNOTATION_KEYS)
# A record with hundreds of bad fields still gets a readable message.
_MAX_PROBLEMS = 20


def parse(
    lines: Iterable[str], filename: str, *, notes: list[str] | None = None
) -> Iterator[ArticleRecord | RecordError]:
    """Yield an ArticleRecord or a RecordError per non-blank line of a JSON Lines file.

    Unknown keys of non-native records are summed up in one note appended to `notes`."""
    ignored: Counter[str] = Counter()
    rest = iter(lines)
    found = False
    for number, raw in enumerate(rest, start=1):
        line = raw.removeprefix("\ufeff") if number == 1 else raw
        text = line.strip()
        if not text:
            continue
        if not found and (text in ("{", "[") or text.startswith("[")):
            # A JSON document, not JSON Lines: keep the line numbers by padding with blanks.
            document = chain(repeat("", number - 1), [line], rest)
            yield from parse_json(document, filename, notes=notes)
            return
        found = True
        try:
            data = _DECODER.decode(text)
        except json.JSONDecodeError as exc:
            column = exc.colno + len(line) - len(line.lstrip())
            yield RecordError(filename, number, f"not valid JSON: {exc.msg} (column {column})")
            continue
        except _DuplicateKey as exc:
            yield RecordError(filename, number, _duplicate_message(exc))
            continue
        if not isinstance(data, dict):
            yield RecordError(filename, number, f"expected an article object, not {_kind(data)}")
            continue
        yield article_from_fields(data, filename, number, ignored=ignored)
    if not found:
        yield RecordError(filename, 1, "no articles found: the file is empty")
    _note_ignored(notes, filename, ignored)


def parse_json(
    lines: Iterable[str], filename: str, *, notes: list[str] | None = None
) -> Iterator[ArticleRecord | RecordError]:
    """Yield a record or an error per article object of a JSON document (see the module doc).

    Records are labelled "record N" (counting from 1 through the whole file) in error messages;
    their origin is the line where the object starts."""
    scanner = _DocumentScanner(filename)
    for number, line in enumerate(lines, start=1):
        yield from scanner.feed(line.removeprefix("\ufeff") if number == 1 else line, number)
    yield from scanner.close()
    _note_ignored(notes, filename, scanner.ignored)


def article_from_fields(
    data: Mapping[str, object],
    filename: str,
    line: int,
    *,
    label: str = "",
    ignored: Counter[str] | None = None,
    problems: list[str] | None = None,
) -> ArticleRecord | RecordError:
    """Check one article object and build its record, or a RecordError listing every problem.

    `label` prefixes the error message ("record 3"); unknown keys of a non-native object are
    counted in `ignored`; `problems` may hold problems the caller found already (a CSV row)."""
    check = _Check(problems if problems is not None else [], "format" in data, ignored)
    if check.native and data["format"] != NATIVE_FORMAT:
        check.add(f"format: {_show(data['format'])} is not {NATIVE_FORMAT!r}")
    check.unknown(data, _NATIVE_KEYS if check.native else _ARTICLE_KEYS, "")

    title = check.string(data, "title", required=True)
    body = _body(data, check)
    captions_value = data.get("captions")
    captions = _captions(captions_value, check)
    caption_count = len(captions_value) if isinstance(captions_value, list) else 0
    published = check.datetime(data, "published")
    status = check.choice(data, "status", ARTICLE_STATUSES, default="")
    annotations, ids = _annotations(data.get("annotations"), caption_count, check)
    attributions = _attributions(data.get("attributions"), ids, check)
    sources = _sources(data.get("sources"), check)
    record = ArticleRecord(
        title=title,
        body=body,
        captions=captions,
        url=check.string(data, "url"),
        outlet=check.string(data, "outlet"),
        byline=check.string(data, "byline"),
        published=published,
        external_id=_external_id(data.get("external_id"), check),
        origin=f"{filename}:{line}",
        status=status,
        annotations=annotations,
        attributions=attributions,
        sources=sources,
    )
    if not check.problems:
        return record
    shown = check.problems[:_MAX_PROBLEMS]
    if len(check.problems) > _MAX_PROBLEMS:
        shown.append(f"and {len(check.problems) - _MAX_PROBLEMS} more problems")
    message = "; ".join(shown)
    return RecordError(filename, line, f"{label}: {message}" if label else message)


def native_datetime(value: datetime | None) -> str | None:
    """A datetime as the native format writes it: UTC, seconds always, microseconds only when
    not zero, "Z" for the offset ("2024-05-01T08:30:00Z"). An aware datetime is required."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("the native format writes aware datetimes only")
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- fields -------------------------------------------------------------------------------------


class _Check:
    """Reads typed values out of JSON objects, collecting every problem instead of raising."""

    __slots__ = ("ignored", "native", "problems")

    def __init__(self, problems: list[str], native: bool, ignored: Counter[str] | None) -> None:
        self.problems = problems
        self.native = native
        self.ignored = ignored

    def add(self, problem: str) -> None:
        self.problems.append(problem)

    def unknown(self, data: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
        """Unknown keys: errors in a native record, else counted for a note."""
        if data.keys() <= allowed:
            return
        extra = [key for key in data if key not in allowed]
        if not extra:
            return
        if self.native:
            self.problems.extend(f"{where}{key}: not a key of {NATIVE_FORMAT}" for key in extra)
        elif self.ignored is not None:
            group = re.sub(r"\[\d+\]", "[]", where)  # counted per key, not per caption
            self.ignored.update(f"{group}{key}" for key in extra)

    def strict(self, data: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
        """Unknown keys of the native-only objects are always errors: their layout is ours."""
        if data.keys() <= allowed:
            return
        self.problems.extend(
            f"{where}.{key}: not a key of {NATIVE_FORMAT}" for key in data if key not in allowed
        )

    def string(
        self, data: Mapping[str, object], key: str, where: str = "", *, required: bool = False
    ) -> str:
        """A string value; null or absent is "" (or "missing" when required)."""
        value = data.get(key)
        if type(value) is str and (not required or value.strip()):
            return value
        name = f"{where}.{key}" if where else key
        if value is None:
            if required:
                self.add(f"{name}: missing")
            return ""
        if not isinstance(value, str):
            self.add(f"{name}: must be a string, not {_kind(value)}")
            return ""
        if required and not value.strip():
            self.add(f"{name}: empty")
        return value

    def choice(
        self,
        data: Mapping[str, object],
        key: str,
        allowed: tuple[str, ...],
        where: str = "",
        *,
        default: str,
        required: bool = False,
    ) -> str:
        value = data.get(key)
        if type(value) is str and value in allowed:
            return value
        name = f"{where}.{key}" if where else key
        if value is None:
            if required:
                self.add(f"{name}: missing")
            return default
        if value not in allowed:
            self.add(f"{name}: {_show(value)} is not one of {', '.join(allowed)}")
            return default
        return str(value)

    def datetime(self, data: Mapping[str, object], key: str, where: str = "") -> datetime | None:
        """An ISO 8601 date or datetime; naive means UTC; null, absent or blank is None."""
        value = data.get(key)
        if value is None:
            return None
        name = f"{where}.{key}" if where else key
        if not isinstance(value, str):
            self.add(f"{name}: must be an ISO 8601 date or datetime string, not {_kind(value)}")
            return None
        parsed = _stamp(value)
        if parsed is None:
            if not value.strip():
                return None
            parsed = _stamp(value.strip())
            if parsed is None:
                self.add(f"{name}: not an ISO 8601 date or datetime: {_show(value)}")
        return parsed

    def integer(self, data: Mapping[str, object], key: str, where: str) -> int | None:
        value = data.get(key)
        if value is None:
            self.add(f"{where}.{key}: missing")
            return None
        if type(value) is not int:
            self.add(f"{where}.{key}: must be a whole number, not {_kind(value)}")
            return None
        if value < 0:
            self.add(f"{where}.{key}: must not be negative, got {value}")
            return None
        return value

    def identifier(self, value: object, name: str, *, required: bool = False) -> str:
        """An annotation id: a UUID, returned in its canonical lower-case form."""
        if type(value) is str and CANONICAL_UUID.fullmatch(value):
            return value
        if value is None:
            if required:
                self.add(f"{name}: missing")
            return ""
        if not isinstance(value, str):
            self.add(f"{name}: must be a UUID string, not {_kind(value)}")
            return ""
        try:
            return str(uuid.UUID(value))
        except ValueError:
            self.add(f"{name}: not a UUID: {_show(value)}")
            return ""


def _body(data: Mapping[str, object], check: _Check) -> str:
    paragraphs = data.get("paragraphs")
    if paragraphs is None:
        return check.string(data, "body", required=True)
    if data.get("body") is not None:
        check.add("body, paragraphs: give one of them, not both")
        return ""
    if not isinstance(paragraphs, list):
        check.add(f"paragraphs: must be an array of strings, not {_kind(paragraphs)}")
        return ""
    bad = [i for i, p in enumerate(paragraphs) if not isinstance(p, str)]
    if bad:
        check.add(f"paragraphs[{bad[0]}]: must be a string, not {_kind(paragraphs[bad[0]])}")
        return ""
    body = content.canonical_paragraphs(paragraphs)
    if not body:
        check.add("paragraphs: no text")
    return body


def _captions(value: object, check: _Check) -> list[CaptionRecord]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"captions: must be an array, not {_kind(value)}")
        return []
    captions: list[CaptionRecord] = []
    for index, item in enumerate(value):
        where = f"captions[{index}]"
        if isinstance(item, str):
            if item.strip():
                captions.append(CaptionRecord(text=item, credit=""))
            else:
                check.add(f"{where}: a caption without text")
            continue
        if not isinstance(item, dict):
            check.add(f"{where}: must be an object or a string, not {_kind(item)}")
            continue
        check.unknown(item, _CAPTION_KEYS, f"{where}.")
        if item.get("text") is None or (isinstance(item["text"], str) and not item["text"].strip()):
            check.add(f"{where}.text: a caption without text")
            continue
        text = check.string(item, "text", where)
        captions.append(CaptionRecord(text=text, credit=check.string(item, "credit", where)))
    return captions


def _external_id(value: object, check: _Check) -> str:
    if value is None or isinstance(value, str):
        return value or ""
    if type(value) is int:
        return str(value)
    if type(value) is float and value.is_integer():
        return str(int(value))
    check.add(f"external_id: must be a string or a whole number, not {_show(value)}")
    return ""


def _annotations(
    value: object, caption_count: int, check: _Check
) -> tuple[list[AnnotationRecord], set[str]]:
    """The records, and every well-formed id (even of a span with other problems, so that an
    attribution pointing at it is not reported a second time)."""
    if value is None:
        return [], set()
    if not isinstance(value, list):
        check.add(f"annotations: must be an array, not {_kind(value)}")
        return [], set()
    records: list[AnnotationRecord] = []
    ids: dict[str, int] = {}
    for index, item in enumerate(value):
        if type(item) is dict:
            # The common case first, without building the labels only problems need.
            ident = item.get("id")
            if type(ident) is str and ident not in ids and CANONICAL_UUID.fullmatch(ident):
                record = _well_formed_annotation(item, ident, caption_count)
                if record is not None:
                    ids[ident] = index
                    records.append(record)
                    continue
        where = f"annotations[{index}]"
        if not isinstance(item, dict):
            check.add(f"{where}: must be an object, not {_kind(item)}")
            continue
        before = len(check.problems)
        ident = check.identifier(item.get("id"), f"{where}.id")
        if ident in ids:
            check.add(f"{where}.id: the same as annotations[{ids[ident]}].id")
        elif ident:
            ids[ident] = index
        record = _annotation(item, where, ident, caption_count, check)
        if record is not None and len(check.problems) == before:
            records.append(record)
    return records, set(ids)


def _annotation(
    item: Mapping[str, object], where: str, ident: str, caption_count: int, check: _Check
) -> AnnotationRecord | None:
    if (record := _well_formed_annotation(item, ident, caption_count)) is not None:
        return record
    check.strict(item, _ANNOTATION_KEYS, where)
    target = check.choice(item, "target", TARGETS, where, default="", required=True)
    start = check.integer(item, "start", where)
    end = check.integer(item, "end", where)
    if start is not None and end is not None and end <= start:
        check.add(f"{where}: end ({end}) must be greater than start ({start})")
    caption = item.get("caption")
    if target == "caption":
        if caption is None:
            check.add(f"{where}.caption: missing: a caption span needs the caption's index")
        elif type(caption) is not int:
            check.add(f"{where}.caption: must be a whole number, not {_kind(caption)}")
        elif not 0 <= caption < caption_count:
            check.add(
                f"{where}.caption: {caption} is out of range: "
                f"the article has {caption_count} caption(s)"
            )
    elif caption is not None and target:
        check.add(f"{where}.caption: must be null for a {target} span")
    quote = check.string(item, "quote", where, required=True)
    # prefix and suffix are recomputed from the text by the saver; only their type matters.
    check.string(item, "prefix", where)
    check.string(item, "suffix", where)
    tag = check.string(item, "tag", where, required=True)
    note = check.string(item, "note", where)
    author = check.string(item, "author", where)
    status = check.choice(item, "status", ANNOTATION_STATUSES, where, default="pending")
    source = check.string(item, "source", where)
    created = check.datetime(item, "created", where)
    updated = check.datetime(item, "updated", where)
    if start is None or end is None:
        return None
    return AnnotationRecord(
        target=target,
        start=start,
        end=end,
        quote=quote,
        tag=tag,
        id=ident,
        caption=caption if target == "caption" and type(caption) is int else None,
        note=note,
        author=author,
        status=status,
        source=source,
        created=created,
        updated=updated,
    )


def _well_formed_annotation(
    item: Mapping[str, object], ident: str, caption_count: int
) -> AnnotationRecord | None:
    """The record of an annotation object that passes every check of _annotation, built
    without the checks' bookkeeping; None for anything else, which _annotation then reads
    field by field to word each problem. Most of an annotated import's objects are this
    kind: 20 an article. tests/test_importers_json_csv.py compares both ways."""
    if not item.keys() <= _ANNOTATION_KEYS:
        return None
    try:
        values = _annotation_values(item)  # one C call when every key is there, as exported
    except KeyError:
        values = tuple(map(item.get, NATIVE_ANNOTATION_KEYS))
    (_, target, caption, start, end, quote, prefix, suffix, tag, note, author, status, source,
     created, updated) = values  # fmt: skip
    if type(target) is not str or target not in TARGETS:
        return None
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        return None
    if target == "caption":
        if type(caption) is not int or not 0 <= caption < caption_count:
            return None
    elif caption is not None:
        return None
    if type(quote) is not str or type(tag) is not str or not quote.strip() or not tag.strip():
        return None
    for value in (prefix, suffix, note, author, source):
        if value is not None and type(value) is not str:
            return None
    if status is None:
        status = "pending"
    elif type(status) is not str or status not in ANNOTATION_STATUSES:
        return None
    if created is not None and (type(created) is not str or (created := _stamp(created)) is None):
        return None
    if updated is not None and (type(updated) is not str or (updated := _stamp(updated)) is None):
        return None
    return AnnotationRecord(  # positionally: keywords cost a third more, 20 times a record
        target,
        start,
        end,
        quote,
        tag,
        ident,
        caption if target == "caption" else None,
        note or "",
        author or "",
        status,
        source or "",
        created,
        updated,
    )


@functools.lru_cache(maxsize=1024)
def _stamp(value: str) -> datetime | None:
    """An ISO 8601 string as an aware datetime (naive means UTC), None if it is not one; what
    _Check.datetime accepts without a problem. Exported times repeat: parsed once each."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _attributions(value: object, ids: set[str], check: _Check) -> list[AttributionRecord]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"attributions: must be an array, not {_kind(value)}")
        return []
    records: list[AttributionRecord] = []
    for index, item in enumerate(value):
        if type(item) is dict and (record := _well_formed_attribution(item, ids)) is not None:
            records.append(record)
            continue
        where = f"attributions[{index}]"
        if not isinstance(item, dict):
            check.add(f"{where}: must be an object, not {_kind(item)}")
            continue
        before = len(check.problems)
        check.strict(item, _ATTRIBUTION_KEYS, where)
        claim = _reference(item, "claim", where, ids, check, required=True)
        source_span = _reference(item, "source_span", where, ids, check)
        cue = _reference(item, "cue", where, ids, check)
        source = check.string(item, "source", where)
        author = check.string(item, "author", where)
        if item.get("source_span") is None and not source.strip():
            check.add(f"{where}: needs a source_span or a source")
        if claim and source_span == claim:
            check.add(f"{where}.source_span: the claim itself")
        if len(check.problems) == before:
            records.append(
                AttributionRecord(
                    claim=claim, source_span=source_span, source=source, cue=cue, author=author
                )
            )
    return records


def _well_formed_attribution(item: Mapping[str, object], ids: set[str]) -> AttributionRecord | None:
    """As _well_formed_annotation, for an attribution object: its record when every check of
    _attributions passes, else None (the checks then word the problems)."""
    if not item.keys() <= _ATTRIBUTION_KEYS:
        return None
    get = item.get
    claim, source_span, cue = get("claim"), get("source_span"), get("cue")
    # Every id in `ids` is canonical already: being one of them is the whole id check.
    if type(claim) is not str or claim not in ids:
        return None
    for ref in (source_span, cue):
        if ref is not None and (type(ref) is not str or ref not in ids):
            return None
    source, author = get("source"), get("author")
    if (source is not None and type(source) is not str) or (
        author is not None and type(author) is not str
    ):
        return None
    if source_span is None and not (source or "").strip():
        return None
    if source_span == claim:
        return None
    return AttributionRecord(claim, source_span or "", source or "", cue or "", author or "")


def _reference(
    item: Mapping[str, object],
    key: str,
    where: str,
    ids: set[str],
    check: _Check,
    *,
    required: bool = False,
) -> str:
    ident = check.identifier(item.get(key), f"{where}.{key}", required=required)
    if ident and ident not in ids:
        check.add(f"{where}.{key}: no annotation of this record has the id {ident}")
    return ident


def _sources(value: object, check: _Check) -> list[SourceRecord]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"sources: must be an array, not {_kind(value)}")
        return []
    records: list[SourceRecord] = []
    names: dict[str, int] = {}
    for index, item in enumerate(value):
        where = f"sources[{index}]"
        if not isinstance(item, dict):
            check.add(f"{where}: must be an object, not {_kind(item)}")
            continue
        before = len(check.problems)
        check.strict(item, _SOURCE_KEYS, where)
        name = check.string(item, "name", where, required=True)
        key = content.canonical_line(name)
        if key and key in names:
            check.add(f"{where}.name: {_show(name)} is already sources[{names[key]}]")
        elif key:
            names[key] = index
        kind = check.choice(item, "kind", SOURCE_KINDS, where, default="", required=True)
        description = check.string(item, "description", where)
        aliases = item.get("aliases")
        if aliases is None:
            aliases = []
        elif not isinstance(aliases, list):
            check.add(f"{where}.aliases: must be an array of strings, not {_kind(aliases)}")
        else:
            for position, alias in enumerate(aliases):
                if not isinstance(alias, str) or not alias.strip():
                    check.add(f"{where}.aliases[{position}]: must be a non-empty string")
        if len(check.problems) == before:
            records.append(
                SourceRecord(name=name, kind=kind, description=description, aliases=list(aliases))
            )
    return records


def _kind(value: object) -> str:
    """A JSON value's type, as a person would say it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def ignored_note(filename: str, ignored: Counter[str]) -> str | None:
    """The note listing the unknown keys `article_from_fields` counted, or None."""
    if not ignored:
        return None
    listed = ", ".join(f"{key} ({count}x)" for key, count in ignored.most_common(20))
    more = f" and {len(ignored) - 20} more" if len(ignored) > 20 else ""
    return f"{filename}: unknown keys ignored: {listed}{more}"


def _note_ignored(notes: list[str] | None, filename: str, ignored: Counter[str]) -> None:
    if notes is not None and (note := ignored_note(filename, ignored)):
        notes.append(note)


# --- decoding -----------------------------------------------------------------------------------


class _DuplicateKey(ValueError):
    """json keeps the last of two equal keys without a word; here it is an error."""


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def _duplicate_message(exc: _DuplicateKey) -> str:
    return f"the key {exc.args[0]!r} appears twice in one object"


_DECODER = json.JSONDecoder(object_pairs_hook=_object)

_NON_SPACE = re.compile(r"[^ \t\r\n]")
# Everything up to the next bracket or comma outside a string, complete strings included (a
# JSON string cannot hold a raw line break, so a string ends on its line). Possessive: no
# backtracking.
_VALUE_TEXT = re.compile(r'(?:[^"{}\[\],]++|"(?:[^"\\]++|\\.)*+")*+')

_TOP, _ARRAY, _ITEM, _SKIP = "top", "array", "item", "skip"


class _DocumentScanner:
    """Cuts a JSON document, fed line by line, into the texts of its article objects.

    Between values it reads structure itself; inside a value it only tracks strings and
    bracket depth to find the end (a "," or "]" at depth 0 in an array, the closing "}" of a
    top-level object). The text found is decoded by json, which reports any syntax error in it,
    so one broken element does not hide the ones after it."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.ignored: Counter[str] = Counter()
        self.state = _TOP
        self.records = 0  # elements met, for "record N"
        self.yielded = 0
        self.array_line = 0
        self.after_comma = False
        self.in_array = False
        self.depth = 0
        self.pieces: list[str] = []
        self.start_line = 0
        self.start_column = 0
        self.last_line = 0

    def feed(self, line: str, number: int) -> Iterator[ArticleRecord | RecordError]:
        self.last_line = number
        position, segment = 0, 0
        if self.state == _SKIP:
            match = _NON_SPACE.search(line)
            if match is None or match[0] not in "{[":
                return
            self.state = _TOP
        while position < len(line):
            if self.state != _ITEM:
                match = _NON_SPACE.search(line, position)
                if match is None:
                    break
                position = match.start()
                char = line[position]
                if self.state == _TOP:
                    if char == "[":
                        self.state, self.array_line, self.after_comma = _ARRAY, number, False
                        position += 1
                        continue
                    if char != "{":
                        yield self._error(
                            number,
                            f"expected an article object or an array of them, found {char!r} "
                            f"(column {position + 1}); skipped to the next line that starts "
                            "with '{' or '['",
                        )
                        self.state = _SKIP
                        return
                    self._start(number, position, in_array=False)
                else:  # _ARRAY: an element or the end of the array
                    if char == "]":
                        if self.after_comma:
                            yield self._error(
                                number,
                                f"record {self.records}: not valid JSON: a comma before ']' "
                                f"(column {position + 1})",
                            )
                        self.state = _TOP
                        position += 1
                        continue
                    self._start(number, position, in_array=True)
                segment = position
            position = _VALUE_TEXT.match(line, position).end()  # type: ignore[union-attr]
            if position >= len(line):
                break
            char = line[position]
            if char == '"':  # a string left open on this line: invalid, decoding will say so
                break
            if char in "{[":
                self.depth += 1
                position += 1
            elif char in "}]" and self.depth > 0:
                self.depth -= 1
                position += 1
                if self.depth == 0 and not self.in_array:
                    yield self._finish(line[segment:position])
                    self.state = _TOP
            elif char == "]" and self.in_array:
                yield self._finish(line[segment:position])
                self.state = _TOP
                position += 1
            elif char == "," and self.depth == 0 and self.in_array:
                yield self._finish(line[segment:position])
                self.state, self.after_comma = _ARRAY, True
                position += 1
            else:  # a stray "}" or a "," inside a value: left for the decoder to judge
                position += 1
        if self.state == _ITEM:
            self.pieces.append(line[segment:] + "\n")

    def close(self) -> Iterator[ArticleRecord | RecordError]:
        unclosed = self.state == _ARRAY or (self.state == _ITEM and self.in_array)
        if self.state == _ITEM:
            yield self._finish("")
        if unclosed:
            yield self._error(
                max(self.last_line, 1), f"the array opened on line {self.array_line} is not closed"
            )
        if not self.yielded:
            yield self._error(1, "no articles found: the file holds no article object")

    def _start(self, number: int, column: int, *, in_array: bool) -> None:
        self.state = _ITEM
        self.in_array = in_array
        self.depth = 0
        self.pieces = []
        self.start_line, self.start_column = number, column
        self.records += 1

    def _finish(self, tail: str) -> ArticleRecord | RecordError:
        text = "".join(self.pieces) + tail
        self.pieces = []
        self.yielded += 1
        label = f"record {self.records}"
        line = self.start_line
        try:
            data = _DECODER.decode(text)
        except json.JSONDecodeError as exc:
            column = exc.colno + (self.start_column if exc.lineno == 1 else 0)
            return RecordError(
                self.filename,
                line + exc.lineno - 1,
                f"{label}: not valid JSON: {exc.msg} (column {column})",
            )
        except _DuplicateKey as exc:
            return RecordError(self.filename, line, f"{label}: {_duplicate_message(exc)}")
        if not isinstance(data, dict):
            return RecordError(
                self.filename, line, f"{label}: expected an article object, not {_kind(data)}"
            )
        return article_from_fields(data, self.filename, line, label=label, ignored=self.ignored)

    def _error(self, line: int, message: str) -> RecordError:
        self.yielded += 1
        return RecordError(self.filename, line, message)
