"""Server time of the per-article review page with 500 annotations by two editors.

GET /annotations/review/<id>/ through django.test.Client in-process (whole middleware stack,
DEBUG off, manifest static storage), signed in as a reviewer, so every row carries the Accept /
Reject… / Correct… controls. Every annotation that is not pending has a review (accepted,
corrected with what it was before, or rejected with a reason), some have two. Rounds are
interleaved (baseline, then each case) so the shared machine's noise hits every case alike; the
baseline is the login page GET, a trivial Django page, and each case is also printed as a ratio
to it. Also measured: the rows of one editor only (the htmx filter request), the article page
of the same reviewed annotations as the reviewer and as an editor sees it (review lines on the
items), and the review page with 0 and 5,000 annotations.

Exit status 1 if the SQL query count for 5,000 annotations differs from the one for 500.

    .venv/bin/python bench/bench_review_page.py [--runs 50] [--runs-5000 10]
"""

from __future__ import annotations

import argparse
import random
import sys

import common

TARGET_500_MS = 40.0
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

    users = common.make_users()
    authors = [users["editor"], users["editor2"]]
    articles, made = {}, {}
    for n in (0, 500, 5000):
        article = common.make_article()
        if n:
            common.make_annotations(article, n, authors, seed=n)
            made[n] = add_reviews(article, users["reviewer"], seed=n)
        articles[n] = article

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
    cases = {
        "login page (baseline)": get(anonymous, "/login/"),
        "review page, 0 annotations": get(client, review[0]),
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
    for n in articles:
        rows = client.get(review[n]).content.decode().count('<tr id="row-')
        assert rows == n, f"{n} annotations but {rows} rows"

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
    common.print_table(
        "Review page, server time in-process (django.test.Client, DEBUG off), signed in as a "
        "reviewer, ms",
        ["case", "runs", "median", "p95", "÷ baseline", "SQL queries", "HTML"],
        rows,
    )
    med500 = common.median(times["review page, 500 annotations"])
    print(
        f"\ntarget: review page with 500 annotations by two editors, median <= "
        f"{TARGET_500_MS:.0f} ms: {med500:.1f} ms {common.verdict(med500, TARGET_500_MS)}"
    )
    q500, q5000 = queries["review page, 500 annotations"], queries["review page, 5000 annotations"]
    if q5000 != q500:
        print(f"FAIL: query count grows with annotations: {q500} for 500, {q5000} for 5,000")
        return 1
    print(f"queries: {q500} for 500 and for 5,000 annotations (constant)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
