#!/usr/bin/env bash
# Run every benchmark in turn; each builds its own throwaway SQLite database and prints figures.
# Usage: bench/run_all.sh            (from the checkout, with .venv installed)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
status=0
for bench in bench_article_page bench_create bench_review_page bench_server bench_import bench_import_memory bench_export bench_suggest_store; do
    echo "==> bench/$bench.py"
    "$PY" "bench/$bench.py" || status=$?
    echo
done
exit "$status"
