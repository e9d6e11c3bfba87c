"""Server time of the per-article review page (issue 10: rows by attribution) with 200
attributions, and with 500 annotations by two editors.

GET /annotations/review/<id>/ through django.test.Client in-process (whole middleware stack,
DEBUG off, manifest static storage), signed in as a reviewer, so every row carries its
checkbox, Accept, Reject… and Correct controls and its sentence in context. Every annotation
that is not pending has a review (accepted, corrected with what it was before, or rejected with
a reason), some have two. The 200-attribution article has their 600-odd spans and 40 unlinked
ones; a second one keeps all ~500 unlinked spans the generator made (heavier: every one is a row
too). Half the attributions were accepted from suggestions (provenance and confidence on the
row). Rounds are interleaved (baseline, then each case) so the shared machine's noise hits
every case alike; the baseline is the login page GET, a trivial Django page, and each case is
also printed as a ratio to it. Also measured: the rows of one confidence band (the htmx filter
request), the review page with 0, 500 and 5,000 annotations and the article page of the 500
reviewed annotations as the reviewer and as an editor sees it.

Exit status 1 if the SQL query count for 5,000 annotations differs from the one for 200
attributions or 500 annotations.

    .venv/bin/python bench/bench_review_page.py [--runs 50] [--runs-5000 10]
"""

from __future__ import annotations

import argparse
import random
import sys

import common

TARGET_MS = 40.0  # issue 10: the page with 200 attributions
ATTRIBUTIONS = 200
REASONS = [
    "A forecast, not a claim.",
    "The source is the ministry, not the minister.",
    "Too long: the claim ends at the comma.",
    "Duplicate of the span above.",
]


def add_reviews(article, reviewer, *, seed: int) -> int:
    """A review for every annotation that is not pending (a second one for one in five), the
    way a reviewer's inline controls write them. Returns how many were made."""
    from annotations.models import Annotation, Review

    rng = random.Random(seed)
    reviews = []
    for a in Annotation.objects.filter(article=article).select_related("tag"):
        if a.status == Annotation.Status.PENDING:
            continue
        rounds = 2 if rng.random() < 0.2 else 1
        for _ in range(rounds):
            if a.status == Annotation.Status.REJECTED:
                reviews.append(
                    Review(
                        annotation=a, reviewer=reviewer, action="reject", reason=rng.choice(REASONS)
                    )
                )
            elif rng.random() < 0.3:
                before = {
                    "tag": a.tag.name,
                    "tag_id": a.tag_id,
                    "start": a.start,
                    "end": a.end + 3,
                    "quote": a.quote + " it",
                    "note": a.note,
                }
                reviews.append(
                    Review(
                        annotation=a,
                        reviewer=reviewer,
                        action="correct",
                        reason=rng.choice(REASONS),
                        before=before,
                    )
                )
            else:
                reviews.append(Review(annotation=a, reviewer=reviewer, action="accept"))
    Review.objects.bulk_create(reviews, batch_size=500)
    return len(reviews)


def add_provenance(article, *, seed: int) -> int:
    """Half the article's attributions as if accepted from the engine's suggestions (an
    accepted Suggestion pointing at each, confidence spread over 0.3–0.99). Returns how many."""
    from annotations.models import Attribution
    from suggestions.models import Suggestion

    rng = random.Random(seed)
    made = []
    for link in Attribution.objects.filter(claim__article=article).select_related("claim", "cue"):
        if rng.random() < 0.5:
            cue = link.cue or link.claim
            made.append(
                Suggestion(
                    article=article,
                    cue_span=[cue.start, cue.end],
                    content_spans=[[link.claim.start, link.claim.end]],
                    origin="newsroom-rules",
                    origin_version="3",
                    rule="said-that",
                    confidence=round(rng.uniform(0.3, 0.99), 2),
                    fingerprint=f"bench-{link.pk}",
                    status=Suggestion.Status.ACCEPTED,
                    attribution=link,
                )
            )
    Suggestion.objects.bulk_create(made, batch_size=500)
    return len(made)


def keep_attributions(article, n: int) -> int:
    """Delete the article's attributions after the first n (their claims become unlinked
    spans): exactly n rows of source — cue — claim."""
    from annotations.models import Attribution

    links = Attribution.objects.filter(claim__article=article).order_by("id")
    extra = list(links.values_list("id", flat=True)[n:])
    Attribution.objects.filter(pk__in=extra).delete()
    return links.count()


def drop_unlinked(article, keep: int) -> int:
    """Delete the article's spans in no attribution after the first `keep` (by id): an article
    of attributions with a few stray spans, as a finished annotation looks. Returns the spans
    left."""
    from django.db.models import Q

    from annotations.models import Annotation

    spans = Annotation.objects.filter(article=article)
    unlinked = spans.filter(
        Q(attributions__isnull=True)
        & Q(cited_by__isnull=True)
        & Q(cue_for__isnull=True)
        & Q(continued_attributions__isnull=True)
    ).order_by("id")
    extra = list(unlinked.values_list("id", flat=True).distinct()[keep:])
    Annotation.all_objects.filter(pk__in=extra).delete()
    return spans.count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50, help="timed runs for 0 and 500")
    parser.add_argument("--runs-5000", type=int, default=10, help="timed runs for 5,000")
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()

    common.setup(debug=False)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from annotations.models import Annotation

    users = common.make_users()
    authors = [users["editor"], users["editor2"]]
    articles, made = {}, {}
    for n in (0, 500, 1100, 1101, 5000):
        article = common.make_article()
        if n:
            common.make_annotations(article, n, authors, seed=n)
            made[n] = add_reviews(article, users["reviewer"], seed=n)
        articles[n] = article
    for n in (1100, 1101):
        linked = keep_attributions(articles[n], ATTRIBUTIONS)
        assert linked == ATTRIBUTIONS, f"only {linked} attributions made"
        suggested = add_provenance(articles[n], seed=1)
    spans = drop_unlinked(articles[1100], 40)
    heavy_spans = Annotation.objects.filter(article=articles[1101]).count()

    client = Client()
    client.force_login(users["reviewer"])
    editor = Client()  # sees the review lines on the items, without the controls
    editor.force_login(users["editor"])
    anonymous = Client()

    def get(c: Client, url: str, **kwargs):
        def run():
            response = c.get(url, **kwargs)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return run

    review = {n: f"/annotations/review/{a.pk}/" for n, a in articles.items()}
    editor2 = users["editor2"].pk
    main_case = f"review page, {ATTRIBUTIONS} attributions ({spans} spans)"
    cases = {
        "login page (baseline)": get(anonymous, "/login/"),
        "review page, 0 annotations": get(client, review[0]),
        main_case: get(client, review[1100]),
        "  rows of one confidence band (htmx filter)": get(
            client, f"{review[1100]}?confidence=medium", headers={"HX-Request": "true"}
        ),
        f"review page, {ATTRIBUTIONS} attributions + unlinked ({heavy_spans} spans)": get(
            client, review[1101]
        ),
        "review page, 500 annotations": get(client, review[500]),
        "  rows of one editor (htmx filter)": get(
            client, f"{review[500]}?editor={editor2}", headers={"HX-Request": "true"}
        ),
        "article page as reviewer, 500": get(client, f"/articles/{articles[500].pk}/"),
        "article page as editor, 500": get(editor, f"/articles/{articles[500].pk}/"),
        "review page, 5000 annotations": get(client, review[5000]),
    }
    slow = {"review page, 5000 annotations"}

    queries, sizes = {}, {}
    for name, fn in cases.items():
        with CaptureQueriesContext(connection) as ctx:
            response = fn()
        queries[name] = len(ctx.captured_queries)
        sizes[name] = len(response.content)
    rows = client.get(review[1100]).content.decode().count('<li id="row-att-')
    assert rows == ATTRIBUTIONS, f"{ATTRIBUTIONS} attributions but {rows} rows"

    for _ in range(args.warmup):
        for fn in cases.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in cases}
    for r in range(max(args.runs, args.runs_5000)):
        for name, fn in cases.items():
            if r < (args.runs_5000 if name in slow else args.runs):
                times[name].append(common.time_ms(fn)[0])

    base = common.median(times["login page (baseline)"])
    rows = [
        [
            name,
            len(ts),
            common.median(ts),
            common.p95(ts),
            f"{common.median(ts) / base:.1f}×",
            queries[name],
            f"{sizes[name] / 1024:.0f} KB",
        ]
        for name, ts in times.items()
    ]
    print(common.machine())
    print(f"reviews made: {made[500]} for 500 annotations, {made[5000]} for 5,000")
    print(f"{ATTRIBUTIONS} attributions, {suggested} of them from suggestions")
    common.print_table(
        "Review page, server time in-process (django.test.Client, DEBUG off), signed in as a "
        "reviewer, ms",
        ["case", "runs", "median", "p95", "÷ baseline", "SQL queries", "HTML"],
        rows,
    )
    med = common.median(times[main_case])
    print(
        f"\ntarget: review page with {ATTRIBUTIONS} attributions, median <= "
        f"{TARGET_MS:.0f} ms: {med:.1f} ms {common.verdict(med, TARGET_MS)}"
    )
    q200, q500 = queries[main_case], queries["review page, 500 annotations"]
    q5000 = queries["review page, 5000 annotations"]
    if not q200 == q500 == q5000:
        print(
            f"FAIL: query count grows: {q200} for {ATTRIBUTIONS} attributions, {q500} for 500 "
            f"annotations, {q5000} for 5,000"
        )
        return 1
    print(f"queries: {q200} for {ATTRIBUTIONS} attributions, 500 and 5,000 annotations (constant)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
