"""Writes that touch several models. Single-row behaviour lives on the models."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from articles.content import canonical_line
from articles.models import Article, ImageCaption

from . import aliases
from .anchoring import clip
from .models import Annotation, Attribution, Source, SourceAlias, Tag, normalise_alias

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


def create_annotation(
    *,
    article: Article,
    author: User,
    client_id: uuid.UUID,
    target: str,
    caption: ImageCaption | None,
    start: int,
    end: int,
    quote: str,
    tag: Tag,
    note: str = "",
) -> tuple[Annotation, bool]:
    """Create a span, or return the one already saved under the same client id.

    Returns (annotation, created). The span is checked against the server's text; an invalid one
    raises django.core.exceptions.ValidationError and nothing is written. The first span moves
    a new article into annotation."""
    existing = Annotation.all_objects.filter(client_id=client_id).first()
    if existing is not None:
        check_replay(existing, article, author, target, caption, start, end, tag, quote)
        return existing, False
    text = caption.text if caption is not None else article.target_text(target)
    annotation = Annotation.cut_from(
        text,
        start,
        end,
        client_id=client_id,
        article=article,
        target=target,
        caption=caption,
        tag=tag,
        note=note,
        author=author,
    )
    annotation.verify(text, client_quote=quote)
    try:
        with transaction.atomic():
            annotation.save()
            if article.status == Article.Status.NEW:
                Article.objects.filter(pk=article.pk, status=Article.Status.NEW).update(
                    status=Article.Status.IN_ANNOTATION
                )
    except IntegrityError:
        # Two copies of the same request raced: the other one won; answer with its result.
        existing = Annotation.all_objects.filter(client_id=client_id).first()
        if existing is None:
            raise
        check_replay(existing, article, author, target, caption, start, end, tag, quote)
        return existing, False
    return annotation, True


class ReplayMismatch(Exception):
    """A client id already saved with other words or another tag (issue 11): the browser's
    retry must send exactly what it sent first, so this is a bug or a forged request."""


def check_replay(
    existing: Annotation,
    article: Article,
    author: User,
    target: str,
    caption: ImageCaption | None,
    start: int,
    end: int,
    tag: Tag,
    quote: str,
) -> None:
    """A repeated save is idempotent only when it is the same save: same place, words and tag.
    Raises ReplayMismatch otherwise. (Someone else's span under that id is the caller's to
    refuse: it is not this user's save at all.)"""
    if existing.article_id != article.pk or existing.author_id != author.pk:
        return
    same = (
        existing.target == target
        and existing.caption_id == (caption.pk if caption is not None else None)
        and (existing.start, existing.end) == (start, end)
        and existing.tag_id == tag.pk
        and (not quote or existing.quote == quote)
    )
    if not same:
        raise ReplayMismatch("That save id was used for other words: nothing was saved.")


@transaction.atomic
def resolve_source(
    annotation: Annotation, source: Source, *, confirm_by: User | None = None
) -> SourceAlias | None:
    """Point a Source span at a registry entry. Its words are recorded as a candidate alias of
    the entry when they could be one (annotations.aliases: never a pronoun or a bare generic
    word) and confirmed when `confirm_by` (the editor who ticked "remember as alias") is given
    and the words name someone; a generic description stays a candidate for an admin. Only a
    confirmed alias matches in another article. Returns the alias, or None when none applies."""
    annotation.source_entry = source
    annotation.save(update_fields=["source_entry", "updated"])
    words = canonical_line(annotation.quote)
    normalised = normalise_alias(words)
    standing = aliases.standing(words)
    if standing == aliases.Standing.NEVER or normalised == normalise_alias(source.name):
        return None
    alias, _ = SourceAlias.objects.get_or_create(
        source=source, normalised=normalised, defaults={"alias": words}
    )
    if confirm_by is not None and standing == aliases.Standing.NAME and not alias.confirmed:
        alias.mark_confirmed(confirm_by)
        alias.save(update_fields=["confirmed", "confirmed_by", "confirmed_at"])
    return alias


@transaction.atomic
def create_source_and_resolve(
    annotation: Annotation, *, name: str, kind: str, confirm_by: User | None = None
) -> Source:
    source, _ = Source.objects.get_or_create(name=canonical_line(name), defaults={"kind": kind})
    resolve_source(annotation, source, confirm_by=confirm_by)
    return source


def retag_refusal(annotation: Annotation, user: User | AnonymousUser) -> str:
    """Why `user` may not give `annotation` its new tag (already set, not saved), or "": the
    retag would drop an attribution someone else made (`drop_mismatched_links`). Reviewers and
    admins (annotations.change_any_annotation) may: they correct anyone's work, and their
    corrections are reviewed in the history; an editor is told whose attribution stands in the
    way and keeps the tag until that link is removed."""
    if user.has_perm("annotations.change_any_annotation"):
        return ""
    role = annotation.tag.role
    dropped = Q(pk__in=[])
    if role != Tag.Role.CLAIM:
        dropped |= Q(claim=annotation) | Q(fragments=annotation)
    if role != Tag.Role.SOURCE:
        dropped |= Q(source_span=annotation)
    if role != Tag.Role.CUE:
        dropped |= Q(cue=annotation)
    other = (
        Attribution.objects.filter(dropped)
        .exclude(author_id=user.pk)
        .select_related("claim", "author")
        .first()
    )
    if other is None:
        return ""
    return (
        f"Not retagged: this span is part of the attribution of “{clip(other.claim.quote, 60)}” "
        f"that {other.author} made, which the new tag would undo. Ask them or a reviewer."
    )


def drop_mismatched_links(annotation: Annotation) -> None:
    """After a span's tag changed: drop the links that no longer fit its role (links only make
    sense between claims, sources and cues) rather than keep an attribution that says
    nonsense."""
    role = annotation.tag.role
    if role != Tag.Role.CLAIM:
        annotation.attributions.all().delete()
        annotation.continued_attributions.clear()  # no longer a content fragment either
    if role != Tag.Role.SOURCE:
        annotation.cited_by.all().delete()
    if role != Tag.Role.CUE:
        annotation.cue_for.update(cue=None)


def add_fragment(attribution: Attribution, span: Annotation) -> None:
    """Add a further content fragment to an attribution (a quotation interrupted by its cue).
    Refused with ValidationError when `span` cannot be one (`Attribution.fragment_problem`);
    adding one already there changes nothing."""
    problem = Attribution.fragment_problem(attribution.claim, span)
    if problem is not None:
        raise ValidationError({"fragment": problem})
    attribution.fragments.add(span)


def remove_fragment(attribution: Attribution, span: Annotation) -> None:
    """Take a fragment out of an attribution; the span itself stays, as a Claim of its own."""
    attribution.fragments.remove(span)


def attribute(
    *,
    claim: Annotation | None,
    source: Annotation | None,
    cue: Annotation | None,
    attribution: Attribution | None,
    author: User,
) -> Attribution | None:
    """The one-flow attribution (issue 10): link the pieces an editor has marked so far. Nothing
    is written until there is a claim and a source (an attribution needs a source: a cue marked
    before it waits in the page); then the attribution is made, or `attribution` (the flow's own,
    made by an earlier step) gets the source and cue. A repeated request with no attribution id
    (its first answer lost) finds the claim's attribution to that source instead of making a
    second one. Raises ValidationError (nothing written) when a piece does not fit
    (`Attribution.clean`). Run it in the caller's transaction when a span was just saved for it,
    so a refused link leaves no half-made span."""
    if claim is None or source is None:
        return None
    if attribution is None:
        attribution = claim.attributions.filter(source_span=source).first()
    if attribution is None:
        attribution = Attribution(claim=claim, author=author)
    if attribution.claim_id != claim.pk:
        raise ValidationError("That attribution belongs to another claim.")
    attribution.source_span = source
    attribution.source_entry = None
    attribution.implicit_source = False
    if cue is not None:
        attribution.cue = cue
    attribution.clean()
    with transaction.atomic():
        attribution.save()
    return attribution
