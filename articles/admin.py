"""Admin for articles and their captions (the import history is interchange/admin.py).

Annotated text is frozen (offsets must not drift): Article.clean and ImageCaption.clean refuse the
edit, and Django's ModelForm runs them, so the admin shows their message as a field error. The
caption formset adds the one case clean() cannot see: deleting an annotated caption.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest

from .models import Article, ArticleQuerySet, ImageCaption


class ImageCaptionFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        for form in self.deleted_forms:
            caption = form.instance
            # Deleting would cascade to its annotations without the admin's usual warning page.
            if caption.pk and caption.annotations.exists():
                raise ValidationError(
                    f"The caption “{caption.text}” has annotations, so it cannot be deleted. "
                    "Delete those annotations first.",
                    code="annotated_caption",
                )


class ImageCaptionInline(admin.TabularInline):
    model = ImageCaption
    formset = ImageCaptionFormSet
    fields = ("position", "text", "credit")
    ordering = ("position", "id")
    extra = 0
    # Captions are one line (canonical_line): a two-row box is enough to read them.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "outlet", "status", "published", "annotation_count")
    list_filter = ("outlet", "status")
    search_fields = ("title", "body")
    date_hierarchy = "published"
    readonly_fields = ("content_hash", "revision", "created", "updated")
    fieldsets = (
        (None, {"fields": ("title", "body", "status")}),
        ("Source", {"fields": ("outlet", "byline", "url", "published", "external_id")}),
        ("Record", {"fields": readonly_fields, "classes": ("collapse",)}),
    )
    inlines = (ImageCaptionInline,)

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[Article]:
        return cast(ArticleQuerySet, super().get_queryset(request)).with_annotation_counts()

    @admin.display(description="Annotations", ordering="annotation_count")
    def annotation_count(self, article: Article) -> int:
        return cast(Any, article).annotation_count  # annotated by get_queryset
