"""The reviewers' aggregates: how far each set is in the workflow, what each editor made and
how much of it was accepted, tags, the most cited sources, and how well editors agree per set
and per article. Each reads in a fixed number of queries whatever the data: counts are
aggregated by the database (UNION ALL of one grouped select per set), and only the spans that
agreement needs are read as plain rows. The dashboard (annotations.views.dashboard) and the sets
pages show them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import combinations
from operator import or_
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, F, IntegerField, Min, Q, QuerySet, Value
from django.db.models.functions import Lower

from articles.models import Article

from . import agreement
from .models import AnnotatedSet, Annotation, Source, Tag, target_key

if TYPE_CHECKING:  # django-stubs is a test dependency, not a runtime one
    from django_stubs_ext import WithAnnotations

# --- Which articles the sets hold ----------------------------------------------------------------


def set_members(sets: Sequence[AnnotatedSet], within: QuerySet | None = None) -> list:
    """(set id, article id) for every article of every set (only those in `within`, a queryset
    of article pks, if given), in one query: a UNION ALL of one select per set."""
    parts = []
    for s in sets:
        articles = s.articles_or_none()
        if within is not None:
            articles = articles.filter(pk__in=within)
        parts.append(
            articles.annotate(set_id=Value(s.pk, output_field=IntegerField())).values_list(
                "set_id", "pk"
            )
        )
    return list(parts[0].union(*parts[1:], all=True).order_by()) if parts else []


def set_status_counts(sets: Sequence[AnnotatedSet], *, everything: bool = False) -> dict:
    """{set id: Counter(status -> articles)} in one query (a UNION ALL of one grouped count per
    set); with `everything`, key 0 counts all articles."""
    parts = [
        Article.objects.filter(pk__in=s.articles_or_none().values("pk"))
        .order_by()
        .values("status")
        .annotate(n=Count("pk"), set_id=Value(s.pk, output_field=IntegerField()))
        .values_list("set_id", "status", "n")
        for s in sets
    ]
    if everything:
        parts.insert(
            0,
            Article.objects.order_by()
            .values("status")
            .annotate(n=Count("pk"), set_id=Value(0, output_field=IntegerField()))
            .values_list("set_id", "status", "n"),
        )
    counts: dict[int, Counter] = defaultdict(Counter)
    if parts:
        for set_id, status, n in parts[0].union(*parts[1:], all=True).order_by():
            counts[set_id][status] += n
    return counts


@dataclass(slots=True)
class PairAgreement:
    set_name: str
    a: str
    b: str
    figures: agreement.Agreement

    @property
    def label(self) -> str:
        return f"{self.set_name}: {self.a} × {self.b}"


@dataclass(slots=True)
class ArticlePair:
    """One article two editors both annotated, with their agreement on it."""

    article_id: int
    a: str
    b: str
    figures: agreement.Agreement
    title: str = ""


class EditorRow(TypedDict):
    author_id: int
    username: str
    total: int
    accepted: int
    pending: int
    rejected: int


def editor_rows() -> list[EditorRow]:
    live = Annotation.objects.order_by()
    return list(
        live.values("author_id")
        .annotate(
            username=F("author__username"),
            total=Count("pk"),
            accepted=Count("pk", filter=Q(status=Annotation.Status.ACCEPTED)),
            pending=Count("pk", filter=Q(status=Annotation.Status.PENDING)),
            rejected=Count("pk", filter=Q(status=Annotation.Status.REJECTED)),
        )
        .order_by("-total", "username")
    )


class TagCount(TypedDict):
    n: int  # the tag's live annotations


def tag_rows() -> list[WithAnnotations[Tag, TagCount]]:
    return list(
        Tag.objects.annotate(
            n=Count("annotations", filter=Q(annotations__deleted_at__isnull=True))
        ).order_by("position", "name")
    )


@dataclass(slots=True)
class Cited:
    label: str
    count: int
    registered: bool
    kind: str = ""


def most_cited(limit: int = 10) -> list[Cited]:
    """Registry entries by citations (live Source spans resolved to them, plus attributions that
    name them directly), and unresolved Source spans grouped by their wording, case-insensitive:
    the top `limit` of both together. Two queries."""
    entries = (
        Source.objects.annotate(
            spans=Count("mentions", filter=Q(mentions__deleted_at__isnull=True), distinct=True),
            direct=Count(
                "attributions", filter=Q(attributions__source_span__isnull=True), distinct=True
            ),
        )
        .annotate(total=F("spans") + F("direct"))
        .filter(total__gt=0)
        .order_by("-total", "name")
        .values_list("name", "kind", "total")[:limit]
    )
    kinds = dict(Source.Kind.choices)
    cited = [Cited(name, total, True, kinds.get(kind, kind)) for name, kind, total in entries]
    loose = (
        Annotation.objects.filter(tag__role=Tag.Role.SOURCE, source_entry__isnull=True)
        .order_by()
        .annotate(wording=Lower("quote"))
        .values("wording")
        .annotate(n=Count("pk"), label=Min("quote"))
        .order_by("-n", "wording")
        .values_list("label", "n")[:limit]
    )
    cited += [Cited(f"“{label}”", n, False) for label, n in loose]
    cited.sort(key=lambda c: (-c.count, not c.registered, c.label.casefold()))
    return cited[:limit]


def set_agreements(sets: Sequence[AnnotatedSet]) -> tuple[list[PairAgreement], list[ArticlePair]]:
    """For each set and each pair of editors who both annotated at least one of its articles:
    their agreement micro-averaged over those articles; and the per-article figures behind
    them. Two queries: the memberships, and the spans of the set articles that two or more
    editors annotated."""
    if not sets:
        return [], []
    shared = (
        Annotation.objects.order_by()
        .values("article_id")
        .annotate(editors=Count("author_id", distinct=True))
        .filter(editors__gte=2)
        .values("article_id")
    )
    members: dict[int, list[int]] = defaultdict(list)
    for set_id, article_id in set_members(sets, within=shared):
        members[set_id].append(article_id)
    if not members:
        return [], []
    spans: dict[int, dict[str, list[agreement.Span]]] = defaultdict(lambda: defaultdict(list))
    in_any = {pk for ids in members.values() for pk in ids}
    in_a_set = reduce(or_, (Q(article_id__in=s.articles_or_none().values("pk")) for s in sets))
    rows = (
        Annotation.objects.filter(in_a_set, article_id__in=shared)
        .order_by()
        .values_list("pk", "article_id", "target", "caption_id", "start", "end", "tag_id")
        .annotate(username=F("author__username"))
    )
    for pk, article_id, target, caption_id, start, end, tag_id, username in rows:
        if article_id not in in_any:
            continue
        key = target_key(target, caption_id)
        spans[article_id][username].append(agreement.Span(key, start, end, tag_id, key=pk))
    per_article: dict[tuple[int, str, str], agreement.Agreement] = {}
    for article_id in sorted(in_any):
        by_editor = spans[article_id]
        for a, b in combinations(sorted(by_editor), 2):
            per_article[(article_id, a, b)] = agreement.agreement(by_editor[a], by_editor[b])
    out = []
    names = {s.pk: s.name for s in sets}
    for set_id in sorted(members, key=lambda pk: names[pk].casefold()):
        totals: dict[tuple[str, str], agreement.Agreement] = defaultdict(agreement.Agreement)
        for article_id in members[set_id]:
            by_editor = spans[article_id]
            for a, b in combinations(sorted(by_editor), 2):
                totals[(a, b)] = totals[(a, b)] + per_article[(article_id, a, b)]
        for (a, b), figures in sorted(totals.items(), key=lambda kv: -kv[1].articles):
            out.append(PairAgreement(names[set_id], a, b, figures))
    articles = [ArticlePair(pk, a, b, figures) for (pk, a, b), figures in per_article.items()]
    return out, articles


def least_agreed(pairs: list[ArticlePair], limit: int = 10) -> list[ArticlePair]:
    """The articles where two editors agree least (overlap F1, then exact F1), with titles."""
    worst = sorted(
        pairs, key=lambda p: (p.figures.overlap.f1 or 0, p.figures.exact.f1 or 0, p.article_id)
    )[:limit]
    titles = dict(
        Article.objects.filter(pk__in=[p.article_id for p in worst]).values_list("pk", "title")
    )
    for p in worst:
        p.title = titles.get(p.article_id, "")
    return worst


def set_counts(sets: Sequence[AnnotatedSet]) -> dict[int, int]:
    """{set id: articles} in one query."""
    return {pk: sum(c.values()) for pk, c in set_status_counts(sets).items()}
