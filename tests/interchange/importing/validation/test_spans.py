"""The native format's annotations and attributions (interchange/importing/validation/spans.py):
each rule worded, and the well-formed check reading exactly what the diagnosis reads."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from interchange.importing.records import (
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    SourceRecord,
)
from interchange.importing.validation import spans
from interchange.importing.validation.values import Check
from tests.interchange.importing.json_factories import (
    BODY,
    CLAIM_ID,
    CUE_ID,
    SOURCE_ID,
    annotation,
    native_article,
    native_line,
    only_error,
    parse_jsonl,
)

# --- the native format -------------------------------------------------------------------------


def test_native_record_is_parsed_into_the_record_classes(tmp_path):
    """Annotations, attributions and sources of a native line become their record classes,
    field by field."""
    (record,) = parse_jsonl(tmp_path, native_line(native_article()) + "\n")
    assert isinstance(record, ArticleRecord)
    assert (record.status, record.external_id) == ("approved", "ap-1")
    assert record.published == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    assert record.annotations[0] == AnnotationRecord(
        target="body",
        start=0,
        end=32,
        quote="The council approved the repairs",
        prefix="",
        suffix=BODY[32:64],
        tag="Claim",
        id=CLAIM_ID,
        caption=None,
        note="<em>Check</em> it.",
        author="editor1",
        status="accepted",
        source="",
        created=datetime(2024, 5, 2, 9, 0, tzinfo=UTC),
        updated=datetime(2024, 5, 2, 9, 5, 0, 250000, tzinfo=UTC),
    )
    assert record.annotations[1].source == "Mayor of Springfield"
    assert record.annotations[2].status == "pending"
    assert record.attributions == [
        AttributionRecord(
            claim=CLAIM_ID, source_span=SOURCE_ID, source="", cue=CUE_ID, author="editor1"
        )
    ]
    assert record.sources == [SourceRecord("Mayor of Springfield", "person", "", ["the mayor"])]


def test_native_caption_span_keeps_its_caption_index(tmp_path):
    """A caption span carries the index of its caption."""
    span = annotation(CLAIM_ID, 0, 7, "Claim", target="caption", caption=0, quote="Traffic")
    data = native_article(annotations=[span], attributions=[], sources=[])
    (record,) = parse_jsonl(tmp_path, native_line(data))
    assert (record.annotations[0].target, record.annotations[0].caption) == ("caption", 0)


def test_native_annotation_with_wrong_fields_names_each(tmp_path):
    """Bad target, offsets, status and id of one annotation are all in one message."""
    span = annotation("not-a-uuid", 10, 5, "Claim", target="margin", status="done", quote="x")
    span["start"] = "10"
    data = native_article(annotations=[span], attributions=[], sources=[])
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "annotations[0].id: not a UUID: 'not-a-uuid'; "
        "annotations[0].target: 'margin' is not one of title, body, caption; "
        "annotations[0].start: must be a whole number, not a string; "
        "annotations[0].status: 'done' is not one of pending, accepted, rejected"
    )


def test_native_end_must_follow_start(tmp_path):
    """An empty or reversed span is refused."""
    data = native_article(
        annotations=[annotation(CLAIM_ID, 8, 8, "Claim", quote="x")], attributions=[]
    )
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "annotations[0]: end (8) must be greater than start (8)"
    )


def test_native_caption_index_out_of_range(tmp_path):
    """A caption span pointing past the article's captions is an error."""
    span = annotation(CLAIM_ID, 0, 7, "Claim", target="caption", caption=1, quote="Traffic")
    data = native_article(annotations=[span], attributions=[])
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "annotations[0].caption: 1 is out of range: the article has 1 caption(s)"
    )


def test_native_caption_index_on_a_body_span_is_an_error(tmp_path):
    """Only caption spans may name a caption."""
    data = native_article(annotations=[annotation(CLAIM_ID, 0, 3, "Claim", caption=0)])
    data["attributions"] = []
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "annotations[0].caption: must be null for a body span"
    )


def test_native_attribution_ids_must_name_annotations_of_the_record(tmp_path):
    """An attribution pointing at an id that no annotation of the line has is an error."""
    stranger = "11111111-2222-4333-8444-555555555555"
    data = native_article()
    data["attributions"] = [
        {"claim": stranger, "source_span": None, "source": "X", "cue": None, "author": "a"}
    ]
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        f"attributions[0].claim: no annotation of this record has the id {stranger}"
    )


def test_native_attribution_needs_a_source(tmp_path):
    """Neither a source span nor a registry entry: refused, as the database would."""
    data = native_article()
    data["attributions"] = [
        {"claim": CLAIM_ID, "source_span": None, "source": None, "cue": CUE_ID, "author": "a"}
    ]
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "attributions[0]: needs a source_span or a source (or implicit_source: true)"
    )


def test_native_attribution_in_fragments_and_with_implicit_source(tmp_path):
    """`fragments` (further Claim ids) and `implicit_source` become the record's fields."""
    data = native_article()
    data["annotations"][2]["tag"] = "Claim"  # type: ignore[index]
    data["attributions"] = [
        {"claim": CLAIM_ID, "fragments": [CUE_ID], "implicit_source": True, "author": "a"}
    ]
    (record,) = parse_jsonl(tmp_path, native_line(data))
    assert record.attributions == [
        AttributionRecord(claim=CLAIM_ID, fragments=[CUE_ID], implicit_source=True, author="a")
    ]


def test_native_line_without_the_new_attribution_keys_still_reads(tmp_path):
    """A line written before `fragments` and `implicit_source` existed reads as one fragment
    and a named source."""
    data = native_article()
    for link in data["attributions"]:  # type: ignore[union-attr]
        del link["fragments"], link["implicit_source"]
    (record,) = parse_jsonl(tmp_path, native_line(data))
    assert record.attributions[0].fragments == []
    assert record.attributions[0].implicit_source is False


def test_native_attribution_fragment_problems_name_line_and_field(tmp_path):
    """A fragment that names no span, the claim itself, one listed twice, a non-boolean
    implicit_source and an implicit source beside a named one: each problem worded with the
    file, the line and the field's path."""
    data = native_article()
    missing = "9e9e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c19"
    data["attributions"] = [
        {"claim": CLAIM_ID, "fragments": [missing, CLAIM_ID, CUE_ID, CUE_ID], "source": "X"},
        {"claim": CLAIM_ID, "source_span": SOURCE_ID, "implicit_source": True},
        {"claim": CLAIM_ID, "source": "X", "implicit_source": "yes", "fragments": CUE_ID},
    ]
    error = only_error(parse_jsonl(tmp_path, native_line(data)))
    assert (error.file, error.line) == ("in.jsonl", 1)
    assert error.message.split("; ") == [
        f"attributions[0].fragments[0]: no annotation of this record has the id {missing}",
        "attributions[0].fragments[1]: the claim itself",
        "attributions[0].fragments[3]: listed twice",
        "attributions[1]: an implicit source has no source_span or source",
        "attributions[2].fragments: must be an array of annotation ids, not a string",
        "attributions[2].implicit_source: must be true or false, not a string",
    ]


def test_native_duplicate_annotation_ids_are_an_error(tmp_path):
    """Two spans with one id could not both keep it as their client id."""
    data = native_article()
    data["annotations"][2]["id"] = CLAIM_ID.upper()  # type: ignore[index]
    data["attributions"] = []
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "annotations[2].id: the same as annotations[0].id"
    )


def test_native_unknown_key_is_an_error_not_ignored(tmp_path):
    """In a native line an unknown key would be lost on re-export, so it is refused."""
    data = native_article(colour="red")
    data["sources"][0]["born"] = 1970  # type: ignore[index]
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "colour: not a key of newsroom.article/1; sources[0].born: not a key of newsroom.article/1"
    )


def test_native_other_format_version_is_refused(tmp_path):
    """A line of a format this importer does not know is an error."""
    data = native_article(format="newsroom.article/2")
    assert only_error(parse_jsonl(tmp_path, native_line(data))).message == (
        "format: 'newsroom.article/2' is not 'newsroom.article/1'"
    )


def test_native_source_kind_must_be_a_registry_kind(tmp_path):
    """A registry entry's kind is one of the Source kinds."""
    data = native_article()
    data["sources"][0]["kind"] = "deity"  # type: ignore[index]
    assert (
        "sources[0].kind: 'deity' is not one of"
        in only_error(parse_jsonl(tmp_path, native_line(data))).message
    )


# --- the annotation fast path against the field-by-field reading ---------------------------------

_GOOD_ANNOTATION = {
    "id": "0b0e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c11",
    "target": "body",
    "caption": None,
    "start": 4,
    "end": 11,
    "quote": "council",
    "prefix": "The ",
    "suffix": " voted",
    "tag": "Claim",
    "note": "",
    "author": "editor",
    "status": "accepted",
    "source": "",
    "created": "2024-05-02T09:00:00Z",
    "updated": "2024-05-02T09:00:00",
}
# Each value a field may take: right, wrong, odd but right (blank, null, naive, offset).
_VARIANTS: dict[str, list[object]] = {
    "target": ["body", "title", "caption", "Body", "", None, 3],
    "caption": [None, 0, 1, 2, -1, "0", True],
    "start": [0, 4, 11, -1, "4", 4.0, None, True],
    "end": [11, 4, 3, 12, None, "11", 11.5],
    "quote": ["council", "", "   ", None, 5],
    "prefix": ["The ", "", None, 1],
    "suffix": [" voted", None, []],
    "tag": ["Claim", "", " ", None, 7],
    "note": ["", "<b>check</b>", None, {}],
    "author": ["editor", "", None, 1],
    "status": ["accepted", "pending", "rejected", None, "done", 1],
    "source": ["", "Regional Council", None, 2],
    "created": ["2024-05-02T09:00:00Z", "2024-05-02", "2024-05-02T09:00:00+02:00", "", " ",
                " 2024-05-02 ", "yesterday", None, 20240502],
    "updated": [None, "2024-05-02T09:00:00"],
}  # fmt: skip


def _read_annotation(item: dict, *, fast: bool, monkeypatch) -> tuple:
    if not fast:
        monkeypatch.setattr(spans, "_well_formed_annotation", lambda *args: None)
    problems: list[str] = []
    check = Check(problems, native=True, ignored=None)
    record = spans._annotation(item, "annotations[0]", item.get("id") or "", 2, check)
    monkeypatch.undo()
    return record, problems


def test_the_annotation_fast_path_reads_exactly_what_the_checks_read(monkeypatch):
    """For every field's right, wrong and odd values (one changed at a time, then random
    mixes, plus unknown keys), reading an annotation with the fast path gives the same record
    and the same problems as reading it field by field; and it does take the fast path for a
    well-formed one."""
    items = [dict(_GOOD_ANNOTATION)]
    for key, values in _VARIANTS.items():
        items += [{**_GOOD_ANNOTATION, key: value} for value in values]
    rng = random.Random(12)
    items += [
        {key: rng.choice(values) for key, values in _VARIANTS.items()} | {"id": "x"}
        for _ in range(400)
    ]
    items += [{**_GOOD_ANNOTATION, "colour": "red"}, {"target": "body", "start": 0, "end": 1}]
    for item in items:
        assert _read_annotation(item, fast=True, monkeypatch=monkeypatch) == _read_annotation(
            item, fast=False, monkeypatch=monkeypatch
        ), item
    calls = []
    monkeypatch.setattr(Check, "strict", lambda *args: calls.append(args))
    spans._annotation(_GOOD_ANNOTATION, "a", "x", 2, Check([], True, None))
    assert calls == []  # the checks were not needed


_IDS = ["0b0e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c11", "1c1e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c12",
        "2d2e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c13"]  # fmt: skip
_LINK_VARIANTS: dict[str, list[object]] = {
    "claim": [_IDS[0], _IDS[1], _IDS[0].upper(), "9e9e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c19", "",
              None, 5],
    "source_span": [_IDS[1], _IDS[0], None, "", "x", 1],
    "cue": [_IDS[2], None, "", _IDS[2].upper(), []],
    "source": [None, "", " ", "Regional Council", 3],
    "author": [None, "", "editor", 4],
    "fragments": [None, [], [_IDS[2]], [_IDS[2], _IDS[2]], [_IDS[0]], [_IDS[2].upper()],
                  ["9e9e3c3e-6a53-4d4b-9a6f-0d6f9a0f4c19"], [None], "x", [3]],
    "implicit_source": [None, False, True, 1, "true"],
}  # fmt: skip


def _read_lists(annotations: list, attributions: list, *, fast: bool, monkeypatch) -> tuple:
    if not fast:
        monkeypatch.setattr(spans, "_well_formed_annotation", lambda *args: None)
        monkeypatch.setattr(spans, "_well_formed_attribution", lambda *args: None)
    check = Check([], native=True, ignored=None)
    records, ids = spans.annotations_of(annotations, 2, check)
    links = spans.attributions_of(attributions, ids, check)
    monkeypatch.undo()
    return records, ids, links, check.problems


def test_the_fast_paths_read_lists_of_spans_and_links_exactly_as_the_checks_do(monkeypatch):
    """Whole annotation and attribution lists (repeated ids, non-canonical ids, links to
    missing spans, to the claim itself, without any source) read the same with and without
    the fast paths: same records, same ids, same problems in the same order."""
    spans = [{**_GOOD_ANNOTATION, "id": ident} for ident in _IDS]
    rng = random.Random(5)
    cases = [(spans, [])]
    for key, values in _LINK_VARIANTS.items():
        cases += [(spans, [{"claim": _IDS[0], "source_span": _IDS[1], key: v}]) for v in values]
    for _ in range(300):
        chosen = [dict(rng.choice(spans)) for _ in range(rng.randint(0, 4))]
        for span in chosen:
            if rng.random() < 0.2:
                span["id"] = rng.choice([_IDS[0].upper(), "bad", None, _IDS[2]])
        links = [
            {key: rng.choice(values) for key, values in _LINK_VARIANTS.items()}
            for _ in range(rng.randint(0, 3))
        ]
        cases.append((chosen, [*links, "not an object"] if rng.random() < 0.1 else links))
    for span_list, link_list in cases:
        fast = _read_lists(span_list, link_list, fast=True, monkeypatch=monkeypatch)
        slow = _read_lists(span_list, link_list, fast=False, monkeypatch=monkeypatch)
        assert fast == slow, (span_list, link_list)
