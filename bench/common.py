"""Shared set-up for the benchmarks: a throwaway SQLite database, a news article with a caption,
N annotations made in bulk, timing statistics and a printed result table.

Import `setup()` before touching any Django model: it points SQLITE_PATH at a temporary file,
turns DEBUG off, starts Django and migrates, so no benchmark ever touches db.sqlite3.
"""

from __future__ import annotations

import atexit
import math
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-not-secret-9431"  # noqa: S105
SECRET_KEY = "bench-only-secret-key-" + "x" * 40  # noqa: S105

# --- Text --------------------------------------------------------------------------------------
# Written for these benchmarks: a made-up story, about 3,500 characters, in wire-service style,
# with plenty of claims, named and anonymous sources and attribution cues.

TITLE = "Water board delays reservoir upgrade as costs rise, officials say"

CAPTION = (
    "Workers inspect the eastern spillway of the Harlow Reservoir, which the regional water "
    "board says needs repairs before next winter, according to an engineering survey."
)
CAPTION_CREDIT = "Photo: Newsroom bench"

BODY = """\
The regional water board will postpone the upgrade of the Harlow Reservoir by at least eighteen months, its chief executive said on Thursday, after a review found that the cost of the work had almost doubled since the plan was approved.

Speaking to councillors in Millbrook, Dana Okafor said the board had "no responsible choice" but to pause the tender while engineers reassessed the eastern spillway. "We would rather be late than build the wrong thing," she told the meeting, adding that drinking water supplies were not at risk.

According to figures published by the board, the project is now expected to cost 212 million pounds, compared with 118 million when it was approved three years ago. Officials blamed higher prices for steel and concrete, as well as a shortage of specialist contractors across the region.

Residents' groups reacted angrily. Tomasz Wieczorek, who chairs the Harlow Valley Residents' Association, said households had already paid higher bills to fund the scheme and deserved a clear timetable. "People were promised a safer dam by next spring," he said. "Now they are being told to wait again."

An engineering survey commissioned last year, and seen by this newspaper, warned that parts of the spillway showed signs of erosion and recommended repairs "within two winter seasons". A spokesperson for the board said interim repairs would begin in September and that the reservoir was inspected every week.

The environment regulator said it was monitoring the situation closely. In a statement, the agency said it had asked the board for a revised risk assessment by the end of the month and would "not hesitate to intervene" if safety standards were not met.

Opposition councillors accused the board of poor planning. Councillor Priya Raman claimed the cost increases had been "entirely foreseeable" and called for an independent inquiry into how the original budget was drawn up. The board rejected that criticism, saying the estimate had been reviewed by two outside firms.

Analysts said the delay reflected wider pressures on infrastructure spending. Helen Marsh, an economist at the University of Eastbridge, said construction inflation had hit public projects particularly hard because budgets were often fixed years in advance. "What looked prudent in 2021 looks optimistic now," she said.

Contractors who bid for the original tender said the pause would add further costs. A director at one of the firms, speaking on condition of anonymity because talks with the board were continuing, said crews and equipment had been reserved for the summer and would now have to be released. "Every month of delay is money nobody gets back," he said.

The national infrastructure commission declined to comment on the Harlow scheme specifically, but a report it published in March found that four in ten large water projects in England had run more than a year late. The report said boards often underestimated the time needed to secure planning consent and specialist materials.

The board is due to publish a revised plan in November. Okafor said she expected the upgrade to be finished by 2029 and insisted that bills would not rise further to pay for the delay, though she declined to rule out changes to other investment plans.

Several residents who attended the meeting said they remained unconvinced. One retired engineer, who asked not to be named, said he had raised concerns about the spillway a decade ago. "Nobody listened then," he said, "and I am not sure anyone is listening now."
"""

SOURCE_ENTRIES = [
    ("Dana Okafor", "person"),
    ("Regional Water Board", "organisation"),
    ("Tomasz Wieczorek", "person"),
    ("Harlow Valley Residents' Association", "organisation"),
    ("Environment Regulator", "government"),
    ("Priya Raman", "person"),
    ("Helen Marsh", "person"),
    ("Unnamed retired engineer", "anonymous"),
]

_WORD = re.compile(r"[\w’'-]+")


# --- Django set-up -----------------------------------------------------------------------------


def setup(*, debug: bool = False, collect_static: bool = True, database_url: str = "") -> Path:
    """Start Django on a fresh temporary SQLite file and migrate it. Returns the file's path.

    With DEBUG off the settings use whitenoise's manifest storage, which needs collectstatic:
    the files are collected into the same temporary directory (never into the checkout), which
    NEWSROOM_STATIC_ROOT names for any server started from this process.

    database_url (a throwaway PostgreSQL database, e.g. from scripts/with-postgres) replaces the
    SQLite file; the returned path then names a file in the temporary directory that is never
    created (callers use its parent for logs)."""
    tmp = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    db_path = tmp / "bench.sqlite3"
    os.environ["SQLITE_PATH"] = str(db_path)
    os.environ["DJANGO_DEBUG"] = "1" if debug else "0"
    os.environ["DJANGO_SECRET_KEY"] = SECRET_KEY
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    os.environ["NEWSROOM_STATIC_ROOT"] = str(tmp / "static")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)

    import django
    from django.conf import settings

    django.setup()
    if not database_url:
        assert settings.DATABASES["default"]["NAME"] == str(db_path), "not on the throwaway DB"
    settings.STATIC_ROOT = tmp / "static"

    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if collect_static and not debug:
        call_command("collectstatic", verbosity=0, interactive=False)
    return db_path


def make_users():
    """The signed-in editor, a second editor (whose spans the first cannot change) and a
    reviewer. All share PASSWORD."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    editors = Group.objects.get(name="Editors")
    reviewers = Group.objects.get(name="Reviewers")
    users = {}
    for name, group in (("editor", editors), ("editor2", editors), ("reviewer", reviewers)):
        user = User.objects.create_user(username=name, password=PASSWORD)
        user.groups.add(group)
        users[name] = user
    return users


def make_article(title: str = TITLE):
    from articles.models import Article, ImageCaption

    article = Article.objects.create(
        title=title,
        body=BODY,
        outlet="Newsroom Bench Wire",
        byline="By A. Reporter",
        url="https://example.com/news/harlow-reservoir",
    )
    ImageCaption.objects.create(article=article, position=0, text=CAPTION, credit=CAPTION_CREDIT)
    return article


def make_sources():
    from annotations.models import Source

    existing = {s.name: s for s in Source.objects.all()}
    missing = [Source(name=n, kind=k) for n, k in SOURCE_ENTRIES if n not in existing]
    Source.objects.bulk_create(missing)
    return list(Source.objects.order_by("name"))


def word_spans(text: str) -> list[list[tuple[int, int]]]:
    """(start, end) of each word, grouped by paragraph."""
    paragraphs = []
    pos = 0
    for para in text.split("\n\n"):
        paragraphs.append([(pos + m.start(), pos + m.end()) for m in _WORD.finditer(para)])
        pos += len(para) + 2
    return [p for p in paragraphs if p]


def make_annotations(article, n: int, authors: Sequence, *, seed: int = 1) -> dict[str, int]:
    """N live annotations over title (5%), caption (10%) and body (85%), made with bulk_create.

    About a third of the spans come as a claim with a nested source and cue inside or beside
    it, linked by an Attribution; the rest are single spans with a random tag and length, so
    many overlap or nest by chance (5,000 spans over ~3,500 characters are very dense). Two in
    five source spans are resolved to a registry entry; one attribution in ten points at a
    registry entry rather than a span. Returns counts of what was made."""
    from annotations.models import Annotation, Attribution, Tag

    rng = random.Random(seed)
    tags = {t.role: t for t in Tag.objects.all()}
    roles = ["claim", "source", "cue", "quote"]
    lengths = {"claim": (4, 20), "quote": (3, 15), "source": (1, 4), "cue": (1, 3)}
    sources = make_sources()
    caption = article.captions.get()
    texts = {
        "title": (article.title, None, word_spans(article.title)),
        "caption": (caption.text, caption, word_spans(caption.text)),
        "body": (article.body, None, word_spans(article.body)),
    }

    def span(target: str, role: str, para: list, near: int | None = None) -> Annotation:
        text, cap, _ = texts[target]
        lo, hi = lengths[role]
        k = min(rng.randint(lo, hi), len(para))
        first = rng.randrange(0, len(para) - k + 1) if near is None else near
        first = max(0, min(first, len(para) - k))
        start, end = para[first][0], para[first + k - 1][1]
        resolved = role == "source" and rng.random() < 0.4
        return Annotation.cut_from(
            text,
            start,
            end,
            article=article,
            target=target,
            caption=cap,
            tag=tags[role],
            author=authors[0] if rng.random() < 0.7 else rng.choice(authors[1:] or authors),
            status=rng.choice(["pending", "pending", "accepted", "rejected"]),
            note="Check against the board minutes." if rng.random() < 0.05 else "",
            source_entry=rng.choice(sources) if resolved else None,
        )

    annotations: list[Annotation] = []
    groups: list[tuple[int, int, int]] = []  # indexes of claim, source, cue
    while len(annotations) < n:
        target = rng.choices(["title", "caption", "body"], weights=[5, 10, 85])[0]
        para = rng.choice(texts[target][2])
        if n - len(annotations) >= 3 and rng.random() < 0.33 and len(para) >= 6:
            claim = span(target, "claim", para)
            first = next(i for i, w in enumerate(para) if w[0] == claim.start)
            source = span(target, "source", para, near=first + rng.randint(-3, 3))
            cue = span(target, "cue", para, near=first + rng.randint(0, 4))
            groups.append((len(annotations), len(annotations) + 1, len(annotations) + 2))
            annotations += [claim, source, cue]
        else:
            annotations.append(span(target, rng.choice(roles), para))
    for a in annotations:  # the same check every write path makes
        a.verify(texts[a.target][0])
    Annotation.objects.bulk_create(annotations, batch_size=500)

    attributions = []
    for ci, si, ui in groups:
        claim, source, cue = annotations[ci], annotations[si], annotations[ui]
        if rng.random() < 0.1:
            attributions.append(
                Attribution(claim=claim, source_entry=rng.choice(sources), author=authors[0])
            )
        else:
            attributions.append(
                Attribution(claim=claim, source_span=source, cue=cue, author=claim.author)
            )
    Attribution.objects.bulk_create(attributions, batch_size=500)
    return {
        "annotations": len(annotations),
        "attributions": len(attributions),
        "resolved_sources": sum(1 for a in annotations if a.source_entry_id),
    }


def body_word_spans(max_words: int = 6) -> list[tuple[int, int]]:
    """Every distinct span of 1..max_words words inside one body paragraph, in a fixed
    shuffled order: material for sequential creates that never repeat a span."""
    spans = []
    for para in word_spans(BODY):
        for i in range(len(para)):
            for k in range(1, max_words + 1):
                if i + k <= len(para):
                    spans.append((para[i][0], para[i + k - 1][1]))
    random.Random(7).shuffle(spans)
    return spans


# --- Timing ------------------------------------------------------------------------------------


def time_ms(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t0) * 1000.0, result


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def p95(xs: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    s = sorted(xs)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def fmt(x: float | int | str | None, digits: int = 1) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(h) for h in headers]] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    print(f"\n{title}")
    line = "  ".join("-" * w for w in widths)
    for i, row in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if j else c.ljust(w)
                for j, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print(line)


def machine() -> str:
    import django

    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"nproc {os.cpu_count()} · Python {platform.python_version()} · "
        f"Django {django.get_version()} · SQLite {sqlite3.sqlite_version} · "
        f"load average {load} (shared machine: compare ratios, not absolutes)"
    )


def verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "MISS"


def make_suggestions(article, n: int) -> int:
    """N pending suggestions on the body (issue 10's page with suggestions): each a source of
    one word, the next word as cue and the three after as content, stored as the engine's are
    (suggestions.store). Returns how many were stored."""
    from suggestions.models import Suggestion
    from suggestions.store import Proposal, store

    triples = []
    for para in word_spans(BODY):
        for i in range(0, len(para) - 4, 5):
            source, cue, content = para[i], para[i + 1], (para[i + 2][0], para[i + 4][1])
            triples.append(Proposal((source,), cue, (content,), 0.6 + (i % 4) / 10, "bench"))
    store(article, triples[:n], origin="newsroom-rules", origin_version="bench")
    return Suggestion.objects.filter(article=article).count()
