"""The reviewers' dashboard: progress per set, annotations per editor and per tag, the most
cited sources, agreement per set and the articles where editors agree least. The figures come
from annotations.stats (a fixed number of queries), the charts' geometry from
annotations.charts, their SVG from the page template's `chart` partial."""

from __future__ import annotations

from collections import Counter

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.models import Article
from newsroom.http import HtmxHttpRequest, permission_required

from .. import charts, stats
from ..models import AnnotatedSet
from .review import REVIEW_PERM

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


@require_GET
@permission_required(REVIEW_PERM)
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    sets = list(AnnotatedSet.objects.order_by("name"))
    progress = stats.set_status_counts(sets, everything=True)
    progress_rows = [
        (label, set_id, values, sum(values))
        for label, set_id in [("All articles", 0)] + [(s.name, s.pk) for s in sets]
        for values in [[progress.get(set_id, Counter())[status] for status in STATUS_ORDER]]
    ]
    editors = stats.editor_rows()
    tags = stats.tag_rows()
    cited = stats.most_cited()
    pairs, article_pairs = stats.set_agreements(sets)
    context = {
        "progress_rows": progress_rows,
        "statuses": list(zip(STATUS_ORDER, STATUS_SERIES, strict=True)),
        "editors": editors,
        "tags": tags,
        "cited": cited,
        "pairs": pairs,
        "least_agreed": stats.least_agreed(article_pairs),
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
