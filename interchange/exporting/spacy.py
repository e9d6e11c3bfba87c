"""spaCy DocBin: the `.spacy` file that `spacy train` and `DocBin().from_bytes` read.

One Doc per target text of each article, in reading order: its title, each caption, its body
(texts without spans too: they are the negative examples a span categoriser learns from).
Because a Doc's text is exactly the target's canonical text, a span's `start_char`/`end_char`
are Newsroom's own offsets (code points: spaCy, like Newsroom, slices Python strings).

Spans go into `doc.spans["sc"]` (spaCy's default key for the span categoriser; overlapping and
nested spans are allowed there), labelled with the tag's name, with `span.id_` = the
annotation's client id and, for a Source span resolved to the registry, `span.kb_id_` = the
entry's name. `doc.user_data["newsroom"]` says which article and text the Doc is, and carries
each span's note, author and review status, the attributions whose claim is in this text, and
the spans that did not align with tokens.

A span whose ends fall inside a token (the tokenizer is `spacy.blank(lang)` unless an `nlp` is
given) has no exact Span: it is widened to the tokens it touches (`alignment_mode="expand"`),
kept, and reported in the Doc's user data and as a line in `report`. Nothing is dropped
silently.

A DocBin is one compressed msgpack document: nothing of it can be sent before the last article
is read, so it is built in memory and yielded once, at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..native import ATTRIBUTION, as_object
from .records import AnnotationData, ArticleData, note_text, one_line, place

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

SPANS_KEY = "sc"
USER_DATA_KEY = "newsroom"


def write(
    articles: Iterable[ArticleData],
    *,
    lang: str = "en",
    nlp: Language | None = None,
    report: list[str] | None = None,
    spans_key: str = SPANS_KEY,
    **_options: object,
) -> Iterator[bytes]:
    """The DocBin's bytes, in one chunk.

    `report`, when given, receives one line per span that does not align with the tokens
    (kept, widened to whole tokens) and per span that could not be kept at all (one made only
    of whitespace between tokens). Other options are ignored."""
    import spacy  # imported here: loading spaCy takes a second, and only this format needs it
    from spacy.tokens import DocBin

    nlp = nlp or spacy.blank(lang)
    bin_ = DocBin(store_user_data=True)
    for article in articles:
        for doc in docs(article, nlp, report, spans_key):
            bin_.add(doc)
    yield bin_.to_bytes()


def docs(
    article: ArticleData, nlp: Language, report: list[str] | None = None, spans_key: str = SPANS_KEY
) -> Iterator[Doc]:
    """The article's Docs: title, captions in order, body."""
    by_text: dict[tuple[str, int | None], list[AnnotationData]] = {}
    for span in article.annotations:
        by_text.setdefault((span.target, span.caption), []).append(span)
    home: dict[str, tuple[str, int | None]] = {
        span.client_id: (span.target, span.caption) for span in article.annotations
    }
    links: dict[tuple[str, int | None], list[dict[str, Any]]] = {}
    for link in article.attributions:
        links.setdefault(home[link.claim], []).append(as_object(ATTRIBUTION, link))
    keys: list[tuple[str, int | None]] = [("title", None)]
    keys += [("caption", index) for index in range(len(article.captions))]
    keys.append(("body", None))
    for key in keys:
        yield doc_of(article, key, by_text.get(key, []), links.get(key, []), nlp, report, spans_key)


def doc_of(
    article: ArticleData,
    key: tuple[str, int | None],
    spans: list[AnnotationData],
    links: list[dict[str, Any]],
    nlp: Language,
    report: list[str] | None,
    spans_key: str,
) -> Doc:
    target, caption = key
    doc = nlp.make_doc(article.text(target, caption))
    kept = []
    misaligned: list[dict[str, Any]] = []
    for span in spans:
        options: dict[str, Any] = {
            "label": span.tag,
            "span_id": span.client_id,
            "kb_id": span.source or "",
        }
        made = doc.char_span(span.start, span.end, alignment_mode="strict", **options)
        if made is None:
            made = doc.char_span(span.start, span.end, alignment_mode="expand", **options)
            if made is not None and made.start == made.end:
                made = None
            misaligned.append(
                {
                    "id": span.client_id,
                    "tag": span.tag,
                    "start": span.start,
                    "end": span.end,
                    "quote": span.quote,
                    "kept_as": None
                    if made is None
                    else {"start": made.start_char, "end": made.end_char},
                }
            )
            if report is not None:
                report.append(misaligned_line(article, span, made))
        if made is not None:
            kept.append(made)
    doc.spans[spans_key] = kept
    doc.user_data[USER_DATA_KEY] = {
        "article": article.id,
        "external_id": article.external_id,
        "url": article.url,
        "title": article.title,
        "target": target,
        "caption": caption,
        "caption_id": None if caption is None else article.caption_ids[caption],
        "annotations": {
            span.client_id: {
                "note": note_text(span.note),
                "author": span.author,
                "status": span.status,
            }
            for span in spans
        },
        "attributions": links,
        "misaligned": misaligned,
    }
    return doc


def misaligned_line(article: ArticleData, span: AnnotationData, made: Span | None) -> str:
    head = (
        f"article {article.id}, {place(span)}: {span.tag} span {span.start}–{span.end} "
        f"“{one_line(span.quote)}” does not align with token boundaries"
    )
    if made is None:
        return f"{head}; it covers no token and is not in the DocBin"
    widened = f"{made.start_char}–{made.end_char} “{one_line(made.text)}”"
    return f"{head}; exported widened to {widened}"
