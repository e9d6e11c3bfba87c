"""The JSON, JSON Lines and CSV importers, and the native format's schema and documentation."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from articles.importers import csvfile, jsonl
from articles.importers.records import (
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    CaptionRecord,
    RecordError,
    SourceRecord,
    decode_lines,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "formats"
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
                "source_span": SOURCE_ID,
                "source": None,
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


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_three_articles_with_captions(tmp_path):
    """Three lines give three records with their fields and captions, each at its line."""
    text = jsonl_text(
        article(1, url="https://example.org/1", outlet="AP", byline="Ana", external_id="x-1"),
        article(2, captions=[{"text": "Two a.", "credit": "AFP"}, {"text": "Two b."}]),
        article(3, captions=["Three, a caption as a string."]),
    )
    items = parse_jsonl(tmp_path, text)
    assert errors_of(items) == []
    first, second, third = items
    assert first == ArticleRecord(
        title="Headline 1",
        body="First paragraph 1.\n\nSecond paragraph 1.",
        captions=[CaptionRecord("Caption 1.", "AP")],
        url="https://example.org/1",
        outlet="AP",
        byline="Ana",
        external_id="x-1",
        origin="in.jsonl:1",
    )
    assert second.captions == [CaptionRecord("Two a.", "AFP"), CaptionRecord("Two b.", "")]
    assert third.captions == [CaptionRecord("Three, a caption as a string.", "")]
    assert [r.origin for r in items] == ["in.jsonl:1", "in.jsonl:2", "in.jsonl:3"]


def test_jsonl_blank_lines_are_ignored_but_counted(tmp_path):
    """Blank lines produce nothing, and the line numbers stay those of the file."""
    text = "\n" + json.dumps(article(1)) + "\n  \n\n" + json.dumps(article(2)) + "\n\n"
    items = parse_jsonl(tmp_path, text)
    assert [item.origin for item in items] == ["in.jsonl:2", "in.jsonl:5"]


def test_jsonl_malformed_line_3_is_reported_and_the_good_lines_still_yielded(tmp_path):
    """A syntax error on line 3 is an error naming line 3 and the reason; lines 1, 2 and 4 are
    still records, in order (the saver decides whether to keep them)."""
    good = [json.dumps(article(n)) for n in (1, 2, 4)]
    text = "\n".join([good[0], good[1], '{"title": "Broken", "body": "x",}', good[2]]) + "\n"
    items = parse_jsonl(tmp_path, text)
    assert [type(item) for item in items] == [
        ArticleRecord,
        ArticleRecord,
        RecordError,
        ArticleRecord,
    ]
    error = items[2]
    assert (error.file, error.line) == ("in.jsonl", 3)
    assert error.message.startswith("not valid JSON: ")
    assert "column 32" in error.message
    assert str(error).startswith("in.jsonl:3: not valid JSON:")


def test_jsonl_missing_title_and_body_are_one_error_naming_both(tmp_path):
    """A record missing both fields is one error (one failed record) that names both."""
    text = jsonl_text({"url": "https://example.org/x"}, article(2))
    items = parse_jsonl(tmp_path, text)
    error = only_error(items)
    assert error.line == 1
    assert error.message == "title: missing; body: missing"
    assert len(records_of(items)) == 1


def test_jsonl_every_bad_record_is_reported(tmp_path):
    """Errors do not stop the file: each bad line gets its own error."""
    text = jsonl_text(article(1, title=""), article(2), article(3, body="  "), [1, 2])
    items = parse_jsonl(tmp_path, text)
    assert [(e.line, e.message) for e in errors_of(items)] == [
        (1, "title: empty"),
        (3, "body: empty"),
        (4, "expected an article object, not an array"),
    ]


def test_jsonl_bad_date_names_the_field_and_the_value(tmp_path):
    """An unreadable published date is an error naming the field and what it held."""
    items = parse_jsonl(tmp_path, jsonl_text(article(1, published="13/05/2024")))
    assert only_error(items).message == (
        "published: not an ISO 8601 date or datetime: '13/05/2024'"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-01T10:30:00", datetime(2024, 5, 1, 10, 30, tzinfo=UTC)),
        ("2024-05-01T10:30:00Z", datetime(2024, 5, 1, 10, 30, tzinfo=UTC)),
        (
            "2024-05-01T10:30:00+02:00",
            datetime(2024, 5, 1, 10, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
        (None, None),
    ],
)
def test_jsonl_published_dates_without_offset_are_utc(tmp_path, value, expected):
    """A date is midnight UTC, a naive datetime is UTC, an offset is kept, null is no date."""
    (record,) = parse_jsonl(tmp_path, jsonl_text(article(1, published=value)))
    assert record.published == expected
    assert record.published is None or record.published.utcoffset() is not None


def test_jsonl_paragraphs_become_the_body(tmp_path):
    """A `paragraphs` array is joined into canonical body text."""
    data = article(1, paragraphs=["One.  ", "", "Two\r\nlines."])
    del data["body"]
    (record,) = parse_jsonl(tmp_path, jsonl_text(data))
    assert record.body == "One.\n\nTwo\nlines."


def test_jsonl_body_and_paragraphs_together_are_an_error(tmp_path):
    """Giving both is ambiguous, so it is refused rather than one silently winning."""
    items = parse_jsonl(tmp_path, jsonl_text(article(1, paragraphs=["x"])))
    assert only_error(items).message == "body, paragraphs: give one of them, not both"


def test_jsonl_wrong_types_are_named(tmp_path):
    """Each field of the wrong type is named with what it should be and what it was."""
    data = article(1, title=12, outlet=["AP"], captions={"text": "x"}, external_id=True)
    assert only_error(parse_jsonl(tmp_path, jsonl_text(data))).message == (
        "title: must be a string, not a number; captions: must be an array, not an object; "
        "outlet: must be a string, not an array; "
        "external_id: must be a string or a whole number, not True"
    )


def test_jsonl_caption_without_text_is_an_error(tmp_path):
    """A caption that has a credit but no text is reported, not dropped."""
    data = article(1, captions=[{"text": "Fine.", "credit": "AP"}, {"credit": "AFP"}, ""])
    assert only_error(parse_jsonl(tmp_path, jsonl_text(data))).message == (
        "captions[1].text: a caption without text; captions[2]: a caption without text"
    )


def test_jsonl_numeric_external_id_becomes_a_string(tmp_path):
    """A number is accepted as an external id and stored as its decimal text."""
    (record,) = parse_jsonl(tmp_path, jsonl_text(article(1, external_id=40213)))
    assert record.external_id == "40213"


def test_jsonl_duplicate_key_is_an_error(tmp_path):
    """json would keep the last of two equal keys silently; the importer refuses the line."""
    text = '{"title": "A", "title": "B", "body": "x"}\n'
    assert only_error(parse_jsonl(tmp_path, text)).message == (
        "the key 'title' appears twice in one object"
    )


def test_jsonl_unknown_keys_of_plain_records_are_noted_once(tmp_path):
    """Keys no importer reads are ignored, and the file's note lists them with counts."""
    path = tmp_path / "extra.jsonl"
    path.write_text(jsonl_text(article(1, tags=["a"]), article(2, tags=[], views=3)))
    lines, _ = decode_lines(path, path.name)
    notes: list[str] = []
    items = list(jsonl.parse(lines, path.name, notes=notes))
    assert errors_of(items) == []
    assert notes == ["extra.jsonl: unknown keys ignored: tags (2x), views (1x)"]


def test_jsonl_unknown_caption_keys_are_counted_per_key(tmp_path):
    """An unknown key of captions is one entry in the note, however many captions carry it."""
    captions = [{"text": "A.", "credit": "AP", "url": "a.jpg"}, {"text": "B.", "url": "b.jpg"}]
    path = tmp_path / "captions.jsonl"
    path.write_text(jsonl_text(article(1, captions=captions)))
    lines, _ = decode_lines(path, path.name)
    notes: list[str] = []
    (record,) = jsonl.parse(lines, path.name, notes=notes)
    assert record.captions == [CaptionRecord("A.", "AP"), CaptionRecord("B.", "")]
    assert notes == ["captions.jsonl: unknown keys ignored: captions[].url (2x)"]


def test_jsonl_empty_file_is_an_error(tmp_path):
    """A file with nothing but blank lines says so."""
    assert only_error(parse_jsonl(tmp_path, "\n \n")).message == (
        "no articles found: the file is empty"
    )


def test_jsonl_file_holding_a_json_array_is_read_as_json(tmp_path):
    """A .jsonl file that is really a pretty-printed JSON array still reads, lines intact."""
    text = "\n" + json.dumps([article(1), article(2)], indent=2)
    items = parse_jsonl(tmp_path, text)
    assert [r.title for r in records_of(items)] == ["Headline 1", "Headline 2"]
    assert items[0].origin == "in.jsonl:3"


# --- JSON documents ----------------------------------------------------------------------------


def test_json_array_gives_a_record_per_element_at_its_line(tmp_path):
    """A pretty-printed array: one record per object, origin the line where it starts."""
    text = json.dumps([article(1), article(2), article(3)], indent=2)
    items = parse_json(tmp_path, text)
    assert errors_of(items) == []
    assert [r.title for r in items] == ["Headline 1", "Headline 2", "Headline 3"]
    starts = [i for i, line in enumerate(text.split("\n"), start=1) if line == "  {"]
    assert [r.origin for r in items] == [f"in.json:{n}" for n in starts]
    assert items[1].captions == [CaptionRecord("Caption 2.", "AP")]


def test_json_single_object(tmp_path):
    """A document that is one article object gives that one record."""
    (record,) = parse_json(tmp_path, json.dumps(article(7, outlet="Reuters"), indent=4))
    assert (record.title, record.outlet, record.origin) == ("Headline 7", "Reuters", "in.json:1")


def test_json_array_on_one_line(tmp_path):
    """An array written without newlines still yields each element."""
    items = parse_json(tmp_path, json.dumps([article(1), article(2)]))
    assert [r.title for r in records_of(items)] == ["Headline 1", "Headline 2"]


def test_json_brackets_and_quotes_inside_strings_do_not_confuse_the_scanner(tmp_path):
    """Strings holding ], }, commas, escaped quotes and backslashes stay inside their element."""
    tricky = article(1, title='A "quoted" ]}, [{ title \\', body='x\\"],{')
    items = parse_json(tmp_path, json.dumps([tricky, article(2)], indent=1))
    assert errors_of(items) == []
    assert items[0].title == tricky["title"]
    assert items[0].body == tricky["body"]


def test_json_malformed_element_is_reported_and_the_rest_still_read(tmp_path):
    """A syntax error inside the second element names it, and its line; the third element is
    still a record."""
    text = (
        "[\n"
        '  {"title": "One", "body": "a"},\n'
        '  {"title": "Two" "body": "b"},\n'
        '  {"title": "Three", "body": "c"}\n'
        "]\n"
    )
    items = parse_json(tmp_path, text)
    assert [type(i) for i in items] == [ArticleRecord, RecordError, ArticleRecord]
    assert (items[1].line, items[1].message) == (
        3,
        "record 2: not valid JSON: Expecting ',' delimiter (column 19)",
    )
    assert items[2].title == "Three"


def test_json_field_errors_name_the_record(tmp_path):
    """Field errors in a document say which record, at the line where it starts."""
    text = json.dumps([article(1), article(2, published="soon")], indent=2)
    error = only_error(parse_json(tmp_path, text))
    assert error.message == "record 2: published: not an ISO 8601 date or datetime: 'soon'"
    assert error.line == text.split("\n").index("  {", 2) + 1


def test_json_unclosed_array_is_an_error_after_the_good_records(tmp_path):
    """A truncated file keeps its complete elements and reports that the array is not closed."""
    text = "[\n" + json.dumps(article(1)) + ",\n" + json.dumps(article(2)) + "\n"
    items = parse_json(tmp_path, text)
    assert [r.title for r in records_of(items)] == ["Headline 1", "Headline 2"]
    assert only_error(items).message == "the array opened on line 1 is not closed"


def test_json_trailing_comma_is_an_error(tmp_path):
    """[{...},] is not JSON; the element before the comma is still read."""
    items = parse_json(tmp_path, "[" + json.dumps(article(1)) + ",]")
    assert len(records_of(items)) == 1
    assert "a comma before ']'" in only_error(items).message


def test_json_empty_array_is_an_error(tmp_path):
    """An empty array is reported like an empty file."""
    assert only_error(parse_json(tmp_path, "[ ]\n")).message == (
        "no articles found: the file holds no article object"
    )


def test_json_top_level_text_that_is_not_json_is_reported(tmp_path):
    """Junk between top-level values is one error; reading resumes at the next object."""
    text = json.dumps(article(1)) + "\nnot json\nstill not\n" + json.dumps(article(2)) + "\n"
    items = parse_json(tmp_path, text)
    assert [r.title for r in records_of(items)] == ["Headline 1", "Headline 2"]
    error = only_error(items)
    assert error.line == 2
    assert error.message.startswith("expected an article object or an array of them, found 'n'")


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
        "attributions[0]: needs a source_span or a source"
    )


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


def test_native_datetime_is_utc_with_z():
    """The export's date form: UTC, Z, microseconds only when present; parsing reverses it."""
    moment = datetime(2024, 5, 2, 11, 5, tzinfo=timezone(timedelta(hours=2)))
    assert jsonl.native_datetime(moment) == "2024-05-02T09:05:00Z"
    assert jsonl.native_datetime(moment.replace(microsecond=250000)) == (
        "2024-05-02T09:05:00.250000Z"
    )
    assert jsonl.native_datetime(None) is None
    with pytest.raises(ValueError):
        jsonl.native_datetime(datetime(2024, 5, 2))


def test_parser_choices_agree_with_the_models():
    """The parser repeats the models' choices to stay free of Django; they must not drift."""
    from annotations.models import Annotation, Source
    from articles.models import Article

    assert set(jsonl.ARTICLE_STATUSES) == set(Article.Status.values)
    assert set(jsonl.TARGETS) == set(Annotation.Target.values)
    assert set(jsonl.ANNOTATION_STATUSES) == set(Annotation.Status.values)
    assert set(jsonl.SOURCE_KINDS) == set(Source.Kind.values)


# --- schema and documentation ------------------------------------------------------------------


def test_schema_is_draft_2020_12_and_lists_keys_in_the_documented_order():
    """The schema declares its draft and lists every key in the order the export writes."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert tuple(schema["properties"]) == jsonl.NATIVE_ARTICLE_KEYS
    assert tuple(schema["required"]) == jsonl.NATIVE_ARTICLE_KEYS
    defs = schema["$defs"]
    assert tuple(defs["caption"]["properties"]) == jsonl.NATIVE_CAPTION_KEYS
    assert tuple(defs["annotation"]["properties"]) == jsonl.NATIVE_ANNOTATION_KEYS
    assert tuple(defs["attribution"]["properties"]) == jsonl.NATIVE_ATTRIBUTION_KEYS
    assert tuple(defs["source"]["properties"]) == jsonl.NATIVE_SOURCE_KEYS


def test_doc_example_is_a_canonical_native_line_that_parses(tmp_path):
    """The documentation's example is serialised exactly as the format prescribes, its quotes
    cut from its body, and it imports without errors."""
    line = doc_example()
    data = json.loads(line)
    assert native_line(data) == line
    assert tuple(data) == jsonl.NATIVE_ARTICLE_KEYS
    for span in data["annotations"]:
        assert tuple(span) == jsonl.NATIVE_ANNOTATION_KEYS
        assert data["body"][span["start"] : span["end"]] == span["quote"]
    (record,) = parse_jsonl(tmp_path, line + "\n")
    assert isinstance(record, ArticleRecord)
    assert len(record.annotations) == 3
    assert record.attributions[0].cue == "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f"


def native_validator():
    jsonschema = pytest.importorskip(
        "jsonschema", reason="jsonschema is not installed in the venv (a test dependency to add)"
    )
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schema_validates_a_sample_native_line():
    """The factory's native line and the documentation's example both satisfy the schema."""
    validator = native_validator()
    for line in (native_line(native_article()), doc_example()):
        assert list(validator.iter_errors(json.loads(line))) == []


def test_schema_rejects_what_the_format_forbids():
    """An unknown key, a caption index on a body span and an attribution without a source are
    each a schema violation."""
    validator = native_validator()
    bad = native_article(colour="red")
    bad["annotations"][0]["caption"] = 0  # type: ignore[index]
    bad["attributions"][0]["source_span"] = None  # type: ignore[index]
    paths = sorted(error.json_path for error in validator.iter_errors(bad))
    assert paths == ["$", "$.annotations[0].caption", "$.attributions[0]"]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_with_a_json_captions_column(tmp_path):
    """A captions column holding a JSON array gives the captions; other fields pass through."""
    text = (
        "title,body,captions,published,external_id\n"
        'One,First.,"[{""text"": ""Smoke."", ""credit"": ""AP""}, ""Plain.""]",2024-05-01,7\n'
        "Two,Second.,,,\n"
    )
    items = parse_csv(tmp_path, text)
    assert errors_of(items) == []
    one, two = items
    assert one.captions == [CaptionRecord("Smoke.", "AP"), CaptionRecord("Plain.", "")]
    assert one.published == datetime(2024, 5, 1, tzinfo=UTC)
    assert (one.external_id, one.origin) == ("7", "in.csv:2")
    assert (two.captions, two.origin) == ([], "in.csv:3")


def test_csv_with_caption_n_columns(tmp_path):
    """caption_N / caption_N_text with caption_N_credit columns give captions in number order;
    empty ones are skipped."""
    text = (
        "Title,Body,caption_2,caption_2_credit,Caption 1 Text,caption_1_credit\n"
        "One,First.,Second caption.,AFP,First caption.,AP\n"
        "Two,Second.,,,Only.,\n"
    )
    one, two = parse_csv(tmp_path, text)
    assert one.captions == [
        CaptionRecord("First caption.", "AP"),
        CaptionRecord("Second caption.", "AFP"),
    ]
    assert two.captions == [CaptionRecord("Only.", "")]


def test_csv_credit_without_caption_text_is_an_error(tmp_path):
    """A credit alone is reported rather than dropped."""
    text = "title,body,caption_1,caption_1_credit\nOne,First.,,AP\n"
    error = only_error(parse_csv(tmp_path, text))
    assert (error.line, error.message) == (2, "caption_1: a credit without caption text")


def test_csv_semicolon_delimited(tmp_path):
    """A semicolon-separated file (as European spreadsheets write) is detected and read."""
    text = "title;body;outlet\nOne, with a comma;First.;AP\n"
    (record,) = parse_csv(tmp_path, text)
    assert (record.title, record.body, record.outlet) == ("One, with a comma", "First.", "AP")


def test_csv_tab_delimited(tmp_path):
    """A tab-separated file is detected and read."""
    (record,) = parse_csv(tmp_path, "title\tbody\nOne; two, three\tFirst.\n")
    assert record.title == "One; two, three"


def test_csv_delimiter_is_the_one_that_splits_the_header_most():
    """A header the sniffer misreads still gets the delimiter that makes its columns."""
    assert csvfile.sniff_delimiter("title;body;published;caption_1,x") == ";"
    assert csvfile.sniff_delimiter('"title;a",body') == ","
    assert csvfile.sniff_delimiter("title") == ","


def test_csv_quoted_multiline_body_keeps_paragraphs_and_line_numbers(tmp_path):
    """A quoted body spanning lines keeps its paragraphs, and the next record is reported at
    the line where it starts."""
    text = (
        "title,body\n"
        '"One","First paragraph,\n'
        "still first.\n"
        "\n"
        'Second ""quoted"" paragraph."\n'
        "Two,Body two.\n"
    )
    one, two = parse_csv(tmp_path, text)
    assert one.body == 'First paragraph,\nstill first.\n\nSecond "quoted" paragraph.'
    assert (one.origin, two.origin) == ("in.csv:2", "in.csv:6")


def test_csv_literal_backslash_n_separates_paragraphs(tmp_path):
    """A one-line cell with literal \\n\\n (as some exporters write) is split into paragraphs."""
    (record,) = parse_csv(tmp_path, "title,body\nOne,First.\\n\\nSecond.\n")
    assert record.body == "First.\n\nSecond."


def test_csv_missing_title_column_is_one_error_on_line_1(tmp_path):
    """Without a title column no row can be read: one error at the header, nothing else."""
    text = "headline,body\nOne,First.\nTwo,Second.\n"
    error = only_error(items := parse_csv(tmp_path, text))
    assert len(items) == 1
    assert (error.line, error.message) == (
        1,
        "header row: missing column(s): title; the header has: 'headline', 'body'",
    )


def test_csv_bom_and_crlf(tmp_path):
    """A UTF-8 BOM and CRLF line endings (Excel's CSV) do not reach the column names or cells,
    and CRLF inside a quoted cell becomes LF."""
    text = 'title,body\r\nÉté,"Un.\r\n\r\nDeux."\r\nTwo,Second.\r\n'
    one, two = parse_csv(tmp_path, b"\xef\xbb\xbf" + text.encode())
    assert (one.title, one.body) == ("Été", "Un.\n\nDeux.")
    assert (two.title, two.origin) == ("Two", "in.csv:5")


def test_csv_row_errors_name_their_line_and_reading_goes_on(tmp_path):
    """Missing cells and a bad date are reported per row; later rows are still read."""
    text = "title,body,published\n,First.,\nTwo,Second.,yesterday\nThree,Third.,\n"
    items = parse_csv(tmp_path, text)
    assert [(e.line, e.message) for e in errors_of(items)] == [
        (2, "title: missing"),
        (3, "published: not an ISO 8601 date or datetime: 'yesterday'"),
    ]
    assert [r.title for r in records_of(items)] == ["Three"]


def test_csv_extra_cells_are_an_error(tmp_path):
    """A row with more filled cells than the header has columns is not silently cut."""
    items = parse_csv(tmp_path, "title,body\nOne,First.,surplus\n")
    assert only_error(items).message == "the row has 3 cells, the header 2 columns"


def test_csv_unclosed_quote_is_reported(tmp_path):
    """A quote left open is an error at the record's first line, not a swallowed file."""
    text = 'title,body\nOne,First.\nTwo,"Second.\nThree,Third.\n'
    items = parse_csv(tmp_path, text)
    assert [r.title for r in records_of(items)] == ["One"]
    error = only_error(items)
    assert error.line == 3
    assert error.message.startswith("not valid CSV: ")


def test_csv_unknown_columns_are_ignored_and_noted(tmp_path):
    """Columns no importer reads are listed once in the notes."""
    path = tmp_path / "extra.csv"
    path.write_text("title,body,views,\nOne,First.,3,\n")
    lines, _ = decode_lines(path, path.name)
    notes: list[str] = []
    items = list(csvfile.parse(lines, path.name, notes=notes))
    assert errors_of(items) == []
    assert notes == ["extra.csv: columns ignored: 'views', (unnamed column 4)"]


def test_csv_captions_both_ways_is_a_header_error(tmp_path):
    """A captions column and caption_N columns together are ambiguous."""
    text = "title,body,captions,caption_1\nOne,First.,[],x\n"
    assert only_error(parse_csv(tmp_path, text)).message == (
        "header row: captions are given both as a 'captions' column and as caption_N columns"
    )


def test_csv_bad_captions_json_is_an_error(tmp_path):
    """A captions cell that is not JSON is reported with the row's line."""
    error = only_error(parse_csv(tmp_path, "title,body,captions\nOne,First.,[oops]\n"))
    assert (error.line, error.message) == (
        2,
        "captions: not valid JSON: Expecting value (column 2)",
    )


def test_csv_header_only_is_an_error(tmp_path):
    """A header without rows says there are no articles."""
    assert only_error(parse_csv(tmp_path, "title,body\n")).message == (
        "no articles found: only a header row"
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
        monkeypatch.setattr(jsonl, "_well_formed_annotation", lambda *args: None)
    problems: list[str] = []
    check = jsonl._Check(problems, native=True, ignored=None)
    record = jsonl._annotation(item, "annotations[0]", item.get("id") or "", 2, check)
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
    monkeypatch.setattr(jsonl._Check, "strict", lambda *args: calls.append(args))
    jsonl._annotation(_GOOD_ANNOTATION, "a", "x", 2, jsonl._Check([], True, None))
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
}  # fmt: skip


def _read_lists(annotations: list, attributions: list, *, fast: bool, monkeypatch) -> tuple:
    if not fast:
        monkeypatch.setattr(jsonl, "_well_formed_annotation", lambda *args: None)
        monkeypatch.setattr(jsonl, "_well_formed_attribution", lambda *args: None)
    check = jsonl._Check([], native=True, ignored=None)
    records, ids = jsonl._annotations(annotations, 2, check)
    links = jsonl._attributions(attributions, ids, check)
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
