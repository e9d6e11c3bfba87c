"""The CSV reader (interchange/importing/csvfile.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from interchange.importing import csvfile
from interchange.importing.decoding import decode_lines
from interchange.importing.records import (
    CaptionRecord,
)
from tests.interchange.importing.json_factories import (
    errors_of,
    only_error,
    parse_csv,
    records_of,
)

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
