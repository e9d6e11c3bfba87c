"""Writes that touch several models. Single-row behaviour lives on the models."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.content import canonical_line
from articles.models import Article, ImageCaption

from .models import Annotation, Attribution, Source, SourceAlias, Tag, normalise_alias

if TYPE_CHECKING:
    from django.contrib.auth.models import User


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
        return existing, False
    return annotation, True


@transaction.atomic
def resolve_source(
    annotation: Annotation, source: Source, *, remember_alias: bool = True
) -> Annotation:
    """Point a Source span at a registry entry and remember its words as an alias of that entry,
    so the next "the monitor" is suggested the same way."""
    annotation.source_entry = source
    annotation.save(update_fields=["source_entry", "updated"])
    if remember_alias and normalise_alias(annotation.quote) != normalise_alias(source.name):
        SourceAlias.objects.get_or_create(
            source=source,
            normalised=normalise_alias(annotation.quote),
            defaults={"alias": annotation.quote},
        )
    return annotation


@transaction.atomic
def create_source_and_resolve(annotation: Annotation, *, name: str, kind: str) -> Source:
    source, _ = Source.objects.get_or_create(name=canonical_line(name), defaults={"kind": kind})
    resolve_source(annotation, source)
    return source


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
