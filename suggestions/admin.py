"""Admin for suggestions: a read-only list to review them (filters by status, origin, rule),
with accept and reject actions that go through suggestions.services, and a "Suggest
attributions" action on articles that queues the engine for them in the background.

The article action is added by re-registering articles' ArticleAdmin with a subclass here:
`articles` imports no other app (docs/architecture.md), so the action that needs the engine
lives with the engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from annotations.anchoring import clip
from articles.admin import ArticleAdmin
from articles.models import Article

from . import services
from .models import Suggestion
from .store import text_of
from .tasks import enqueue_suggestions


def _text(suggestion: Suggestion) -> str:
    return text_of(suggestion.article, suggestion.target, suggestion.caption)


def _cut(suggestion: Suggestion, spans: Sequence[Sequence[int]]) -> str:
    text = _text(suggestion)
    return " … ".join(text[start:end] for start, end in spans)


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "article_link",
        "target",
        "source_words",
        "cue_words",
        "content_words",
        "confidence",
        "rule",
        "origin",
        "status",
        "edited",
        "decided_by",
    )
    list_filter = ("status", "edited", "origin", "rule", "target")
    list_select_related = ("article", "caption", "source_entry", "decided_by")
    search_fields = ("article__title", "source_name", "source_entry__name")
    ordering = ("-id",)
    actions = ("accept_selected", "reject_selected")
    fields = (
        "article_link",
        "target",
        "caption",
        "source_words",
        "source_name",
        "source_entry",
        "cue_words",
        "content_words",
        "confidence",
        "rule",
        "origin",
        "origin_version",
        "status",
        "decided_by",
        "decided_at",
        "edited",
        "attribution",
        "created",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # suggestions come from runs and imports, never by hand

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # decided through the actions only (services: the claim, the checks)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return services.can_review(request.user)

    @admin.display(description="Article", ordering="article")
    def article_link(self, suggestion: Suggestion) -> SafeString:
        article = suggestion.article
        return format_html('<a href="{}">{}</a>', article.get_absolute_url(), clip(article.title))

    @admin.display(description="Source")
    def source_words(self, suggestion: Suggestion) -> str:
        words = _cut(suggestion, suggestion.source_spans) or "(implicit)"
        entry = suggestion.source_entry
        return f"{words} → {entry}" if entry else words

    @admin.display(description="Cue")
    def cue_words(self, suggestion: Suggestion) -> str:
        return _cut(suggestion, [suggestion.cue_span])

    @admin.display(description="Content")
    def content_words(self, suggestion: Suggestion) -> str:
        return clip(_cut(suggestion, suggestion.content_spans), 120)

    @admin.action(description="Accept selected suggestions", permissions=["review"])
    def accept_selected(self, request: HttpRequest, queryset: QuerySet[Suggestion]) -> None:
        self._decide(request, queryset, accept=True)

    @admin.action(description="Reject selected suggestions", permissions=["review"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Suggestion]) -> None:
        self._decide(request, queryset, accept=False)

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[Suggestion], *, accept: bool
    ) -> None:
        if not services.can_review(request.user):  # the action's permission, checked again here
            self.message_user(request, "You may not review suggestions.", messages.ERROR)
            return
        user = cast(User, request.user)  # staff: signed in
        done = 0
        refused: Counter[str] = Counter()
        chosen = queryset.select_related("article", "caption", "source_entry").order_by("pk")
        for suggestion in chosen:
            try:
                if accept:
                    services.accept(suggestion, user)
                else:
                    services.reject(suggestion, user)
            except services.SuggestionError as error:
                refused[str(error)] += 1
            else:
                done += 1
        verb = "Accepted" if accept else "Rejected"
        self.message_user(request, f"{verb} {done} suggestion(s).", messages.SUCCESS)
        for reason, count in refused.items():
            self.message_user(request, f"{count} not {verb.lower()}: {reason}", messages.WARNING)


admin.site.unregister(Article)


@admin.register(Article)
class SuggestingArticleAdmin(ArticleAdmin):
    """The articles' admin with the action that queues suggestions for the selected ones."""

    actions = ("suggest_attributions",)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return services.can_review(request.user)

    @admin.action(description="Suggest attributions (in the background)", permissions=["review"])
    def suggest_attributions(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        tasks = enqueue_suggestions(ids)
        self.message_user(
            request,
            f"Suggestions for {len(ids)} article(s) queued in {tasks} background task(s); "
            "unreviewed suggestions they had are replaced, decided ones kept.",
            messages.SUCCESS,
        )
