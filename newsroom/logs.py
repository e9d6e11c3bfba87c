"""Structured logs: one JSON object per line when NEWSROOM_LOG_FORMAT=json (scripts/serve's
default), and a request log line per request with its id, method, path, status and duration.

- `JsonFormatter` is python-json-logger's (a maintained library) with the field names an
  operator's log pipeline expects: `time` (ISO 8601, UTC), `level`, `logger`, `message`, then
  whatever the record carries as extra (`request_id`, `method`, `path`, `status`,
  `duration_ms` for request lines) and the traceback as `exc_info`.
- `RequestLogMiddleware` (first in MIDDLEWARE) gives every request an id, takes the client's
  `X-Request-ID` when it is a plain token (a proxy's id then follows the request through), sends
  it back in the response's `X-Request-ID`, and logs one line on `newsroom.request` when the
  response leaves Django (for a streamed export: when its first bytes are ready, not when the
  last one is sent). Every record logged while the request runs, on any logger, carries the same
  `request_id` (`RequestIdFilter` on the handler).

Only the path is logged, never the query string, headers, cookies or body: nothing a user typed
into a form or a session token ends up in the logs.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from pythonjsonlogger.json import JsonFormatter as _LibraryJsonFormatter

request_id_var: ContextVar[str] = ContextVar("newsroom_request_id", default="")

request_logger = logging.getLogger("newsroom.request")

# A client-supplied id is kept only when it is a short plain token: anything else (spaces,
# quotes, newlines that could forge log lines) is replaced by our own.
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")

# Extras that Django's own loggers attach and that must not be serialised: the request object
# (its repr is noise and could grow) and the server socket of runserver's records.
_SKIPPED_EXTRAS = ("request", "server_time", "socket")


class JsonFormatter(_LibraryJsonFormatter):
    """One JSON object per record: time, level, logger, message, then the record's extras."""

    def __init__(self, **kwargs: Any) -> None:
        from pythonjsonlogger.core import RESERVED_ATTRS

        kwargs.setdefault("fmt", ["levelname", "name", "message"])
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, *_SKIPPED_EXTRAS])
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(**kwargs)

    def add_fields(
        self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]
    ) -> None:
        # `time` first: the library would otherwise put a timestamp field last.
        log_data["time"] = (
            datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds")
        ).replace("+00:00", "Z")
        super().add_fields(log_data, record, message_dict)


class RequestIdFilter(logging.Filter):
    """Adds the current request's id (or nothing outside a request) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            request_id = request_id_var.get()
            if request_id:
                record.request_id = request_id
        return True


class RequestLogMiddleware:
    """Times each request and logs method, path, status and duration on `newsroom.request`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        client_id = request.headers.get("X-Request-ID", "")
        request_id = client_id if _CLIENT_ID.fullmatch(client_id) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        start = time.perf_counter()
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        except BaseException:
            status = 500  # Django turns exceptions into responses; this is the last resort
            raise
        finally:
            duration_ms = round((time.perf_counter() - start) * 1000, 1)
            request_logger.info(
                "%s %s %s %.1fms",
                request.method,
                request.path,
                status,
                duration_ms,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": duration_ms,
                },
            )
            request_id_var.reset(token)
