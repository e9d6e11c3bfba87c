"""The native format's annotations and attributions, checked by ONE set of rules.

Every field rule comes from interchange.native's ANNOTATION and ATTRIBUTION tables (type,
choices, required, default), and the rules that tie fields together are one function each
(`offsets_problem`, `caption_problem`, `source_problem`, `fragment_problem`,
`self_link_problem`). Two readings
use them:

* the well-formed check (`_well_formed_annotation`, `_well_formed_attribution`): the common
  case, an object as the export writes it, accepted in one pass over the values held in table
  order, without the labels only problems need. Most of an annotated import's objects are
  this kind: 20 an article.
* the diagnosis (`_annotation`, `_attribution`): for every other object, field by field in
  table order, each problem worded with its path ("annotations[2].start: ...").

Both end in the same record, built from the values in table order (records.py lists its fields
in that order). tests/interchange/importing/validation/test_spans.py holds the two readings
equal on every field's right, wrong and odd values.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any

from interchange import native

from ..records import CANONICAL_UUID, AnnotationRecord, AttributionRecord
from .values import Check, kind, stamp

_ANNOTATION_KEYS = frozenset(native.ANNOTATION_KEYS)
_ATTRIBUTION_KEYS = frozenset(native.ATTRIBUTION_KEYS)
_annotation_values = operator.itemgetter(*native.ANNOTATION_KEYS)


def _positions(table: tuple[native.Field, ...], *types: str) -> tuple[int, ...]:
    return tuple(i for i, f in enumerate(table) if f.type in types and f.key != "id")


# The annotation table, grouped by kind of rule: positions in native.ANNOTATION_KEYS.
_A = native.ANNOTATION
_A_REQUIRED_TEXT = tuple(i for i in _positions(_A, native.TEXT) if _A[i].required)
_A_OPTIONAL_TEXT = tuple(i for i in _positions(_A, native.TEXT) if not _A[i].required)
_A_CHOICES = tuple(
    (i, frozenset(_A[i].choices), _A[i].default, _A[i].required)
    for i in _positions(_A, native.CHOICE)
)
_A_INTEGERS = _positions(_A, native.INTEGER)
_A_DATETIMES = _positions(_A, native.DATETIME)
_TARGET, _CAPTION, _START, _END = (
    native.ANNOTATION_KEYS.index(key) for key in ("target", "caption", "start", "end")
)
_CAPTION_TARGET = "caption"
# The attribution table, likewise.
_L = native.ATTRIBUTION
_L_REFERENCES = tuple((i, _L[i].required) for i in _positions(_L, native.REFERENCE))
_L_TEXT = _positions(_L, native.TEXT)
_CLAIM, _FRAGMENTS, _SOURCE_SPAN, _SOURCE, _IMPLICIT = (
    native.ATTRIBUTION_KEYS.index(key)
    for key in ("claim", "fragments", "source_span", "source", "implicit_source")
)


# --- the rules that tie fields together ---------------------------------------------------------


def offsets_problem(start: int, end: int) -> str | None:
    """A span is not empty and not reversed."""
    if end <= start:
        return f"end ({end}) must be greater than start ({start})"
    return None


def caption_problem(target: str, caption: object, caption_count: int) -> str | None:
    """Caption spans name one of the article's captions; other spans name none."""
    if target == _CAPTION_TARGET:
        if caption is None:
            return "missing: a caption span needs the caption's index"
        if type(caption) is not int:
            return f"must be a whole number, not {kind(caption)}"
        if not 0 <= caption < caption_count:
            return f"{caption} is out of range: the article has {caption_count} caption(s)"
    elif caption is not None and target:
        return f"must be null for a {target} span"
    return None


def source_problem(has_source_span: bool, source: str, implicit: bool = False) -> str | None:
    """An attribution has a source span or a registry source, or says its source is implicit
    (and then has neither)."""
    named = has_source_span or bool(source.strip())
    if implicit and named:
        return "an implicit source has no source_span or source"
    if not implicit and not named:
        return "needs a source_span or a source (or implicit_source: true)"
    return None


def fragment_problem(claim: str, fragment: str, earlier: set[str]) -> str | None:
    """A further fragment is neither the claim nor a fragment listed before it (`earlier`)."""
    if fragment == claim:
        return "the claim itself"
    if fragment in earlier:
        return "listed twice"
    return None


def self_link_problem(claim: str, source_span: str) -> str | None:
    """A claim is not its own source."""
    if claim and source_span == claim:
        return "the claim itself"
    return None


# --- annotations --------------------------------------------------------------------------------


def annotations_of(
    value: object, caption_count: int, check: Check
) -> tuple[list[AnnotationRecord], set[str]]:
    """The records, and every well-formed id (even of a span with other problems, so that an
    attribution pointing at it is not reported a second time)."""
    if value is None:
        return [], set()
    if not isinstance(value, list):
        check.add(f"annotations: must be an array, not {kind(value)}")
        return [], set()
    records: list[AnnotationRecord] = []
    ids: dict[str, int] = {}
    for index, item in enumerate(value):
        values = None
        if type(item) is dict:
            # The common case first, without building the labels only problems need.
            ident = item.get("id")
            if type(ident) is str and ident not in ids and CANONICAL_UUID.fullmatch(ident):
                values = _well_formed_annotation(item, ident, caption_count)
                if values is not None:
                    ids[ident] = index
        if values is None:
            where = f"annotations[{index}]"
            if not isinstance(item, dict):
                check.add(f"{where}: must be an object, not {kind(item)}")
                continue
            before = len(check.problems)
            ident = check.identifier(item.get("id"), f"{where}.id")
            if ident in ids:
                check.add(f"{where}.id: the same as annotations[{ids[ident]}].id")
            elif ident:
                ids[ident] = index
            values = _annotation(item, where, ident, caption_count, check)
            if values is None or len(check.problems) != before:
                continue
        # The one place a record is made: its fields are in the table's order (records.py).
        records.append(AnnotationRecord(*values))
    return records, set(ids)


def _well_formed_annotation(
    item: Mapping[str, object], ident: str, caption_count: int
) -> list[Any] | None:
    """The values, in table order, of an annotation object that passes every rule; None for
    anything else (which `_annotation` then reads field by field to word each problem)."""
    if not item.keys() <= _ANNOTATION_KEYS:
        return None
    try:
        values = list(_annotation_values(item))  # one C call when every key is there
    except KeyError:
        values = list(map(item.get, native.ANNOTATION_KEYS))
    for i in _A_REQUIRED_TEXT:
        value = values[i]
        if type(value) is not str or not value.strip():
            return None
    for i in _A_OPTIONAL_TEXT:
        value = values[i]
        if value is None:
            values[i] = ""
        elif type(value) is not str:
            return None
    for i, allowed, default, required in _A_CHOICES:
        value = values[i]
        if value is None:
            if required:
                return None
            values[i] = default
        elif type(value) is not str or value not in allowed:
            return None
    for i in _A_INTEGERS:
        value = values[i]
        if type(value) is not int or value < 0:
            return None
    for i in _A_DATETIMES:
        value = values[i]
        if value is not None:
            if type(value) is not str or (value := stamp(value)) is None:
                return None
            values[i] = value
    if offsets_problem(values[_START], values[_END]) is not None:
        return None
    if caption_problem(values[_TARGET], values[_CAPTION], caption_count) is not None:
        return None
    values[0] = ident
    return values


def _annotation(
    item: Mapping[str, object], where: str, ident: str, caption_count: int, check: Check
) -> list[Any] | None:
    """The diagnosis: every rule of the table in its order, each problem worded; the values
    (in table order, as the well-formed check gives them) when the object turns out
    well-formed or has problems the caller counts, None when its offsets are unreadable."""
    if (well_formed := _well_formed_annotation(item, ident, caption_count)) is not None:
        return well_formed
    check.strict(item, _ANNOTATION_KEYS, where)
    values: list[Any] = [ident]
    for field in _A[1:]:
        key = field.key
        if field.type == native.CHOICE:
            value: Any = check.choice(
                item, key, field.choices, where, default=str(field.default), required=field.required
            )
        elif field.type == native.INDEX:
            value = item.get(key)
            if (problem := caption_problem(values[_TARGET], value, caption_count)) is not None:
                check.add(f"{where}.{key}: {problem}")
            if values[_TARGET] != _CAPTION_TARGET or type(value) is not int:
                value = None
        elif field.type == native.INTEGER:
            value = check.integer(item, key, where)
        elif field.type == native.DATETIME:
            value = check.datetime(item, key, where)
        else:
            value = check.string(item, key, where, required=field.required)
        values.append(value)
        if (
            key == "end"
            and values[_START] is not None
            and value is not None
            and (problem := offsets_problem(values[_START], value)) is not None
        ):
            check.add(f"{where}: {problem}")
    if values[_START] is None or values[_END] is None:
        return None
    return values


# --- attributions -------------------------------------------------------------------------------


def attributions_of(value: object, ids: set[str], check: Check) -> list[AttributionRecord]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"attributions: must be an array, not {kind(value)}")
        return []
    records: list[AttributionRecord] = []
    for index, item in enumerate(value):
        values = _well_formed_attribution(item, ids) if type(item) is dict else None
        if values is None:
            where = f"attributions[{index}]"
            if not isinstance(item, dict):
                check.add(f"{where}: must be an object, not {kind(item)}")
                continue
            before = len(check.problems)
            values = _attribution(item, where, ids, check)
            if len(check.problems) != before:
                continue
        # The one place a record is made: its fields are in the table's order (records.py).
        records.append(AttributionRecord(*values))
    return records


def _well_formed_attribution(item: Mapping[str, object], ids: set[str]) -> list[Any] | None:
    """As _well_formed_annotation, for an attribution object: its values in table order when
    every rule passes, else None (the diagnosis then words the problems)."""
    if not item.keys() <= _ATTRIBUTION_KEYS:
        return None
    values: list[Any] = list(map(item.get, native.ATTRIBUTION_KEYS))
    # Every id in `ids` is canonical already: being one of them is the whole id check.
    for i, required in _L_REFERENCES:
        value = values[i]
        if value is None:
            if required:
                return None
            values[i] = ""
        elif type(value) is not str or value not in ids:
            return None
    for i in _L_TEXT:
        value = values[i]
        if value is None:
            values[i] = ""
        elif type(value) is not str:
            return None
    implicit = values[_IMPLICIT]
    if implicit is None:
        values[_IMPLICIT] = implicit = False
    elif type(implicit) is not bool:
        return None
    fragments = values[_FRAGMENTS]
    if fragments is None:
        values[_FRAGMENTS] = []
    elif type(fragments) is not list:
        return None
    elif fragments:
        seen: set[str] = set()
        for fragment in fragments:
            if type(fragment) is not str or fragment not in ids:
                return None
            if fragment_problem(values[_CLAIM], fragment, seen) is not None:
                return None
            seen.add(fragment)
    # After the loop above an absent source span is "" and a present one a known id.
    if source_problem(bool(values[_SOURCE_SPAN]), values[_SOURCE], implicit) is not None:
        return None
    if self_link_problem(values[_CLAIM], values[_SOURCE_SPAN]) is not None:
        return None
    return values


def _attribution(item: Mapping[str, object], where: str, ids: set[str], check: Check) -> list[Any]:
    """The diagnosis of an attribution object: every rule of the table, each problem worded;
    its values in table order."""
    check.strict(item, _ATTRIBUTION_KEYS, where)
    values: list[Any] = []
    for field in _L:
        if field.type == native.REFERENCE:
            name = f"{where}.{field.key}"
            values.append(_reference(item.get(field.key), name, ids, check, field.required))
        elif field.type == native.REFERENCES:
            values.append(
                _fragments(item.get(field.key), f"{where}.{field.key}", ids, values, check)
            )
        elif field.type == native.BOOLEAN:
            value = item.get(field.key)
            if value is not None and type(value) is not bool:
                check.add(f"{where}.{field.key}: must be true or false, not {kind(value)}")
            values.append(value is True)
        else:
            values.append(check.string(item, field.key, where))
    # A source span that is there, even with a bad id (reported above), is a source.
    has_source_span = item.get("source_span") is not None
    if (problem := source_problem(has_source_span, values[_SOURCE], values[_IMPLICIT])) is not None:
        check.add(f"{where}: {problem}")
    if (problem := self_link_problem(values[_CLAIM], values[_SOURCE_SPAN])) is not None:
        check.add(f"{where}.source_span: {problem}")
    return values


def _reference(
    value: object, name: str, ids: set[str], check: Check, required: bool = False
) -> str:
    """An annotation id of this record, each problem worded under `name`."""
    ident = check.identifier(value, name, required=required)
    if ident and ident not in ids:
        check.add(f"{name}: no annotation of this record has the id {ident}")
    return ident


def _fragments(
    value: object, name: str, ids: set[str], before: list[Any], check: Check
) -> list[str]:
    """The further fragments: an array of annotation ids of this record, none of them the claim
    (`before[_CLAIM]`, read first) and none twice."""
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"{name}: must be an array of annotation ids, not {kind(value)}")
        return []
    fragments: list[str] = []
    for index, item in enumerate(value):
        ident = _reference(item, f"{name}[{index}]", ids, check, required=True)
        if ident and (problem := fragment_problem(before[_CLAIM], ident, set(fragments))):
            check.add(f"{name}[{index}]: {problem}")
        fragments.append(ident)
    return fragments
