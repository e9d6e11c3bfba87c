"""Server time of accepting and of rejecting one suggestion on the article page (issue 10).

An article with 500 annotations and 100 pending suggestions (bench/common.py); each timed run
POSTs Accept (or Reject) for the next pending suggestion through django.test.Client in-process
(whole middleware stack, DEBUG off), signed in as an editor, and gets the fragments the page
swaps in (spans made, paragraphs, counts). "accept, edited" posts the parts as edit mode does
(static/js/suggest-edit.js: every span with its quote, the claim shortened by its last word),
which the server verifies against its text. The baseline is the login page GET, printed as a
ratio as in bench_article_page.py; the queries of one accept are counted too.

    .venv/bin/python bench/bench_suggestion_accept.py [--runs 34]
"""

from __future__ import annotations

import argparse
import sys

import common

TARGET_ACCEPT_MS = 15.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=34,
        help="timed accepts, edited accepts and rejects each (<= 34)",
    )
    args = parser.parse_args()
    common.setup(debug=False)
    import json

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from suggestions.models import Suggestion

    users = common.make_users()
    article = common.make_article()
    common.make_annotations(article, 500, [users["editor"], users["editor2"]], seed=500)
    wanted = 3 * args.runs + 5  # 3 warm-ups, 2 counted
    stored = common.make_suggestions(article, wanted)
    assert stored >= wanted, f"only {stored} suggestions for {args.runs} runs"
    rows = Suggestion.objects.filter(article=article).values_list(
        "pk", "source_spans", "cue_span", "content_spans"
    )
    pending = iter(rows)
    body = article.body
    client = Client()
    client.force_login(users["editor"])
    htmx = {"HX-Request": "true"}

    def decide(action: str):
        def post():
            response = client.post(f"/suggestions/{next(pending)[0]}/{action}/", headers=htmx)
            assert response.status_code == 200, response.status_code
            return response

        return post

    def part(start: int, end: int) -> list:
        return [start, end, body[start:end]]

    def accept_edited():
        pk, source, cue, content = next(pending)
        (start, end), *_ = content
        shorter = body.rindex(" ", start, end)  # the claim without its last word
        spans = {
            "source": [part(*s) for s in source],
            "cue": part(*cue),
            "content": [part(start, shorter)],
        }
        response = client.post(
            f"/suggestions/{pk}/accept/", {"spans": json.dumps(spans)}, headers=htmx
        )
        assert response.status_code == 200, response.content[:300]
        assert b"Accepted the attribution, edited" in response.content
        return response

    anonymous = Client()

    def baseline():
        return anonymous.get("/login/")

    for _ in range(3):
        baseline()
        decide("reject")()
    queries = {}
    for name, fn in (("accept", decide("accept")), ("accept, edited", accept_edited)):
        with CaptureQueriesContext(connection) as captured:
            fn()
        queries[name] = len(captured.captured_queries)
    cases = {
        "login page (baseline)": baseline,
        "accept": decide("accept"),
        "accept, edited": accept_edited,
        "reject": decide("reject"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, fn in cases.items():
            times[name].append(common.time_ms(fn)[0])
    base = common.median(times["login page (baseline)"])
    table = [
        [
            name,
            len(ts),
            common.median(ts),
            common.p95(ts),
            f"{common.median(ts) / base:.1f}×",
            queries.get(name, ""),
        ]
        for name, ts in times.items()
    ]
    print(common.machine())
    print(f"article: 500 annotations, {stored} suggestions")
    common.print_table(
        "One suggestion decided, server time in-process (django.test.Client, DEBUG off), ms",
        ["case", "runs", "median", "p95", "÷ baseline", "queries"],
        table,
    )
    print()
    for name in ("accept", "accept, edited"):
        med = common.median(times[name])
        print(
            f"target: {name} median <= {TARGET_ACCEPT_MS:.0f} ms: {med:.1f} ms "
            f"{common.verdict(med, TARGET_ACCEPT_MS)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
