"""Server time of accepting and of rejecting one suggestion on the article page (issue 10).

An article with 500 annotations and 100 pending suggestions (bench/common.py); each timed run
POSTs Accept (or Reject) for the next pending suggestion through django.test.Client in-process
(whole middleware stack, DEBUG off), signed in as an editor, and gets the fragments the page
swaps in (spans made, paragraphs, counts). The baseline is the login page GET, printed as a
ratio as in bench_article_page.py.

    .venv/bin/python bench/bench_suggestion_accept.py [--runs 40]
"""

from __future__ import annotations

import argparse
import sys

import common

TARGET_ACCEPT_MS = 15.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=40, help="timed accepts and rejects each (<= 43)"
    )
    args = parser.parse_args()
    common.setup(debug=False)
    from django.test import Client

    from suggestions.models import Suggestion

    users = common.make_users()
    article = common.make_article()
    common.make_annotations(article, 500, [users["editor"], users["editor2"]], seed=500)
    stored = common.make_suggestions(article, 2 * args.runs + 3)
    assert stored >= 2 * args.runs + 3, f"only {stored} suggestions for {args.runs} runs"
    pending = iter(Suggestion.objects.filter(article=article).values_list("pk", flat=True))
    client = Client()
    client.force_login(users["editor"])
    htmx = {"HX-Request": "true"}

    def decide(action: str):
        def post():
            response = client.post(f"/suggestions/{next(pending)}/{action}/", headers=htmx)
            assert response.status_code == 200, response.status_code
            return response

        return post

    anonymous = Client()

    def baseline():
        return anonymous.get("/login/")

    for _ in range(3):
        baseline()
        decide("reject")()
    cases = {
        "login page (baseline)": baseline,
        "accept": decide("accept"),
        "reject": decide("reject"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, fn in cases.items():
            times[name].append(common.time_ms(fn)[0])
    base = common.median(times["login page (baseline)"])
    rows = [
        [name, len(ts), common.median(ts), common.p95(ts), f"{common.median(ts) / base:.1f}×"]
        for name, ts in times.items()
    ]
    print(common.machine())
    print(f"article: 500 annotations, {stored} suggestions")
    common.print_table(
        "One suggestion decided, server time in-process (django.test.Client, DEBUG off), ms",
        ["case", "runs", "median", "p95", "÷ baseline"],
        rows,
    )
    med = common.median(times["accept"])
    print(
        f"\ntarget: accept median <= {TARGET_ACCEPT_MS:.0f} ms: {med:.1f} ms "
        f"{common.verdict(med, TARGET_ACCEPT_MS)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
