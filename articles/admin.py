"""Admin for articles, their captions and the import history.

Annotated text is frozen (offsets must not drift): Article.clean and ImageCaption.clean refuse the
edit, and Django's ModelForm runs them, so the admin shows their message as a field error. The
caption formset adds the one case clean() cannot see: deleting an annotated caption.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.html import format_html

from .models import Article, ImageCaption, ImportRecord


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
        return super().get_queryset(request).with_annotation_counts()

    @admin.display(description="Annotations", ordering="annotation_count")
    def annotation_count(self, article: Article) -> int:
        return article.annotation_count


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Import history is an audit trail: viewable, never written by hand."""

    list_display = (
        "started",
        "format",
        "file_list",
        "user",
        "dry_run",
        "created_count",
        "updated_count",
        "skipped_count",
        "failed_count",
        "finished",
    )
    list_filter = ("format", "dry_run")
    list_select_related = ("user",)
    date_hierarchy = "started"
    fields = (
        "started",
        "finished",
        "user",
        "format",
        "file_list",
        "dry_run",
        "created_count",
        "updated_count",
        "skipped_count",
        "failed_count",
        "report_listing",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ImportRecord | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ImportRecord | None = None) -> bool:
        return False

    @admin.display(description="Files")
    def file_list(self, record: ImportRecord) -> str:
        return ", ".join(str(name) for name in record.files)

    @admin.display(description="Report")
    def report_listing(self, record: ImportRecord) -> str:
        if not record.report:
            return "No problems reported."
        # The report's rows come from imported files: shown as escaped text, never as HTML.
        return format_html("<pre>{}</pre>", json.dumps(record.report, indent=2, ensure_ascii=False))
