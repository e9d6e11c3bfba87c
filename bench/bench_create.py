"""Saving one span: 200 sequential creates through the htmx endpoint, response included.

POST /annotations/articles/<id>/create/ with HX-Request: true through django.test.Client
in-process (DEBUG off, SQLite in WAL mode as configured), signed in as an editor. Each create
is a distinct word span of the body with the tags in turn, so every one really writes a row and
renders its fragments. Starting points: an article with no annotations (the panel grows
0 -> 206) and one that already has 500 (500 -> 706). The create response re-sends the whole
panel, so a third case saves one span on each of 206 fresh articles: a panel of one item, i.e.
what a save costs without the panel. A login page GET between creates is the baseline of the
same run.

    .venv/bin/python bench/bench_create.py [--creates 200] [--start 0 500] [--no-fresh]
"""

from __future__ import annotations

import argparse
import sys
import uuid

import common

TARGET_MEDIAN_MS = 10.0
TARGET_P95_MS = 20.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--creates", type=int, default=200)
    parser.add_argument(
        "--start",
        type=int,
        nargs="+",
        default=[0, 500],
        help="annotations the article has before the creates",
    )
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument(
        "--no-fresh",
        dest="fresh",
        action="store_false",
        help="skip the case of one span on each of many articles (panel of one item)",
    )
    args = parser.parse_args()

    common.setup(debug=False)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from annotations.models import Annotation, Tag
    from articles.models import Article

    users = common.make_users()
    tags = list(Tag.objects.order_by("position"))
    client = Client()
    client.force_login(users["editor"])
    anonymous = Client()
    spans = common.body_word_spans()

    def baseline():
        assert anonymous.get("/login/").status_code == 200

    def creator(articles: list, used: set[tuple[int, int]]):
        """A create() that saves the next unused body span: on the one article, or on the next
        of several (one span each)."""
        free = (s for s in spans if s not in used)
        count = [0]

        def create():
            start, end = next(free) if len(articles) == 1 else spans[0]
            article = articles[count[0] % len(articles)]
            tag = tags[count[0] % len(tags)]
            count[0] += 1
            response = client.post(
                f"/annotations/articles/{article.pk}/create/",
                {
                    "client_id": str(uuid.uuid4()),
                    "target": "body",
                    "caption": "",
                    "start": start,
                    "end": end,
                    "quote": article.body[start:end],
                    "tag": tag.pk,
                    "revision": article.revision,
                },
                headers={"HX-Request": "true"},
            )
            assert response.status_code == 201, (response.status_code, response.content[:300])
            return response

        return create

    total = args.warmup + 1 + args.creates
    scenarios = [(f"{n} -> {n + total} annotations", n) for n in args.start]
    if args.fresh:
        scenarios.append((f"1 span on each of {total} articles", None))
    rows, results = [], {}
    for label, n in scenarios:
        if n is None:  # the panel holds only the new span: the cost of a save without the panel
            articles = [common.make_article() for _ in range(total + 1)]
            Article.objects.filter(pk__in=[a.pk for a in articles]).update(
                status=Article.Status.IN_ANNOTATION
            )
            used: set[tuple[int, int]] = set()
        else:
            articles = [common.make_article()]
            if n:
                common.make_annotations(articles[0], n, [users["editor"], users["editor2"]], seed=n)
            used = set(
                Annotation.objects.filter(article=articles[0], target="body").values_list(
                    "start", "end"
                )
            )
        create = creator(articles, used)
        # The first create moves an article from New to In annotation: do it in the warm-up.
        for _ in range(args.warmup):
            create()
            baseline()
        with CaptureQueriesContext(connection) as ctx:
            response = create()
        queries = len(ctx.captured_queries)
        size = len(response.content)
        times, base = [], []
        for _ in range(args.creates):
            times.append(common.time_ms(create)[0])
            base.append(common.time_ms(baseline)[0])
        final = Annotation.objects.filter(article__in=articles).count()
        assert final == (n or 0) + total, final
        last = create()
        items = last.content.decode().count('<li id="ann-')
        med, b = common.median(times), common.median(base)
        results[label] = (med, common.p95(times))
        rows.append(
            [
                label,
                len(times),
                med,
                common.p95(times),
                min(times),
                max(times),
                b,
                f"{med / b:.1f}×",
                queries,
                f"{size / 1024:.0f} KB",
                items,
            ]
        )

    print(common.machine())
    common.print_table(
        "Create one span via htmx POST, server time in-process (DEBUG off, SQLite), ms",
        [
            "case",
            "creates",
            "median",
            "p95",
            "min",
            "max",
            "baseline",
            "÷ baseline",
            "SQL queries",
            "response",
            "panel items",
        ],
        rows,
    )
    print("\nbaseline: login page GET, timed between creates in the same run")
    print("panel items: <li> items in the last response (a save sends back its own item only)")
    for label, (med, p) in results.items():
        print(
            f"target, {label}: median <= {TARGET_MEDIAN_MS:.0f} ms: {med:.1f} ms "
            f"{common.verdict(med, TARGET_MEDIAN_MS)}; p95 <= {TARGET_P95_MS:.0f} ms: "
            f"{p:.1f} ms {common.verdict(p, TARGET_P95_MS)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
