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

Permissions are the callers' job, as with annotations.services: they check
`suggestions.review_suggestion` (`can_review`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

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


def accept(suggestion: Suggestion, user: User, *, revision: int | None = None) -> Attribution:
    """Accept a pending suggestion: its annotations and attribution, authored by `user`, in one
    transaction with the claim. `revision`, when given, is the article revision the editor saw.
    Raises SuggestionError (and writes nothing) when it cannot be accepted."""
    with transaction.atomic():
        _claim(suggestion, Suggestion.Status.ACCEPTED, user)
        # Locked while the spans are cut, so the text cannot change in between.
        article = Article.objects.select_for_update().get(pk=suggestion.article_id)
        if revision is not None and revision != article.revision:
            raise SuggestionError(
                "stale", "The article has changed since the page was loaded: reload it."
            )
        caption = (
            ImageCaption.objects.get(pk=suggestion.caption_id) if suggestion.caption_id else None
        )
        text = text_of(article, suggestion.target, caption)
        key = target_key(suggestion.target, suggestion.caption_id)
        source, content = spans(suggestion.source_spans), spans(suggestion.content_spans)
        start, end = (int(x) for x in suggestion.cue_span)
        if fingerprint(key, text, source, (start, end), content) != suggestion.fingerprint:
            raise SuggestionError(
                "text_changed",
                "The text has changed since this was suggested: its spans no longer cut the "
                "same words. Run the suggestions again.",
            )
        made = _Spans(article, suggestion.target, caption, text, user)
        sources = made.get(Tag.Role.SOURCE, source, entry=suggestion.source_entry)
        cue = made.get(Tag.Role.CUE, [(start, end)])[0]
        claims = made.get(Tag.Role.CLAIM, sorted(content))  # the first in the text is `claim`
        attribution = _attribution(
            claims, sources[0] if sources else None, cue, suggestion.source_entry, user
        )
        Suggestion.objects.filter(pk=suggestion.pk).update(attribution=attribution)
        suggestion.attribution = attribution
        if article.status == Article.Status.NEW:
            Article.objects.filter(pk=article.pk, status=Article.Status.NEW).update(
                status=Article.Status.IN_ANNOTATION
            )
    return attribution


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
    ) -> None:
        self.article, self.target, self.caption, self.text = article, target, caption, text
        self.author = author
        tags: dict[str, Tag] = {}
        for tag in Tag.objects.filter(role__in=[r.value for r in _ROLES]).order_by(
            "position", "name", "id"
        ):
            tags.setdefault(tag.role, tag)
        missing = [role.label for role in _ROLES if role.value not in tags]
        if missing:
            raise SuggestionError(
                "no_tag", f"No tag has the role {', '.join(missing)}: add one in the admin first."
            )
        self.tags = tags

    def get(
        self, role: Tag.Role, wanted: Sequence[Span], *, entry: Source | None = None
    ) -> list[Annotation]:
        if not wanted:
            return []
        existing = {
            (a.start, a.end): a
            for a in Annotation.objects.filter(
                article=self.article,
                target=self.target,
                caption=self.caption,
                tag__role=role,
                start__in=[start for start, _ in wanted],
            ).order_by("id")
        }
        found: list[Annotation] = []
        for start, end in wanted:
            annotation = existing.get((start, end))
            if annotation is None:
                annotation = self._new(role, start, end, entry)
                existing[(start, end)] = annotation
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
        annotation.save()
        return annotation


_ROLES = (Tag.Role.SOURCE, Tag.Role.CUE, Tag.Role.CLAIM)


def _attribution(
    claims: list[Annotation],
    source_span: Annotation | None,
    cue: Annotation,
    entry: Source | None,
    author: User,
) -> Attribution:
    """The attribution of these spans: an identical one no suggestion made yet (an editor
    marked the same by hand) is reused, else a new one."""
    claim, rest = claims[0], claims[1:]
    identical = Attribution.objects.filter(
        claim=claim, cue=cue, source_span=source_span, source_entry=entry, suggestion__isnull=True
    ).prefetch_related("fragments")
    for attribution in identical:
        if {f.pk for f in attribution.fragments.all()} == {f.pk for f in rest}:
            return attribution
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
    return attribution
