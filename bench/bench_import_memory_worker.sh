#!/usr/bin/env bash
# The real background worker's memory on hostile imports (companion of bench_import_memory.py).
#
# Starts `manage.py run_worker` on a throwaway SQLite database under a temporary folder, queues
# dry-run import Jobs as the admin's upload does (a ~30 MB page of 500,000 paragraphs, a 50 MB
# one-line JSONL record, a 4.5 MB page of 45,000 paragraphs read in the page-reader child, the
# huge page again), and prints the worker's VmRSS and VmHWM (peak) idle and after each job, with
# the job's status and first report line. Inputs are generated, never committed.
#
#     bench/bench_import_memory_worker.sh
set -euo pipefail
cd "$(dirname "$0")/.."
P=${PYTHON:-.venv/bin/python}
[ -x "$P" ] || P=/work/main/.venv/bin/python
TMP=$(mktemp -d /tmp/bench-worker-memory-XXXXXX)
export DJANGO_SETTINGS_MODULE=newsroom.settings SQLITE_PATH=$TMP/db.sqlite3 DJANGO_DEBUG=0
export DJANGO_SECRET_KEY=bench-only-secret-key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
export DJANGO_ALLOWED_HOSTS=localhost NEWSROOM_VAR_DIR=$TMP/var
W=""
cleanup() { [ -n "$W" ] && kill "$W" 2>/dev/null && wait "$W" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
"$P" manage.py migrate -v 0
mkdir -p "$TMP/var/uploads/imports"
"$P" - "$TMP/var/uploads/imports" <<'PY'
import sys
folder = sys.argv[1]
with open(f"{folder}/huge.html", "w") as out:
    out.write("<html><head><title>Huge</title></head><body>\n")
    for n in range(500_000):
        out.write(f"<p>{n:06}: a paragraph of a page much too big to read.</p>\n")
with open(f"{folder}/huge.jsonl", "w") as out:
    out.write('{"title": "One", "body": "' + "word " * 10_000_000 + '"}\n')
sentence = "The council said on Monday that the new road would open next spring, officials added."
with open(f"{folder}/big.html", "w") as out:
    out.write("<html><head><title>A big page</title></head><body><article><h1>A big page</h1>\n")
    out.writelines(f"<p>{n}: {sentence}</p>\n" for n in range(45_000))
    out.write("</article></body></html>\n")
PY
"$P" manage.py run_worker --no-startup-delay --no-reload --interval 0.2 >"$TMP/worker.log" 2>&1 &
W=$!
sleep 4
rss() { grep -E "VmRSS|VmHWM" "/proc/$W/status" | tr -s ' \t' ' ' | tr '\n' ' '; }
echo "idle: $(rss)"
for f in huge.html huge.jsonl big.html huge.html; do
    "$P" - "$f" <<'PY'
import sys
import django
django.setup()
from django.db import transaction
from interchange.models import Job
from interchange.tasks import enqueue
name = sys.argv[1]
with transaction.atomic():
    job = Job.objects.create(kind=Job.Kind.IMPORT, status=Job.Status.QUEUED, dry_run=True,
                             format="detect", files=[name], uploads=[f"imports/{name}"], options={})
    enqueue(job)
PY
    for _ in $(seq 1 120); do
        sleep 0.5
        S=$("$P" -c "import django; django.setup(); from interchange.models import Job; print(Job.objects.latest('pk').status)")
        [ "$S" = queued ] || [ "$S" = running ] || break
    done
    R=$("$P" -c "import django; django.setup(); from interchange.models import Job; r = Job.objects.latest('pk').report; print((r[0]['message'] if r else 'no errors')[:110])")
    echo "$f: $S; worker $(rss)"
    echo "    $R"
done
