"""A native record's registry sources, annotations and attributions checked against the
article's canonical text and the database's configuration (docs/import.md, "Annotated
records").

The parser checked the types (validation/spans.py); this checks what needs the text and the
database: each quote equals the canonical text at its offsets (anchoring.check_span), the tag
exists, a registry source is in the registry or declared by the record, the author's username
is valid, the claim / source / cue roles of each attribution fit its spans' tags. It also makes
what the insert needs of each span: the id as the database takes it, prefix and suffix cut from
the text, the tag's key, the sanitised note.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, models

from annotations import anchoring
from annotations.models import TARGET_RANK, Annotation, Source, Tag
from articles import content

from ..records import (
    CANONICAL_UUID,
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    SourceRecord,
)
from .checks import ALIAS, ANNOTATION, SOURCE, aware, canonical_name
from .pending import Link, Span

_TITLE, _BODY, _CAPTION_TARGET = (str(t) for t in Annotation.Target)


def _reading_key(span: Span) -> tuple[int, int, int, int]:
    """A checked span's place in reading order (annotations.models.TARGET_RANK; a caption's
    index orders as its position does)."""
    caption = -1 if span.caption is None else span.caption
    return (TARGET_RANK[span.target], caption, span.start, -span.end)


_ANNOTATION_STATUSES = tuple(Annotation.Status.values)
_SOURCE_KINDS = tuple(Source.Kind.values)


class SpanChecker:
    """Checks the annotated part of records, one record at a time, holding what the checks
    read once per run: the tags, the registry's names (and those records declared since), the
    usernames found valid."""

    def __init__(self, user: User | None, registry: set[str]) -> None:
        self.user = user
        # Configuration, read once: a few rows, not growing with the file.
        self.tags = {t.name: (t.pk, t.role) for t in Tag.objects.only("name", "role")}
        self.tag_roles = {pk: role for pk, role in self.tags.values()}
        self.declared_sources: set[str] = set(registry)
        self.valid_usernames: set[str] = set()
        self.username_field = cast(
            "models.Field[Any, Any]",
            get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD),
        )
        self.native_uuid = connections[DEFAULT_DB_ALIAS].features.has_native_uuid_field

    def check(
        self,
        record: ArticleRecord,
        title: str,
        body: str,
        captions: list[tuple[str, str]],
        problems: list[str],
    ) -> tuple[list[Span], list[Link]]:
        """The record's checked spans and links; problems appended to `problems` (which holds
        the article's own already: these checks come last). The sources a record declares count
        as registry entries for the records after it, when it has no problem at all."""
        declared = self._sources(record.sources, problems)
        spans = self._spans(record.annotations, title, body, captions, declared, problems)
        links = self._links(record.attributions, record.annotations, spans, declared, problems)
        if not problems:
            self.declared_sources |= declared
        return spans, links

    def _sources(self, sources: list[SourceRecord], problems: list[str]) -> set[str]:
        declared: set[str] = set()
        for source in sources:
            name = canonical_name(source.name)
            where = f"source {name!r}"
            if problem := SOURCE.problem("name", name, f"{where}: name"):
                problems.append(problem)
            if source.kind not in _SOURCE_KINDS:
                problems.append(
                    f"{where}: kind {source.kind!r} is not one of {', '.join(_SOURCE_KINDS)}"
                )
            description = canonical_name(source.description)
            if problem := SOURCE.problem("description", description, f"{where}: description"):
                problems.append(problem)
            for alias in source.aliases:
                if problem := ALIAS.problem("alias", canonical_name(alias), where):
                    problems.append(f"{problem} (alias {alias!r})")
            declared.add(name)
        return declared

    def _spans(
        self,
        annotations: list[AnnotationRecord],
        title: str,
        body: str,
        captions: list[tuple[str, str]],
        declared: set[str],
        problems: list[str],
    ) -> list[Span]:
        spans: list[Span] = []
        seen: dict[str, int] = {}
        tags = self.tags
        # The id as UUIDField.get_db_prep_value gives it (a UUID, or 32 hex digits where the
        # database has no uuid type), made from the canonical string without parsing it.
        native_uuid = self.native_uuid
        for number, annotation in enumerate(annotations, start=1):
            found: list[str] = []
            client_key = annotation.id
            if not client_key:
                client_key = str(uuid.uuid4())
            elif CANONICAL_UUID.fullmatch(client_key) is None:  # the native format's form
                try:
                    client_key = str(uuid.UUID(client_key))
                except ValueError:
                    found.append(f"id {annotation.id!r} is not a UUID")
            if annotation.id and not found:
                if client_key in seen:
                    found.append(f"id repeats annotation {seen[client_key]}")
                seen[client_key] = number
            text: str | None = None
            target = annotation.target
            if target == _BODY:
                text = body
            elif target == _TITLE:
                text = title
            elif target == _CAPTION_TARGET:
                index = annotation.caption
                if index is None or not 0 <= index < len(captions):
                    found.append(f"caption index {index!r} is not one of the article's captions")
                else:
                    text = captions[index][0]
            if target in (_BODY, _TITLE) and annotation.caption is not None:
                found.append(f"a {target} span has no caption index")
            elif text is None and target != _CAPTION_TARGET:
                found.append(f"target {annotation.target!r} is not title, body or caption")
            quoted = False
            start, end = annotation.start, annotation.end
            if text is not None:
                try:
                    anchoring.check_span(text, start, end, annotation.quote)
                except anchoring.AnchorError as exc:
                    found.append(str(exc))
                else:
                    quoted = True
            tag = tags.get(annotation.tag)
            if tag is None:
                found.append(f"unknown tag {annotation.tag!r}")
            if annotation.status not in _ANNOTATION_STATUSES:
                found.append(
                    f"status {annotation.status!r} is not one of {', '.join(_ANNOTATION_STATUSES)}"
                )
            source = canonical_name(annotation.source) if annotation.source else ""
            if source and source not in declared and source not in self.declared_sources:
                found.append(f"source {source!r} is neither in the registry nor in the record")
            note = ""
            if annotation.note:
                note = content.sanitize_html(annotation.note)
                if problem := ANNOTATION.problem("note", note):
                    found.append(problem)
            if problem := self.author_problem(annotation.author):
                found.append(problem)
            if found:
                problems.extend(f"annotation {number}: {problem}" for problem in found)
                continue
            assert quoted and text is not None and tag is not None
            created, updated = annotation.created, annotation.updated
            spans.append(
                Span(  # positionally: a third of the cost of keywords, 20 times an article
                    client_key,
                    uuid.UUID(client_key) if native_uuid else client_key.replace("-", ""),
                    target,
                    annotation.caption,
                    start,
                    end,
                    annotation.quote,  # checked equal to text[start:end]
                    *anchoring.quote_context(text, start, end),
                    tag[0],
                    note,
                    source,
                    annotation.author,
                    annotation.status,
                    created if created is None or created.tzinfo is not None else aware(created),
                    updated if updated is None or updated.tzinfo is not None else aware(updated),
                )
            )
        return spans

    def author_problem(self, username: str) -> str | None:
        if not username:
            if self.user is None:
                return "no author, and no importing user to stand in"
            return None
        if username in self.valid_usernames:
            return None
        try:
            self.username_field.clean(username, None)
        except ValidationError as exc:
            return f"author {username!r}: {' '.join(exc.messages)}"
        if len(self.valid_usernames) < 10_000:  # a few authors, usually; bounded all the same
            self.valid_usernames.add(username)
        return None

    def _links(
        self,
        attributions: list[AttributionRecord],
        annotations: list[AnnotationRecord],
        spans: list[Span],
        declared: set[str],
        problems: list[str],
    ) -> list[Link]:
        if not attributions:
            return []
        if len(spans) != len(annotations):
            return []  # the annotations' problems are reported; links to them cannot be checked
        index = {span.client_key: i for i, span in enumerate(spans)}
        index.update({a.id: i for i, a in enumerate(annotations) if a.id})
        roles = self.tag_roles
        links: list[Link] = []
        for number, attribution in enumerate(attributions, start=1):
            where = f"attribution {number}"
            found: list[str] = []
            positions: dict[str, int | None] = {}
            for name, role in (
                ("claim", Tag.Role.CLAIM),
                ("source_span", Tag.Role.SOURCE),
                ("cue", Tag.Role.CUE),
            ):
                ref = getattr(attribution, name)
                positions[name] = None
                if not ref:
                    continue
                position = index.get(ref)
                if position is None:
                    found.append(f"{name} {ref!r} is not an annotation of this article")
                    continue
                positions[name] = position
                if roles[spans[position].tag] != role:
                    found.append(f"{name} {ref!r} is not tagged as a {role.label}")
            if not attribution.claim:
                found.append("no claim")
            fragments = self._fragments(attribution, index, spans, positions["claim"], found)
            source = canonical_name(attribution.source) if attribution.source else ""
            if source and source not in declared and source not in self.declared_sources:
                found.append(f"source {source!r} is neither in the registry nor in the record")
            if attribution.implicit_source and (attribution.source_span or source):
                found.append("an implicit source has no source span or registry source")
            if not attribution.source_span and not source and not attribution.implicit_source:
                found.append("needs a source span, a registry source or an implicit source")
            if attribution.source_span and attribution.source_span == attribution.claim:
                found.append("the source span is the claim itself")
            if attribution.author and (problem := self.author_problem(attribution.author)):
                found.append(problem)
            if found:
                problems.extend(f"{where}: {problem}" for problem in found)
                continue
            claim = positions["claim"]
            assert claim is not None
            links.append(  # Link(claim, source_span, source, cue, author, ...), positionally
                Link(
                    claim,
                    positions["source_span"],
                    source,
                    positions["cue"],
                    attribution.author or spans[claim].author,
                    fragments,
                    attribution.implicit_source,
                )
            )
        return links

    def _fragments(
        self,
        attribution: AttributionRecord,
        index: dict[str, int],
        spans: list[Span],
        claim: int | None,
        found: list[str],
    ) -> list[int]:
        """The positions of the attribution's further fragments: Claim spans of the article
        after the claim in reading order (the rule of Attribution.fragment_problem, on the
        record's spans); problems appended to `found`."""
        if not attribution.fragments:
            return []
        positions: list[int] = []
        roles = self.tag_roles
        for ref in attribution.fragments:
            position = index.get(ref)
            if position is None:
                found.append(f"fragment {ref!r} is not an annotation of this article")
                continue
            span = spans[position]
            if roles[span.tag] != Tag.Role.CLAIM:
                found.append(f"fragment {ref!r} is not tagged as a {Tag.Role.CLAIM.label}")
            elif claim is not None and position == claim:
                found.append(f"fragment {ref!r} is the claim itself")
            elif claim is not None and _reading_key(span) < _reading_key(spans[claim]):
                found.append(f"fragment {ref!r} comes before the claim: the claim is the first")
            elif position in positions:
                found.append(f"fragment {ref!r} is listed twice")
            else:
                positions.append(position)
        return positions

    # --- writing ---------------------------------------------------------------------------
