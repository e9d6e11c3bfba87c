"""Per-input limits: web page elements and nesting, the page reader's memory, record length."""

from __future__ import annotations

import io
import json

from interchange.importing import pages
from interchange.importing.decoding import OverlongLine, decode_lines
from interchange.importing.limits import Limits
from interchange.importing.records import ArticleRecord, RecordError

from .intake_factories import PAGE, PAGE_TITLE, read_all, titles

# Lowered limits keep the inputs small; the page reader's child is used unless said otherwise.
SMALL = Limits(max_record_bytes=200, max_html_elements=100, max_html_depth=20)
IN_PROCESS = Limits(
    max_record_bytes=200, max_html_elements=100, max_html_depth=20, html_memory_bytes=0
)


def article_line(title: str, body: str = "The mayor said the bridge would reopen soon.") -> str:
    return json.dumps({"title": title, "body": body}) + "\n"


def errors(items) -> list[str]:
    return [str(item) for item in items if isinstance(item, RecordError)]


def page(paragraphs: int = 3, *, title: str = "Bridge Reopens") -> bytes:
    body = "".join(
        f"<p>The mayor said on Monday that the bridge would reopen soon ({n}).</p>\n"
        for n in range(paragraphs)
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n"
        f"{body}</article></body></html>\n"
    ).encode()


# --- web pages: elements and depth ---------------------------------------------------------------


def test_page_over_the_element_cap_is_an_error_at_the_line_that_passes_it():
    """A page with more elements than IMPORT_MAX_HTML_ELEMENTS is refused at file:line, naming
    the setting; the line is the one holding the first element over the cap."""
    lines = ["<html><body>", *(["<p>One paragraph.</p>"] * 200)]
    found = pages.scan(lines, "many.html", SMALL)
    assert isinstance(found, RecordError)
    # html and body are elements 1 and 2: the 101st element is the 99th paragraph, line 100.
    assert (found.file, found.line) == ("many.html", 100)
    assert "over the limit of 100 (IMPORT_MAX_HTML_ELEMENTS)" in found.message


def test_page_nested_deeper_than_the_cap_is_an_error_naming_the_setting():
    """Elements nested deeper than IMPORT_MAX_HTML_DEPTH are refused at file:line."""
    lines = ["<html><body>", *(["<div>"] * 50)]
    found = pages.scan(lines, "deep.html", SMALL)
    assert isinstance(found, RecordError)
    # html, body and 18 divs make 20 levels: the 19th div, on line 20, is the 21st.
    assert found.line == 20
    assert "IMPORT_MAX_HTML_DEPTH" in found.message


def test_unclosed_paragraphs_do_not_count_as_nesting():
    """<p> without </p> is closed by the next <p> as a browser does: 60 of them are 60
    elements side by side, not 60 levels, so the depth cap does not refuse the page."""
    lines = ["<html><body>", *(["<p>An unclosed paragraph."] * 60)]
    assert isinstance(pages.scan(lines, "flat.html", SMALL), bytes)


def test_a_page_over_a_cap_does_not_stop_the_other_files():
    """The refused page is one error; the pages and records after it are still read."""
    too_many = b"<html><body>" + b"<span>x</span>" * 150 + b"</body></html>"
    items, _ = read_all(
        ("many.html", io.BytesIO(too_many)),
        ("ok.html", io.BytesIO(page())),
        ("ok.jsonl", io.BytesIO(article_line("Ferry Returns").encode())),
        limits=IN_PROCESS,
    )
    assert [e.split(": ")[0] for e in errors(items)] == ["many.html:1"]
    assert titles(items) == ["Bridge Reopens", "Ferry Returns"]


# --- web pages: the child process ------------------------------------------------------------------


def test_pages_are_read_in_a_child_process_with_the_same_result():
    """Through the page reader's child, a saved page gives the article read in-process."""
    with pages.PageReader(SMALL) as reader:
        record = reader.read(PAGE.read_bytes(), "saved.html")
        assert reader.process is not None  # a child did the reading
    assert isinstance(record, ArticleRecord)
    assert record.title == PAGE_TITLE


def test_a_page_needing_more_memory_than_the_child_may_use_is_an_error_not_a_crash():
    """With IMPORT_HTML_MEMORY_BYTES below what reading a page needs (here 1 MB: the limit is
    set after the child's imports, so its first allocation for the page fails), the page is an
    error at file:0 naming the setting, and the import goes on with the next file."""
    tiny = Limits(html_memory_bytes=1024**2)
    items, _ = read_all(
        ("big.html", io.BytesIO(page(2000))),
        ("after.jsonl", io.BytesIO(article_line("Ferry Returns").encode())),
        limits=tiny,
    )
    [error] = [item for item in items if isinstance(item, RecordError)]
    assert (error.file, error.line) == ("big.html", 0)
    assert "over the limit (IMPORT_HTML_MEMORY_BYTES)" in error.message
    assert titles(items) == ["Ferry Returns"]


def test_after_a_page_over_the_memory_limit_a_new_child_reads_the_next_page():
    """A child that ran out of memory is replaced: the next page gets a fresh one."""
    with pages.PageReader(Limits(html_memory_bytes=1024**2)) as reader:
        first = reader.read(page(2000), "1.html")
        assert isinstance(first, RecordError)
        assert reader.process is None  # the failed child is gone
        reader.memory = 1024**3
        record = reader.read(page(title="Second Page"), "2.html")
    assert isinstance(record, ArticleRecord) and record.title == "Second Page"


def test_one_child_reads_several_pages_then_is_replaced():
    """IMPORT_HTML_PAGES_PER_CHILD pages go to one child; the next page starts a new one."""
    limits = Limits(html_pages_per_child=2)
    with pages.PageReader(limits) as reader:
        reader.read(page(title="First Page"), "1.html")
        first = reader.process.pid
        reader.read(page(title="Second Page"), "2.html")
        assert reader.process.pid == first
        third = reader.read(page(title="Third Page"), "3.html")
        assert reader.process.pid != first
    assert isinstance(third, ArticleRecord) and third.title == "Third Page"


def test_the_child_ends_with_the_import():
    """Once read_inputs is exhausted no page-reader child is left running."""
    import multiprocessing

    items, _ = read_all(("a.html", io.BytesIO(page())), limits=SMALL)
    assert titles(items) == ["Bridge Reopens"]
    assert not [p for p in multiprocessing.active_children() if p.name == "newsroom-page-reader"]


# --- records ---------------------------------------------------------------------------------------


def test_decode_lines_cuts_a_long_line_without_holding_it():
    """A line over max_line characters comes as an empty OverlongLine with its length; the
    lines around it are intact."""
    data = b"short\n" + b"x" * 1000 + b"\r\nafter\n"
    lines, _ = decode_lines(io.BytesIO(data), "f.jsonl", max_line=100)
    found = list(lines)
    assert found == ["short", "", "after"]
    assert isinstance(found[1], OverlongLine) and found[1].length == 1000


def test_jsonl_line_over_the_record_cap_is_an_error_and_the_others_are_read():
    """A JSON Lines record over IMPORT_MAX_RECORD_BYTES is an error at its line; the records
    before and after it are read."""
    data = article_line("Before") + article_line("Huge", "word " * 100) + article_line("After")
    items, _ = read_all(("a.jsonl", io.BytesIO(data.encode())), limits=SMALL)
    assert titles(items) == ["Before", "After"]
    [error] = errors(items)
    assert error.startswith("a.jsonl:2: the line has ")
    assert "over the limit of 200 (IMPORT_MAX_RECORD_BYTES)" in error


def test_json_document_record_over_the_cap_is_an_error_at_its_first_line():
    """In an indented JSON array, a record spanning lines that adds up to more than the cap is
    an error at the line where it starts; the next record is read."""
    body = ",\n".join(f'"extra{n}": "{"word " * 10}"' for n in range(10))
    data = (
        '[\n{"title": "Before", "body": "The mayor spoke."},\n'
        f'{{"title": "Huge", "body": "The mayor spoke.",\n{body}}},\n'
        '{"title": "After", "body": "The mayor spoke."}\n]\n'
    )
    items, _ = read_all(("a.json", io.BytesIO(data.encode())), limits=SMALL)
    assert titles(items) == ["Before", "After"]
    [error] = errors(items)
    assert error.startswith("a.json:3: record 2 has ")
    assert "IMPORT_MAX_RECORD_BYTES" in error


def test_json_array_line_over_the_cap_is_skipped_and_the_array_read_on():
    """An element of an indented JSON array on one line over the cap is an error at that
    line; the elements after it are read, and the array's end is not reported as an error."""
    data = (
        '[\n{"title": "Before", "body": "The mayor spoke."},\n'
        f'{{"title": "Huge", "body": "{"w" * 300}"}},\n'
        '{"title": "After", "body": "The mayor spoke."}\n]\n'
    )
    items, _ = read_all(("a.json", io.BytesIO(data.encode())), limits=SMALL)
    assert titles(items) == ["Before", "After"]
    [error] = errors(items)
    assert error.startswith("a.json:3: the line has ")


def test_csv_line_over_the_record_cap_is_an_error_and_the_next_rows_are_read():
    """A CSV row over the cap is an error at its line; the rows after it are read."""
    data = (
        "title,body\nBefore,The mayor spoke.\n"
        f"Huge,{'word ' * 100}\n"
        'After,"The mayor spoke\nover two lines."\n'
    )
    items, _ = read_all(("a.csv", io.BytesIO(data.encode())), limits=SMALL)
    assert titles(items) == ["Before", "After"]
    [error] = errors(items)
    assert error.startswith("a.csv:3: the line has ")


def test_record_cap_does_not_apply_to_web_pages():
    """A web page on one long line (minified HTML) is not held to the record cap."""
    minified = page(20).replace(b"\n", b"")
    assert len(minified) > SMALL.max_record_bytes
    items, _ = read_all(("min.html", io.BytesIO(minified)), limits=IN_PROCESS)
    assert titles(items) == ["Bridge Reopens"]
