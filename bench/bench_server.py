"""A server over loopback: load a 500-span article, save spans, peak memory.

Prepares a throwaway SQLite file (an article with 500 annotations and an editor), starts
`manage.py runserver --noreload 127.0.0.1:<free port>` on it with DJANGO_DEBUG=1 as a
subprocess (the README's dev server; or, with --server gunicorn|granian, a production server
with DEBUG off, --workers processes and the static files collected, as scripts/serve runs it),
and drives it with urllib like a browser would: log in through the login form
(CSRF token from the form), GET the article page 100 times, then make 200 creates through the
htmx endpoint (X-CSRFToken read from the page, HX-Request: true). Latencies are client-side,
over loopback, one request at a time. The server's peak resident memory is VmHWM from
/proc/<pid>/status. The server is stopped at the end, whatever happens.

    .venv/bin/python bench/bench_server.py [--gets 100] [--creates 200]
    .venv/bin/python bench/bench_server.py --server gunicorn --workers 2
    bash scripts/with-postgres .venv/bin/python bench/bench_server.py --server granian --postgres

--compare gunicorn granian starts both on the same database (each with --workers processes)
and alternates every request between them, so that a busy shared machine slows both alike:
the way the production server was chosen (docs/benchmarks.md, "Production server").

--postgres uses DATABASE_URL (a throwaway database: scripts/with-postgres makes one per run)
instead of a temporary SQLite file. The server's peak memory is its master process's (for the
production servers, the workers' are added up from /proc).
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import common

# Published figures of comparable tools (median, ms), for the table only.
PEERS = {
    "load a 500-span document": {"doccano": 50.0, "Label Studio": 70.0},
    "save one span": {"doccano": 28.0, "Label Studio": 112.0},
}
START_TIMEOUT_S = 60.0
SERVERS = ("runserver", "gunicorn", "granian")


def server_command(server: str, port: int, workers: int) -> list[str]:
    """The command line scripts/serve uses for each production server, on a given port."""
    if server == "runserver":
        return [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    if server == "gunicorn":
        return [
            *(sys.executable, "-m", "gunicorn", "newsroom.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
            "--no-control-socket",
        ]
    return [
        *(sys.executable, "-m", "granian", "--interface", "wsgi"),
        *("--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)),
        "newsroom.wsgi:application",
    ]


def children_rss_kb(pid: int) -> int:
    """Resident memory of a process's children (the production servers' workers), in kB."""
    total = 0
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        with contextlib.suppress(FileNotFoundError, KeyError):
            total += int(proc_status(int(child))["VmRSS"].split()[0])
    return total


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_status(pid: int) -> dict[str, str]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def wait_until_up(proc: subprocess.Popen, base: str) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < START_TIMEOUT_S:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(base + "/login/", timeout=2).read()  # noqa: S310
            return time.perf_counter() - t0
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"server not answering after {START_TIMEOUT_S:.0f} s")


class Browser:
    """urllib with a cookie jar, loopback only."""

    def __init__(self, base: str) -> None:
        assert base.startswith("http://127.0.0.1:")
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        # Loopback http only: the constructor asserts the base URL.
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})  # noqa: S310
        with self.opener.open(req, timeout=60) as response:
            return response.status, response.read().decode()

    def login(self, username: str, password: str) -> None:
        _, html = self.request("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        status, html = self.request(
            "/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
            {"Referer": self.base + "/login/"},
        )
        assert status == 200 and "Log out" in html, "login failed"


def drive(base: str, pid: int, plan: dict, args) -> dict:
    """Everything a browser would do, timed from the client side."""
    out: dict = {"rss_idle": proc_status(pid)["VmRSS"]}
    browser = Browser(base)
    anonymous = Browser(base)  # the baseline: the login page, a trivial Django page
    browser.login("editor", common.PASSWORD)
    page = f"/articles/{plan['article_id']}/"

    out["cold_ms"], (status, html) = common.time_ms(lambda: browser.request(page))
    assert status == 200
    assert html.count('<li id="ann-') == args.annotations
    token = re.search(r"hx-headers:inherited='([^']+)'", html).group(1)
    csrf = json.loads(token)["X-CSRFToken"]
    for _ in range(args.warmup):
        browser.request(page)
        anonymous.request("/login/")
    gets, base_ms = [], []
    for _ in range(args.gets):
        ms, (status, _) = common.time_ms(lambda: browser.request(page))
        assert status == 200
        gets.append(ms)
        base_ms.append(common.time_ms(lambda: anonymous.request("/login/"))[0])

    headers = {
        "HX-Request": "true",
        "HX-Current-URL": base + page,
        "X-CSRFToken": csrf,
        "Referer": base + page,
    }
    url = f"/annotations/articles/{plan['article_id']}/create/"
    creates = []
    for i in range(args.creates):
        start, end = plan["spans"][i]
        data = {
            "client_id": str(uuid.uuid4()),
            "target": "body",
            "caption": "",
            "start": start,
            "end": end,
            "quote": plan["body"][start:end],
            "tag": plan["tags"][i % len(plan["tags"])],
            "revision": plan["revision"],
        }
        ms, (status, fragment) = common.time_ms(lambda d=data: browser.request(url, d, headers))
        assert status == 201, (status, fragment[:200])
        creates.append(ms)
    out |= {"gets": gets, "baseline": base_ms, "creates": creates}
    out["status_after"] = proc_status(pid)
    return out


def compare(servers: list[str], plan: dict, args, db_path: Path) -> int:
    """Both servers on one database, requests alternating between them, same client code."""
    env = os.environ | {"SQLITE_PATH": str(db_path), "DJANGO_DEBUG": "0"}
    procs, browsers, logs = {}, {}, []
    try:
        for server in servers:
            port = free_port()
            log = open(db_path.parent / f"{server}.log", "wb")  # noqa: SIM115
            logs.append(log)
            procs[server] = subprocess.Popen(
                server_command(server, port, args.workers),
                cwd=common.ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            wait_until_up(procs[server], f"http://127.0.0.1:{port}")
            browsers[server] = Browser(f"http://127.0.0.1:{port}")
            browsers[server].login("editor", common.PASSWORD)
        page = f"/articles/{plan['article_id']}/"
        csrf = {}
        for server, browser in browsers.items():
            status, html = browser.request(page)
            assert status == 200 and html.count('<li id="ann-') == args.annotations
            token = re.search(r"hx-headers:inherited='([^']+)'", html).group(1)
            csrf[server] = json.loads(token)["X-CSRFToken"]
            for _ in range(args.warmup):
                browser.request(page)
        gets: dict[str, list[float]] = {s: [] for s in servers}
        creates: dict[str, list[float]] = {s: [] for s in servers}
        for i in range(args.gets):
            for server in servers if i % 2 == 0 else servers[::-1]:
                ms, (status, _) = common.time_ms(lambda b=browsers[server]: b.request(page))
                assert status == 200
                gets[server].append(ms)
        url = f"/annotations/articles/{plan['article_id']}/create/"
        spans = iter(plan["spans"])
        for i in range(args.creates):
            for server in servers if i % 2 == 0 else servers[::-1]:
                start, end = next(spans)
                browser = browsers[server]
                data = {
                    "client_id": str(uuid.uuid4()),
                    "target": "body",
                    "caption": "",
                    "start": start,
                    "end": end,
                    "quote": plan["body"][start:end],
                    "tag": plan["tags"][i % len(plan["tags"])],
                    "revision": plan["revision"],
                }
                headers = {
                    "HX-Request": "true",
                    "HX-Current-URL": browser.base + page,
                    "X-CSRFToken": csrf[server],
                    "Referer": browser.base + page,
                }
                ms, (status, _) = common.time_ms(
                    lambda b=browser, d=data, h=headers: b.request(url, d, h)
                )
                assert status == 201
                creates[server].append(ms)
        memory = {s: children_rss_kb(p.pid) // 1024 for s, p in procs.items()}
    finally:
        for proc in procs.values():
            proc.terminate()
        for proc in procs.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs:
            log.close()

    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(common.machine())
    rows = []
    for server in servers:
        for label, xs in (
            (f"GET article page, {args.annotations} spans", gets[server]),
            ("create one span", creates[server]),
        ):
            rows.append([server, label, len(xs), common.median(xs), common.p95(xs), min(xs)])
    common.print_table(
        f"{' vs '.join(servers)}, {args.workers} workers each, on {database}, requests "
        "alternating between them (client-side ms over loopback)",
        ["server", "request", "n", "median", "p95", "min"],
        rows,
    )
    print("workers' memory after the run (MB): " + ", ".join(f"{s} {m}" for s, m in memory.items()))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=int, default=500)
    parser.add_argument("--gets", type=int, default=100)
    parser.add_argument("--creates", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--server", choices=SERVERS, default="runserver")
    parser.add_argument(
        "--compare", nargs="+", choices=SERVERS[1:], help="Alternate requests between these."
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="Web worker processes (production servers)."
    )
    parser.add_argument(
        "--postgres", action="store_true", help="Use DATABASE_URL (a throwaway PostgreSQL)."
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "") if args.postgres else ""
    if args.postgres and not database_url.startswith("postgres"):
        parser.error("--postgres needs DATABASE_URL: run under scripts/with-postgres")
    production = args.server != "runserver" or bool(args.compare)

    db_path = common.setup(debug=False, collect_static=production, database_url=database_url)
    from django.db import connections

    from annotations.models import Annotation, Tag

    users = common.make_users()
    article = common.make_article()
    common.make_annotations(article, args.annotations, [users["editor"], users["editor2"]])
    used = set(
        Annotation.objects.filter(article=article, target="body").values_list("start", "end")
    )
    plan = {
        "article_id": article.pk,
        "body": article.body,
        "revision": article.revision,
        "tags": list(Tag.objects.order_by("position").values_list("pk", flat=True)),
        "spans": [s for s in common.body_word_spans() if s not in used],
    }
    assert len(plan["spans"]) >= args.creates * max(1, len(args.compare or ()))
    connections.close_all()  # the server gets the file to itself
    if args.compare:
        return compare(args.compare, plan, args, db_path)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = os.environ | {"SQLITE_PATH": str(db_path), "DJANGO_DEBUG": "0" if production else "1"}
    log_path = db_path.parent / "server.log"  # in the temporary directory, removed at exit
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            server_command(args.server, port, args.workers),
            cwd=common.ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            startup = wait_until_up(proc, base)
            result = drive(base, proc.pid, plan, args)
            result["children_kb"] = children_rss_kb(proc.pid) if production else 0
        except BaseException:
            tail = log_path.read_text(errors="replace").splitlines()[-30:]
            print("server log (last lines):", *tail, sep="\n", file=sys.stderr)
            raise
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)

    gets, creates, baseline = result["gets"], result["creates"], result["baseline"]
    b = common.median(baseline)

    def row(label: str, xs: list[float], peers: dict | None) -> list:
        peer_values = list(peers.values()) if peers else [None, None]
        return [
            label,
            len(xs),
            common.median(xs),
            common.p95(xs),
            min(xs),
            max(xs),
            f"{common.median(xs) / b:.1f}×",
            *peer_values,
        ]

    print(common.machine())
    database = "PostgreSQL" if database_url else "SQLite"
    if production:
        described = f"{args.server}, {args.workers} workers, DEBUG off"
    else:
        described = "manage.py runserver --noreload (DEBUG on)"
    print(f"server: {described}, on {database}, up in {startup:.1f} s")
    n, c = args.annotations, args.creates
    common.print_table(
        f"{args.server} on {database} over loopback, client-side latency (urllib, one request "
        "at a time), ms",
        ["request", "n", "median", "p95", "min", "max", "÷ baseline", "doccano", "Label Studio"],
        [
            row("GET login page (baseline)", baseline, None),
            row(f"GET article page, {n} spans", gets, PEERS["load a 500-span document"]),
            row(f"create one span ({n} -> {n + c} spans)", creates, PEERS["save one span"]),
        ],
    )
    after = result["status_after"]
    print(f"\nfirst (cold) article page GET: {result['cold_ms']:.1f} ms")
    print(
        f"server memory: RSS {result['rss_idle']} idle after start; after the run RSS "
        f"{after['VmRSS']}, peak (VmHWM) {after['VmHWM']}"
    )
    if production:
        print(f"workers' memory after the run: RSS {result['children_kb'] // 1024} MB in all")
    print("peers: the medians quoted in issue 2, measured on this kind of machine over loopback")
    return 0


if __name__ == "__main__":
    sys.exit(main())
