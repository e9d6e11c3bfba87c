"""Suggestions for an import, in the background: 10,000 stored articles through the task.

What the issue asks (issue 9): suggestions for a 10,000-article import done in the background
within 2 minutes, without slowing editors' saves, memory flat in the number of articles.

For each size (1,000 and 10,000 articles) a fresh temporary SQLite database (SQLITE_PATH, DEBUG
off) is migrated by `manage.py migrate` in its own process; another process writes the articles
(about 4,500 characters of body each, made from the invented paragraphs of the development set,
bench/attribution/gold.jsonl, with a title and a caption) with plain sqlite3. Then a third
process starts Django, queues the suggestion tasks for every article exactly as an import does
(`suggestions.tasks.enqueue_suggestions`) and runs django-tasks-db's own worker
(`db_worker --batch`) until the queue is empty. That is timed inside the process (start-up left
out); its peak memory is that process's high-water mark (VmHWM), read when the worker stops.

The baseline, in the same process right after: the engine alone on the same texts (read the
same way, nothing stored); the run's time as a ratio to it is what storing, resolving and the
task machinery add.

Editors' saves: while the 10,000-article run goes on, a fourth process saves annotations through
`annotations.services.create_annotation` (what the page's save calls), one every 20 ms; the same
saves are first timed with the database idle. Their median and p95, idle and during the run,
show whether the run slows them.

    .venv/bin/python bench/bench_suggest_store.py [--sizes 1000 10000] [--saves 200]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import child_env, drop, fresh_database  # noqa: E402
from bench_suggest import articles as development_articles  # noqa: E402

PYTHON = sys.executable
TARGET_SECONDS = 120.0  # 10,000 articles
DISTINCT_TEXTS = 200  # bodies cycled through; each article's title is its own


# --- Child processes ---------------------------------------------------------------------------


def run_child(db: Path, *args: str) -> subprocess.Popen[bytes]:
    """This script in child mode on `db`, started; `report_of` waits for its report."""
    return subprocess.Popen(
        [PYTHON, __file__, "--child", *args],
        cwd=ROOT,
        env=child_env(db),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def report_of(process: subprocess.Popen[bytes]) -> dict:
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        sys.stderr.write(stderr.decode(errors="replace"))
        raise SystemExit(f"child {process.args} failed with exit code {process.returncode}")
    return json.loads(stdout.decode().strip().splitlines()[-1])


def _proc_status(key: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _peak_kb() -> int:
    return max(_proc_status("VmHWM"), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child_prepare(count: int) -> None:
    """Write `count` articles (title, ~4,500-character body, one caption) and an editor, with
    plain sqlite3, so the run's process starts from an imported database."""
    import hashlib

    bodies = development_articles(DISTINCT_TEXTS)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    connection = sqlite3.connect(os.environ["SQLITE_PATH"], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, "
        "is_staff, is_active, date_joined) VALUES ('!', 0, 'editor', '', '', '', 1, 1, ?)",
        (now,),
    )
    for start in range(0, count, 1000):
        rows, captions = [], []
        for n in range(start, min(count, start + 1000)):
            title = f"Harbour story number {n + 1}"
            body = bodies[n % len(bodies)]
            digest = hashlib.sha256(f"{title}\x00{body}".encode()).hexdigest()
            rows.append((n + 1, title, body, "", "", "", None, "", digest, 1, "new", now, now))
            captions.append((n + 1, 0, "Dock workers said that the quay was safe again.", "AP"))
        connection.executemany(
            "INSERT INTO articles_article (id, title, body, outlet, byline, url, published, "
            "external_id, content_hash, revision, status, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.executemany(
            "INSERT INTO articles_imagecaption (article_id, position, text, credit) "
            "VALUES (?, ?, ?, ?)",
            captions,
        )
    connection.execute("COMMIT")
    print(json.dumps({"articles": count}))


def child_run(running: Path) -> None:
    """Queue the suggestion tasks as an import does, run the worker until the queue is empty
    (the file `running` exists meanwhile); then the baseline: the engine alone on the same
    texts."""
    import io

    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from articles.models import Article
    from suggestions.models import Suggestion
    from suggestions.runs import CHUNK, MIN_CONFIDENCE, _captions_of, _chunks
    from suggestions.tasks import enqueue_suggestions
    from suggestions.textmap import suggest_stored

    rss_before = _proc_status("VmRSS")
    running.touch()
    started, cpu_started = time.perf_counter(), time.process_time()
    tasks = enqueue_suggestions(Article.objects.values_list("pk", flat=True).iterator())
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0, stdout=io.StringIO())
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    running.unlink()
    peak = _peak_kb()
    statuses = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
    stored = Suggestion.objects.count()

    started = time.perf_counter()
    found = 0
    for ids in _chunks(Article.objects.all(), CHUNK):
        captions = _captions_of(ids)
        for article in Article.objects.filter(pk__in=ids).only("id", "title", "body"):
            texts = [article.title, *(c.text for c in captions[article.pk]), article.body]
            found += sum(len(suggest_stored(text, MIN_CONFIDENCE)) for text in texts)
    engine_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "tasks": tasks,
                "statuses": statuses,
                "suggestions": stored,
                "engine_seconds": engine_seconds,
                "engine_suggestions": found,
                "rss_before_kb": rss_before,
                "peak_rss_kb": peak,
            }
        )
    )


def child_saves(count: int, pause: float, during: Path | None) -> None:
    """Save annotations one by one through create_annotation, `pause` seconds apart, and print
    each save's milliseconds: `count` of them, or with `during`, as many as fit while that
    file exists (waiting for it first)."""
    import uuid

    import django

    django.setup()
    from django.contrib.auth.models import User

    from annotations.models import Tag
    from annotations.services import create_annotation
    from articles.models import Article

    editor = User.objects.get(username="editor")
    tag = Tag.objects.get(name="Claim")
    article = Article.objects.order_by("-pk").first()
    assert article is not None
    text = article.body
    times: list[float] = []
    if during is not None:
        while not during.exists():
            time.sleep(0.005)
    n = 0
    while (during.exists() or not times) if during is not None else n < count:
        n += 1
        start = (n * 37) % (len(text) - 40)
        began = time.perf_counter()
        create_annotation(
            article=article,
            author=editor,
            client_id=uuid.uuid4(),
            target="body",
            caption=None,
            start=start,
            end=start + 30,
            quote=text[start : start + 30],
            tag=tag,
        )
        times.append((time.perf_counter() - began) * 1000)
        time.sleep(pause)
    print(json.dumps({"ms": times}))


# --- The run -----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--saves", type=int, default=200, help="editor saves timed (0: skip)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, *rest = args.child
        if mode == "prepare":
            child_prepare(int(rest[0]))
        elif mode == "run":
            child_run(Path(rest[0]))
        else:
            child_saves(int(rest[0]), float(rest[1]), Path(rest[2]) if len(rest) > 2 else None)
        return 0

    import common

    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-suggest-store-"))
    rows = []
    peaks: dict[int, float] = {}
    saves: dict[str, list[float]] = {}
    missed = 0
    try:
        print(common.machine())
        for size in args.sizes:
            db = fresh_database(folder, f"suggest-{size}")
            report_of(run_child(db, "prepare", str(size)))
            largest = size == max(args.sizes) and args.saves
            running = folder / f"running-{size}"
            if largest:
                saves["idle"] = report_of(run_child(db, "saves", str(args.saves), "0.02"))["ms"]
                editor = run_child(db, "saves", "0", "0.02", str(running))
            run = report_of(run_child(db, "run", str(running)))
            if largest:
                saves["during the run"] = report_of(editor)["ms"]
            drop(db)
            peak = run["peak_rss_kb"] / 1024
            peaks[size] = peak
            done = run["statuses"].get("SUCCESSFUL", 0)
            ratio = run["seconds"] / run["engine_seconds"]
            per_article = run["seconds"] / size * 1000
            met = size != 10_000 or run["seconds"] <= TARGET_SECONDS
            missed += not met
            print(
                f"\n{size:,} articles: {run['tasks']} task(s), {done} successful "
                f"({run['statuses']}); {run['suggestions']:,} suggestions stored "
                f"(the engine alone finds {run['engine_suggestions']:,})\n"
                f"  queue + worker: {run['seconds']:.1f} s wall, {run['cpu_seconds']:.1f} s CPU, "
                f"{per_article:.2f} ms per article; engine alone {run['engine_seconds']:.1f} s; "
                f"run ÷ engine {ratio:.2f}×\n"
                f"  peak RSS {peak:.0f} MB (after start-up {run['rss_before_kb'] / 1024:.0f} MB)",
                flush=True,
            )
            rows.append(
                (
                    f"{size:,} articles",
                    f"{run['seconds']:.1f}",
                    f"{per_article:.2f}",
                    f"{run['engine_seconds']:.1f}",
                    f"{ratio:.2f}×",
                    f"{peak:.0f}",
                    f"≤ {TARGET_SECONDS:.0f} s" if size == 10_000 else "",
                    ("met" if met else "MISSED") if size == 10_000 else "",
                )
            )
        common.print_table(
            "Suggestions in the background (queue + db_worker; baseline: the engine alone)",
            ["case", "seconds", "ms/article", "engine s", "÷ engine", "peak MB", "target", ""],
            rows,
        )
        if len(peaks) > 1:
            small, large = min(peaks), max(peaks)
            print(
                f"\nMemory: peak RSS {peaks[small]:.0f} MB at {small:,} articles, "
                f"{peaks[large]:.0f} MB at {large:,} ({peaks[large] / peaks[small]:.2f}×)"
            )
        if saves:
            idle = common.median(saves["idle"])
            common.print_table(
                f"An editor's save (create_annotation), 20 ms apart: {args.saves} idle, "
                f"{len(saves['during the run'])} during the {max(args.sizes):,}-article run",
                ["database", "median ms", "p95 ms", "÷ idle median"],
                [
                    (
                        name,
                        f"{common.median(ms):.2f}",
                        f"{common.p95(ms):.2f}",
                        f"{common.median(ms) / idle:.2f}×",
                    )
                    for name, ms in saves.items()
                ],
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
