"""articles/content.py: canonical text (part of the offset format) and the one HTML sanitiser."""

from __future__ import annotations

import hashlib
import json
import re

import html5lib
import pytest

from articles import content
from tests.conftest import SHARED, needs_shared
from tests.factories import make_annotation, make_article

XSS_CORPUS = SHARED / "testdata" / "xss" / "xss_corpus.jsonl"

SCRIPT_CAPABLE = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "form",
    "frame",
    "template",
}
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers ignore ASCII whitespace and C0 controls inside a URL scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


# --- canonical_text ---------------------------------------------------------------------------


def test_canonical_text_composes_to_nfc():
    """A decomposed e + combining acute becomes the single code point é."""
    assert content.canonical_text("Caf\u0065\u0301") == "Caf\u00e9"


def test_canonical_text_turns_crlf_and_cr_into_lf():
    """Windows (CR LF) and old Mac (CR) line breaks both become LF."""
    assert content.canonical_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_canonical_text_strips_trailing_spaces_and_nbsp_per_line():
    """Spaces, tabs and no-break spaces at the end of every line are removed."""
    assert content.canonical_text("one \t\u00a0\ntwo\u00a0 \n\nthree  ") == "one\ntwo\n\nthree"


def test_canonical_text_collapses_blank_lines_to_one():
    """Several blank lines (including whitespace-only ones) between paragraphs become one."""
    assert content.canonical_text("first\n\n\n \n\u00a0\n\nsecond") == "first\n\nsecond"


def test_canonical_text_removes_leading_and_trailing_blank_lines():
    """Blank lines before the first and after the last paragraph disappear."""
    assert content.canonical_text("\n \n\r\nbody\n\n\n") == "body"


def test_canonical_text_keeps_single_newlines_inside_a_paragraph():
    """A lone line break inside a paragraph is kept, not joined into a space."""
    assert content.canonical_text("line one\nline two\n\nnext") == "line one\nline two\n\nnext"


def test_canonical_text_is_idempotent():
    """Canonical text is a fixed point: stored bodies do not change when saved again."""
    once = content.canonical_text("  a\r\n\r\n\r\nb\u00a0\nc\u0301 \n\n")
    assert content.canonical_text(once) == once


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["One.", "Two."],  # the fast path: one clean line each
        [" One. ", "\u00a0Two.\u00a0"],
        ["Cafe\u0301 reopens.", "Two."],  # not NFC
        ["One\u2028more.", "Two."],  # another line break inside a line
        ["\ufeffOne.", "Two\r."],
        ["One.", "", "  ", "Two."],  # empty paragraphs
        ["Line one  \nline two", "Three."],  # a paragraph of two lines, trailing spaces
        ["Only."],
        [],
    ],
)
def test_canonical_paragraphs_equals_canonical_text_of_the_joined_paragraphs(paragraphs):
    """Joining paragraphs takes a shortcut for one-line paragraphs; the result is always what
    canonical_text gives for the paragraphs joined by a blank line."""
    joined = content.PARAGRAPH_SEPARATOR.join(p.strip() for p in paragraphs)
    assert content.canonical_paragraphs(paragraphs) == content.canonical_text(joined)


def test_a_body_just_made_is_recognised_without_a_second_pass(monkeypatch):
    """canonical_text of a body canonical_paragraphs has just made is that body, and is not
    checked again (the importers' saver re-canonicalises every parsed body)."""
    body = content.canonical_paragraphs(["First paragraph.", "Second paragraph."])
    checked = []
    monkeypatch.setattr(content, "is_canonical_text", lambda text: checked.append(text) or True)
    assert content.canonical_text(body) is body
    assert checked == []
    other = "Not made by canonical_paragraphs."
    assert content.canonical_text(other) == other
    assert checked == [other]


def test_the_memory_of_recent_bodies_is_bounded_and_holds_only_canonical_text():
    """However many bodies are made, only the last few are remembered, each canonical."""
    for n in range(500):
        content.canonical_paragraphs([f" Paragraph {n}.\u00a0", f"Cafe\u0301 {n}"])
    remembered = list(content._recent_canonical)
    assert len(remembered) <= content._RECENT_CANONICAL_LIMIT
    assert all(content.is_canonical_text(text) for text in remembered)
    assert "Paragraph 499.\n\nCaf\u00e9 499" in remembered


# --- canonical_line ---------------------------------------------------------------------------


def test_canonical_line_collapses_all_whitespace_to_single_spaces():
    """Line breaks, tabs and no-break spaces inside a one-line field become one space each run."""
    assert content.canonical_line("  Bridge\n\tto \u00a0 open\r\n") == "Bridge to open"


def test_canonical_line_composes_to_nfc():
    """Titles and captions are NFC like the body, so offsets agree with the browser's text."""
    assert content.canonical_line("Zu\u0308rich") == "Z\u00fcrich"


def test_canonical_line_drops_byte_order_mark():
    """A stray U+FEFF (from a BOM-prefixed file) is not part of the text."""
    assert content.canonical_line("\ufeffHeadline") == "Headline"


# --- content_hash -----------------------------------------------------------------------------


def test_content_hash_is_stable_under_canonicalisation():
    """Text that canonicalises the same hashes the same, so re-imports are recognised."""
    assert content.content_hash("Title", "Body\r\n\r\n\r\nmore ") == content.content_hash(
        " Title ", "Body\n\nmore"
    )


def test_content_hash_is_sha256_of_title_nul_body():
    """The hash is SHA-256 of title, NUL, body: fixed across runs, so stored values stay valid."""
    assert content.content_hash("Title", "Body") == hashlib.sha256(b"Title\x00Body").hexdigest()


def test_content_hash_separates_title_from_body():
    """Moving text between title and body changes the hash (the separator is not ambiguous)."""
    assert content.content_hash("ab", "c") != content.content_hash("a", "bc")


def test_content_hash_changes_with_the_body():
    """A one-character edit of the body gives a different hash."""
    assert content.content_hash("Title", "Body.") != content.content_hash("Title", "Body!")


# --- sanitiser --------------------------------------------------------------------------------


def _local_name(name: str) -> str:
    """html5lib names foreign (SVG/MathML) elements and attributes "{namespace}name"."""
    return name.rsplit("}", 1)[-1].lower()


def script_capable_problems(html: str) -> list[str]:
    """What in `html`, parsed as a browser would inside an element, could run script."""
    fragment = html5lib.parseFragment(
        html, container="div", treebuilder="etree", namespaceHTMLElements=False
    )
    problems: list[str] = []
    for element in fragment.iter():
        if not isinstance(element.tag, str):  # comments and the like
            continue
        tag = _local_name(element.tag)
        if tag in SCRIPT_CAPABLE:
            problems.append(f"<{tag}>")
        for raw_name, value in element.attrib.items():
            name = _local_name(raw_name)
            if name.startswith("on"):
                problems.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES:
                url = _IGNORED_IN_URL.sub("", value).lower()
                if url.startswith(DANGEROUS_SCHEMES):
                    problems.append(f"{tag}[{name}={value!r}]")
    return problems


def load_xss_corpus() -> list[dict[str, str]]:
    # Split on "\n" only: payloads hold raw U+2028 and friends, which str.splitlines breaks on.
    lines = XSS_CORPUS.read_text(encoding="utf-8").split("\n")
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<svg><a href='x'>x</a></svg>",
        "<b onclick='alert(1)'>x</b>",
        "<a href=' java\tscript:alert(1)'>x</a>",
        "<a href='&#x6A;avascript:alert(1)'>x</a>",
        "<iframe src='data:text/html,<script>alert(1)</script>'></iframe>",
        "<form><button formaction='VBScript:msgbox(1)'>x</button></form>",
    ],
)
def test_checker_flags_script_capable_html(html):
    """The corpus check itself can fail: it spots each kind of danger it looks for."""
    assert script_capable_problems(html)


def test_checker_accepts_inert_html():
    """Plain formatting and an https link are not reported."""
    assert script_capable_problems('<p><b>x</b> <a href="https://example.com/">y</a></p>') == []


@needs_shared("testdata", "xss")
def test_corpus_is_present_and_complete():
    """The shared XSS corpus is readable with its 2,593 payloads (an empty read would pass)."""
    assert len(load_xss_corpus()) == 2593


@needs_shared("testdata", "xss")
def test_sanitize_html_neutralises_every_xss_corpus_payload():
    """No payload of the corpus comes out of sanitize_html able to run script."""
    failures = []
    for record in load_xss_corpus():
        problems = script_capable_problems(content.sanitize_html(record["payload"]))
        if problems:
            failures.append(f"{record['source']}#{record['id']}: {', '.join(problems)}")
    assert failures == [], f"{len(failures)} payloads survive:\n" + "\n".join(failures)


def test_sanitize_html_keeps_allowed_formatting_and_safe_links():
    """Allowed tags survive and links gain rel=noopener noreferrer nofollow."""
    cleaned = content.sanitize_html('<p><b>Bold</b> <a href="https://example.com/">link</a></p>')
    assert "<b>Bold</b>" in cleaned
    assert 'href="https://example.com/"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


def test_sanitize_html_removes_script_content_not_just_tags():
    """A script's body is dropped with the element, not left behind as visible text."""
    assert content.sanitize_html("ok<script>alert('x')</script>") == "ok"


def test_sanitize_html_drops_urls_with_control_characters():
    """An href like "\\x01java\\x03script:" (a scheme hidden by control characters) is removed."""
    cleaned = content.sanitize_html('<a href="\x01java\x03script:alert(1)">x</a>')
    assert "href" not in cleaned
    assert ">x</a>" in cleaned


def test_sanitize_html_keeps_plain_relative_links():
    """Removing control-character URLs does not remove ordinary relative links."""
    assert 'href="/articles/3/"' in content.sanitize_html('<a href="/articles/3/">see</a>')


def test_html_to_text_strips_every_tag_and_decodes_entities():
    """html_to_text gives plain text: no tags, no script text, entities decoded."""
    assert content.html_to_text("<p>Fish &amp; <b>chips</b></p><script>x()</script>") == (
        "Fish & chips"
    )


@pytest.mark.django_db
def test_annotation_save_sanitises_the_note():
    """Saving an annotation cleans its note: script and onclick vanish, <b> stays."""
    article = make_article()
    annotation = make_annotation(
        article,
        quote="bridge",
        note='<b onclick="steal()">Check</b> this<script>alert(1)</script>',
    )
    annotation.refresh_from_db()
    assert annotation.note == "<b>Check</b> this"
