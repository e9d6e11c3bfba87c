"""Text canonicalisation, and the one module that sanitises HTML.

Every annotation offset points into text produced by `canonical_text` (or `canonical_line` for
one-line fields such as titles and captions), so these rules are part of the data format:
see docs/offsets.md. Change them only together with a re-anchoring migration.
"""

from __future__ import annotations

import hashlib
import operator
import re
import threading
import unicodedata
from collections.abc import Iterable
from html import unescape

import nh3

_OTHER_LINE_BREAKS = ("\u2028", "\u2029", "\x85", "\x0b", "\x0c")
_ZERO_WIDTH_NO_BREAK = "\ufeff"

PARAGRAPH_SEPARATOR = "\n\n"


def canonical_text(raw: str) -> str:
    """Body text: NFC; CR LF and other line breaks become LF; no trailing spaces on any line;
    paragraphs separated by exactly one blank line; no leading or trailing blank lines.

    Text that is canonical already (what the importers' parsers produce, what is stored) is
    recognised and returned as is: checking costs a tenth of rebuilding, and a text that
    canonical_paragraphs has just made costs a dictionary look-up."""
    if raw in _recent_canonical:
        return raw
    return raw if is_canonical_text(raw) else _rebuild_text(raw)


# The bodies canonical_paragraphs made last. An importer's parser makes a body and its saver
# canonicalises it again a moment later, before writing it; remembering a few turns that second
# pass over the text into a look-up (a str keeps its hash). Bounded, and it only ever holds
# canonical text, so a hit is always right, whoever asks.
_recent_canonical: dict[str, None] = {}
_RECENT_CANONICAL_LIMIT = 64
_recent_lock = threading.Lock()


def _remember_canonical(text: str) -> None:
    with _recent_lock:
        _recent_canonical[text] = None
        while len(_recent_canonical) > _RECENT_CANONICAL_LIMIT:
            del _recent_canonical[next(iter(_recent_canonical))]


def is_canonical_text(text: str) -> bool:
    """Would canonical_text leave `text` unchanged? NFC, no line break but LF, no whitespace at
    the end of a line, paragraphs apart by exactly one empty line, none at either end.
    str.isspace is the test that _rebuild_text's rstrip and strip use."""
    if not _only_lf_breaks_nfc(text):
        return False
    if text.startswith("\n") or text.endswith("\n") or "\n\n\n" in text:
        return False
    # The last character of every line, tested without a Python step per line.
    return not any(map(str.isspace, map(_LAST_CHARACTER, text.split("\n"))))


_LAST_CHARACTER = operator.itemgetter(slice(-1, None))


def _only_lf_breaks_nfc(text: str) -> bool:
    """NFC, no BOM, and no line break but LF."""
    if not unicodedata.is_normalized("NFC", text):
        return False
    if _ZERO_WIDTH_NO_BREAK in text or "\r" in text:
        return False
    return not any(mark in text for mark in _OTHER_LINE_BREAKS)


def _rebuild_text(raw: str) -> str:
    # Each step is skipped when it has nothing to do: importers run this on every article.
    text = raw.replace(_ZERO_WIDTH_NO_BREAK, "") if _ZERO_WIDTH_NO_BREAK in raw else raw
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for line_break in _OTHER_LINE_BREAKS:
        if line_break in text:
            text = text.replace(line_break, "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return PARAGRAPH_SEPARATOR.join(paragraphs)


def canonical_paragraphs(paragraphs: Iterable[str]) -> str:
    """Join already-split paragraphs into canonical body text."""
    stripped = [p.strip() for p in paragraphs]
    text = PARAGRAPH_SEPARATOR.join(stripped)
    # One stripped, non-empty line per paragraph (the usual case in the importers): no line
    # can end in whitespace and no blank line can be doubled, so only the characters are left
    # to check, not every line.
    if all(stripped) and text.count("\n") == 2 * (len(stripped) - 1):
        text = text if _only_lf_breaks_nfc(text) else _rebuild_text(text)
    else:
        text = canonical_text(text)
    _remember_canonical(text)
    return text


def canonical_line(raw: str) -> str:
    """One-line text (title, caption, credit): NFC, every run of whitespace one space, stripped."""
    # Hot in the importers (every scraped line): str.split() splits on exactly the characters
    # str.isspace() accepts, as the regex \s does, and is_normalized() skips most NFC work.
    if _ZERO_WIDTH_NO_BREAK in raw:
        raw = raw.replace(_ZERO_WIDTH_NO_BREAK, "")
    if not unicodedata.is_normalized("NFC", raw):
        raw = unicodedata.normalize("NFC", raw)
    return " ".join(raw.split())


def content_hash(title: str, body: str) -> str:
    """Identity of an article's text for de-duplication: SHA-256 of canonical title and body."""
    return hash_canonical(canonical_line(title), canonical_text(body))


def hash_canonical(title: str, body: str) -> str:
    """content_hash of a title and body that are canonical already (no second pass over them)."""
    digest = hashlib.sha256(title.encode())
    digest.update(b"\x00")
    digest.update(body.encode())
    return digest.hexdigest()


# --- Sanitising -------------------------------------------------------------------------------
# The only place HTML is cleaned. Notes allow a little formatting; links get rel=noopener etc.
NOTE_TAGS = {"a", "b", "strong", "i", "em", "u", "p", "br", "ul", "ol", "li", "code", "blockquote"}
NOTE_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Clean user- or import-supplied HTML down to a small inert subset (nh3 / ammonia).

    Script, style and other executable elements are removed with their content; event-handler
    attributes and non-http(s)/mailto URLs are dropped."""
    return nh3.clean(
        html,
        tags=NOTE_TAGS,
        attributes=NOTE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        url_relative=_no_control_characters,
    ).strip()


# Whole saved web pages (the HTML importer). The page is made inert here before anything is read
# from it: the structure an extractor needs (sections, headings, paragraphs, figures, tables,
# <title>, <meta>, canonical <link>, class/id/microdata attributes) is kept; everything that
# runs, loads or submits something is removed with its content; attributes are an allow-list
# (no event handlers, no style), and URLs keep only the schemes above.
PAGE_TAGS = NOTE_TAGS | {
    "title", "meta", "link",
    "article", "main", "header", "footer", "nav", "aside", "section", "div", "span",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "address",
    "figure", "figcaption", "time", "small", "cite", "q", "abbr", "sub", "sup", "s",
    "del", "ins", "mark", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
# Removed with everything inside them. <form> is deliberately absent: some sites wrap the whole
# page in one (ASP.NET); its controls go, its text stays.
PAGE_DROPPED_TAGS = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "audio", "video", "button", "select",
    "textarea", "dialog",
}  # fmt: skip
PAGE_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "lang", "dir", "role", "title", "itemprop", "itemscope", "itemtype"},
    "meta": {"name", "property", "content", "charset"},
    "link": {"rel", "href"},
    "a": {"href", "rel"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
}


def sanitize_page(html: str) -> str:
    """A whole web page cleaned for text extraction (nh3 / ammonia): inert, structure kept.

    The result is an intermediate for the importer, never rendered: what is stored from it is
    text. <html>, <head> and <body> are dropped by the fragment parser; <title> and <meta>
    come first, so an HTML parser puts them back into a <head>."""
    return nh3.clean(
        html,
        tags=PAGE_TAGS,
        clean_content_tags=PAGE_DROPPED_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # rel is read (rel="author", rel="canonical"), not rewritten
        strip_comments=True,
        url_relative=_no_control_characters,
    )


def _no_control_characters(url: str) -> str | None:
    # A "relative" URL with control characters is how "java\x01script:" slips past the scheme
    # check (old browsers dropped them): such a URL is removed, not kept.
    return None if re.search(r"[\x00-\x1f\x7f]", url) else url


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: every tag (and script/style content) removed, entities
    decoded. The result is text, escaped again wherever it is rendered."""
    return canonical_line(unescape(nh3.clean(html, tags=set())))
