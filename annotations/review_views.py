"""Reviewers' pages: two editors' annotations of an article side by side with their agreement,
the review dashboard, and annotated sets (build, pick, list, delete).

Reviewers and admins only: comparing and the dashboard need `annotations.add_review` (the
permission that makes someone a reviewer, see annotations.workflow.roles_for); sets need the
AnnotatedSet model permissions. Every page reads in a number of queries that does not grow with
the data: counts are aggregated by the database, and only the spans that agreement needs are read
as plain rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import combinations
from operator import or_

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, Min, Q, QuerySet, Value
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from articles.models import Article
from newsroom.http import htmx_login_required

from . import agreement, charts, highlight
from .models import AnnotatedSet, Annotation, Source, Tag

REVIEW_PERM = "annotations.add_review"

STATUS_SERIES = [
    charts.Series(label, value.replace("_", "-"))
    for value, label in (
        (Article.Status.NEW, "New"),
        (Article.Status.IN_ANNOTATION, "In annotation"),
        (Article.Status.READY, "Ready for review"),
        (Article.Status.SENT_BACK, "Sent back"),
        (Article.Status.APPROVED, "Approved"),
    )
]
STATUS_ORDER = [
    Article.Status.NEW,
    Article.Status.IN_ANNOTATION,
    Article.Status.READY,
    Article.Status.SENT_BACK,
    Article.Status.APPROVED,
]
REVIEW_SERIES = [
    charts.Series("Accepted", "accepted"),
    charts.Series("Pending review", "pending"),
    charts.Series("Rejected", "rejected"),
]
AGREEMENT_SERIES = [
    charts.Series("F1 exact", "f1-exact"),
    charts.Series("F1 overlap", "f1-overlap"),
    charts.Series("Cohen's kappa", "kappa"),
]


def tags_by_id() -> dict[int, Tag]:
    return {t.pk: t for t in Tag.objects.all()}


# --- Comparing two editors ------------------------------------------------------------------------

# How a span of one editor is marked by what the other has there (annotations.agreement):
# the declarations go into the page's nonce'd stylesheet, applied to the spans by id.
MARKS = {
    agreement.ONLY: ("only this editor", "outline:2px dashed #b42318;outline-offset:0"),
    agreement.OVERLAP: ("other boundaries", "outline:2px dotted #9a3412;outline-offset:0"),
    agreement.OTHER_TAG: ("other tag", "outline:3px double #6d28d9;outline-offset:0"),
}


@dataclass(slots=True)
class Column:
    editor: str
    prefix: str  # for the ids of this column's paragraphs
    title_html: list
    caption_blocks: list
    body_html: list
    counts: dict[str, int]  # same, other_tag, overlap, only
    unmatched: list  # (quote, tag, status label) of the spans the other editor lacks


def status_stylesheet(prefix: str, status: dict[int, str]) -> str:
    """Per-status outlines for one column: `#<prefix>col mark:is([data-ann~="12"], …)`. The ids
    are integers and the declarations fixed above, so nothing else can reach the stylesheet."""
    by_status: dict[str, list[int]] = defaultdict(list)
    for pk, state in status.items():
        if state in MARKS:
            by_status[state].append(int(pk))
    rules = []
    for state, ids in sorted(by_status.items()):
        selectors = ",".join(f'[data-ann~="{pk}"]' for pk in sorted(ids))
        rules.append(f"#{prefix}col mark:is({selectors}){{{MARKS[state][1]}}}")
    return "".join(rules)


def legend_stylesheet() -> str:
    return "".join(f".mark-{state}{{{decl}}}" for state, (_, decl) in MARKS.items())


def build_column(
    article: Article,
    captions: list,
    editor: str,
    prefix: str,
    rows: list[tuple],
    status: dict[int, str],
    tags: dict[int, Tag],
) -> Column:
    spans: dict[str, list[highlight.SpanInfo]] = defaultdict(list)
    unmatched = []
    tally = Counter(
        {agreement.SAME: 0, agreement.OTHER_TAG: 0, agreement.OVERLAP: 0, agreement.ONLY: 0}
    )
    for pk, key, start, end, tag_id, quote in rows:
        state = status.get(pk, agreement.ONLY)
        tally[state] += 1
        note = MARKS.get(state, ("",))[0]
        name = tags[tag_id].name
        spans[key].append(
            highlight.SpanInfo(pk, start, end, tag_id, f"{name} ({note})" if note else name)
        )
        if state in MARKS:
            unmatched.append((quote, name, note, state))
    counts = {state.replace("-", "_"): n for state, n in tally.items()}
    return Column(
        editor=editor,
        prefix=prefix,
        title_html=highlight.render_text(
            "title", article.title, spans["title"], "span", id_prefix=prefix
        ),
        caption_blocks=[
            (
                c,
                highlight.render_text(
                    f"caption-{c.pk}", c.text, spans[f"caption-{c.pk}"], "span", id_prefix=prefix
                ),
            )
            for c in captions
        ],
        body_html=highlight.render_text("body", article.body, spans["body"], id_prefix=prefix),
        counts=counts,
        unmatched=unmatched,
    )


@require_GET
@htmx_login_required
@permission_required(REVIEW_PERM, raise_exception=True)
def compare(request: HttpRequest, article_id: int) -> HttpResponse:
    """Two editors' spans of one article side by side (?a=<username>&b=<username>, by default
    the first two editors by name), each column marked where the other editor differs, with the
    article's agreement figures."""
    article = get_object_or_404(Article, pk=article_id)
    captions = list(article.captions.all())
    tags = tags_by_id()
    by_editor: dict[str, list[tuple]] = defaultdict(list)
    rows = (
        Annotation.objects.filter(article=article)
        .order_by("target", "caption_id", "start", "-end", "id")
        .values_list("id", "target", "caption_id", "start", "end", "tag_id", "quote")
        .annotate(username=F("author__username"))
    )
    for pk, target, caption_id, start, end, tag_id, quote, username in rows:
        key = f"caption-{caption_id}" if target == Annotation.Target.CAPTION else target
        by_editor[username].append((pk, key, start, end, tag_id, quote))
    editors = sorted(by_editor)
    a = request.GET.get("a") or (editors[0] if editors else "")
    b = request.GET.get("b") or next((e for e in editors if e != a), "")
    context = {
        "article": article,
        "editors": editors,
        "a": a,
        "b": b,
        "tags": list(tags.values()),
        "tag_css": highlight.tag_stylesheet((t.pk, t.colour) for t in tags.values()),
        "problem": "",
    }
    if len(editors) < 2:
        context["problem"] = (
            "Only one editor has annotated this article: there is nothing to compare yet."
            if editors
            else "Nobody has annotated this article yet."
        )
    elif a not in by_editor or b not in by_editor:
        missing = a if a not in by_editor else b
        context["problem"] = f"“{missing}” has no annotations on this article: pick another editor."
    elif a == b:
        context["problem"] = "Pick two different editors."
    if context["problem"]:
        return render(request, "annotations/compare.html", context)

    def spans(editor: str) -> list[agreement.Span]:
        return [agreement.Span(k, s, e, t, key=pk) for pk, k, s, e, t, _ in by_editor[editor]]

    result = agreement.compare(spans(a), spans(b))
    columns = [
        build_column(article, captions, a, "a-", by_editor[a], result.status_a, tags),
        build_column(article, captions, b, "b-", by_editor[b], result.status_b, tags),
    ]
    context.update(
        figures=result.agreement,
        kappa=result.agreement.kappa,
        columns=columns,
        marks=[(state, label) for state, (label, _) in MARKS.items()],
        # Safe: integers and the fixed declarations of MARKS only (see status_stylesheet); the
        # quotes of the attribute selectors must reach the stylesheet unescaped.
        status_css=mark_safe(  # noqa: S308
            legend_stylesheet()
            + status_stylesheet("a-", result.status_a)
            + status_stylesheet("b-", result.status_b)
        ),
    )
    return render(request, "annotations/compare.html", context)


# --- Which articles a set holds ---------------------------------------------------------------


def resolve(annotated_set: AnnotatedSet) -> QuerySet[Article]:
    """The set's articles; a set whose stored filters are malformed (edited by hand) holds none
    here rather than breaking every page that lists sets."""
    try:
        return annotated_set.articles().order_by()
    except ValueError:
        return Article.objects.none()


def set_members(sets: Sequence[AnnotatedSet], within: QuerySet | None = None) -> list:
    """(set id, article id) for every article of every set (only those in `within`, a queryset
    of article pks, if given), in one query: a UNION ALL of one select per set."""
    parts = []
    for s in sets:
        articles = resolve(s)
        if within is not None:
            articles = articles.filter(pk__in=within)
        parts.append(
            articles.annotate(set_id=Value(s.pk, output_field=IntegerField())).values_list(
                "set_id", "pk"
            )
        )
    return list(parts[0].union(*parts[1:], all=True).order_by()) if parts else []


def status_counts(sets: Sequence[AnnotatedSet], *, everything: bool = False) -> dict:
    """{set id: Counter(status -> articles)} in one query (a UNION ALL of one grouped count per
    set); with `everything`, key 0 counts all articles."""
    parts = [
        Article.objects.filter(pk__in=resolve(s).values("pk"))
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


# --- The dashboard ------------------------------------------------------------------------------


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

    @property
    def label(self) -> str:
        return f"{self.set_name}: {self.a} × {self.b}"


def editor_rows() -> list[dict]:
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


def tag_rows() -> list[Tag]:
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
    in_a_set = reduce(or_, (Q(article_id__in=resolve(s).values("pk")) for s in sets))
    rows = (
        Annotation.objects.filter(in_a_set, article_id__in=shared)
        .order_by()
        .values_list("pk", "article_id", "target", "caption_id", "start", "end", "tag_id")
        .annotate(username=F("author__username"))
    )
    for pk, article_id, target, caption_id, start, end, tag_id, username in rows:
        if article_id not in in_any:
            continue
        key = f"caption-{caption_id}" if target == Annotation.Target.CAPTION else target
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


@require_GET
@htmx_login_required
@permission_required(REVIEW_PERM, raise_exception=True)
def dashboard(request: HttpRequest) -> HttpResponse:
    sets = list(AnnotatedSet.objects.order_by("name"))
    progress = status_counts(sets, everything=True)
    progress_rows = [
        (label, set_id, values, sum(values))
        for label, set_id in [("All articles", 0)] + [(s.name, s.pk) for s in sets]
        for values in [[progress.get(set_id, Counter())[status] for status in STATUS_ORDER]]
    ]
    editors = editor_rows()
    tags = tag_rows()
    cited = most_cited()
    pairs, article_pairs = set_agreements(sets)
    context = {
        "progress_rows": progress_rows,
        "statuses": list(zip(STATUS_ORDER, STATUS_SERIES, strict=True)),
        "editors": editors,
        "tags": tags,
        "cited": cited,
        "pairs": pairs,
        "least_agreed": least_agreed(article_pairs),
        "progress_chart": charts.stacked_bar_chart(
            "chart-progress",
            "Articles per set by workflow status",
            [charts.Row(label, values) for label, _, values, _ in progress_rows],
            series=STATUS_SERIES,
            width=1280,  # the one chart across the whole page
        ),
        "editor_chart": charts.stacked_bar_chart(
            "chart-editors",
            "Annotations per editor by review status",
            [
                charts.Row(e["username"], [e["accepted"], e["pending"], e["rejected"]])
                for e in editors
            ],
            series=REVIEW_SERIES,
            empty="No annotations yet.",
        ),
        "tag_chart": charts.bar_chart(
            "chart-tags",
            "Annotations per tag",
            [charts.Row(t.name, [t.n], t.colour) for t in tags],
            series=charts.Series("Annotations", "tag"),
        ),
        "cited_chart": charts.bar_chart(
            "chart-sources",
            "Most cited sources",
            [
                charts.Row(c.label, [c.count], css="source" if c.registered else "unresolved")
                for c in cited
            ],
            series=charts.Series("Citations", "source"),
            empty="No Source spans yet.",
        ),
        "agreement_chart": charts.grouped_bar_chart(
            "chart-agreement",
            "Agreement per set and pair of editors",
            [
                charts.Row(
                    p.label, [p.figures.exact.f1, p.figures.overlap.f1, p.figures.kappa.value]
                )
                for p in pairs
            ],
            series=AGREEMENT_SERIES,
            empty="No set has an article annotated by two editors yet.",
        ),
    }
    return render(request, "annotations/dashboard.html", context)


# --- Annotated sets -----------------------------------------------------------------------------

PICK_PAGE = 20


class SetForm(forms.Form):
    """A set's name and description and the filters stored in AnnotatedSet.filters (the keys
    and values AnnotatedSet.articles reads: a tag by name, an editor by
    username, days as YYYY-MM-DD)."""

    name = forms.CharField(max_length=200)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    outlet = forms.ChoiceField(required=False)
    date_from = forms.DateField(
        required=False, label="Published from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="Published until", widget=forms.DateInput(attrs={"type": "date"})
    )
    tag = forms.ChoiceField(required=False, label="Has a span tagged")
    status = forms.ChoiceField(
        required=False,
        label="Workflow status",
        choices=[("", "Any status"), *Article.Status.choices],
    )
    editor = forms.ChoiceField(required=False, label="Annotated by")
    text = forms.CharField(required=False, max_length=200, label="Title or text contains")

    FILTERS = ("outlet", "date_from", "date_to", "tag", "status", "editor", "text")

    def __init__(self, data=None, *, instance: AnnotatedSet | None = None) -> None:
        self.instance = instance
        initial = {}
        if instance is not None:
            initial = {
                "name": instance.name,
                "description": instance.description,
                **(instance.filters or {}),
            }
        super().__init__(data, initial=initial)
        initial = self.data if self.is_bound else self.initial

        def with_current(values: list[str], field: str) -> list[str]:
            # A value stored earlier (an outlet since emptied, a renamed user) stays selectable.
            current = str(initial.get(field) or "")
            return values + [current] if current and current not in values else values

        outlets = with_current(Article.objects.outlets(), "outlet")
        self.fields["outlet"].choices = [("", "All outlets")] + [(o, o) for o in outlets]
        tags = with_current(list(Tag.objects.values_list("name", flat=True)), "tag")
        self.fields["tag"].choices = [("", "Any tag")] + [(t, t) for t in tags]
        editors = with_current(
            list(
                Annotation.objects.order_by("author__username")
                .values_list("author__username", flat=True)
                .distinct()
            ),
            "editor",
        )
        self.fields["editor"].choices = [("", "Anyone")] + [(e, e) for e in editors]
        for key in self.FILTERS:
            self.fields[key].widget.attrs["class"] = "filter-input"

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = AnnotatedSet.objects.filter(name__iexact=name)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError("A set with this name exists already.")
        return name

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end of the range comes before its start.")
        return data

    def filters(self) -> dict:
        """The non-empty filters, as stored in AnnotatedSet.filters."""
        out = {}
        for key in self.FILTERS:
            value = self.cleaned_data.get(key)
            if value in (None, ""):
                continue
            out[key] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
        return {k: v for k, v in out.items() if v}


def preview_filters(request: HttpRequest) -> dict:
    """Filters from the form's live (unsaved) values; invalid ones are left out of the count
    (the form reports them on save)."""
    form = SetForm(request.GET)
    form.is_valid()
    return {
        key: (value.isoformat() if hasattr(value, "isoformat") else str(value).strip())
        for key, value in form.cleaned_data.items()
        if key in SetForm.FILTERS and value not in (None, "")
    }


def preview_context(annotated_set: AnnotatedSet) -> dict:
    articles = resolve(annotated_set)
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


def set_counts(sets: Sequence[AnnotatedSet]) -> dict[int, int]:
    return {pk: sum(c.values()) for pk, c in status_counts(sets).items()}


@require_GET
@htmx_login_required
@permission_required("annotations.view_annotatedset", raise_exception=True)
def set_list(request: HttpRequest) -> HttpResponse:
    sets = list(AnnotatedSet.objects.select_related("created_by").order_by("name"))
    counts = set_counts(sets)
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
@htmx_login_required
@permission_required("annotations.add_annotatedset", raise_exception=True)
def set_create(request: HttpRequest) -> HttpResponse:
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
    return render(
        request, "annotations/sets_form.html", context, status=422 if form.is_bound else 200
    )


@require_http_methods(["GET", "POST"])
@htmx_login_required
@permission_required("annotations.change_annotatedset", raise_exception=True)
def set_edit(request: HttpRequest, pk: int) -> HttpResponse:
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
    return render(
        request, "annotations/sets_form.html", context, status=422 if form.is_bound else 200
    )


@require_GET
@htmx_login_required
def set_preview(request: HttpRequest) -> HttpResponse:
    """The live count under the filters form: what the set would hold with these values (and,
    for a saved set, its picked articles)."""
    user = request.user
    if not (
        user.has_perm("annotations.add_annotatedset")
        or user.has_perm("annotations.change_annotatedset")
    ):
        raise PermissionDenied
    filters = preview_filters(request)
    set_id = request.GET.get("set", "")
    if set_id.isdigit():
        target = get_object_or_404(AnnotatedSet, pk=int(set_id))
        target.filters = filters  # not saved: only what the count would be
    else:
        target = AnnotatedSet(filters=filters)
    return render(request, "annotations/sets_form.html#preview", preview_context(target))


def pick_context(request: HttpRequest, annotated_set: AnnotatedSet) -> dict:
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
    return resolve(AnnotatedSet(name=annotated_set.name, filters=annotated_set.filters))


@require_GET
@htmx_login_required
@permission_required("annotations.change_annotatedset", raise_exception=True)
def set_articles(request: HttpRequest, pk: int) -> HttpResponse:
    """The pick list alone: what the search box and the pager swap."""
    annotated_set = get_object_or_404(AnnotatedSet, pk=pk)
    context = {"set": annotated_set, **pick_context(request, annotated_set)}
    return render(request, "annotations/sets_form.html#picklist", context)


@require_POST
@htmx_login_required
@permission_required("annotations.change_annotatedset", raise_exception=True)
def set_pick(request: HttpRequest, pk: int, article_id: int) -> HttpResponse:
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
        "row": (article, picked, matched),
        "picked_count": annotated_set.picked.count(),
    }
    response = render(request, "annotations/sets_pick_response.html", context)
    # The live count under the filters form refreshes itself on this event, with the form's
    # current (maybe unsaved) values.
    return trigger_client_event(response, "set-picked")


@require_http_methods(["GET", "POST"])
@htmx_login_required
@permission_required("annotations.delete_annotatedset", raise_exception=True)
def set_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes (the articles and annotations stay)."""
    annotated_set = get_object_or_404(AnnotatedSet, pk=pk)
    if request.method == "POST":
        name = annotated_set.name
        annotated_set.delete()
        messages.success(request, f"Set “{name}” deleted.")
        return redirect("annotations:sets")
    count = set_counts([annotated_set]).get(annotated_set.pk, 0)
    return render(
        request, "annotations/sets_delete.html", {"set": annotated_set, "article_count": count}
    )
