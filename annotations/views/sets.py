"""Annotated sets: the list, building a set from filters and picked articles (with a live
count of what it would hold), picking articles by hand, deleting. A set's membership is
AnnotatedSet.articles(); its form is annotations.forms.SetForm; the counts come from
annotations.stats. Permissions: the AnnotatedSet model permissions (newsroom.http)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from articles.models import Article
from newsroom.http import HtmxHttpRequest, SignedInRequest, permission_required

from .. import stats
from ..forms import SetForm
from ..models import AnnotatedSet

if TYPE_CHECKING:  # django-stubs is a test dependency, not a runtime one
    from django_stubs_ext import WithAnnotations

FORM_TEMPLATE = "annotations/sets_form.html"
PICK_PAGE = 20


class SetListing(TypedDict):
    """What the list of sets adds to each set."""

    article_count: int
    filter_summary: str


def preview_context(annotated_set: AnnotatedSet) -> dict:
    articles = annotated_set.articles_or_none()
    return {
        "preview_count": articles.count(),
        "preview_sample": list(articles.order_by("-published", "-pk").only("id", "title")[:5]),
        "has_filters": bool(annotated_set.filters),
    }


FILTER_LABELS = {
    "outlet": "outlet",
    "date_from": "from",
    "date_to": "until",
    "tag": "tagged",
    "status": "status",
    "editor": "by",
    "text": "contains",
}


def filter_summary(filters: dict) -> str:
    """The filters in words for the list of sets: outlet Daily Ledger · contains “bridge”."""
    statuses = dict(Article.Status.choices)
    parts = []
    for key, label in FILTER_LABELS.items():
        value = (filters or {}).get(key)
        if value in (None, "", []):
            continue
        if key == "status":
            values = [value] if isinstance(value, str) else list(value)
            value = ", ".join(str(statuses.get(v, v)) for v in values)
        elif key == "text":
            value = f"“{value}”"
        parts.append(f"{label} {value}")
    return " · ".join(parts)


@require_GET
@permission_required("annotations.view_annotatedset")
def set_list(request: HtmxHttpRequest) -> HttpResponse:
    # Each set also carries its count and its filters in words, for the template.
    sets = cast(
        "list[WithAnnotations[AnnotatedSet, SetListing]]",
        list(AnnotatedSet.objects.select_related("created_by").order_by("name")),
    )
    counts = stats.set_counts(sets)
    for s in sets:
        s.article_count = counts.get(s.pk, 0)
        s.filter_summary = filter_summary(s.filters)
    return render(
        request,
        "annotations/sets.html",
        {
            "sets": sets,
            "can_export": request.user.has_perm("annotations.export_annotations"),
            "can_add": request.user.has_perm("annotations.add_annotatedset"),
            "can_change": request.user.has_perm("annotations.change_annotatedset"),
            "can_delete": request.user.has_perm("annotations.delete_annotatedset"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("annotations.add_annotatedset")
def set_create(request: SignedInRequest) -> HttpResponse:
    form = SetForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        annotated_set = AnnotatedSet(
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            filters=form.filters(),
            created_by=request.user,
        )
        annotated_set.full_clean(exclude=["created_by"])  # set by hand; may be gone (SET_NULL)
        annotated_set.save()
        messages.success(request, f"Set “{annotated_set.name}” saved. Pick articles by hand below.")
        return redirect("annotations:set_edit", annotated_set.pk)
    draft = AnnotatedSet(filters=form.filters() if form.is_bound and form.is_valid() else {})
    context = {"form": form, "set": None, **preview_context(draft)}
    return render(request, FORM_TEMPLATE, context, status=422 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
@permission_required("annotations.change_annotatedset")
def set_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    annotated_set = get_object_or_404(AnnotatedSet, pk=pk)
    form = SetForm(request.POST if request.method == "POST" else None, instance=annotated_set)
    if request.method == "POST" and form.is_valid():
        annotated_set.name = form.cleaned_data["name"]
        annotated_set.description = form.cleaned_data["description"]
        annotated_set.filters = form.filters()
        annotated_set.full_clean(exclude=["created_by"])  # set by hand; may be gone (SET_NULL)
        annotated_set.save()
        messages.success(request, f"Set “{annotated_set.name}” saved.")
        return redirect("annotations:set_edit", annotated_set.pk)
    context = {
        "form": form,
        "set": annotated_set,
        **preview_context(annotated_set),
        **pick_context(request, annotated_set),
    }
    return render(request, FORM_TEMPLATE, context, status=422 if form.is_bound else 200)


@require_GET
@permission_required("annotations.add_annotatedset", "annotations.change_annotatedset", any_of=True)
def set_preview(request: HtmxHttpRequest) -> HttpResponse:
    """The live count under the filters form: what the set would hold with these values (and,
    for a saved set, its picked articles). Invalid values are left out of the count (the form
    reports them on save)."""
    form = SetForm(request.GET)
    form.is_valid()
    filters = form.filters()
    set_id = request.GET.get("set", "")
    if set_id.isdigit():
        target = get_object_or_404(AnnotatedSet, pk=int(set_id))
        target.filters = filters  # not saved: only what the count would be
    else:
        target = AnnotatedSet(filters=filters)
    return render(request, f"{FORM_TEMPLATE}#preview", preview_context(target))


def pick_context(request: HtmxHttpRequest, annotated_set: AnnotatedSet) -> dict:
    """A page of articles to pick from (searched by ?q=), each with whether it is picked and
    whether the set's filters match it. Three queries whatever the page size."""
    query = request.GET.get("q", "").strip()
    only_picked = request.GET.get("picked") == "1"
    articles = Article.objects.search(query)
    if only_picked:
        articles = articles.filter(sets=annotated_set)
    page = Paginator(
        articles.order_by("-published", "-pk").only("id", "title", "outlet", "published", "status"),
        PICK_PAGE,
    ).get_page(request.GET.get("page"))
    ids = [a.pk for a in page.object_list]
    picked = set(annotated_set.picked.filter(pk__in=ids).values_list("pk", flat=True))
    matched = (
        set(
            articles_matching_filters(annotated_set).filter(pk__in=ids).values_list("pk", flat=True)
        )
        if annotated_set.filters
        else set()
    )
    rows = [(a, a.pk in picked, a.pk in matched) for a in page.object_list]
    return {
        "pick_page": page,
        "pick_rows": rows,
        "pick_query": query,
        "only_picked": only_picked,
        "picked_count": annotated_set.picked.count(),
    }


def articles_matching_filters(annotated_set: AnnotatedSet) -> QuerySet[Article]:
    return AnnotatedSet(name=annotated_set.name, filters=annotated_set.filters).articles_or_none()


@require_GET
@permission_required("annotations.change_annotatedset")
def set_articles(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The pick list alone: what the search box and the pager swap."""
    annotated_set = get_object_or_404(AnnotatedSet, pk=pk)
    context = {"set": annotated_set, **pick_context(request, annotated_set)}
    return render(request, f"{FORM_TEMPLATE}#picklist", context)


@require_POST
@permission_required("annotations.change_annotatedset")
def set_pick(request: HtmxHttpRequest, pk: int, article_id: int) -> HttpResponse:
    """Pick (`picked` sent, the checkbox is ticked) or unpick (not sent) one article. Idempotent:
    the request says the state wanted, not a toggle. Answers the row and the counts."""
    annotated_set = get_object_or_404(AnnotatedSet, pk=pk)
    article = get_object_or_404(
        Article.objects.only("id", "title", "outlet", "published", "status"), pk=article_id
    )
    picked = "picked" in request.POST
    if picked:
        annotated_set.picked.add(article)
    else:
        annotated_set.picked.remove(article)
    AnnotatedSet.objects.filter(pk=annotated_set.pk).update(updated=timezone.now())
    if not request.htmx:
        return redirect("annotations:set_edit", annotated_set.pk)
    matched = (
        articles_matching_filters(annotated_set).filter(pk=article.pk).exists()
        if annotated_set.filters
        else False
    )
    context = {
        "set": annotated_set,
        "article": article,
        "picked": picked,
        "matched": matched,
        "picked_count": annotated_set.picked.count(),
    }
    response = render(request, f"{FORM_TEMPLATE}#pick_response", context)
    # The live count under the filters form refreshes itself on this event, with the form's
    # current (maybe unsaved) values.
    return trigger_client_event(response, "set-picked")


@require_http_methods(["GET", "POST"])
@permission_required("annotations.delete_annotatedset")
def set_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes (the articles and annotations stay)."""
    annotated_set = get_object_or_404(AnnotatedSet, pk=pk)
    if request.method == "POST":
        name = annotated_set.name
        annotated_set.delete()
        messages.success(request, f"Set “{name}” deleted.")
        return redirect("annotations:sets")
    count = stats.set_counts([annotated_set]).get(annotated_set.pk, 0)
    return render(
        request, "annotations/sets_delete.html", {"set": annotated_set, "article_count": count}
    )
