"""scripts/serve, the production command, run as an operator runs it (without Docker).

It is started on a free loopback port with a scratch database (a SQLite file, or a new
PostgreSQL database when the suite runs on PostgreSQL) and a secret key, then: readiness,
a page, static files, a login, JSON log lines, and a clean stop on SIGTERM. The package install
is skipped (NEWSROOM_SERVE_PYTHON: this interpreter already has them); every other command is
the script's own.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.scripts.scratch_db import scratch_database, subprocess_env

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "scripts" / "serve"
# Migrating a new database is most of the start-up: a few seconds on an idle machine, much more
# on a busy shared one. The test fails rather than hangs past these.
READY_TIMEOUT_S = 240
STOP_TIMEOUT_S = 45
SECRET = "serve-test-secret-" + "k" * 40

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """urllib with cookies, loopback only, no redirects followed silently lost."""

    def __init__(self, base: str) -> None:
        assert base.startswith("http://127.0.0.1:")
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": self.base + path}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)


def wait_ready(proc: subprocess.Popen, client: Client) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"scripts/serve exited with {proc.returncode}"
        try:
            if client.get("/readyz")[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"not ready after {READY_TIMEOUT_S} s")


def started_by_test(marker: str) -> list[int]:
    """Processes whose environment holds `marker` (this test's temporary folder): whatever
    scripts/serve started, in whichever process group or session."""
    pids = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes():
                pids.append(int(environ.parent.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return [pid for pid in pids if pid != os.getpid()]


def test_refuses_to_start_without_a_secret_key(tmp_path):
    """Without DJANGO_SECRET_KEY the script stops before doing anything and says why."""
    env = subprocess_env(DJANGO_SECRET_KEY="", NEWSROOM_SERVE_PYTHON=sys.executable)
    result = subprocess.run(
        ["bash", str(SERVE)], env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "migrate" not in result.stderr


def test_serves_logs_in_and_stops_cleanly(tmp_path):
    """The production command migrates an empty database, serves pages and hashed static files
    with DEBUG off, lets a user log in, writes JSON log lines, and on SIGTERM stops the web
    server and the task worker (every process it started) and exits 0."""
    port = free_port()
    client = Client(f"http://127.0.0.1:{port}")
    log_path = tmp_path / "serve.log"
    with scratch_database(tmp_path, "serve") as database:
        env = subprocess_env(
            **database,
            DJANGO_SECRET_KEY=SECRET,
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            PORT=str(port),
            NEWSROOM_WEB_WORKERS="2",
            NEWSROOM_SERVE_PYTHON=sys.executable,
            NEWSROOM_VAR_DIR=str(tmp_path / "var"),
            NEWSROOM_STATIC_ROOT=str(tmp_path / "static"),
        )
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                ["bash", str(SERVE)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C of pytest does not reach it
            )
        try:
            wait_ready(proc, client)
            subprocess.run(
                [sys.executable, "manage.py", "createsuperuser", "--no-input"]
                + ["--username", "ops", "--email", "ops@example.org"],
                cwd=ROOT,
                env=env | {"DJANGO_DEBUG": "0", "DJANGO_SUPERUSER_PASSWORD": "ops-pass-2026!"},
                check=True,
                capture_output=True,
                timeout=120,
            )

            status, html, _ = client.get("/login/")
            assert status == 200
            assert "Debug" not in html  # DEBUG off: no debug toolbar or traceback pages
            css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html)
            assert css, "a hashed stylesheet from collectstatic"
            assert client.get(css.group(1))[0] == 200
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            status, html, _ = client.get(
                "/login/",
                {"csrfmiddlewaretoken": token, "username": "ops", "password": "ops-pass-2026!"},
            )
            assert status == 200
            assert "Log out" in html
            assert client.get("/healthz")[0] == 200

            assert len(started_by_test(str(tmp_path))) >= 5  # script, gunicorn x3, worker

            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=STOP_TIMEOUT_S) == 0
            deadline = time.monotonic() + STOP_TIMEOUT_S
            while started_by_test(str(tmp_path)) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not started_by_test(str(tmp_path)), "a process outlived scripts/serve"
        finally:
            for pid in started_by_test(str(tmp_path)):
                os.kill(pid, signal.SIGKILL)
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=10)

    lines = log_path.read_text().splitlines()
    records = [json.loads(line) for line in lines if line.startswith("{")]
    requests = [r for r in records if r["logger"] == "newsroom.request"]
    assert {"method": "POST", "path": "/login/", "status": 302} in [
        {k: r[k] for k in ("method", "path", "status")} for r in requests
    ]
    assert all(r["request_id"] and r["duration_ms"] >= 0 for r in requests)
    assert any(r["logger"] == "django_tasks_db" for r in records), "the task worker ran"
    assert any("Shutting down" in r["message"] for r in records), "gunicorn stopped cleanly"
