"""Accepting and rejecting suggestions: the one way a suggestion becomes annotations (issue 9).

Accepting makes ordinary annotations authored by the accepting editor: a Source span per source
span, a Cue span, a Claim span per content fragment (each with the first tag of its role,
`Tag.Role`), and one Attribution linking them (claim = the first fragment in the text, the
others as `fragments`; the first source span; the resolved registry entry; an implicit source
when there is neither). The suggestion row stays, ACCEPTED, linked to that attribution, so its
provenance (origin, version, rule, confidence) is kept. A span that already exists with the
same offsets and role is reused, not doubled; so is an identical attribution.

Both decisions are claimed with one conditional UPDATE (pending → decided), like the import
jobs (interchange/tasks.py): of two clicks, two tabs or two reviewers, exactly one wins and the
other gets `SuggestionError("decided")`; a second accept never makes a second attribution.
Accepting is refused, and nothing is written, when the text no longer holds what the spans cut
(the fingerprint is recomputed on the text as it is now), or when the caller says which article
revision the editor saw and it is not the current one.

An editor may adjust the spans first (issue 10's edit mode): `accept(..., edited=EditedSpans)`
cuts the annotations from the editor's spans instead, each verified against the text
(`check_edited`: in range, words not spaces, the browser's quote equal to the text's, a claim,
no overlapping parts) in place of the fingerprint, and marks the suggestion `edited`; the claim,
the lock and the revision check are the same.

Permissions are the callers' job, as with annotations.services: they check
`suggestions.review_suggestion` (`can_review`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from annotations import anchoring, workflow
from annotations.anchoring import clip
from annotations.models import Annotation, Attribution, Source, Tag, target_key
from articles.models import Article, ImageCaption

from .models import Suggestion, fingerprint
from .store import Span, spans, text_of

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, PermissionsMixin, User

REVIEW_PERMISSION = "suggestions.review_suggestion"


class SuggestionError(Exception):
    """Why a suggestion cannot be accepted or rejected: `code` for callers, a message for
    people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def can_review(user: PermissionsMixin | AnonymousUser) -> bool:
    """Whether the user may accept or reject suggestions."""
    return user.has_perm(REVIEW_PERMISSION)


def _claim(suggestion: Suggestion, status: Suggestion.Status, user: User) -> None:
    """Pending → `status`, decided by `user` now, in one conditional UPDATE; only one caller
    gets past it."""
    now = timezone.now()
    claimed = Suggestion.objects.filter(pk=suggestion.pk, status=Suggestion.Status.PENDING).update(
        status=status, decided_by=user, decided_at=now
    )
    if not claimed:
        current = Suggestion.objects.filter(pk=suggestion.pk).values_list("status", flat=True)
        state = current.first()
        said = Suggestion.Status(state).label.lower() if state else "deleted"
        raise SuggestionError("decided", f"This suggestion was already {said}.")
    suggestion.status, suggestion.decided_by, suggestion.decided_at = status, user, now


def reject(suggestion: Suggestion, user: User) -> None:
    """Reject a pending suggestion: it stays as a rejected row, so no run offers it again."""
    _claim(suggestion, Suggestion.Status.REJECTED, user)


@dataclass(slots=True)
class Made:
    """What accepting wrote anew (not what it reused): what an Undo takes away again."""

    suggestions: list[int] = field(default_factory=list)
    annotations: list[int] = field(default_factory=list)
    attributions: list[int] = field(default_factory=list)
    # Every span of the attributions accepted, made or reused: what the page redraws (not
    # part of Undo).
    spans: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A span an editor set in the page: code-point offsets into the text and the words the
    browser saw there (checked against the server's text, never trusted)."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class EditedSpans:
    """A suggestion's parts as the editor adjusted them before accepting: no source for an
    implicit one, one cue, one or more content fragments."""

    source: tuple[QuotedSpan, ...]
    cue: QuotedSpan
    content: tuple[QuotedSpan, ...]


def check_edited(text: str, edited: EditedSpans) -> None:
    """Refuse edited spans that would not make a valid attribution on `text`: a span outside
    the text, empty or only spaces, words that are not what the text holds there, no content,
    or two parts overlapping (the cue inside the claim, a source inside the cue, …)."""
    parts = [
        *(("source", s) for s in edited.source),
        ("cue", edited.cue),
        *(("claim", s) for s in edited.content),
    ]
    if not edited.content:
        raise SuggestionError("invalid", "An attribution needs a claim: keep at least one part.")
    for role, span in parts:
        try:
            anchoring.check_span(text, span.start, span.end, span.quote)
        except anchoring.AnchorError as exc:
            raise SuggestionError("invalid", f"The {role}: {exc}") from exc
        if not span.quote.strip():
            raise SuggestionError("invalid", f"The {role} holds no words.")
    ordered = sorted(parts, key=lambda part: (part[1].start, part[1].end))
    for (role_a, a), (role_b, b) in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            raise SuggestionError(
                "invalid",
                f"The {role_a} “{clip(a.quote, 40)}” and the {role_b} “{clip(b.quote, 40)}” "
                "overlap: parts of one attribution must not share words.",
            )


def accept(
    suggestion: Suggestion,
    user: User,
    *,
    revision: int | None = None,
    made: Made | None = None,
    edited: EditedSpans | None = None,
    tags: Iterable[Tag] | None = None,
) -> Attribution:
    """Accept a pending suggestion: its annotations and attribution, authored by `user`, in one
    transaction with the claim. `revision`, when given, is the article revision the editor saw;
    `made`, when given, collects the rows written anew; `edited`, when given, replaces the
    suggested spans with the editor's (verified against the text; the suggestion is marked
    `edited`, its own spans kept as provenance; removing every source makes the source implicit
    and drops the registry entry). `tags`, when given, are every tag (a caller that has read
    them already saves a query). Raises SuggestionError (and writes nothing) when it cannot be
    accepted."""
    with transaction.atomic():
        _claim(suggestion, Suggestion.Status.ACCEPTED, user)
        # Locked while the spans are cut, so the text cannot change in between.
        article = Article.objects.select_for_update().get(pk=suggestion.article_id)
        try:  # the workflow's lock, for every caller: page, accept-all, admin action
            workflow.ensure_editable(article.status, workflow.roles_for(user))
        except workflow.ArticleLocked as exc:
            raise SuggestionError("locked", exc.message) from exc
        if revision is not None and revision != article.revision:
            raise SuggestionError(
                "stale", "The article has changed since the page was loaded: reload it."
            )
        caption = (
            ImageCaption.objects.get(pk=suggestion.caption_id) if suggestion.caption_id else None
        )
        text = text_of(article, suggestion.target, caption)
        entry = suggestion.source_entry
        if edited is None:
            key = target_key(suggestion.target, suggestion.caption_id)
            source, content = spans(suggestion.source_spans), spans(suggestion.content_spans)
            cue_span = (int(suggestion.cue_span[0]), int(suggestion.cue_span[1]))
            if fingerprint(key, text, source, cue_span, content) != suggestion.fingerprint:
                raise SuggestionError(
                    "text_changed",
                    "The text has changed since this was suggested: its spans no longer cut "
                    "the same words. Run the suggestions again.",
                )
        else:  # the editor's spans, verified word for word instead of the fingerprint
            check_edited(text, edited)
            source = tuple((s.start, s.end) for s in edited.source)
            content = tuple((s.start, s.end) for s in edited.content)
            cue_span = (edited.cue.start, edited.cue.end)
            if not source:
                entry = None
        cutter = _Spans(article, suggestion.target, caption, text, user, tags)
        cutter.preload([*source, cue_span, *content])  # one query for the three roles
        sources = cutter.get(Tag.Role.SOURCE, source, entry=entry)
        (cue,) = cutter.get(Tag.Role.CUE, [cue_span])
        claims = cutter.get(Tag.Role.CLAIM, sorted(content))  # the first in the text is `claim`
        cutter.save_new()
        attribution, new = _attribution(
            claims,
            sources[0] if sources else None,
            cue,
            entry,
            user,
            all_new=bool(cutter.created) and claims[0].pk in cutter.created,
        )
        if made is not None:
            made.suggestions.append(suggestion.pk)
            made.annotations += cutter.created
            made.spans += [a.pk for a in (*sources[:1], cue, *claims)]
            if new:
                made.attributions.append(attribution.pk)
        Suggestion.objects.filter(pk=suggestion.pk).update(
            attribution=attribution, edited=edited is not None
        )
        suggestion.attribution, suggestion.edited = attribution, edited is not None
        if article.status == Article.Status.NEW:
            Article.objects.filter(pk=article.pk, status=Article.Status.NEW).update(
                status=Article.Status.IN_ANNOTATION
            )
    return attribution


@dataclass(slots=True)
class AcceptedAll:
    """What `accept_all` did: what it made (for Undo), and how many it could not accept."""

    made: Made
    refused: int = 0


def accept_all(
    article: Article, user: User, *, min_confidence: float, revision: int | None = None
) -> AcceptedAll:
    """Accept every pending suggestion of the article with at least `min_confidence`, each in
    its own transaction (one that cannot be accepted, e.g. decided meanwhile or its text
    changed, is counted and skipped, never undoing the others)."""
    result = AcceptedAll(Made())
    chosen = Suggestion.objects.filter(
        article=article, status=Suggestion.Status.PENDING, confidence__gte=min_confidence
    ).select_related("source_entry")
    for suggestion in chosen.order_by("target", "caption", "id"):
        try:
            accept(suggestion, user, revision=revision, made=result.made)
        except SuggestionError:
            result.refused += 1
    return result


def undo_accept(made: Made, user: User) -> int:
    """Undo what accepting wrote: the attributions and annotations made anew are deleted
    (an annotation some other attribution has come to use since stays) and the suggestions,
    still accepted by `user` with nothing else since, are pending again. Returns how many
    suggestions went back to pending."""
    with transaction.atomic():
        back = Suggestion.objects.filter(
            pk__in=made.suggestions, status=Suggestion.Status.ACCEPTED, decided_by=user
        ).update(
            status=Suggestion.Status.PENDING, decided_by=None, decided_at=None, attribution=None
        )
        Attribution.objects.filter(pk__in=made.attributions).delete()
        still_used = (
            Q(attributions__isnull=False)
            | Q(cited_by__isnull=False)
            | Q(cue_for__isnull=False)
            | Q(continued_attributions__isnull=False)
        )
        unused = Annotation.all_objects.filter(pk__in=made.annotations).exclude(still_used)
        unused.delete()
    return back


class _Spans:
    """The annotations an accepted suggestion needs on one text: the live span with the same
    offsets and role when there is one, else a new one with the role's first tag."""

    def __init__(
        self,
        article: Article,
        target: str,
        caption: ImageCaption | None,
        text: str,
        author: User,
        every_tag: Iterable[Tag] | None = None,
    ) -> None:
        self.article, self.target, self.caption, self.text = article, target, caption, text
        self.author = author
        if every_tag is None:
            every_tag = Tag.objects.filter(role__in=[r.value for r in _ROLES])
        tags: dict[str, Tag] = {}
        for tag in sorted(every_tag, key=lambda t: (t.position, t.name, t.pk)):
            tags.setdefault(tag.role, tag)
        missing = [role.label for role in _ROLES if role.value not in tags]
        if missing:
            raise SuggestionError(
                "no_tag", f"No tag has the role {', '.join(missing)}: add one in the admin first."
            )
        self.tags = tags
        self.created: list[int] = []
        self.unsaved: list[Annotation] = []
        self.existing: dict[tuple[str, int, int], Annotation] | None = None

    def preload(self, wanted: Sequence[Span]) -> None:
        """Read the live spans at these offsets, of every role, in one query (instead of one per
        role): accepting is on the editor's critical path (issue 10: ≤ 15 ms)."""
        self.existing = {}
        found = Annotation.objects.filter(
            article=self.article,
            target=self.target,
            caption=self.caption,
            start__in=sorted({start for start, _ in wanted}),
        ).select_related("tag")
        for a in found.order_by("-id"):  # the oldest wins: it is written last
            self.existing[(a.tag.role, a.start, a.end)] = a

    def get(
        self, role: Tag.Role, wanted: Sequence[Span], *, entry: Source | None = None
    ) -> list[Annotation]:
        if not wanted:
            return []
        if self.existing is None:
            self.preload(wanted)
        assert self.existing is not None
        existing = {
            (start, end): a
            for (tag_role, start, end), a in self.existing.items()
            if tag_role == role
        }
        found: list[Annotation] = []
        for start, end in wanted:
            annotation = existing.get((start, end))
            if annotation is None:
                annotation = self._new(role, start, end, entry)
                existing[(start, end)] = self.existing[(role, start, end)] = annotation
            found.append(annotation)
        return found

    def _new(self, role: Tag.Role, start: int, end: int, entry: Source | None) -> Annotation:
        fields: dict[str, Any] = {"source_entry": entry} if role == Tag.Role.SOURCE else {}
        annotation = Annotation.cut_from(
            self.text,
            start,
            end,
            article=self.article,
            target=self.target,
            caption=self.caption,
            tag=self.tags[role],
            author=self.author,
            **fields,
        )
        annotation.verify(self.text)
        self.unsaved.append(annotation)
        return annotation

    def save_new(self) -> None:
        """Write the spans `get` had to make, in one INSERT (their notes are empty, so
        `Annotation.save`'s sanitising has nothing to do)."""
        if self.unsaved:
            Annotation.objects.bulk_create(self.unsaved)
            self.created += [a.pk for a in self.unsaved]
            self.unsaved = []


_ROLES = (Tag.Role.SOURCE, Tag.Role.CUE, Tag.Role.CLAIM)


def _attribution(
    claims: list[Annotation],
    source_span: Annotation | None,
    cue: Annotation,
    entry: Source | None,
    author: User,
    *,
    all_new: bool = False,
) -> tuple[Attribution, bool]:
    """The attribution of these spans and whether it is new: an identical one no suggestion
    made yet (an editor marked the same by hand) is reused, else a new one. `all_new` (the
    claim was just made, so nothing can be attributed to it yet) skips looking."""
    claim, rest = claims[0], claims[1:]
    if not all_new:
        identical = Attribution.objects.filter(
            claim=claim,
            cue=cue,
            source_span=source_span,
            source_entry=entry,
            suggestion__isnull=True,
        ).prefetch_related("fragments")
        for attribution in identical:
            if {f.pk for f in attribution.fragments.all()} == {f.pk for f in rest}:
                return attribution, False
    attribution = Attribution.objects.create(
        claim=claim,
        source_span=source_span,
        source_entry=entry,
        implicit_source=source_span is None and entry is None,
        cue=cue,
        author=author,
    )
    if rest:
        attribution.fragments.add(*rest)
    return attribution, True
