"""Structured logs (newsroom/logs.py): JSON lines and the request log."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from newsroom.logs import JsonFormatter, RequestIdFilter, request_id_var

ROOT = Path(__file__).resolve().parents[2]


def record(msg: str = "saved %s", *args: object, **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord("newsroom.test", logging.WARNING, __file__, 1, msg, args, None)
    rec.__dict__.update(extra)
    return rec


def test_json_formatter_writes_one_object_with_the_standard_fields():
    """time (ISO 8601 UTC), level, logger, message (arguments applied), then extras."""
    line = JsonFormatter().format(record("saved %s", "span", duration_ms=4.2))
    assert "\n" not in line
    data = json.loads(line)
    assert list(data)[:4] == ["time", "level", "logger", "message"]
    assert data["time"].endswith("Z") and data["time"][10] == "T"
    assert (data["level"], data["logger"], data["message"]) == (
        "WARNING",
        "newsroom.test",
        "saved span",
    )
    assert data["duration_ms"] == 4.2


def test_json_formatter_keeps_a_traceback_and_a_multiline_message_on_one_line():
    """A traceback is a field of the same object, never lines of its own."""
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        rec = record("two\nlines")
        rec.exc_info = sys.exc_info()
    line = JsonFormatter().format(rec)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "two\nlines"
    assert "ValueError: bad" in data["exc_info"]


def test_json_formatter_leaves_out_the_request_object():
    """Django attaches the request to django.request records: it is not serialised."""
    data = json.loads(JsonFormatter().format(record("x", request=object(), status_code=404)))
    assert "request" not in data
    assert data["status_code"] == 404


def test_request_id_filter_tags_records_made_during_a_request():
    """Any logger's record made while a request runs carries that request's id."""
    token = request_id_var.set("abc123")
    try:
        rec = record()
        RequestIdFilter().filter(rec)
    finally:
        request_id_var.reset(token)
    assert rec.request_id == "abc123"
    outside = record()
    RequestIdFilter().filter(outside)
    assert not hasattr(outside, "request_id")


@pytest.mark.django_db
def test_each_request_logs_method_path_status_and_duration(client: Client, caplog):
    """One newsroom.request line per request; the query string is not logged."""
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        response = client.get("/login/?next=/secret-token")
    (rec,) = [r for r in caplog.records if r.name == "newsroom.request"]
    assert (rec.method, rec.path, rec.status) == ("GET", "/login/", 200)
    assert isinstance(rec.duration_ms, float) and rec.duration_ms >= 0
    assert rec.request_id == response["X-Request-ID"]
    assert "secret-token" not in rec.getMessage()


@pytest.mark.django_db
def test_request_log_gives_the_status_of_a_refusal(client: Client, caplog):
    """Anonymous on a protected page: the logged status is the redirect's."""
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        client.get("/articles/")
    (rec,) = [r for r in caplog.records if r.name == "newsroom.request"]
    assert rec.status == 302


def test_a_plain_client_request_id_is_kept_and_a_forged_one_replaced(client: Client):
    """A proxy's X-Request-ID follows the request; one that could forge log lines does not."""
    assert client.get("/healthz", headers={"X-Request-ID": "lb-42.a"})["X-Request-ID"] == "lb-42.a"
    forged = client.get("/healthz", headers={"X-Request-ID": 'x"\n{"level": "ERROR"'})
    assert forged["X-Request-ID"].isalnum() and len(forged["X-Request-ID"]) == 32


def run_logging_child(fmt: str, tmp_path: Path) -> str:
    """stderr of a process with the production settings that logs one warning in a request."""
    code = (
        "import django, logging; django.setup();"
        "from django.test import Client;"
        "Client().get('/healthz');"
        "logging.getLogger('newsroom.child').warning('disk %s full', 'nearly')"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": "logs-test-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "NEWSROOM_LOG_FORMAT": fmt,
        "NEWSROOM_STATIC_ROOT": str(tmp_path),
        "NEWSROOM_VAR_DIR": str(tmp_path),
        "SQLITE_PATH": str(tmp_path / "unused.sqlite3"),
    }
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stderr


def test_settings_log_json_lines_when_asked(tmp_path):
    """NEWSROOM_LOG_FORMAT=json: every line on stderr is a JSON object, the request included."""
    lines = run_logging_child("json", tmp_path).splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["logger"] for r in records] == ["newsroom.request", "newsroom.child"]
    assert records[0]["path"] == "/healthz" and records[0]["status"] == 200
    assert records[1]["message"] == "disk nearly full"


def test_settings_keep_the_plain_format_by_default(tmp_path):
    """Without the variable the lines are the plain messages they were (no request lines:
    the development server prints its own)."""
    assert run_logging_child("plain", tmp_path).splitlines() == ["disk nearly full"]
