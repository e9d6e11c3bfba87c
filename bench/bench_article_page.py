"""Server time of the whole article page with 0, 500 and 5,000 annotations, and with 500
annotations and 100 pending suggestions (issue 10); that last page also with the paragraph memo
emptied before each request (the first view after a change).

GET /articles/<id>/ through django.test.Client in-process (whole middleware stack, DEBUG off,
manifest static storage), signed in as an editor. Rounds are interleaved (baseline, 0, 500,
5,000) so the shared machine's noise hits every case alike; the baseline is the login page
GET, a trivial Django page, and each case is also printed as a ratio to it. Each request is
timed twice: wall clock, and the process's CPU time (time.process_time), which leaves out the
time the process waited for a CPU — what decides on a loaded shared machine.

Exit status 1 if the SQL query count for 5,000 annotations differs from the one for 500.

    .venv/bin/python bench/bench_article_page.py [--runs 50] [--runs-5000 20]
"""

from __future__ import annotations

import argparse
import sys
import time

import common

TARGET_500_MS = 25.0
SUGGESTED = "500 annotations + 100 suggestions"
# The same page with the paragraph memo (annotations.render.highlight) emptied before each
# request: the first view after a change anywhere in the article, the worst case.
COLD = "500 + 100 suggestions, nothing memoised"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50, help="timed runs for 0 and 500")
    parser.add_argument("--runs-5000", type=int, default=20, help="timed runs for 5,000")
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()

    common.setup(debug=False)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    users = common.make_users()
    authors = [users["editor"], users["editor2"]]
    articles = {}
    for n in (0, 500, 5000):
        article = common.make_article()
        if n:
            common.make_annotations(article, n, authors, seed=n)
        articles[n] = article
    with_suggestions = common.make_article()
    common.make_annotations(with_suggestions, 500, authors, seed=500)
    stored = common.make_suggestions(with_suggestions, 100)
    assert stored == 100, f"{stored} suggestions stored, not 100"
    client = Client()
    client.force_login(users["editor"])
    anonymous = Client()

    def baseline():
        response = anonymous.get("/login/")
        assert response.status_code == 200, response.status_code
        return response

    def page(n: int):
        def get():
            response = client.get(f"/articles/{articles[n].pk}/")
            assert response.status_code == 200, response.status_code
            return response

        return get

    def page_with_suggestions():
        response = client.get(f"/articles/{with_suggestions.pk}/")
        assert response.status_code == 200, response.status_code
        return response

    from annotations.render import highlight

    def cold_page_with_suggestions():
        highlight._PARAGRAPHS.clear()
        return page_with_suggestions()

    cases = (
        {"login page (baseline)": baseline}
        | {f"{n} annotations": page(n) for n in articles}
        | {SUGGESTED: page_with_suggestions, COLD: cold_page_with_suggestions}
    )

    # Query counts and page sizes, outside the timed runs (capturing queries costs time).
    queries, sizes = {}, {}
    for name, fn in cases.items():
        with CaptureQueriesContext(connection) as ctx:
            response = fn()
        queries[name] = len(ctx.captured_queries)
        sizes[name] = len(response.content)
    for n, article in articles.items():
        body = client.get(f"/articles/{article.pk}/").content.decode()
        items = body.count('<li id="ann-')
        assert items == n, f"{n} annotations but {items} panel items"

    for _ in range(args.warmup):
        for fn in cases.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    rounds = max(args.runs, args.runs_5000)
    for r in range(rounds):
        for name, fn in cases.items():
            limit = args.runs_5000 if name == "5000 annotations" else args.runs
            if r < limit:
                c0 = time.process_time()
                times[name].append(common.time_ms(fn)[0])
                cpu[name].append((time.process_time() - c0) * 1000.0)

    base = common.median(times["login page (baseline)"])
    cpu_base = common.median(cpu["login page (baseline)"])
    rows = []
    for name, ts in times.items():
        med = common.median(ts)
        cpu_med = common.median(cpu[name])
        rows.append(
            [
                name,
                len(ts),
                med,
                common.p95(ts),
                f"{med / base:.1f}×",
                cpu_med,
                f"{cpu_med / cpu_base:.1f}×",
                queries[name],
                f"{sizes[name] / 1024:.0f} KB",
            ]
        )
    print(common.machine())
    common.print_table(
        "Article page, server time in-process (django.test.Client, DEBUG off), ms",
        [
            "case",
            "runs",
            "median",
            "p95",
            "÷ baseline",
            "CPU median",
            "CPU ÷ baseline",
            "SQL queries",
            "HTML",
        ],
        rows,
    )
    med500 = common.median(times["500 annotations"])
    print(
        f"\ntarget: 500 annotations median <= {TARGET_500_MS:.0f} ms: {med500:.1f} ms "
        f"{common.verdict(med500, TARGET_500_MS)}"
    )
    print(f"5,000 annotations median: {common.median(times['5000 annotations']):.1f} ms")
    med_sg = common.median(times[SUGGESTED])
    print(
        f"target: {SUGGESTED} median <= {TARGET_500_MS:.0f} ms: {med_sg:.1f} ms "
        f"{common.verdict(med_sg, TARGET_500_MS)}"
    )
    med_cold = common.median(times[COLD])
    print(
        f"        with nothing memoised (first view after a change): {med_cold:.1f} ms "
        f"{common.verdict(med_cold, TARGET_500_MS)}"
    )
    cpu_sg = common.median(cpu[SUGGESTED])
    print(
        f"        CPU time: {cpu_sg:.1f} ms {common.verdict(cpu_sg, TARGET_500_MS)} "
        f"({cpu_sg / cpu_base:.1f}× the login page's {cpu_base:.1f} ms)"
    )
    if queries[SUGGESTED] != queries["500 annotations"]:
        print(
            f"FAIL: suggestions add queries: {queries[SUGGESTED]} vs {queries['500 annotations']}"
        )
        return 1
    q500, q5000 = queries["500 annotations"], queries["5000 annotations"]
    if q5000 != q500:
        print(f"FAIL: query count grows with annotations: {q500} for 500, {q5000} for 5,000")
        return 1
    print(f"queries: {q500} for 500 and for 5,000 annotations (constant)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
