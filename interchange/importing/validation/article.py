"""One article object (a JSON object, or a CSV row made into one) checked and made a record.

`article_from_fields` is shared by the JSON readers and the CSV reader. An article object:

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
annotations,    the native format's arrays (validation/spans.py for the first two), checked for
attributions,   types, enums, offsets (0 <= start < end), the caption index, unique annotation
sources         ids, and attribution ids that name an annotation of the same record
format          present only in native records: must be native.FORMAT
=============== =============================================================================

A record with a ``format`` key is native and strict: a key the format does not have is an error,
because dropping it would break the lossless round trip. In other records, unknown keys are
ignored and counted for one note per file (`ignored_note`). Keys, choices and defaults come from
interchange.native's tables. Nothing here compares quotes with text, resolves tags, users or
registry entries, or sanitises notes: the saver does, with the database at hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from articles import content
from interchange import native

from ..records import ArticleRecord, CaptionRecord, RecordError, SourceRecord
from .spans import annotations_of, attributions_of
from .values import Check, kind, show

_NATIVE_KEYS = frozenset(native.ARTICLE_KEYS)
_ARTICLE_KEYS = _NATIVE_KEYS | {"paragraphs"}
_CAPTION_KEYS = frozenset(native.CAPTION_KEYS)
_SOURCE_KEYS = frozenset(native.SOURCE_KEYS)
_STATUS = native.field(native.ARTICLE, "status")
_KIND = native.field(native.SOURCE, "kind")
# A record with hundreds of bad fields still gets a readable message.
_MAX_PROBLEMS = 20


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
    check = Check(problems if problems is not None else [], "format" in data, ignored)
    if check.native and data["format"] != native.FORMAT:
        check.add(f"format: {show(data['format'])} is not {native.FORMAT!r}")
    check.unknown(data, _NATIVE_KEYS if check.native else _ARTICLE_KEYS, "")

    title = check.string(data, "title", required=True)
    body = _body(data, check)
    captions_value = data.get("captions")
    captions = _captions(captions_value, check)
    caption_count = len(captions_value) if isinstance(captions_value, list) else 0
    published = check.datetime(data, "published")
    status = check.choice(data, "status", _STATUS.choices, default="")
    annotations, ids = annotations_of(data.get("annotations"), caption_count, check)
    attributions = attributions_of(data.get("attributions"), ids, check)
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


def ignored_note(filename: str, ignored: Counter[str]) -> str | None:
    """The note listing the unknown keys `article_from_fields` counted, or None."""
    if not ignored:
        return None
    listed = ", ".join(f"{key} ({count}x)" for key, count in ignored.most_common(20))
    more = f" and {len(ignored) - 20} more" if len(ignored) > 20 else ""
    return f"{filename}: unknown keys ignored: {listed}{more}"


def _body(data: Mapping[str, object], check: Check) -> str:
    paragraphs = data.get("paragraphs")
    if paragraphs is None:
        return check.string(data, "body", required=True)
    if data.get("body") is not None:
        check.add("body, paragraphs: give one of them, not both")
        return ""
    if not isinstance(paragraphs, list):
        check.add(f"paragraphs: must be an array of strings, not {kind(paragraphs)}")
        return ""
    bad = [i for i, p in enumerate(paragraphs) if not isinstance(p, str)]
    if bad:
        check.add(f"paragraphs[{bad[0]}]: must be a string, not {kind(paragraphs[bad[0]])}")
        return ""
    body = content.canonical_paragraphs(paragraphs)
    if not body:
        check.add("paragraphs: no text")
    return body


def _captions(value: object, check: Check) -> list[CaptionRecord]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"captions: must be an array, not {kind(value)}")
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
            check.add(f"{where}: must be an object or a string, not {kind(item)}")
            continue
        check.unknown(item, _CAPTION_KEYS, f"{where}.")
        if item.get("text") is None or (isinstance(item["text"], str) and not item["text"].strip()):
            check.add(f"{where}.text: a caption without text")
            continue
        text = check.string(item, "text", where)
        captions.append(CaptionRecord(text=text, credit=check.string(item, "credit", where)))
    return captions


def _external_id(value: object, check: Check) -> str:
    if value is None or isinstance(value, str):
        return value or ""
    if type(value) is int:
        return str(value)
    if type(value) is float and value.is_integer():
        return str(int(value))
    check.add(f"external_id: must be a string or a whole number, not {show(value)}")
    return ""


def _sources(value: object, check: Check) -> list[SourceRecord]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"sources: must be an array, not {kind(value)}")
        return []
    records: list[SourceRecord] = []
    names: dict[str, int] = {}
    for index, item in enumerate(value):
        where = f"sources[{index}]"
        if not isinstance(item, dict):
            check.add(f"{where}: must be an object, not {kind(item)}")
            continue
        before = len(check.problems)
        check.strict(item, _SOURCE_KEYS, where)
        name = check.string(item, "name", where, required=True)
        key = content.canonical_line(name)
        if key and key in names:
            check.add(f"{where}.name: {show(name)} is already sources[{names[key]}]")
        elif key:
            names[key] = index
        source_kind = check.choice(item, "kind", _KIND.choices, where, default="", required=True)
        description = check.string(item, "description", where)
        aliases = item.get("aliases")
        if aliases is None:
            aliases = []
        elif not isinstance(aliases, list):
            check.add(f"{where}.aliases: must be an array of strings, not {kind(aliases)}")
        else:
            for position, alias in enumerate(aliases):
                if not isinstance(alias, str) or not alias.strip():
                    check.add(f"{where}.aliases[{position}]: must be a non-empty string")
        if len(check.problems) == before:
            records.append(
                SourceRecord(
                    name=name, kind=source_kind, description=description, aliases=list(aliases)
                )
            )
    return records
