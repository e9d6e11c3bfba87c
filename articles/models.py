from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse

from . import content


class ArticleQuerySet(models.QuerySet["Article"]):
    def search(self, query: str) -> ArticleQuerySet:
        query = query.strip()
        if not query:
            return self
        return self.filter(Q(title__icontains=query) | Q(body__icontains=query))

    def with_annotation_counts(self) -> ArticleQuerySet:
        return self.annotate(
            annotation_count=Count(
                "annotations", filter=Q(annotations__deleted_at__isnull=True), distinct=True
            )
        )

    def outlets(self) -> list[str]:
        return list(
            self.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
        )


class Article(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_ANNOTATION = "in_annotation", "In annotation"
        READY = "ready", "Ready for review"
        APPROVED = "approved", "Approved"
        SENT_BACK = "sent_back", "Sent back"

    title = models.CharField(max_length=1000)
    body = models.TextField(help_text="Canonical text: see docs/offsets.md.")
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    byline = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateTimeField(null=True, blank=True)
    external_id = models.CharField(max_length=300, blank=True)
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)
    # Bumped whenever title, body or a caption changes: the page sends it back with every new
    # span so a save against text that changed since the page loaded is refused.
    revision = models.PositiveIntegerField(default=1, editable=False)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="article_unique_external_id",
            ),
        ]
        # The importer finds already-imported articles by URL. Partial, like the external id's:
        # most articles (scraped text) have none. Queries must say `~Q(url="")` to use it.
        indexes = [models.Index(fields=["url"], condition=~Q(url=""), name="article_url")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.title = content.canonical_line(self.title)
        self.body = content.canonical_text(self.body)
        new_hash = content.content_hash(self.title, self.body)
        if self.pk and self.content_hash and new_hash != self.content_hash:
            self.revision = F("revision") + 1
        self.content_hash = new_hash
        super().save(*args, **kwargs)
        if isinstance(self.revision, F):
            self.refresh_from_db(fields=["revision"])

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if not self.pk:
            return
        stored = Article.objects.filter(pk=self.pk).values("title", "body").first()
        if stored is None:
            return
        for field, canonical in (
            ("title", content.canonical_line(self.title)),
            ("body", content.canonical_text(self.body)),
        ):
            if canonical != stored.get(field) and self.annotations.filter(target=field).exists():
                raise ValidationError({field: frozen_text_message(field)})

    def target_text(self, target: str, caption_id: int | None = None) -> str:
        """The canonical text an annotation target points into."""
        if target == "title":
            return self.title
        if target == "body":
            return self.body
        if target == "caption":
            if caption_id is None:
                raise ImageCaption.DoesNotExist("a caption target needs its caption's id")
            return self.captions.get(pk=caption_id).text
        raise ValueError(f"unknown target {target!r}")

    def bump_revision(self) -> None:
        Article.objects.filter(pk=self.pk).update(revision=F("revision") + 1)
        self.refresh_from_db(fields=["revision"])


class ImageCaption(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="captions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    credit = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="caption_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.credit})" if self.credit else self.text

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.text = content.canonical_line(self.text)
        self.credit = content.canonical_line(self.credit)
        changed = (
            self.pk is not None
            and ImageCaption.objects.filter(pk=self.pk).exclude(text=self.text).exists()
        )
        super().save(*args, **kwargs)
        if changed:
            self.article.bump_revision()

    def clean(self) -> None:
        super().clean()
        if not self.pk:
            return
        stored = ImageCaption.objects.filter(pk=self.pk).values_list("text", flat=True).first()
        changed = stored is not None and stored != content.canonical_line(self.text)
        if changed and self.annotations.exists():
            raise ValidationError({"text": frozen_text_message("caption")})


def frozen_text_message(what: str) -> str:
    """Offsets must never silently drift: annotated text is frozen until re-anchoring exists."""
    return (
        f"This {what} has annotations, so its text cannot be edited: their offsets would "
        "drift. Delete those annotations first (re-anchoring is not available yet)."
    )
