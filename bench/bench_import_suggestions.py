"""Importing other tools' suggestions: speed and memory of `suggestions.external` on Label
Studio files of 1,000 and 5,000 tasks (one article each, ten attributions per task).

Each case runs on a fresh throwaway database (common.setup) with the articles made in bulk;
the file is written first, then read by `SuggestionImport` once for time (wall clock) and once
more, on a fresh set of articles, under tracemalloc for the peak of Python allocations. Memory
must stay flat as the file grows: the file is streamed one task at a time and stored in
batches, so the peak should not follow the number of tasks.

    .venv/bin/python bench/bench_import_suggestions.py [--sizes 1000 5000]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import BODY, print_table, setup

CUES = [m.start() for m in re.finditer(r"\bsaid\b", BODY)][:10]


def task(article_id: int, text: str) -> dict:
    """Ten attributions: the word before each "said" as source, the next 30 characters as
    content (not linguistics, only valid spans), scored."""
    results = []
    for n, at in enumerate(CUES):
        before = text.rfind(" ", 0, at - 1) + 1
        spans = {
            "s": (before, at - 1, "Source"),
            "c": (at, at + 4, "Cue"),
            "q": (at + 5, at + 35, "Content"),
        }
        for key, (start, end, label) in spans.items():
            value = {
                "start": start,
                "end": end,
                "text": text[start:end],
                "labels": [label],
                "score": 0.8,
            }
            results.append(
                {
                    "id": f"{key}{n}",
                    "type": "labels",
                    "from_name": "label",
                    "to_name": "text",
                    "value": value,
                }
            )
        results.append({"type": "relation", "from_id": f"s{n}", "to_id": f"c{n}"})
        results.append({"type": "relation", "from_id": f"c{n}", "to_id": f"q{n}"})
    return {
        "data": {"text": text, "article_id": article_id},
        "predictions": [{"model_version": "b1", "result": results}],
    }


def make_file(size: int, folder: Path) -> Path:
    from articles.content import canonical_text
    from articles.models import Article

    body = canonical_text(BODY)
    made = Article.objects.bulk_create(
        Article(title=f"Bench {n}", body=body, content_hash=f"bench-{n}-{time.time_ns()}")
        for n in range(size)
    )
    path = folder / f"tasks-{size}-{made[0].pk}.json"
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        out.write(",\n".join(json.dumps(task(a.pk, body)) for a in made))
        out.write("\n]\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    setup(collect_static=False)
    from suggestions.external.importer import ImportOptions, SuggestionImport

    folder = Path(tempfile.mkdtemp(prefix="bench-suggestions-"))
    rows = []
    for size in args.sizes:
        path = make_file(size, folder)
        importer = SuggestionImport(ImportOptions(format="labelstudio"))
        start = time.perf_counter()
        importer.read(path, path.name)
        seconds = time.perf_counter() - start
        report = importer.report
        assert report.problem_count == 0, report.problems[:3]
        path = make_file(size, folder)
        tracemalloc.start()
        SuggestionImport(ImportOptions(format="labelstudio")).read(path, path.name)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            [
                f"{size:,}",
                f"{path.stat().st_size / 1024**2:.1f}",
                f"{report.created:,}",
                f"{seconds:.2f}",
                f"{size / seconds:,.0f}",
                f"{peak / 1024**2:.1f}",
            ]
        )
    print_table(
        "Label Studio predictions imported as suggestions",
        ["tasks", "file MB", "stored", "seconds", "tasks/s", "peak MB (tracemalloc)"],
        rows,
    )


if __name__ == "__main__":
    main()
