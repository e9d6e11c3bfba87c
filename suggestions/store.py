"""Writing suggestions for an article: the one path every origin takes (this project's rules,
another tool's pre-annotations), so the rules of issue 9 hold for all of them:

- a run replaces the origin's unreviewed suggestions on that text, never an accepted annotation;
- a suggestion an editor rejected (or accepted) is never offered again: its fingerprint (spans
  and the text they cut, suggestions.models.fingerprint) is remembered by the rejected row;
- the same suggestion from two origins is stored once (one row per article and fingerprint);
- spans are checked against the text before anything is written: out of range, empty, or a
  cue/content missing, the proposal is refused with the reason, and nothing of it is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from annotations.models import Annotation, Source, target_key
from articles.models import Article, ImageCaption
from interchange.importing.saver.insert import Insert

from .models import Suggestion, fingerprint

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Proposal:
    """One proposed attribution over one text of an article, before it is stored."""

    source: tuple[Span, ...]
    cue: Span
    content: tuple[Span, ...]
    confidence: float
    rule: str = ""
    source_name: str = ""
    source_entry: Source | None = None


class ProposalError(ValueError):
    """A proposal whose spans do not fit the text; the message says which role and why."""


@dataclass(slots=True)
class Stored:
    """What a store call did, for reports and progress."""

    created: int = 0
    replaced: int = 0  # unreviewed suggestions of the origin removed before writing
    skipped_decided: int = 0  # proposals an editor already accepted or rejected
    skipped_duplicate: int = 0  # proposals already pending (another origin, or twice in a run)
    refused: list[str] = field(default_factory=list)


def check_proposal(text: str, proposal: Proposal) -> None:
    """Refuse spans outside the text, empty spans, a missing cue or content, a confidence
    outside [0, 1]."""
    if not proposal.content:
        raise ProposalError("content: at least one span is needed")
    if not 0 <= proposal.confidence <= 1:
        raise ProposalError(f"confidence: {proposal.confidence} is not in [0, 1]")
    n = len(text)
    for role, spans in (
        ("source", proposal.source),
        ("cue", (proposal.cue,)),
        ("content", proposal.content),
    ):
        for start, end in spans:
            if not 0 <= start < end <= n:
                raise ProposalError(f"{role}: span [{start}, {end}] is not within 0..{n}")


def text_of(article: Article, target: str, caption: ImageCaption | None) -> str:
    """The text a suggestion's offsets point into."""
    if target == Annotation.Target.CAPTION:
        if caption is None:
            raise ValueError("a caption suggestion needs its caption")
        return caption.text
    return article.title if target == Annotation.Target.TITLE else article.body


def store(
    article: Article,
    proposals: Iterable[Proposal],
    *,
    origin: str,
    origin_version: str = "",
    target: str = Annotation.Target.BODY,
    caption: ImageCaption | None = None,
    replace: bool = True,
) -> Stored:
    """Store proposals for one text of an article in one transaction.

    With `replace`, the origin's pending suggestions on that text go first (a re-run of the
    engine); without it (adding another tool's predictions), they stay. Two queries to read
    what is there, one bulk insert: cheap enough to run per article over a whole import.
    """
    return store_texts(
        [TextProposals(article, target, caption, proposals)],
        origin=origin,
        origin_version=origin_version,
        replace=replace,
    )


@dataclass(frozen=True, slots=True)
class TextProposals:
    """Proposals for one text of an article: what `store_texts` takes, one per text."""

    article: Article
    target: str
    caption: ImageCaption | None
    proposals: Iterable[Proposal]


def store_texts(
    texts: Sequence[TextProposals],
    *,
    origin: str,
    origin_version: str = "",
    replace: bool = True,
) -> Stored:
    """`store` for several texts, of one or several articles, in one transaction and with the
    same rules, in three statements whatever their number (one delete, one read, one insert):
    how suggestions.runs writes a group of articles at a time.

    Everything that needs no database (checks, fingerprints, the rows' values) is done before
    the transaction opens, and the rows go in as one raw insert (interchange's `Insert`, at a
    fraction of bulk_create's cost): on SQLite a writer locks the whole database, so the
    shorter the transaction, the less an editor's save can wait behind it."""
    result = Stored()
    if not texts:
        return result
    insert = _insert()
    now = insert.prepare("created", timezone.now())
    candidates: dict[tuple[int, str], tuple[object, ...]] = {}
    for item in texts:
        article, target, caption = item.article, item.target, item.caption
        text = text_of(article, target, caption)
        key = target_key(target, caption.pk if caption else None)
        for proposal in item.proposals:
            try:
                check_proposal(text, proposal)
            except ProposalError as error:
                result.refused.append(str(error))
                continue
            mark = fingerprint(key, text, proposal.source, proposal.cue, proposal.content)
            if (article.pk, mark) in candidates:
                result.skipped_duplicate += 1
                continue
            entry = proposal.source_entry
            candidates[(article.pk, mark)] = (
                article.pk,
                target,
                caption.pk if caption else None,
                insert.prepare("source_spans", [list(span) for span in proposal.source]),
                insert.prepare("cue_span", list(proposal.cue)),
                insert.prepare("content_spans", [list(span) for span in proposal.content]),
                proposal.source_name[:300],
                entry.pk if entry else None,
                origin,
                origin_version,
                proposal.rule[:100],
                proposal.confidence,
                mark,
                Suggestion.Status.PENDING.value,
                now,
            )
    with transaction.atomic():
        # By article first: the OR of texts alone would make SQLite scan the whole table.
        there = Suggestion.objects.filter(article_id__in={item.article.pk for item in texts})
        if replace:
            chosen = Q()
            for item in texts:
                chosen |= Q(article=item.article, target=item.target, caption=item.caption)
            mine = there.filter(chosen, origin=origin, status=Suggestion.Status.PENDING)
            result.replaced, _ = mine.delete()
        rows = []
        # Unordered: the model's ordering would join captions for nothing.
        known = dict(
            ((article_id, mark), status)
            for article_id, mark, status in there.order_by().values_list(
                "article_id", "fingerprint", "status"
            )
        )
        for ident, row in candidates.items():
            status = known.get(ident)
            if status is None:
                rows.append(row)
            elif status == Suggestion.Status.PENDING:
                result.skipped_duplicate += 1
            else:
                result.skipped_decided += 1
        if rows:
            insert.without_keys(rows)
    result.created = len(rows)
    return result


# The columns store_texts writes, in the order of its rows' values.
_COLUMNS = (
    "article",
    "target",
    "caption",
    "source_spans",
    "cue_span",
    "content_spans",
    "source_name",
    "source_entry",
    "origin",
    "origin_version",
    "rule",
    "confidence",
    "fingerprint",
    "status",
    "created",
)


def _insert() -> Insert:
    """A fresh inserter per write: an Insert holds the connection it was made with, so one kept
    for the process would write through another thread's connection (the live server's, in
    the browser tests) and meet SQLite's table locks. Making one costs a few string joins."""
    return Insert(Suggestion, _COLUMNS)


def spans(values: Sequence[Sequence[int]]) -> tuple[Span, ...]:
    """Stored JSON spans back as tuples."""
    return tuple((int(s), int(e)) for s, e in values)
