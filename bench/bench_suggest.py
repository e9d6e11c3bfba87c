"""Speed of the attribution engine (suggestions/engine.py): ms per 4,500-character article.

Articles are made from the development set's paragraphs (bench/attribution/gold.jsonl) laid end
to end until each is 4,500 characters. Each is timed through `suggest()` after a warm-up, and so
is a trivial pass over the same text (a regular-expression word count), interleaved, as the
baseline this machine's noise is measured by. Target (issue 9): <= 10 ms per article on one core,
over at least 100 articles, start-up excluded.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from suggestions.engine import suggest  # noqa: E402

TARGET_MS = 10.0
WORD = re.compile(r"\w+")


def articles(count: int, length: int = 4500) -> list[str]:
    paragraphs = [
        json.loads(line)["text"]
        for line in (ROOT / "bench" / "attribution" / "gold.jsonl").read_text("utf-8").splitlines()
    ]
    made: list[str] = []
    i = 0
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < length:
            parts.append(paragraphs[i % len(paragraphs)])
            i += 1
        made.append("\n\n".join(parts)[:length])
    return made


# Hostile shapes (issue 9's "memory and time bounded for any file shape"): each 400,000
# characters; the figure that matters is ms per 100,000 characters against ordinary articles.
HOSTILE = {
    "one long run of commas": "word, " * 66_667,
    "no sentence stop at all": "the minister said the " * 18_182,
    "unclosed quotation marks": '"a, ' * 100_000,
    "repeated according to": ", according to the x" * 20_000,
    "sentences of 1,900 commas": ("word, " * 316 + "end. ") * 210,
    "one word, no spaces": "x" * 400_000,
}


def hostile(ordinary_ms_per_100k: float) -> None:
    for name, text in HOSTILE.items():
        start = time.perf_counter()
        suggest(text)
        ms = (time.perf_counter() - start) * 1000 / (len(text) / 100_000)
        ratio = ms / ordinary_ms_per_100k
        print(f"  {name:28} {ms:8.1f} ms per 100,000 characters ({ratio:.1f}× ordinary text)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    texts = articles(args.articles)
    for text in texts[:10]:
        suggest(text)
    engine_ms: list[float] = []
    base_ms: list[float] = []
    found = 0
    for text in texts:
        start = time.perf_counter()
        len(WORD.findall(text))
        base_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        found += len(suggest(text))
        engine_ms.append((time.perf_counter() - start) * 1000)
    median, base = statistics.median(engine_ms), statistics.median(base_ms)
    p95 = sorted(engine_ms)[max(0, round(0.95 * len(engine_ms)) - 1)]
    print(f"{len(texts)} articles of 4,500 characters, {found} suggestions")
    print(f"suggest(): median {median:.2f} ms, p95 {p95:.2f} ms per article")
    print(
        f"baseline (word count of the same text): median {base:.3f} ms; ratio {median / base:.0f}×"
    )
    verdict = "met" if median <= TARGET_MS else "MISSED"
    print(f"target: median <= {TARGET_MS:.0f} ms per article: {verdict}")
    print("hostile shapes (time stays linear in the text):")
    hostile(median * 100_000 / 4_500)
    return 0


if __name__ == "__main__":
    sys.exit(main())
