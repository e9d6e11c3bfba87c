"""What annotated records bring besides the article: registry sources (created when missing,
with their aliases), authors (inactive accounts for unknown usernames), annotations and the
attributions between them (with their further content fragments), written per batch after the
articles and captions they point at."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from annotations.aliases import may_be_alias
from annotations.models import (
    Annotation,
    Attribution,
    Source,
    SourceAlias,
    SourceTerm,
    normalise_alias,
)

from ..records import SourceRecord
from .checks import canonical_name
from .insert import ANNOTATION_COLUMNS, ATTRIBUTION_COLUMNS, FRAGMENT_COLUMNS, Insert
from .pending import Pending

if TYPE_CHECKING:
    from .run import ImportResult


class AnnotatedWriter:
    """Writes the registry entries, authors, spans and links of a batch's written articles.
    Holds the registry's and the authors' primary keys for the whole run."""

    def __init__(self, result: ImportResult, user: User | None, source_ids: dict[str, int]) -> None:
        self.result = result
        self.user = user
        self.source_ids = source_ids
        self.user_ids: dict[str, int] = {}
        self.User = get_user_model()
        self.insert_annotation = Insert(Annotation, ANNOTATION_COLUMNS, skip_existing="client_id")
        self.insert_attribution = Insert(Attribution, ATTRIBUTION_COLUMNS)
        self.insert_fragment = Insert(Attribution.fragments.through, FRAGMENT_COLUMNS)

    def write_sources(self, valid: list[Pending]) -> None:
        """Create the registry entries the batch declares and the registry lacks: those of
        duplicates too (idempotent), since a later record may have been checked against
        them."""
        new: dict[str, SourceRecord] = {}
        for p in valid:
            for source in p.sources:
                name = canonical_name(source.name)
                if name not in self.source_ids and name not in new:
                    new[name] = source
        if not new:
            return
        # A concurrent import may have made some since the run started.
        self.source_ids.update(Source.objects.filter(name__in=list(new)).values_list("name", "id"))
        missing = {name: s for name, s in new.items() if name not in self.source_ids}
        made = Source.objects.bulk_create(
            Source(
                name=name,
                kind=source.kind,
                description=canonical_name(source.description),
            )
            for name, source in missing.items()
        )
        aliases: list[SourceAlias] = []
        for entry, source in zip(made, missing.values(), strict=True):
            self.source_ids[entry.name] = entry.pk
            seen: set[str] = set()
            for alias in source.aliases:
                text = canonical_name(alias)
                normalised = normalise_alias(text)
                # Imported aliases are candidates (the file does not say who confirmed them);
                # a pronoun or a bare generic word is never one.
                if normalised not in seen and may_be_alias(text):
                    seen.add(normalised)
                    aliases.append(SourceAlias(source=entry, alias=text, normalised=normalised))
        SourceAlias.objects.bulk_create(aliases)
        # bulk_create skips save(): the type-ahead's search terms are written here.
        SourceTerm.index(sources=made, aliases=aliases)
        self.result.sources += len(made)

    def write_spans(
        self, written: list[Pending], caption_ids: dict[int, list[int]], now: datetime
    ) -> None:
        """Insert the annotations of the written articles, then their attributions. A span
        whose id is already stored is skipped, and so is every link to it."""
        kept = [(p, span) for p in written for span in p.spans]
        if not kept:
            return
        # Authors of spans that turn out to be stored already are made too: rare, harmless.
        users = self._user_ids(
            {span.author for _, span in kept if span.author}
            | {link.author for p in written for link in p.links if link.author}
        )
        insert = self.insert_annotation
        prepare = insert.prepare
        source_ids = self.source_ids
        stamps: dict[datetime, object] = {}  # exports repeat times: convert each once
        rows: list[tuple[object, ...]] = []
        for p, span in kept:
            created = span.created or now
            updated = span.updated or created
            if (created_db := stamps.get(created)) is None:
                created_db = stamps[created] = prepare("created", created)
            if (updated_db := stamps.get(updated)) is None:
                updated_db = stamps[updated] = prepare("updated", updated)
            rows.append(
                (
                    span.client_db,
                    p.article_id,
                    span.target,
                    None if span.caption is None else caption_ids[id(p)][span.caption],
                    span.start,
                    span.end,
                    span.quote,
                    span.prefix,
                    span.suffix,
                    span.tag,
                    span.note,
                    source_ids[span.source] if span.source else None,
                    users[span.author] if span.author else self._importer_id(),
                    span.status,
                    created_db,
                    updated_db,
                )
            )
        # A span whose id is stored already, or came earlier in the run, is left out by the
        # database; the first of two equal ids in the batch is the one that went in.
        inserted = insert.new_rows(rows)
        self.result.annotations += len(inserted)
        self.result.annotations_skipped += len(rows) - len(inserted)
        for (_, span), row in zip(kept, rows, strict=True):
            span.pk = inserted.pop(row[0], None)
        # A link to a skipped span was most likely stored with it: skipped too.
        links = [
            (p, link)
            for p in written
            for link in p.links
            if p.spans[link.claim].pk is not None
            and (link.source_span is None or p.spans[link.source_span].pk is not None)
            and (link.cue is None or p.spans[link.cue].pk is not None)
            and all(p.spans[f].pk is not None for f in link.fragments)
        ]
        created_at = self.insert_attribution.prepare("created", now)
        rows = [
            (
                p.spans[link.claim].pk,
                None if link.source_span is None else p.spans[link.source_span].pk,
                self.source_ids[link.source] if link.source else None,
                link.implicit_source,
                None if link.cue is None else p.spans[link.cue].pk,
                users[link.author] if link.author else self._importer_id(),
                created_at,
            )
            for p, link in links
        ]
        if any(link.fragments for _, link in links):
            # The fragments' rows need the attributions' keys: asked for only when there are
            # fragments, which most links have not.
            keys = self.insert_attribution(rows)
            self.insert_fragment.without_keys(
                [
                    (key, p.spans[f].pk)
                    for key, (p, link) in zip(keys, links, strict=True)
                    for f in link.fragments
                ]
            )
        elif rows:
            self.insert_attribution.without_keys(rows)
        self.result.attributions += len(rows)

    def _importer_id(self) -> int:
        assert (
            self.user is not None
        )  # SpanChecker.author_problem refused authorless spans otherwise
        return self.user.pk

    def _user_ids(self, usernames: set[str]) -> dict[str, int]:
        """Primary keys of the authors, creating inactive accounts for the unknown ones."""
        missing = usernames - self.user_ids.keys()
        if missing:
            name = self.User.USERNAME_FIELD
            self.user_ids.update(
                self.User._default_manager.filter(**{f"{name}__in": missing}).values_list(
                    name, "pk"
                )
            )
            new = []
            for username in sorted(missing - self.user_ids.keys()):
                account = self.User(**{name: username, "is_active": False})
                account.set_unusable_password()
                new.append(account)
            for account in self.User._default_manager.bulk_create(new):
                self.user_ids[account.get_username()] = account.pk
            self.result.users += len(new)
        return self.user_ids
