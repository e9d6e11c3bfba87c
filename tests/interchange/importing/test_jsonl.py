"""The JSON Lines and JSON readers (interchange/importing/jsonl.py) and the article object
(interchange/importing/validation/article.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from interchange.importing import jsonl
from interchange.importing.decoding import decode_lines
from interchange.importing.records import (
    ArticleRecord,
    CaptionRecord,
    RecordError,
)
from tests.interchange.importing.json_factories import (
    article,
    errors_of,
    jsonl_text,
    only_error,
    parse_json,
    parse_jsonl,
    records_of,
)

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


# --- json_objects: the same scanner for other kinds of objects ------------------------------------


def test_json_objects_streams_any_objects_with_line_and_label():
    """json_objects yields each top-level object of an array with its line and "record N",
    decoding one at a time: taking two objects from an endless array reads only their lines."""

    def endless():
        yield "["
        n = 0
        while True:
            n += 1
            yield json.dumps({"task": n, "data": {"text": "x" * 10}}) + ","

    found = jsonl.json_objects(endless(), "tasks.json", noun="task")
    first, second = next(found), next(found)
    assert (first.data["task"], first.line, first.label) == (1, 2, "record 1")
    assert (second.data["task"], second.line) == (2, 3)


def test_json_objects_names_its_noun_in_errors():
    """A non-object element and an empty file are errors worded with the given noun."""
    items = list(jsonl.json_objects(['[{"a": 1}, 3]'], "q.json", noun="document"))
    assert items[0].data == {"a": 1}
    assert items[1] == RecordError(
        "q.json", 1, "record 2: expected a document object, not a number"
    )
    (empty,) = jsonl.json_objects([""], "e.json", noun="task")
    assert empty.message == "no tasks found: the file holds no task object"


# --- hostile nesting ---------------------------------------------------------------------------

DEEP = "[" * 200_000 + "]" * 200_000


def test_a_line_nested_too_deeply_is_an_error_at_its_line_and_the_rest_is_read(tmp_path):
    """A value nested 200,000 levels deep (which exhausts Python's JSON reader) is reported at
    its line, and the next line's article is still read."""
    text = f'{{"title": "Deep", "body": {DEEP}}}\n' + jsonl_text(article(2))
    items = parse_jsonl(tmp_path, text)
    [error] = errors_of(items)
    assert (error.line, error.message) == (
        1,
        "not valid JSON: arrays or objects nested too deeply to read",
    )
    assert [r.title for r in records_of(items)] == ["Headline 2"]


def test_a_json_document_record_nested_too_deeply_is_an_error_and_the_rest_is_read(tmp_path):
    """In a JSON array of articles, the too-deep record is named by its number and line."""
    text = "[\n" + json.dumps(article(1)) + ",\n" + f'{{"title": "Deep", "body": {DEEP}}}'
    text += ",\n" + json.dumps(article(3)) + "\n]\n"
    items = parse_json(tmp_path, text)
    [error] = errors_of(items)
    assert (error.line, error.message) == (
        3,
        "record 2: not valid JSON: arrays or objects nested too deeply to read",
    )
    assert [r.title for r in records_of(items)] == ["Headline 1", "Headline 3"]
