"""The article list. The article page (articles:detail) is the annotation workspace and lives
with it: annotations.views.spans.article_page, routed by newsroom/urls.py."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from newsroom.http import HtmxHttpRequest, permission_required

from .models import Article

PAGE_SIZE = 25


@require_GET
@permission_required("articles.view_article")
def article_list(request: HtmxHttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "").strip()
    outlet = request.GET.get("outlet", "")
    status = request.GET.get("status", "")
    articles = Article.objects.search(query).with_annotation_counts().order_by("-created", "-id")
    if outlet:
        articles = articles.filter(outlet=outlet)
    if status in Article.Status.values:
        articles = articles.filter(status=status)
    page = Paginator(
        articles.only("id", "title", "outlet", "published", "status", "created"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "outlet": outlet,
        "status": status,
        "outlets": Article.objects.outlets(),
        "statuses": Article.Status.choices,
    }
    template = "articles/article_list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return TemplateResponse(request, template, context)
