"""Web pages saved from news sites ("Save page as…, HTML only"): one article per file.

Reading rules, all deliberate:

* The page is made inert by `articles.content.sanitize_page` (nh3) before anything is read
  from it. JSON-LD blocks, which that removes with the other scripts, are first read from the
  raw page as data (`json.loads`), never as markup.
* Main text: trafilatura's extraction of the sanitised page (paragraphs and subheadings in
  order; navigation, related links, share boxes, newsletter boxes and comments left out), with
  figures pruned beforehand so that captions never double as paragraphs. If trafilatura finds
  nothing, the paragraphs of the article container are taken. A heading repeating the title is
  dropped. Only prose counts as article text: a page whose text has no sentence of five words
  or more (a section front, a login page) is "no article text found".
* Metadata: what the page declares first (Open Graph, article:published_time, meta author,
  canonical link, JSON-LD, schema.org microdata), then the visible headline and byline, then
  trafilatura's guesses. Several authors read "A and B" / "A, B and C".
* Captions: each <figure> with a <figcaption>, and WordPress's .wp-caption boxes, outside
  navigation, asides, footers and related-story boxes. The credit is an element the page marks
  as one (class credit/copyright/photographer/…, <small>, <cite>), with labels such as
  "Photo:" and "©" removed; otherwise a trailing "(AP)" or "Photo: Name".
* Text nodes of the sanitised page are text and are kept as written (rendering escapes them).
  Strings taken from attributes, <title> or JSON-LD, where sites do put markup, go through
  `content.html_to_text`.

Over 400 lines: it is the one parser of one format, and its parts (text, metadata, captions,
credits) read the same sanitised tree with rules that refer to each other; split, each piece
would need the others' rules to be read.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from articles import content

from .plaintext import split_credit
from .records import ArticleRecord, CaptionRecord, RecordError

# trafilatura logs a warning for every page it gives up on; the RecordError says it better.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True
)
# A script element's content ends at the first "</script", exactly as an HTML tokenizer reads it.
_JSON_LD = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json\b[^>]*>(.*?)</script",
    re.IGNORECASE | re.DOTALL,
)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
}
_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_CAPTION_BOXES = f"//figure | //*[{_CLASS.format('wp-caption')}]"
# Containers whose figures and paragraphs are not the article's own.
_BOILERPLATE_TAGS = {"nav", "aside", "footer"}
_BOILERPLATE_CLASS = re.compile(
    r"related|recommend|teaser|promo|sidebar|widget|comment(?!ary)|newsletter|share|most-read|"
    r"popular|advert|cookie|subscribe",
    re.IGNORECASE,
)
# Page furniture inside an article container (for the fallback when trafilatura finds nothing).
_NOT_TEXT_CLASS = re.compile(r"byline|caption|credit|dateline|meta|tags|kicker", re.IGNORECASE)
_CREDIT_CLASS = re.compile(
    r"credit|copyright|photographer|attribution|byline|source|author", re.IGNORECASE
)
_CREDIT_LABEL = re.compile(
    r"^(?:(?:photo(?:graph)?s?|pictures?|images?|credits?|foto|source)\s*:\s*|©\s*|\(c\)\s*|"
    r"copyright\s+)+",
    re.IGNORECASE,
)
_TRAILING_PHOTO_CREDIT = re.compile(
    r"^(?P<text>.*\S)\s+(?:Photo(?:graph)?|Picture|Image|Credit)s?:\s*(?P<credit>[^.]+)$",
)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
_BY = re.compile(r"^(?:posted\s+)?by\s+", re.IGNORECASE)
# A line of page furniture above the text, and the names in it.
_INFO_LINE = re.compile(
    r"^by\s|\b(?:published|posted|updated|reporter|author|written by)\b\s*:?", re.IGNORECASE
)
_INFO_BYLINE = re.compile(
    r"(?:^by|\breporter\s*:|\bauthor\s*:|\bwritten by)\s*(?P<names>[^|•·\n]*[^|•·\n\s])",
    re.IGNORECASE,
)
_NAME_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|&)\s*", re.IGNORECASE)
# Line breaks in HTML source are white space; only <br> (trafilatura's <lb>) breaks a line.
_SOURCE_LINE_BREAK = re.compile(r"[\r\n]+")
# A sentence: five or more words, ending like one.
_PROSE = re.compile(r"(?:\S+\s+){4,}\S*[.!?…:;\"'”’»)\]]$")
# trafilatura's output elements that hold one paragraph each.
_BLOCKS = ("p", "head", "item", "quote", "code", "row")
_PAGE_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li")
_DATE_METAS = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
)


# A leading XML declaration and DOCTYPE, internal subset included ("<!DOCTYPE html [ <!ENTITY
# …> ]>"): an HTML tokenizer ends the doctype at the subset's first ">" and reads the rest, "]>",
# as text, which then pushes <title> and <meta> out of the head. Removed before sanitising.
_PROLOGUE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL
)


def parse(lines: Iterable[str], filename: str) -> Iterator[ArticleRecord | RecordError]:
    """Yield the page's article, or a RecordError at line 0 (the whole file)."""
    yield read_page("\n".join(lines), filename)


def warm_up() -> None:
    """Import what reading a page imports lazily (trafilatura and its helpers), by reading a
    small page: pages.PageReader's child does it before its memory limit is set."""
    read_page(
        "<html><head><title>Warm</title></head><body><article><h1>Warm</h1>"
        "<p>The child process reads one small page before it reads real ones.</p>"
        "</article></body></html>",
        "warm-up.html",
    )


def read_page(page: str, filename: str) -> ArticleRecord | RecordError:
    """The article of one saved web page, or why there is none."""
    linked_data = _linked_data(page)
    tree = _tree(content.sanitize_page(_PROLOGUE.sub("", page, count=1)))
    if tree is None:
        return RecordError(filename, 0, "no article text found")
    metas = _metas(tree)
    extracted = _trafilatura(tree)
    page_meta = _PageMeta(metas, linked_data, extracted)

    outlet = _outlet(page_meta)
    title = _title(tree, page_meta, outlet)
    outlet = outlet or _site_from_title_tag(tree, title)
    captions = _captions(tree)
    byline = _byline(tree, page_meta)
    paragraphs = _paragraphs(extracted.body if extracted is not None else None)
    if not paragraphs:
        paragraphs = _page_paragraphs(tree)
    unwanted = {title, byline, f"By {byline}"} | {c.text for c in captions}
    paragraphs = [p for p in paragraphs if p not in unwanted]
    info_lines, paragraphs = _split_info_lines(paragraphs)
    if not byline:
        byline = next((_byline_in(line) for line in info_lines if _byline_in(line)), "")
    if not any(_PROSE.search(line) for p in paragraphs for line in p.split("\n")):
        return RecordError(filename, 0, "no article text found")
    if not title:
        return RecordError(filename, 0, "article text found but no headline")
    return ArticleRecord(
        title=title,
        body=content.canonical_paragraphs(paragraphs),
        captions=captions,
        url=_url(tree, page_meta),
        outlet=outlet,
        byline=byline,
        published=_published(tree, page_meta),
        origin=f"{filename}:0",
    )


@dataclass(slots=True)
class _PageMeta:
    metas: dict[str, str]  # <meta> property/name/itemprop (lower case) -> first content
    linked_data: dict[str, Any]  # the JSON-LD article object, or {}
    extracted: Any  # trafilatura's Document, or None

    def meta(self, *names: str) -> str:
        for name in names:
            value = content.html_to_text(self.metas.get(name, ""))
            if value:
                return value
        return ""

    def guess(self, attribute: str) -> str:
        value = getattr(self.extracted, attribute, None) if self.extracted else None
        return content.html_to_text(value) if isinstance(value, str) else ""


def _tree(clean: str) -> lxml.html.HtmlElement | None:
    if not clean.strip():
        return None
    try:
        return lxml.html.document_fromstring(clean, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def _trafilatura(tree: lxml.html.HtmlElement) -> Any:
    """trafilatura's Document for the page (it works on a copy), or None."""
    # Imported here: it takes a tenth of a second, paid only when a page is read.
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=True,  # so that a paragraph made only of links can be dropped
            include_formatting=False,
            prune_xpath=_CAPTION_BOXES,
            # Only dates the page declares: htmldate's extensive search also reads dates out
            # of links to other stories.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None


# --- metadata ---------------------------------------------------------------------------------


def _metas(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        value = meta.get("content")
        if key and value and key.lower() not in found:
            found[key.lower()] = value
    return found


def _linked_data(page: str) -> dict[str, Any]:
    """The first article object of the page's JSON-LD blocks (searched through @graph)."""
    website: dict[str, Any] = {}
    for match in _JSON_LD.finditer(page):
        try:
            data = json.loads(match[1], strict=False)
        except ValueError:
            continue
        for node in _ld_nodes(data):
            declared = node.get("@type", "")
            declared = declared if isinstance(declared, list) else [declared]
            types = {t.lower() for t in declared if isinstance(t, str)}
            if types & _ARTICLE_TYPES:
                if website and "publisher" not in node:
                    node = {**node, "publisher": website}
                return node
            if "website" in types and not website:
                website = node
    return {"publisher": website} if website else {}


def _ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_nodes(data.get("@graph", []))


def _ld_text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return content.html_to_text(value) if isinstance(value, str) else ""


def _title(tree: lxml.html.HtmlElement, page: _PageMeta, outlet: str) -> str:
    candidates = [
        page.meta("og:title", "twitter:title"),
        _ld_text(page.linked_data.get("headline") or page.linked_data.get("name")),
        _first_text(tree, "//*[@itemprop='headline' and not(self::meta)]"),
        _first_text(tree, "//article//h1 | //main//h1"),
        page.guess("title"),
        _first_text(tree, "//h1"),  # after trafilatura's: sites put their logo in an <h1> too
        content.html_to_text(_first_text(tree, "//title")),
    ]
    for title in candidates:
        if title:
            return _without_site_name(title, outlet)
    return ""


def _without_site_name(title: str, outlet: str) -> str:
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and outlet and tail.casefold() == outlet.casefold():
            return head.strip()
    return title


def _byline(tree: lxml.html.HtmlElement, page: _PageMeta) -> str:
    meta_author = page.meta("author", "article:author", "dc.creator", "byl")
    if meta_author and not _is_url(meta_author):
        return _join_names(_split_names(_BY.sub("", meta_author)))
    authors = page.linked_data.get("author")
    names = [_ld_text(a) for a in (authors if isinstance(authors, list) else [authors])]
    names = [n for n in names if n and not _is_url(n)]
    if names:
        return _join_names(names)
    names = [
        _element_text(next(iter(e.xpath(".//*[@itemprop='name']")), e))
        for e in tree.xpath("//*[@itemprop='author' and not(self::meta)]")
    ]
    names = names or [_element_text(a) for a in tree.xpath("//a[@rel='author']")]
    names = [n for n in names if n]
    if names:
        return _join_names(names)
    byline = _first_text(tree, f"//*[{_CLASS.format('byline')}]")
    if byline:
        return _join_names(_split_names(_BY.sub("", byline)))
    return _join_names(_split_names(page.guess("author")))


def _split_names(names: str) -> list[str]:
    return [n for n in _NAME_SEPARATORS.split(names) if n]


def _join_names(names: list[str]) -> str:
    unique: list[str] = []
    for name in names:
        name = content.canonical_line(name)
        if name and name.casefold() not in {u.casefold() for u in unique}:
            unique.append(name)
    if len(unique) <= 2:
        return " and ".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def _outlet(page: _PageMeta) -> str:
    return (
        page.meta("og:site_name")
        or _ld_text(page.linked_data.get("publisher"))
        or page.meta("application-name", "publisher", "dc.publisher")
        or page.guess("sitename")
    )


def _site_from_title_tag(tree: lxml.html.HtmlElement, title: str) -> str:
    """ "Headline - Outlet" in <title>, when the headline part is the article's title."""
    title_tag = content.html_to_text(_first_text(tree, "//title"))
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title_tag.rpartition(separator)
        if found and title and head.strip().casefold() == title.casefold():
            return tail.strip()
    return ""


def _url(tree: lxml.html.HtmlElement, page: _PageMeta) -> str:
    main_entity = page.linked_data.get("mainEntityOfPage")
    candidates = [
        *(link.get("href", "") for link in tree.xpath("//link[@href]") if _is_canonical(link)),
        page.metas.get("og:url", ""),
        _ld_text(page.linked_data.get("url")),
        _ld_text(main_entity) if main_entity else "",
        page.guess("url"),
    ]
    for url in candidates:
        url = url.strip()
        if _is_url(url) and len(url) <= 2000:
            return url
    return ""


def _is_canonical(link: lxml.html.HtmlElement) -> bool:
    return "canonical" in (link.get("rel") or "").lower().split()


def _is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", value)


def _published(tree: lxml.html.HtmlElement, page: _PageMeta) -> datetime | None:
    candidates = [
        *(page.metas.get(name, "") for name in _DATE_METAS),
        _ld_text(page.linked_data.get("datePublished")),
        *(
            element.get("datetime") or element.get("content") or _element_text(element)
            for element in tree.xpath(
                "//*[@itemprop='datePublished' and not(self::meta)]"
                f" | //time[{_CLASS.format('published')}]"
                " | //article//time[@datetime]"
            )
        ),
        page.guess("date"),
    ]
    for value in candidates:
        if when := _parse_datetime(value):
            return when
    return None


def _parse_datetime(value: str) -> datetime | None:
    """ISO 8601 (what the metadata standards ask for), else RFC 2822 (what some CMSes write)."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


# --- text -------------------------------------------------------------------------------------


def _paragraphs(body: Any) -> list[str]:
    """The paragraphs of trafilatura's output tree, in order."""
    if body is None:
        return []
    paragraphs: list[str] = []
    for element in body.iter(*_BLOCKS):
        if any(True for _ in element.iterdescendants(*_BLOCKS)):
            continue  # a container: its own blocks come next
        if element.tag == "row":
            cells = [_element_text(cell) for cell in element.iter("cell")]
            paragraphs.append(" | ".join(c for c in cells if c))
        elif not _only_links(element):
            # Old pages separate paragraphs with <br><br>: a blank line splits the block.
            paragraphs.extend(_element_text(element, line_breaks=("lb",)).split("\n\n"))
    return [p for p in paragraphs if p]


def _split_info_lines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Lines such as "Reporter: Name | Published: 12/05/2018" that come before the first
    sentence: page furniture the extractor kept, not article text."""
    for index, paragraph in enumerate(paragraphs):
        if _PROSE.search(paragraph) or not _INFO_LINE.search(paragraph):
            return paragraphs[:index], paragraphs[index:]
    return paragraphs, []


def _byline_in(info_line: str) -> str:
    match = _INFO_BYLINE.search(info_line)
    return _join_names(_split_names(match["names"])) if match else ""


def _only_links(element: Any) -> bool:
    """ "Print | Send to a friend", "Related: …": a block whose words are all link text."""
    refs = list(element.iter("ref"))
    if not refs:
        return False
    outside = _element_text(element, skip=frozenset(refs))
    return not re.search(r"\w", outside)


def _page_paragraphs(tree: lxml.html.HtmlElement) -> list[str]:
    """Fallback: paragraphs of the article container, boilerplate and figures left out."""
    for xpath in ("//*[@itemprop='articleBody']", "//article", "//main", "//body"):
        containers = tree.xpath(xpath)
        if containers:
            break
    else:
        return []
    paragraphs = []
    for element in containers[0].iter(*_PAGE_BLOCKS):
        if (
            any(True for _ in element.iterdescendants(*_PAGE_BLOCKS))
            or _is_boilerplate(element, extra=("figure", "figcaption", "header"))
            or any(
                _NOT_TEXT_CLASS.search(e.get("class") or "") for e in (element, element.getparent())
            )
        ):
            continue
        paragraphs.extend(_element_text(element, line_breaks=("br",)).split("\n\n"))
    return [p for p in paragraphs if p]


def _is_boilerplate(element: lxml.html.HtmlElement, extra: tuple[str, ...] = ()) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in _BOILERPLATE_TAGS or ancestor.tag in extra:
            return True
        if _BOILERPLATE_CLASS.search(ancestor.get("class") or ""):
            return True
    return False


def _element_text(
    element: Any, *, line_breaks: tuple[str, ...] = (), skip: frozenset[Any] = frozenset()
) -> str:
    """Text of an element, `line_breaks` elements as new lines, `skip` subtrees left out; each
    line canonical, and several line breaks in a row one blank line."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag in line_breaks:
            parts.append("\n")
        elif node.text and node not in skip:
            parts.append(_SOURCE_LINE_BREAK.sub(" ", node.text))
        if node not in skip:
            for child in node:
                if isinstance(child.tag, str):
                    walk(child)
                    parts.append(" " if child.tag in ("p", "div", "li", "br") else "")
                if child.tail:
                    parts.append(_SOURCE_LINE_BREAK.sub(" ", child.tail))

    walk(element)
    lines = [content.canonical_line(line) for line in "".join(parts).split("\n")]
    return content.canonical_text("\n".join(lines))


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str:
    for element in tree.xpath(xpath):
        if text := _element_text(element):
            return text
    return ""


# --- captions ---------------------------------------------------------------------------------


def _captions(tree: lxml.html.HtmlElement) -> list[CaptionRecord]:
    captions: list[CaptionRecord] = []
    seen: set[tuple[str, str]] = set()
    for box in tree.xpath(_CAPTION_BOXES):
        if _is_boilerplate(box):
            continue
        if box.tag == "figure":
            found = box.xpath("./figcaption | ./*[not(self::figure)]//figcaption")
        else:
            found = box.xpath(f".//*[{_CLASS.format('wp-caption-text')}]")
        if not found:
            continue
        caption = _caption(found[0])
        key = (caption.text, caption.credit)
        if caption.text and key not in seen:
            seen.add(key)
            captions.append(caption)
    return captions


def _caption(element: lxml.html.HtmlElement) -> CaptionRecord:
    marked = [
        e
        for e in element.iterdescendants()
        if isinstance(e.tag, str)
        and (e.tag in ("small", "cite") or _CREDIT_CLASS.search(e.get("class") or ""))
    ]
    # Only the outermost marked elements: a credit span inside a <small> is one credit.
    credits = [e for e in marked if not any(a in marked for a in e.iterancestors())]
    if credits:
        text = _element_text(element, skip=frozenset(credits))
        credit = " ".join(_element_text(c) for c in credits)
        credit = _CREDIT_LABEL.sub("", credit).strip()
        if credit.startswith("(") and credit.endswith(")"):
            credit = credit[1:-1].strip()
        return CaptionRecord(text=text, credit=credit)
    text = _element_text(element)
    caption = split_credit(text)
    if not caption.credit and (match := _TRAILING_PHOTO_CREDIT.match(text)):
        caption = CaptionRecord(text=match["text"], credit=match["credit"].strip())
    return caption
