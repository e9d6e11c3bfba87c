"""Admin for tags, the source registry, annotations and attributions.

Annotations are made in the annotator, which verifies every span; an admin edit goes through the
same check (anchoring.check_span) and re-cuts quote, prefix and suffix from the article's text,
so hand-typed offsets can never store a quote that disagrees with the text.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString

from articles.content import canonical_line

from . import aliases, anchoring
from .models import Annotation, Attribution, Source, SourceAlias, Tag, normalise_alias


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "role", "colour", "shortcut", "position")
    list_editable = ("position",)
    list_filter = ("role",)
    search_fields = ("name",)
    ordering = ("position", "name")


class SourceAliasFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        # The unique (source, normalised) constraint is on a field the form does not show, so
        # the form cannot check it: catch "BBC" beside "bbc" here rather than as an IntegrityError.
        seen: dict[str, str] = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form in self.deleted_forms:
                continue
            alias = form.cleaned_data.get("alias")
            if not alias:
                continue
            key = normalise_alias(alias)
            if key in seen:
                raise ValidationError(
                    f"“{alias}” and “{seen[key]}” are the same alias.", code="duplicate_alias"
                )
            seen[key] = alias


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    formset = SourceAliasFormSet
    fields = ("alias", "normalised", "confirmed", "confirmed_by", "confirmed_at")
    readonly_fields = ("normalised", "confirmed_by", "confirmed_at")
    extra = 1


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ("name", "kind", "description")

    def clean_name(self) -> str:
        # Source.save stores the canonical name; checking uniqueness on it avoids an
        # IntegrityError for "Jane  Doe" beside "Jane Doe".
        return canonical_line(self.cleaned_data["name"])


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = ("name", "kind", "alias_list", "mention_count")
    list_filter = ("kind",)
    search_fields = ("name", "aliases__alias")
    inlines = (SourceAliasInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related("aliases")
            .annotate(
                mention_count=Count(
                    "mentions", filter=Q(mentions__deleted_at__isnull=True), distinct=True
                )
            )
        )

    @admin.display(description="Aliases")
    def alias_list(self, source: Source) -> str:
        """Each alias, a candidate marked with "?": only confirmed ones match elsewhere."""
        return ", ".join(
            alias.alias if alias.confirmed else f"{alias.alias} (?)"
            for alias in source.aliases.all()
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Record who confirmed an alias ticked here, and forget it for one unticked."""
        for alias in formset.save(commit=False):
            if isinstance(alias, SourceAlias):
                record_confirmation(alias, request.user)
            alias.save()
        for gone in formset.deleted_objects:
            gone.delete()
        formset.save_m2m()

    @admin.display(description="Mentions", ordering="mention_count")
    def mention_count(self, source: Source) -> int:
        return cast(Any, source).mention_count  # annotated by get_queryset


class AnnotationAdminForm(forms.ModelForm):
    class Meta:
        model = Annotation
        fields = (
            "article",
            "target",
            "caption",
            "start",
            "end",
            "tag",
            "source_entry",
            "status",
            "author",
            "note",
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        article, target, caption = (cleaned.get(k) for k in ("article", "target", "caption"))
        start, end = cleaned.get("start"), cleaned.get("end")
        if article is None or not target or start is None or end is None:
            return cleaned  # the missing field already has its error
        if target == Annotation.Target.CAPTION:
            if caption is None:
                self.add_error("caption", "A caption annotation needs its caption.")
                return cleaned
            if caption.article_id != article.pk:
                self.add_error("caption", "Pick a caption of this article.")
                return cleaned
        elif caption is not None:
            self.add_error("caption", "Only a caption annotation points at a caption.")
            return cleaned
        text = article.target_text(target, caption.pk if caption else None)
        annotation = self.instance
        unmoved = annotation.pk is not None and not (
            {"article", "target", "caption", "start", "end"} & set(self.changed_data)
        )
        try:
            if unmoved:
                # Same anchor: the stored quote must still fit; a drift is reported, not hidden.
                anchoring.check_span(text, start, end, annotation.quote)
            else:
                anchoring.check_span(text, start, end, text[start:end])
        except anchoring.AnchorError as exc:
            raise ValidationError(str(exc), code=exc.code) from exc
        selector = anchoring.text_quote(text, start, end)
        annotation.quote = selector.exact
        annotation.prefix = selector.prefix
        annotation.suffix = selector.suffix
        return cleaned


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    form = AnnotationAdminForm
    list_display = ("article", "tag", "short_quote", "author", "status", "created")
    list_filter = ("tag", "status", "author")
    list_select_related = ("article", "tag", "author")
    search_fields = ("quote",)
    raw_id_fields = ("article", "caption", "source_entry")
    readonly_fields = ("client_id", "quote", "prefix", "suffix", "note_preview", "created")
    fieldsets = (
        (None, {"fields": ("article", "target", "caption", "start", "end", "quote")}),
        ("Tagging", {"fields": ("tag", "source_entry", "status", "author")}),
        ("Note", {"fields": ("note", "note_preview")}),
        ("Record", {"fields": ("client_id", "prefix", "suffix", "created")}),
    )

    @admin.display(description="Quote", ordering="quote")
    def short_quote(self, annotation: Annotation) -> str:
        return annotation.quote if len(annotation.quote) <= 80 else annotation.quote[:79] + "…"

    @admin.display(description="Note as shown")
    def note_preview(self, annotation: Annotation) -> SafeString | str:
        # note_html is the note sanitised on save (articles.content.sanitize_html); anything
        # else about the note is shown as escaped text.
        return annotation.note_html if annotation.note else "—"


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    list_display = ("claim", "source_label", "cue", "author", "created")
    list_select_related = (
        "claim__tag",
        "source_span__source_entry",
        "source_entry",
        "cue__tag",
        "author",
    )
    raw_id_fields = ("claim", "fragments", "source_span", "cue", "source_entry")
    search_fields = ("claim__quote", "source_span__quote", "source_entry__name")
    readonly_fields = ("created",)

    @admin.display(description="Source")
    def source_label(self, attribution: Attribution) -> str:
        return attribution.source_label


def record_confirmation(alias: SourceAlias, user: Any) -> None:
    """Make who-and-when agree with the `confirmed` box an admin just set (or left)."""
    if alias.confirmed:
        alias.mark_confirmed(user)
    else:
        alias.mark_unconfirmed()


@admin.register(SourceAlias)
class SourceAliasAdmin(admin.ModelAdmin):
    """Every alias with its confirmed state: candidates (words an editor resolved, imported
    aliases, those the migration to managed aliases left unconfirmed) wait here for an admin;
    only confirmed ones pre-select or resolve an entry in another article."""

    list_display = ("alias", "source", "confirmed", "confirmed_by", "confirmed_at")
    list_filter = ("confirmed",)
    list_select_related = ("source", "confirmed_by")
    search_fields = ("alias", "source__name")
    autocomplete_fields = ("source",)
    fields = ("source", "alias", "confirmed", "confirmed_by", "confirmed_at")
    readonly_fields = ("confirmed_by", "confirmed_at")
    actions = ("confirm", "unconfirm")

    def save_model(self, request: HttpRequest, obj: SourceAlias, form: Any, change: bool) -> None:
        record_confirmation(obj, request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description="Confirm selected aliases", permissions=["change"])
    def confirm(self, request: HttpRequest, queryset: QuerySet[SourceAlias]) -> None:
        """Confirm the selected candidates (a pronoun or bare generic word left from before
        is skipped and named: it can never be an alias)."""
        refused = {a.pk: a.alias for a in queryset if not aliases.may_be_alias(a.alias)}
        done = (
            queryset.filter(confirmed=False)
            .exclude(pk__in=refused)
            .update(confirmed=True, confirmed_by=request.user, confirmed_at=timezone.now())
        )
        self.message_user(request, f"{done} alias(es) confirmed.", messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                f"Never an alias, not confirmed: {', '.join(sorted(refused.values()))}.",
                messages.WARNING,
            )

    @admin.action(description="Unconfirm selected aliases", permissions=["change"])
    def unconfirm(self, request: HttpRequest, queryset: QuerySet[SourceAlias]) -> None:
        done = queryset.filter(confirmed=True).update(
            confirmed=False, confirmed_by=None, confirmed_at=None
        )
        self.message_user(request, f"{done} alias(es) unconfirmed.", messages.SUCCESS)
