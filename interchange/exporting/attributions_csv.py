"""The attributions table: CSV with one row per attribution (who said what, and how), the unit a
news desk thinks in; columns in docs/formats/exports.md.

Where the annotations CSV (csv.py) spreads an attribution over the rows of its claim, source
and cue, this table gives it one row: the source's text (or "(implicit source)"), its registry
entry, the cue, the claim (every fragment of its content, joined by " … "), the article, the
offsets of each span and the claim's review status. The ids in the last columns join it to the
annotations CSV. Captions are numbered as the article page numbers them, from 1
(`records.caption_number`).

The same rules as the annotations CSV, from the same helpers: RFC 4180 with CR LF, UTF-8, a
byte-order mark when `bom=True`, and formula injection neutralised in every text cell
(`csv.safe`). Streamed: the header, then one chunk per article that has attributions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .csv import SEPARATOR, row_writer, safe
from .records import IMPLICIT_SOURCE, AnnotationData, ArticleData, caption_number, place

COLUMNS = (
    "article_id",
    "external_id",
    "article_title",
    "source",
    "registry_entry",
    "cue",
    "claim",
    "status",
    "author",
    "claim_target",
    "claim_caption",
    "claim_start",
    "claim_end",
    "content_offsets",
    "source_target",
    "source_caption",
    "source_start",
    "source_end",
    "cue_target",
    "cue_caption",
    "cue_start",
    "cue_end",
    "claim_id",
    "source_id",
    "cue_id",
)
FRAGMENT_JOINER = " … "  # between the fragments of a content in the `claim` cell
_NO_SPAN: tuple[str, str | int, str | int, str | int] = ("", "", "", "")


def write(
    articles: Iterable[ArticleData], *, bom: bool = False, **_options: object
) -> Iterator[str]:
    """The header, then the rows of each article as one chunk. `bom` starts the output with
    U+FEFF. Other options are ignored."""
    writer = row_writer()
    yield ("\ufeff" if bom else "") + writer.writerow(COLUMNS)
    for article in articles:
        if article.attributions:
            yield "".join(writer.writerow(row) for row in article_rows(article))


def article_rows(article: ArticleData) -> Iterator[list[object]]:
    """One row per attribution of `article`, in the records' order (by claim, then source,
    then cue: native.md's order)."""
    spans = {a.client_id: a for a in article.annotations}
    article_id = article.id
    external_id = safe(article.external_id)
    title = safe(article.title)
    for link in article.attributions:
        claim = spans[link.claim]
        content = [claim, *(spans[f] for f in link.fragments)]
        source = spans[link.source_span] if link.source_span is not None else None
        cue = spans[link.cue] if link.cue is not None else None
        if source is not None:
            source_text = source.quote
        else:
            source_text = IMPLICIT_SOURCE if link.implicit_source else ""
        entries = dict.fromkeys(
            e for e in (source.source if source is not None else None, link.source) if e
        )
        yield [
            article_id,
            external_id,
            title,
            safe(source_text),
            safe(SEPARATOR.join(entries)),
            safe(cue.quote if cue is not None else ""),
            safe(FRAGMENT_JOINER.join(part.quote for part in content)),
            claim.status,
            safe(link.author),
            *_where(claim),
            _offsets(claim, content),
            *_where(source),
            *_where(cue),
            claim.client_id,
            source.client_id if source is not None else "",
            cue.client_id if cue is not None else "",
        ]


def _where(span: AnnotationData | None) -> tuple[str, str | int, str | int, str | int]:
    """target, caption number, start, end of a span; four empty cells when there is none."""
    if span is None:
        return _NO_SPAN
    return (span.target, caption_number(span.caption), span.start, span.end)


def _offsets(claim: AnnotationData, content: list[AnnotationData]) -> str:
    """Every fragment of the content as "start-end", separated by "; "; a fragment in another
    text than the claim's is prefixed with where it is ("caption 2:10-24")."""
    return "; ".join(
        f"{span.start}-{span.end}"
        if (span.target, span.caption) == (claim.target, claim.caption)
        else f"{place(span)}:{span.start}-{span.end}"
        for span in content
    )
