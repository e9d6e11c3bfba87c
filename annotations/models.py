"""The annotation models: tags, the source registry (Source, SourceAlias), spans (Annotation)
and the links between them (Attribution), reviews of spans and of articles, annotated sets.

Longer than the ~400 lines a module aims for, on purpose: Django's convention (and this
project's, docs/architecture.md) is one models module per app with each model's behaviour
(querysets, constraints, clean/save rules, set membership) beside its fields; splitting it into a
package would separate models that reference one another on every other line. Pure logic the
models use lives outside (anchoring.py, workflow.py); reads for pages in items.py and stats.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.content import canonical_line, sanitize_html
from articles.models import Article

from . import aliases, anchoring, registry

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, PermissionsMixin


class TagQuerySet(models.QuerySet["Tag"]):
    def by_id(self) -> dict[int, Tag]:
        """Every tag by primary key: what the renderers look a row's tag_id up in."""
        return {t.pk: t for t in self}


class Tag(models.Model):
    class Role(models.TextChoices):
        CLAIM = "claim", "Claim"
        SOURCE = "source", "Source"
        CUE = "cue", "Cue"
        QUOTE = "quote", "Quote"
        OTHER = "other", "Other"

    name = models.CharField(max_length=60, unique=True)
    role = models.CharField(
        max_length=10,
        choices=Role.choices,
        default=Role.OTHER,
        help_text="What the tag means for attribution links: claims link to sources and cues.",
    )
    colour = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "A colour like #f5c518.")],
        help_text="Highlight colour, #rrggbb.",
    )
    shortcut = models.CharField(
        max_length=1,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9]$", "One lower-case letter or digit.")],
        help_text="Key that applies this tag to the selected text.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(max_length=300, blank=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class SourceQuerySet(models.QuerySet["Source"]):
    def matching(self, words: str, article_id: int) -> SourceQuerySet:
        """The entries a Source span with these words may have pre-selected: by name, by a
        confirmed alias, or as the same words were resolved elsewhere in the same article
        (never by a resolution in another article); none at all for a pronoun or a bare
        generic word (annotations.aliases), which names someone only in its own sentence."""
        if not aliases.may_be_alias(words):
            return self.none()
        return self.filter(
            Q(name__iexact=canonical_line(words))
            | Q(aliases__normalised=normalise_alias(words), aliases__confirmed=True)
            | Q(
                mentions__article_id=article_id,
                mentions__quote__iexact=words,
                mentions__deleted_at__isnull=True,
            )
        ).distinct()

    def named(self, name: str) -> Source | None:
        """The entry whose name is `name` up to case, accents and spacing, if there is one."""
        term = SourceTerm.objects.filter(
            whole=True, alias__isnull=True, term=registry.search_key(name)
        ).first()
        return None if term is None else self.filter(pk=term.source_id).first()

    def search(
        self, words: str, *, suggested: list[Source] | None = None, limit: int = registry.LIMIT
    ) -> list[registry.Hit]:
        """The type-ahead's options for typed `words`, best first, at most `limit`: the
        `suggested` entries, then names and confirmed aliases starting with the words, then those
        with a word that does (annotations.registry). Two range seeks on the terms' index, each
        stopping after `limit` * 2 rows, however large the registry."""
        hits: dict[int, registry.Hit] = {
            s.pk: registry.Hit(s, registry.Rank.SUGGESTED) for s in suggested or []
        }
        key = registry.search_key(words)
        if not key:
            return list(hits.values())[:limit]
        if words[-1].isspace():
            key += " "  # a space typed ends the word: "rail " is not "railway"
        for whole in (True, False):
            if len(hits) >= limit:
                break
            terms = (
                SourceTerm.objects.filter(
                    Q(alias__isnull=True) | Q(alias__confirmed=True),
                    whole=whole,
                    term__gte=key,
                    term__lt=registry.upper_bound(key),
                )
                .select_related("source", "alias")
                .order_by("term")[: limit * 2]
            )
            found = []
            for t in terms:
                by_alias = t.alias_id is not None
                if whole:
                    rank = registry.Rank.ALIAS if by_alias else registry.Rank.NAME
                else:
                    rank = registry.Rank.ALIAS_WORD if by_alias else registry.Rank.NAME_WORD
                found.append(registry.Hit(t.source, rank, t.alias.alias if t.alias else ""))
            for hit in sorted(found, key=lambda h: h.rank):  # stable: by term within a rank
                if hit.source.pk not in hits:
                    hits[hit.source.pk] = hit
        return list(hits.values())[:limit]


class Source(models.Model):
    """An entry of the source registry: who a Source span refers to."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        MEDIA = "media", "Media"
        GOVERNMENT = "government", "Government"
        ANONYMOUS = "anonymous", "Anonymous"

    name = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name = canonical_line(self.name)
        super().save(*args, **kwargs)
        SourceTerm.index(sources=[self])


def normalise_alias(text: str) -> str:
    return canonical_line(text).casefold()


class SourceAliasQuerySet(models.QuerySet["SourceAlias"]):
    def confirmed(self) -> SourceAliasQuerySet:
        """The aliases an admin or editor confirmed: the only ones that resolve or pre-select a
        registry entry outside the article where they were first used."""
        return self.filter(confirmed=True)


class SourceAlias(models.Model):
    """Other words for a registry entry. Managed, not learned: resolving a span records its
    words as a candidate at most (annotations.aliases says which words may be one); only a
    confirmed alias matches in another article."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    normalised = models.CharField(max_length=300, editable=False, db_index=True)
    confirmed = models.BooleanField(
        default=False,
        help_text="Only confirmed aliases pre-select or resolve this entry in other articles.",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SourceAliasQuerySet.as_manager()

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "source aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "normalised"], name="alias_unique_per_source"
            ),
            # When, and by whom if that account still exists: only on a confirmed alias.
            models.CheckConstraint(
                condition=Q(confirmed=True, confirmed_at__isnull=False)
                | Q(confirmed=False, confirmed_at__isnull=True, confirmed_by__isnull=True),
                name="alias_confirmation_recorded",
            ),
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.alias = canonical_line(self.alias)
        self.normalised = normalise_alias(self.alias)
        super().save(*args, **kwargs)
        SourceTerm.index(aliases=[self])

    def clean(self) -> None:
        if aliases.standing(self.alias) == aliases.Standing.NEVER:
            raise ValidationError(
                {"alias": "A pronoun or a generic word is never an alias: it names no one."}
            )

    def mark_confirmed(self, user: Any) -> None:
        """Set (not save) the confirmation: by `user`, now. Already recorded stays as it was."""
        if self.confirmed_at is None:
            self.confirmed, self.confirmed_by, self.confirmed_at = True, user, timezone.now()

    def mark_unconfirmed(self) -> None:
        self.confirmed, self.confirmed_by, self.confirmed_at = False, None, None


class CodePointField(models.CharField):
    """Text compared and sorted by code point on every database (SQLite's default BINARY
    collation, PostgreSQL's "C"), so that "starts with" is a range a plain index answers and
    returns in order."""

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


class SourceTerm(models.Model):
    """The registry's search terms (annotations.registry): each entry name and alias from its
    start (`whole`) and from each later word, as search keys. Written by Source.save and
    SourceAlias.save, and by `index` after a bulk insert; deleted with their entry or alias."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    alias = models.ForeignKey(
        SourceAlias, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    whole = models.BooleanField()
    term = CodePointField(max_length=registry.MAX_KEY)

    class Meta:
        indexes = [models.Index(fields=["whole", "term"], name="source_term_prefix")]

    def __str__(self) -> str:
        return self.term

    @staticmethod
    def index(*, sources: Sequence[Source] = (), aliases: Sequence[SourceAlias] = ()) -> None:
        """(Re)write the terms of these entries' names and of these aliases."""
        if sources:
            SourceTerm.objects.filter(source__in=sources, alias__isnull=True).delete()
        if aliases:
            SourceTerm.objects.filter(alias__in=aliases).delete()
        rows = [
            SourceTerm(source_id=source.pk, whole=i == 0, term=term)
            for source in sources
            for i, term in enumerate(registry.terms_of(source.name))
        ] + [
            SourceTerm(source_id=alias.source_id, alias_id=alias.pk, whole=i == 0, term=term)
            for alias in aliases
            for i, term in enumerate(registry.terms_of(alias.alias))
        ]
        SourceTerm.objects.bulk_create(rows, batch_size=500)


# Where a span's text comes in the page: title, then captions (by position), then the body.
# The one statement of that order: READING_RANK is the same table as an SQL expression.
TARGET_RANK = {"title": 0, "caption": 1, "body": 2}
*_RANKED, (_LAST_TARGET, _LAST_RANK) = TARGET_RANK.items()
# The last target is the default (no WHEN of its own): one comparison fewer in every ordered
# query, which the panel and every save compile.
READING_RANK = Case(
    *(When(target=target, then=Value(rank)) for target, rank in _RANKED),
    default=Value(_LAST_RANK),
    output_field=IntegerField(),
)


def target_key(target: str, caption_id: int | None) -> str:
    """Which rendered text a span lies in: "title", "body" or "caption-<caption id>". The key
    names the text's element in the page (`t-<key>`) and groups spans for highlighting and
    agreement; every caller that has a span's target and caption id asks here."""
    return f"caption-{caption_id}" if target == "caption" else target


class AnnotationQuerySet(models.QuerySet["Annotation"]):
    def reading_order(self) -> AnnotationQuerySet:
        """Title first, then captions in order, then the body; by offset within each, the
        longer of two spans starting together first."""
        return self.annotate(
            rank=READING_RANK,
            # A signed integer: typed as the positive caption position, Django would treat
            # comparisons with the -1 of "no caption" as always true or never true.
            caption_rank=Coalesce("caption__position", Value(-1), output_field=IntegerField()),
        ).order_by("rank", "caption_rank", "start", "-end", "id")

    def listed_after(self, annotation: Annotation) -> AnnotationQuerySet:
        """The annotations that come after `annotation` in reading order."""
        rank = TARGET_RANK[annotation.target]
        # No caption: the descriptor answers None without a query.
        caption = annotation.caption
        position = caption.position if caption is not None else -1
        same = {"rank": rank, "caption_rank": position}
        return self.reading_order().filter(
            Q(rank__gt=rank)
            | Q(rank=rank, caption_rank__gt=position)
            | Q(**same, start__gt=annotation.start)
            | Q(**same, start=annotation.start, end__lt=annotation.end)
            | Q(**same, start=annotation.start, end=annotation.end, id__gt=annotation.pk)
        )

    def overlapping(
        self, target: str, caption_id: int | None, start: int, end: int
    ) -> AnnotationQuerySet:
        return self.filter(target=target, caption_id=caption_id, start__lt=end, end__gt=start)

    def count_by_status(self) -> dict[str, int]:
        """{review status: annotations}, every status present (0 when none): the review page's
        counts, in one grouped query."""
        counts = dict.fromkeys(Annotation.Status.values, 0)
        counts.update(dict(self.order_by().values_list("status").annotate(n=Count("id"))))
        return counts


_AnnotationManager = models.Manager.from_queryset(AnnotationQuerySet)


class LiveAnnotationManager(_AnnotationManager["Annotation"]):
    """Hides deleted annotations (kept for undo); `Annotation.all_objects` sees them."""

    def get_queryset(self) -> AnnotationQuerySet:
        # from_queryset makes it an AnnotationQuerySet; the stubs' plugin types it QuerySet.
        live = cast(AnnotationQuerySet, super().get_queryset())
        return live.filter(deleted_at__isnull=True)


# A note is a few sentences, not a document: the limit keeps the article page (which shows every
# note) small whoever writes, and the import check reports a longer one (issue 11).
NOTE_MAX_CHARS = 5_000


class StaleVersion(Exception):
    """A write refused because the annotation changed since the form was opened: `current`
    is the annotation as it is now (`Annotation.claim`)."""

    def __init__(self, current: Annotation) -> None:
        super().__init__(f"annotation {current.pk} is at version {current.version}")
        self.current = current


class Annotation(models.Model):
    class Target(models.TextChoices):
        TITLE = "title", "Title"
        BODY = "body", "Body"
        CAPTION = "caption", "Caption"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    client_id = models.UUIDField(
        unique=True, default=uuid.uuid4, help_text="Made by the browser: repeats are no-ops."
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="annotations"
    )
    target = models.CharField(max_length=10, choices=Target.choices, default=Target.BODY)
    caption = models.ForeignKey(
        "articles.ImageCaption",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="annotations",
    )
    start = models.PositiveIntegerField(help_text="Code point offset, inclusive.")
    end = models.PositiveIntegerField(help_text="Code point offset, exclusive.")
    quote = models.TextField(help_text="Exactly text[start:end].")
    prefix = models.CharField(max_length=anchoring.CONTEXT_CHARS, blank=True)
    suffix = models.CharField(max_length=anchoring.CONTEXT_CHARS, blank=True)
    tag = models.ForeignKey(Tag, on_delete=models.PROTECT, related_name="annotations")
    # max_length sizes the form field; a TextField checks it only through a validator (which
    # the import check runs: interchange.importing.saver.checks).
    note = models.TextField(
        blank=True,
        max_length=NOTE_MAX_CHARS,
        validators=[MaxLengthValidator(NOTE_MAX_CHARS)],
        help_text="Sanitised HTML.",
    )
    source_entry = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
        help_text="For a Source span: the registry entry it refers to.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Optimistic concurrency (issue 11): every write to an annotation adds one, every form that
    # changes one carries the version it was opened at, and `claim` refuses a stale one.
    # db_default: the import saver inserts rows without the ORM.
    version = models.PositiveIntegerField(default=1, db_default=1, editable=False)

    objects = LiveAnnotationManager()
    all_objects = AnnotationQuerySet.as_manager()

    class Meta:
        base_manager_name = "all_objects"
        ordering = ["article", "target", "start", "-end", "id"]
        indexes = [models.Index(fields=["article", "target", "start"], name="ann_article_pos")]
        permissions = [
            ("change_any_annotation", "Can change or delete annotations made by anyone"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(end__gt=F("start")),
                name="annotation_start_before_end",
            ),
            models.CheckConstraint(
                condition=(Q(target="caption") & Q(caption__isnull=False))
                | (~Q(target="caption") & Q(caption__isnull=True)),
                name="annotation_caption_iff_caption_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tag}: {self.quote[:60]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.note = sanitize_html(self.note)
        if not self._state.adding:
            # Exact when the row was claimed (`claim`): the version read under the row's lock.
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    @classmethod
    def claim(cls, pk: int, seen: int | None) -> Annotation:
        """The annotation `pk` read fresh for a write, its row locked until the caller's
        transaction ends (call it inside `transaction.atomic`). `seen` is the version the
        user's form was opened at: if the annotation has moved on since, raises StaleVersion
        with it as it is now, and nothing is locked or written. None (a script, an old client)
        skips the comparison but still locks, so the write's "before" is the true before.

        The lock is a conditional UPDATE (… WHERE pk = ? AND version = ?) that changes
        nothing: PostgreSQL takes the row lock and re-checks the condition after a concurrent
        writer commits; SQLite takes its write lock. Either way two writers that opened the
        same version cannot both pass."""
        rows = cls.all_objects.filter(pk=pk)
        if seen is not None:
            rows = rows.filter(version=seen)
        if not rows.update(version=F("version")):
            current = cls.all_objects.select_related("article", "tag", "caption").get(pk=pk)
            raise StaleVersion(current)
        return cls.all_objects.select_related("article", "tag", "caption").get(pk=pk)

    @property
    def note_html(self) -> SafeString:
        # `note` is sanitised by articles.content.sanitize_html in save(), the only writer.
        return mark_safe(self.note)  # noqa: S308

    @property
    def dom_id(self) -> str:
        return f"ann-{self.pk}"

    @property
    def target_key(self) -> str:
        """Which rendered text this span belongs to (see `target_key`)."""
        return target_key(self.target, self.caption_id)

    def text(self, article: Article | None = None) -> str:
        article = article or self.article
        if self.target == self.Target.CAPTION:
            # annotation_caption_iff_caption_target: a caption span always has its caption.
            caption = self.caption
            if caption is None:
                raise ValueError(f"caption span {self.pk} has no caption")
            return caption.text
        return article.title if self.target == self.Target.TITLE else article.body

    @classmethod
    def cut_from(cls, text: str, start: int, end: int, **fields: Any) -> Annotation:
        """An unsaved span over text[start:end], its quote selector (quote, prefix, suffix) cut
        from that text: how every writer of spans through the ORM makes one."""
        selector = anchoring.text_quote(text, start, end)
        return cls(
            start=start,
            end=end,
            quote=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            **fields,
        )

    def verify(self, text: str, client_quote: str | None = None) -> None:
        """The server-side check on every write: offsets in range and the quote they cut out
        equal to the stored quote (and to what the browser saw, when it says)."""
        try:
            anchoring.check_span(text, self.start, self.end, self.quote)
            if client_quote is not None:
                anchoring.check_span(text, self.start, self.end, client_quote)
        except anchoring.AnchorError as exc:
            raise ValidationError(str(exc), code=exc.code) from exc

    def can_change(self, user: PermissionsMixin | AnonymousUser) -> bool:
        if not user.has_perm("annotations.change_annotation"):
            return False
        return self.author_id == user.pk or user.has_perm("annotations.change_any_annotation")

    def mark_deleted(self) -> None:
        self.deleted_at = timezone.now()
        Annotation.all_objects.filter(pk=self.pk).update(
            deleted_at=self.deleted_at, version=F("version") + 1
        )
        self.version += 1

    def mark_restored(self) -> None:
        self.deleted_at = None
        Annotation.all_objects.filter(pk=self.pk).update(deleted_at=None, version=F("version") + 1)
        self.version += 1

    def reading_key(self) -> tuple[int, int, int, int, int]:
        """The span's place in reading order (`AnnotationQuerySet.reading_order`), for sorting
        spans already loaded. A caption span reads its caption (a query unless selected)."""
        caption = self.caption if self.caption_id is not None else None
        position = caption.position if caption is not None else -1
        return (TARGET_RANK[self.target], position, self.start, -self.end, self.pk or 0)


# How an attribution without a source in the text is shown (panel, admin, exports' notes).
IMPLICIT_SOURCE_LABEL = "(implicit source)"


class Attribution(models.Model):
    """Who said it, and how: a Claim span linked to its Source (a span of the article, or a
    registry entry) and its Cue span — the source/cue/content triple of PARC and PolNeAR.

    The content may come in several fragments (a quotation interrupted by its cue, or carried on
    over the next sentences): `claim` is the first, `fragments` holds the others. The source
    may be implicit ("It was announced that …", "reportedly"): then `implicit_source` is set
    and there is neither a source span nor a registry entry.
    """

    claim = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="attributions")
    fragments = models.ManyToManyField(
        Annotation,
        blank=True,
        related_name="continued_attributions",
        help_text="Further Claim spans of the same content, after `claim` in reading order.",
    )
    implicit_source = models.BooleanField(
        default=False,
        db_default=False,  # writers that insert rows without the ORM (the import saver)
        help_text="No source in the text (a passive, “reportedly”).",
    )
    source_span = models.ForeignKey(
        Annotation, null=True, blank=True, on_delete=models.CASCADE, related_name="cited_by"
    )
    source_entry = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.CASCADE, related_name="attributions"
    )
    cue = models.ForeignKey(
        Annotation, null=True, blank=True, on_delete=models.SET_NULL, related_name="cue_for"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source_span__isnull=False)
                | Q(source_entry__isnull=False)
                | Q(implicit_source=True),
                name="attribution_has_source",
                violation_error_message=(
                    "An attribution needs a source span, a registry entry or an implicit source."
                ),
            ),
            models.CheckConstraint(
                condition=Q(implicit_source=False)
                | (Q(source_span__isnull=True) & Q(source_entry__isnull=True)),
                name="attribution_implicit_has_no_source",
                violation_error_message="An implicit source has no source span or registry entry.",
            ),
            models.CheckConstraint(
                condition=~Q(source_span=F("claim")), name="attribution_source_not_claim"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim.quote[:40]} ← {self.source_label}"

    @property
    def source_label(self) -> str:
        span = self.source_span  # None without a query when there is no source span
        if span is not None:
            entry = span.source_entry
            return f"“{span.quote}”" + (f" ({entry})" if entry else "")
        if self.implicit_source:
            return IMPLICIT_SOURCE_LABEL
        return str(self.source_entry)

    def content_spans(self) -> list[Annotation]:
        """The content in reading order: the claim, then its live fragments (a deleted fragment,
        kept for undo, is left out and comes back with its span). Reads `fragments` through
        the related manager, so a caller that prefetched them pays no query here."""
        # The M2M manager is built on Annotation's default manager: deleted spans never come.
        fragments = sorted(self.fragments.all(), key=Annotation.reading_key)
        return [self.claim, *(f for f in fragments if f.pk != self.claim_id)]

    @staticmethod
    def fragment_problem(claim: Annotation, span: Annotation) -> str | None:
        """Why `span` cannot be a further content fragment of an attribution of `claim`, or
        None. The rule every writer of `fragments` asks (a many-to-many field cannot be
        checked by clean() before the row is saved): a live Claim span of the same article,
        other than the claim itself."""
        if span.pk == claim.pk:
            return "The claim is the attribution's first fragment already."
        if span.article_id != claim.article_id:
            return "Pick a span of the same article."
        if span.deleted_at is not None:
            return "That span was deleted."
        if span.tag.role != Tag.Role.CLAIM:
            return "Pick a span tagged as a Claim."
        if span.reading_key() < claim.reading_key():
            return "Pick a span after the claim: the claim is the content's first fragment."
        return None

    def clean(self) -> None:
        if self.claim_id is None:  # a missing claim is already a field error; nothing to compare
            return
        for field, role in (("source_span", Tag.Role.SOURCE), ("cue", Tag.Role.CUE)):
            span = getattr(self, field)
            if span is None:
                continue
            if span.article_id != self.claim.article_id:
                raise ValidationError({field: "Pick a span of the same article."})
            if span.tag.role != role:
                raise ValidationError({field: f"Pick a span tagged as a {role.label}."})
        if self.claim.tag.role != Tag.Role.CLAIM:
            raise ValidationError("Only a Claim span can be attributed to a source.")
        if self.pk is not None:  # a new row has no fragments yet: their writers check them
            for span in self.fragments.select_related("tag", "caption"):
                if (problem := self.fragment_problem(self.claim, span)) is not None:
                    raise ValidationError({"fragments": f"“{span.quote[:40]}”: {problem}"})


class Review(models.Model):
    """A reviewer's decision on one annotation: accepted, rejected (with a reason) or corrected
    (what it was before, and why). The latest review is what the editor sees on the item."""

    class Action(models.TextChoices):
        ACCEPT = "accept", "Accepted"
        REJECT = "reject", "Rejected"
        CORRECT = "correct", "Corrected"

    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(blank=True)
    before = models.JSONField(
        default=dict, blank=True, help_text="For a correction: the tag, span and note replaced."
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["annotation", "-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="reject") | ~Q(reason=""),
                name="review_reject_needs_reason",
                violation_error_message="Say why the annotation is rejected.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.reviewer} on {self.annotation_id}"


class ArticleReview(models.Model):
    """One step of an article's workflow: marked ready, approved, or sent back with a comment."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="reviews"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    comment = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "-created", "-id"]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status} → {self.to_status}"


class AnnotatedSet(models.Model):
    """A named, saved selection of articles for review and export: the articles its filters
    match plus those picked by hand."""

    # The filters a set may hold (AnnotatedSet.filters; every key optional, all given ones
    # must hold). What each means is in `articles`.
    FILTER_KEYS = ("outlet", "date_from", "date_to", "tag", "status", "editor", "text")

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    filters = models.JSONField(
        default=dict, blank=True, help_text=f"{', '.join(FILTER_KEYS)} (all optional)."
    )
    picked = models.ManyToManyField("articles.Article", blank=True, related_name="sets")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        permissions = [("export_annotations", "Can export annotated sets")]

    def __str__(self) -> str:
        return self.name

    def articles(self) -> QuerySet[Article]:
        """The articles of the set, by primary key: those its filters match, plus those picked
        (an unsaved set, e.g. a form's preview, has none picked).

        ========= ===============================================================================
        outlet    the article's outlet, exactly
        date_from published on or after this day ("YYYY-MM-DD", inclusive; the site's time zone)
        date_to   published on or before this day (inclusive); either bound excludes unpublished
        tag       has a live annotation with this tag: a tag name, or a Tag pk as an integer
        status    workflow status (Article.Status value), or a list of them
        editor    has a live annotation by this user: a username, or a user pk as an integer
        text      title or body contains this text (case-insensitive; Article.objects.search)
        ========= ===============================================================================

        A set with no filter (all values empty) is its picked articles only, not every article.
        An unknown key or a malformed value raises ValueError naming it."""
        filters: dict[str, Any] = {
            k: v for k, v in (self.filters or {}).items() if v not in (None, "", [])
        }
        unknown = sorted(set(filters) - set(self.FILTER_KEYS))
        if unknown:
            raise ValueError(f"set {self.name!r}: unknown filter(s) {', '.join(unknown)}")
        picked = Q(pk__in=self.picked.values("pk")) if self.pk else Q(pk__in=[])
        if not filters:
            return Article.objects.filter(picked).order_by("pk")
        matched = Article.objects.all()
        if "outlet" in filters:
            matched = matched.filter(outlet=str(filters["outlet"]))
        if "date_from" in filters:
            matched = matched.filter(published__date__gte=self._day(filters, "date_from"))
        if "date_to" in filters:
            matched = matched.filter(published__date__lte=self._day(filters, "date_to"))
        if "status" in filters:
            statuses = filters["status"]
            statuses = [statuses] if isinstance(statuses, str) else list(statuses)
            bad = [s for s in statuses if s not in Article.Status.values]
            if bad:
                raise ValueError(f"set {self.name!r}: status {bad[0]!r} is not a workflow status")
            matched = matched.filter(status__in=statuses)
        live = Annotation.objects.filter(article_id=OuterRef("pk"))
        if "tag" in filters:
            tag = filters["tag"]
            matched = matched.filter(
                Exists(
                    live.filter(tag_id=tag) if isinstance(tag, int) else live.filter(tag__name=tag)
                )
            )
        if "editor" in filters:
            editor = filters["editor"]
            username = f"author__{get_user_model().USERNAME_FIELD}"
            matched = matched.filter(
                Exists(
                    live.filter(author_id=editor)
                    if isinstance(editor, int)
                    else live.filter(**{username: editor})
                )
            )
        if "text" in filters:
            matched = matched.search(str(filters["text"]))
        return Article.objects.filter(Q(pk__in=matched.values("pk")) | picked).order_by("pk")

    def articles_or_none(self) -> QuerySet[Article]:
        """`articles()` unordered, for the pages that list and count sets: a set whose stored
        filters are malformed (edited by hand) holds none there rather than breaking them."""
        try:
            return self.articles().order_by()
        except ValueError:
            return Article.objects.none()

    def _day(self, filters: dict[str, Any], key: str) -> date:
        value = filters[key]
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(
                f"set {self.name!r}: {key} {value!r} is not a date (YYYY-MM-DD)"
            ) from None
