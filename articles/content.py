"""Text canonicalisation, and the one module that sanitises HTML.

Every annotation offset points into text produced by `canonical_text` (or `canonical_line` for
one-line fields such as titles and captions), so these rules are part of the data format:
see docs/offsets.md. Change them only together with a re-anchoring migration.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from html import unescape

import nh3

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*(?:\n\s*)+")
_INLINE_SPACE = re.compile(r"\s+")
_ZERO_WIDTH_NO_BREAK = "\ufeff"

PARAGRAPH_SEPARATOR = "\n\n"


def canonical_text(raw: str) -> str:
    """Body text: NFC; CR LF and other line breaks become LF; no trailing spaces on any line;
    paragraphs separated by exactly one blank line; no leading or trailing blank lines."""
    text = unicodedata.normalize("NFC", raw.replace(_ZERO_WIDTH_NO_BREAK, ""))
    text = _LINE_BREAKS.sub("\n", text)
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
    return canonical_text(PARAGRAPH_SEPARATOR.join(p.strip() for p in paragraphs))


def canonical_line(raw: str) -> str:
    """One-line text (title, caption, credit): NFC, every run of whitespace one space, stripped."""
    text = unicodedata.normalize("NFC", raw.replace(_ZERO_WIDTH_NO_BREAK, ""))
    return _INLINE_SPACE.sub(" ", text).strip()


def content_hash(title: str, body: str) -> str:
    """Identity of an article's text for de-duplication: SHA-256 of canonical title and body."""
    digest = hashlib.sha256()
    digest.update(canonical_line(title).encode())
    digest.update(b"\x00")
    digest.update(canonical_text(body).encode())
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
        # A "relative" URL with control characters is how "java\x01script:" slips past the
        # scheme check (old browsers dropped them): such a URL is removed, not kept.
        url_relative=lambda url: None if re.search(r"[\x00-\x1f\x7f]", url) else url,
    ).strip()


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: every tag (and script/style content) removed, entities
    decoded. The result is text, escaped again wherever it is rendered."""
    return canonical_line(unescape(nh3.clean(html, tags=set())))
