"""Import memory on hostile inputs: peak RSS of `import_articles --dry-run` and of a worker.

Inputs, generated on the fly into a temporary folder (never committed):

* baseline: 2,000 ordinary JSONL articles (about 8 MB) and one ordinary saved web page;
* a 28 MB web page of 500,000 paragraphs (refused by IMPORT_MAX_HTML_ELEMENTS);
* a 50 MB JSON Lines file holding one single-line record (refused by IMPORT_MAX_RECORD_BYTES);
* a 1.1 MB web page of 100,000 nested divs (refused by IMPORT_MAX_HTML_DEPTH; it took ~24 s);
* a 4.5 MB web page of 45,000 paragraphs, under the element cap: read in the child process;
* a ZIP of 400 small saved pages: the child's start-up cost, paid per IMPORT_HTML_PAGES_PER_CHILD
  pages, against the same pages with IMPORT_HTML_MEMORY_BYTES=0 (read in-process); the one
  ordinary page both ways gives the cost of one child start.

For each input, `manage.py import_articles --dry-run` runs in a fresh process against a migrated
throwaway SQLite database; printed: its peak RSS (VmHWM), the peak of its children (the page
reader), and the wall time. Then one long-lived "worker" process (Django set up, as
`db_worker` is) runs the same dry-run import path the import task runs (`read_inputs` into
`save_records(dry_run=True)`) on each input in turn: its resident size idle, the peak during
each import (the kernel's high-water mark is reset between imports through
/proc/self/clear_refs), and the resident size after each import.

    .venv/bin/python bench/bench_import_memory.py

Target (issue 11): <= 300 MB peak for the worker on the 28 MB page and the 50 MB record, and
back to its idle size afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SECRET_KEY = "bench-only-secret-key-" + "x" * 40  # noqa: S105
TARGET_PEAK_MB = 300.0

_SENTENCE = "The council said on Monday that the new road would open next spring, officials added."


def _page(title: str, paragraphs: int) -> str:
    body = "".join(f"<p>{n}: {_SENTENCE}</p>\n" for n in range(paragraphs))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>\n{body}</article></body></html>\n"
    )


def make_inputs(folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    path = folder / "baseline.jsonl"
    with path.open("w") as out:
        for n in range(2000):
            body = "\n\n".join(f"{n}.{p}: {_SENTENCE} " * 6 for p in range(6))
            out.write(json.dumps({"title": f"Ordinary article {n}", "body": body}) + "\n")
    files["baseline JSONL, 2,000 articles"] = path
    path = folder / "baseline.html"
    path.write_text(_page("An ordinary page", 40))
    files["baseline page, 40 paragraphs"] = path
    path = folder / "huge.html"
    with path.open("w") as out:
        out.write("<html><head><title>Huge</title></head><body>\n")
        for n in range(500_000):
            out.write(f"<p>{n:06}: a paragraph of a page much too big to read.</p>\n")
    files[f"page, 500,000 paragraphs ({path.stat().st_size / 1e6:.0f} MB)"] = path
    path = folder / "huge-record.jsonl"
    with path.open("w") as out:
        out.write('{"title": "One huge record", "body": "')
        for _ in range(50):
            out.write("word " * 200_000)
        out.write('"}\n{"title": "A normal record after it", "body": "' + _SENTENCE + '"}\n')
    files[f"JSONL, one record on one line ({path.stat().st_size / 1e6:.0f} MB)"] = path
    path = folder / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000)
    files[f"page, 100,000 nested divs ({path.stat().st_size / 1e6:.1f} MB)"] = path
    path = folder / "big.html"
    path.write_text(_page("A big page", 45_000))
    files[f"page, 45,000 paragraphs ({path.stat().st_size / 1e6:.1f} MB)"] = path
    path = folder / "pages.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(400):
            archive.writestr(f"pages/page-{n}.html", _page(f"Saved page number {n}", 12))
    files["ZIP of 400 small pages"] = path
    return files


_COMMAND = """
import json, resource, sys, time, django
django.setup()
from django.core.management import CommandError, call_command
start = time.perf_counter()
try:  # a file with errors ends the command with an error: expected for the hostile inputs
    call_command("import_articles", "--dry-run", "--no-progress", sys.argv[1],
                 stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))
except (CommandError, SystemExit):
    pass
seconds = time.perf_counter() - start
status = dict(l.split(":", 1) for l in open("/proc/self/status"))
print(json.dumps({
    "peak": int(status["VmHWM"].split()[0]) / 1024,
    "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "seconds": seconds,
}))
"""

_WORKER = """
import gc, json, resource, sys, time, django
django.setup()
from interchange.importing.intake import read_inputs
from interchange.importing.saver.run import save_records
import interchange.importing.html, trafilatura  # what a worker has imported after a first page

def status():
    return {k: int(v.split()[0]) / 1024 for k, v in
            (l.split(":", 1) for l in open("/proc/self/status")) if k in ("VmRSS", "VmHWM")}

def reset_peak():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")

gc.collect()
idle = status()["VmRSS"]
print(json.dumps({"idle": idle}), flush=True)
for path in sys.argv[1:]:
    reset_peak()
    start = time.perf_counter()
    notes = []
    result = save_records(read_inputs([path], notes=notes), files=[path], dry_run=True)
    seconds = time.perf_counter() - start
    peak = status()["VmHWM"]
    del result, notes
    gc.collect()
    print(json.dumps({"path": path, "peak": peak, "after": status()["VmRSS"], "seconds": seconds}),
          flush=True)
"""


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-memory-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "SQLITE_PATH": str(folder / "db.sqlite3"),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "NEWSROOM_VAR_DIR": str(folder / "var"),
        }
        subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        started = time.perf_counter()
        files = make_inputs(folder)
        print(f"inputs generated in {time.perf_counter() - started:.1f} s\n")

        print("manage.py import_articles --dry-run, one fresh process per input:")
        print(f"  {'input':<44} {'peak MB':>8} {'child MB':>9} {'seconds':>8}")
        cases = [(label, path, {}) for label, path in files.items()]
        zip_label = "ZIP of 400 small pages"
        cases.append(
            (
                zip_label + ", in-process",
                files[zip_label],
                {"NEWSROOM_IMPORT_HTML_MEMORY_BYTES": "0"},
            )
        )
        page_label = "baseline page, 40 paragraphs"
        cases.append(
            (
                page_label + ", in-process",
                files[page_label],
                {"NEWSROOM_IMPORT_HTML_MEMORY_BYTES": "0"},
            )
        )
        for label, path, extra in cases:
            out = subprocess.run(
                [PYTHON, "-c", _COMMAND, str(path)],
                cwd=ROOT,
                env={**env, **extra},
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            figures = json.loads(out.strip().splitlines()[-1])
            print(
                f"  {label:<44} {figures['peak']:>8.0f} {figures['children']:>9.0f} "
                f"{figures['seconds']:>8.2f}"
            )

        print("\nA worker process running the import path on each input in turn:")
        worker = subprocess.Popen(
            [PYTHON, "-c", _WORKER, *map(str, files.values())],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None
        labels = {str(path): label for label, path in files.items()}
        worst = 0.0
        idle = 0.0
        for line in worker.stdout:
            figures = json.loads(line)
            if "idle" in figures:
                idle = figures["idle"]
                print(f"  idle: {idle:.0f} MB resident")
                print(f"  {'input':<44} {'peak MB':>8} {'after MB':>9} {'seconds':>8}")
                continue
            worst = max(worst, figures["peak"])
            print(
                f"  {labels[figures['path']]:<44} {figures['peak']:>8.0f} "
                f"{figures['after']:>9.0f} {figures['seconds']:>8.2f}"
            )
        worker.wait()
        verdict = "met" if worst <= TARGET_PEAK_MB else "NOT met"
        print(
            f"\nworker peak {worst:.0f} MB (idle {idle:.0f} MB): target <= {TARGET_PEAK_MB:.0f} MB {verdict}"
        )


if __name__ == "__main__":
    main()
