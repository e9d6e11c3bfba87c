from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from annotations.views import workspace_context
from newsroom.http import htmx_login_required

from .models import Article

PAGE_SIZE = 25


@require_GET
@htmx_login_required
@permission_required("articles.view_article", raise_exception=True)
def article_list(request) -> TemplateResponse:
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


@require_GET
@htmx_login_required
@permission_required("articles.view_article", raise_exception=True)
def article_detail(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    return render(request, "articles/article_detail.html", workspace_context(article, request.user))
