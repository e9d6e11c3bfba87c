"""BBC Citron's JSON (github.com/bbc/citron, docs/data_format.md) as candidates.

One document is an object with `quotes`: each quote has a `cue` span, `sources` (spans, may be
empty), `contents` (one or more spans), optionally `coreferences` (spans) and `confidence`
(Citron's extractor writes it as a string, "0.8712"). A span is {"start", "end", "text"}:
character offsets, end exclusive. Citron's annotation format also carries the document's
`text`; the extractor's output does not, and carries `source` ({"application":
"citron-extractor", "model:": "<model timestamp>"} — the key has that colon).

Coreferences: in Citron's annotation format `sources` are the source spans and `coreferences`
the names they refer to. The extractor swaps the two when it resolved a source (Quote.to_json
writes the resolved name under `sources` and the span in the sentence, a pronoun say, under
`coreferences`). Our convention marks the source as written and keeps the name apart, so for
extractor output (recognised by its `source.application`) the source spans are `coreferences`
when there are any, and `sources` give the name; otherwise the other way round.

Which article (our addition, since Citron's own files do not say): a document's
`article_id` (our id) or `external_id`; else its `text`, matched against article bodies; else
`name`, the file's name without its extension (an external id, else our id).

Origin: "citron" (or --model); version: the extractor's model timestamp, if given.
"""

from __future__ import annotations

from typing import Any

from .records import (
    ArticleRef,
    Candidate,
    ExternalDoc,
    ItemError,
    Run,
    SpanClaim,
    kind,
    read_list,
    read_name,
    read_object,
    read_offset,
    read_score,
    read_span,
)

ORIGIN = "citron"
EXTRACTOR = "citron-extractor"
RULE = "citron quote"


def parse(
    data: dict[str, Any],
    *,
    file: str,
    label: str,
    name: str | None = None,
    default_confidence: float = 0.5,
) -> ExternalDoc:
    """One Citron document as an ExternalDoc with one run; problems per quote and field."""
    doc = ExternalDoc(file=file, label=label, ref=ArticleRef(name=name))
    try:
        doc.ref = _article_ref(data, name)
        text = data.get("text")
        if text is not None and not isinstance(text, str):
            raise ItemError("text", f"expected a string, not {kind(text)}")
        doc.text = text
        origin, version, extractor = _source(data.get("source"))
        quotes = read_list(data.get("quotes"), "quotes")
    except ItemError as error:
        doc.problem(label, error.field, error.message)
        return doc
    run = Run(origin, version)
    doc.runs.append(run)
    for index, quote in enumerate(quotes, start=1):
        item = f"{label}, quote {index}"
        try:
            run.candidates.append(_candidate(quote, item, extractor, default_confidence))
        except ItemError as error:
            doc.problem(item, error.field, error.message)
    return doc


def _article_ref(data: dict[str, Any], name: str | None) -> ArticleRef:
    article_id = data.get("article_id")
    if article_id is not None:
        if isinstance(article_id, str) and article_id.strip().isdigit():
            article_id = int(article_id)
        article_id = read_offset(article_id, "article_id")
    external_id = data.get("external_id")
    if external_id is not None:
        external_id = read_name(external_id, "external_id") or None
    return ArticleRef(article_id, external_id, name)


def _source(value: object) -> tuple[str, str, bool]:
    """(origin, version, written by Citron's extractor) from the document's `source`."""
    if value is None:
        return ORIGIN, "", False
    source = read_object(value, "source")
    model = source.get("model:", source.get("model"))
    version = read_name(model, "source.model") if model is not None else ""
    return ORIGIN, version, source.get("application") == EXTRACTOR


def _candidate(value: object, item: str, extractor: bool, default_confidence: float) -> Candidate:
    quote = read_object(value, "")
    cue = read_span(quote.get("cue"), "cue")
    if "sources" not in quote:
        raise ItemError("sources", "missing (an empty array when the source is implicit)")
    sources = _spans(quote["sources"], "sources")
    contents = _spans(quote.get("contents"), "contents")
    if not contents:
        raise ItemError("contents", "at least one span is needed")
    references = _spans(quote.get("coreferences") or [], "coreferences")
    if extractor and references:
        sources, references = references, sources
    confidence = read_score(quote.get("confidence"), "confidence")
    quote_id = quote.get("id")
    return Candidate(
        item=f"{item} (id {quote_id!r})" if isinstance(quote_id, str | int) else item,
        source=tuple(sources),
        cue=cue,
        content=tuple(sorted(contents, key=lambda span: span.start)),
        confidence=default_confidence if confidence is None else confidence,
        source_name=", ".join(span.text for span in references if span.text),
        rule=RULE,
    )


def _spans(value: object, field: str) -> list[SpanClaim]:
    return [read_span(span, f"{field}[{i}]") for i, span in enumerate(read_list(value, field))]
