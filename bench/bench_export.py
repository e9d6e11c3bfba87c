"""Export speed and memory: annotated articles through interchange/exporting.

Builds (bulk_create, in chunks) N articles of the bench story (bench/common.py: a 3,500-character
body, a title and one caption), each with S accepted annotations over title (5%), caption
(10%) and body (85%): a third come as claim / source / cue groups linked by an attribution
(one in ten to a registry entry instead of the span), two in five source spans resolved to a
registry entry, one span in twenty with a note, three authors.

Measured, in this process, on a throwaway SQLite database (common.setup):

* every format of this helper's writers (native JSONL, CSV, W3C, doccano, Label Studio): the
  whole export, database reads included, written to /dev/null: median and best of --runs,
  annotations per second. The target is native JSONL of 1,000 articles with 20,000 annotations
  in <= 0.25 s; peers on this kind of machine: Label Studio 2.56 s (JSON), doccano 3.07 s
  (JSONL).
* the floor: the same rows read with plain sqlite3 (no Django, no serialisation).

Then, unless --stream-articles 0, a second database of --stream-articles articles (default
50,000 x 20 = 1,000,000 annotations) is built and a child process (Django started on that file,
nothing else) streams its native JSONL export to /dev/null: its peak memory is the process's
high-water mark (VmHWM) read after the export, next to its resident size before it.
Target: <= 150 MB.

    .venv/bin/python bench/bench_export.py [--articles 1000] [--spans 20] [--runs 7]
                                           [--stream-articles 50000] [--formats native csv ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_SECONDS = 0.25
TARGET_PEAK_MB = 150.0
PEERS = {"labelstudio": ("Label Studio, JSON", 2.56), "doccano": ("doccano, JSONL", 3.07)}
MINE = ["native", "csv", "attributions-csv", "w3c", "doccano", "labelstudio"]


# --- Data --------------------------------------------------------------------------------------


class Corpus:
    """What every bench article shares: its texts, their word spans, users, tags, sources."""

    def __init__(self) -> None:
        from annotations.models import Tag
        from articles import content

        self.title = content.canonical_line(common.TITLE)
        self.body = content.canonical_text(common.BODY)
        self.caption = content.canonical_line(common.CAPTION)
        self.words = {
            "title": common.word_spans(self.title),
            "caption": common.word_spans(self.caption),
            "body": common.word_spans(self.body),
        }
        self.texts = {"title": self.title, "caption": self.caption, "body": self.body}
        self.tags = {t.role: t.pk for t in Tag.objects.all()}
        self.sources = [s.pk for s in common.make_sources()]
        self.users = [u.pk for u in common.make_users().values()]
        self.quotes: dict[tuple[str, int, int], tuple[str, str, str]] = {}

    def quote(self, target: str, start: int, end: int) -> tuple[str, str, str]:
        from annotations import anchoring

        key = (target, start, end)
        if key not in self.quotes:
            q = anchoring.text_quote(self.texts[target], start, end)
            self.quotes[key] = (q.exact, q.prefix, q.suffix)
        return self.quotes[key]


def populate(n_articles: int, spans: int, *, seed: int = 1, chunk: int = 500) -> int:
    """N articles with `spans` accepted annotations each, in bulk. Returns annotations made."""
    from annotations.models import Annotation, Attribution
    from articles import content
    from articles.models import Article, ImageCaption

    corpus = Corpus()
    rng = random.Random(seed)
    lengths = {"claim": (4, 20), "quote": (3, 15), "source": (1, 4), "cue": (1, 3)}
    made = 0
    for first in range(0, n_articles, chunk):
        count = min(chunk, n_articles - first)
        articles = []
        for i in range(first, first + count):
            title = f"{corpus.title} ({i + 1})"
            articles.append(
                Article(
                    title=title,
                    body=corpus.body,
                    outlet="Newsroom Bench Wire",
                    byline="By A. Reporter",
                    url=f"https://example.com/news/harlow-reservoir-{i + 1}",
                    external_id=f"bench-{i + 1}",
                    content_hash=content.content_hash(title, corpus.body),
                    status=Article.Status.APPROVED,
                )
            )
        Article.objects.bulk_create(articles)
        captions = ImageCaption.objects.bulk_create(
            ImageCaption(article=a, position=0, text=corpus.caption, credit=common.CAPTION_CREDIT)
            for a in articles
        )
        annotations: list[Annotation] = []
        groups: list[tuple[int, int, int]] = []
        for article, caption in zip(articles, captions, strict=True):

            def span(target: str, role: str, para: list, near: int | None = None) -> Annotation:
                lo, hi = lengths[role]
                k = min(rng.randint(lo, hi), len(para))
                at = rng.randrange(0, len(para) - k + 1) if near is None else near
                at = max(0, min(at, len(para) - k))
                start, end = para[at][0], para[at + k - 1][1]
                exact, prefix, suffix = corpus.quote(target, start, end)
                return Annotation(
                    article=article,  # noqa: B023 - used at once, inside this iteration
                    target=target,
                    caption=caption if target == "caption" else None,  # noqa: B023
                    start=start,
                    end=end,
                    quote=exact,
                    prefix=prefix,
                    suffix=suffix,
                    tag_id=corpus.tags[role],
                    author_id=corpus.users[0] if rng.random() < 0.7 else rng.choice(corpus.users),
                    status=Annotation.Status.ACCEPTED,
                    note="<p>Check against the <em>board minutes</em>.</p>"
                    if rng.random() < 0.05
                    else "",
                    source_entry_id=rng.choice(corpus.sources)
                    if role == "source" and rng.random() < 0.4
                    else None,
                )

            mine = 0
            while mine < spans:
                target = rng.choices(["title", "caption", "body"], weights=[5, 10, 85])[0]
                para = rng.choice(corpus.words[target])
                if spans - mine >= 3 and rng.random() < 0.33 and len(para) >= 6:
                    claim = span(target, "claim", para)
                    at = next(i for i, w in enumerate(para) if w[0] == claim.start)
                    source = span(target, "source", para, near=at + rng.randint(-3, 3))
                    cue = span(target, "cue", para, near=at + rng.randint(0, 4))
                    n = len(annotations)
                    groups.append((n, n + 1, n + 2))
                    annotations += [claim, source, cue]
                    mine += 3
                else:
                    annotations.append(span(target, rng.choice(list(lengths)), para))
                    mine += 1
        Annotation.objects.bulk_create(annotations, batch_size=2000)
        links = []
        for ci, si, ui in groups:
            claim = annotations[ci]
            if rng.random() < 0.1:
                links.append(
                    Attribution(
                        claim=claim,
                        source_entry_id=rng.choice(corpus.sources),
                        author_id=claim.author_id,
                    )
                )
            else:
                links.append(
                    Attribution(
                        claim=claim,
                        source_span=annotations[si],
                        cue=annotations[ui],
                        author_id=claim.author_id,
                    )
                )
        Attribution.objects.bulk_create(links, batch_size=2000)
        made += len(annotations)
        if n_articles >= 10 * chunk and (first // chunk) % 10 == 9:
            print(f"  … {first + count:,} articles, {made:,} annotations", flush=True)
    return made


# --- Measuring ---------------------------------------------------------------------------------


def export_once(name: str, sink) -> tuple[float, float, int]:
    """One whole export of every article to `sink`: (wall seconds, CPU seconds, characters)."""
    from articles.models import Article
    from interchange.exporting.formats import FORMATS
    from interchange.exporting.loader import load_articles

    written = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for piece in FORMATS[name].write(load_articles(Article.objects.all()), page_size=100):
        sink.write(piece)
        written += len(piece)
    return time.perf_counter() - t0, time.process_time() - c0, written


def floor_once(db_path: Path) -> float:
    """The rows an export reads, read with plain sqlite3: the floor for any export."""
    t0 = time.perf_counter()
    with sqlite3.connect(db_path) as db:
        db.execute("SELECT * FROM articles_article").fetchall()
        db.execute("SELECT * FROM articles_imagecaption").fetchall()
        db.execute("SELECT * FROM annotations_annotation").fetchall()
        db.execute("SELECT * FROM annotations_attribution").fetchall()
    db.close()
    return time.perf_counter() - t0


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy (the WAL included) through SQLite's backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def vm(field: str) -> float:
    """A VmRSS / VmHWM figure of this process, in MB."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.M)[1]) / 1024  # type: ignore[index]


def child_stream() -> None:
    """In a child process on the big database: stream native JSONL to /dev/null, report."""
    sys.path.insert(0, str(common.ROOT))
    import django

    django.setup()
    from articles.models import Article
    from interchange.exporting import native
    from interchange.exporting.loader import load_articles

    Article.objects.exists()  # connect before the baseline
    before = vm("VmRSS")
    articles = annotations = written = 0
    t0 = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:

        def counted():
            nonlocal articles, annotations
            for article in load_articles(Article.objects.all()):
                articles += 1
                annotations += len(article.annotations)
                yield article

        for line in native.write(counted()):
            sink.write(line)
            written += len(line)
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "rss_before_mb": before,
                "peak_mb": vm("VmHWM"),
                "seconds": seconds,
                "articles": articles,
                "annotations": annotations,
                "characters": written,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--spans", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--stream-articles", type=int, default=50_000)
    parser.add_argument("--formats", nargs="+", default=MINE)
    parser.add_argument("--child-stream", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_stream:
        child_stream()
        return 0

    db_path = common.setup(collect_static=False)
    empty = db_path.with_name("empty.sqlite3")
    copy_database(db_path, empty)  # the migrated schema, for the big database later
    print(common.machine())
    t0 = time.perf_counter()
    made = populate(args.articles, args.spans)
    print(
        f"built {args.articles:,} articles, {made:,} annotations in {time.perf_counter() - t0:.1f} s"
    )

    from interchange.exporting.formats import FORMATS

    rows = []
    verdict_ok = True
    with open(os.devnull, "w", encoding="utf-8") as sink:
        floors: list[float] = []
        walls: dict[str, list[float]] = {name: [] for name in args.formats if name in FORMATS}
        cpus: dict[str, list[float]] = {name: [] for name in walls}
        sizes: dict[str, int] = {}
        export_once("native", sink)  # warm up: imports, caches
        for _ in range(args.runs):  # interleaved, so load changes hit every format alike
            floors.append(floor_once(db_path))
            for name in walls:
                wall, cpu, sizes[name] = export_once(name, sink)
                walls[name].append(wall)
                cpus[name].append(cpu)
    floor = common.median(floors)
    for name, samples in walls.items():
        med = common.median(samples)
        cpu = common.median(cpus[name])
        peer = PEERS.get(name)
        target = TARGET_SECONDS if name == "native" else None
        verdict = common.verdict(med, target) if target else ""
        if target and verdict != "OK":
            verdict_ok = False
        rows.append(
            [
                name,
                med,
                min(samples),
                cpu,
                f"{made / med:,.0f}",
                f"{sizes[name] / 1e6:.1f} MB",
                f"{med / floor:.1f}×",
                f"≤ {target}" if target else "",
                verdict,
                f"{peer[0]} {peer[1]} s ({peer[1] / med:.0f}× slower)" if peer else "",
            ]
        )
    rows.append(
        ["floor: sqlite3 reads the rows", floor, min(floors), "", f"{made / floor:,.0f}", "", "1×"]
        + [""] * 3
    )
    common.print_table(
        f"Export of {args.articles:,} articles, {made:,} annotations to /dev/null "
        f"(seconds; {args.runs} runs, interleaved)",
        [
            "format",
            "median",
            "best",
            "CPU median",
            "annotations/s",
            "output",
            "÷ floor",
            "target",
            "verdict",
            "peers",
        ],
        [[f"{c:.3f}" if isinstance(c, float) else c for c in row] for row in rows],
    )

    if args.stream_articles:
        big = db_path.with_name("big.sqlite3")
        copy_database(empty, big)
        from django.db import connections

        connections.close_all()
        from django.conf import settings

        settings.DATABASES["default"]["NAME"] = str(big)
        connections["default"].settings_dict["NAME"] = str(big)
        t0 = time.perf_counter()
        print(f"\nbuilding {args.stream_articles:,} articles × {args.spans} annotations …")
        made_big = populate(args.stream_articles, args.spans, seed=2)
        connections.close_all()
        print(f"built {made_big:,} annotations in {time.perf_counter() - t0:.0f} s")
        env = {**os.environ, "SQLITE_PATH": str(big)}
        result = subprocess.run(
            [sys.executable, __file__, "--child-stream"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        peak = figures["peak_mb"]
        ok = peak <= TARGET_PEAK_MB
        verdict_ok = verdict_ok and ok
        common.print_table(
            "Streaming native JSONL to /dev/null in a child process",
            [
                "articles",
                "annotations",
                "seconds",
                "annotations/s",
                "output",
                "RSS before",
                "peak (VmHWM)",
                "target",
                "verdict",
            ],
            [
                [
                    f"{figures['articles']:,}",
                    f"{figures['annotations']:,}",
                    round(figures["seconds"], 1),
                    f"{figures['annotations'] / figures['seconds']:,.0f}",
                    f"{figures['characters'] / 1e6:,.0f} M chars",
                    f"{figures['rss_before_mb']:.0f} MB",
                    f"{peak:.0f} MB",
                    f"≤ {TARGET_PEAK_MB:.0f} MB",
                    "OK" if ok else "MISS",
                ]
            ],
        )
    return 0 if verdict_ok else 1


if __name__ == "__main__":
    sys.exit(main())
