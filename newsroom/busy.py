"""A write that meets a busy database answers 503 with a message, never 500.

On SQLite one writer holds the write lock at a time; a save waits for it up to the connection's
`timeout` (20 s, settings.DATABASES) and then raises OperationalError "database is locked". That
is not a fault of the request: the middleware answers 503 Service Unavailable with Retry-After
and a message that says nothing was saved, as the status line's fragment for htmx requests
(retargeted there, so the panel item the button aimed at stays on screen) and as a short page
otherwise. The transaction was rolled back by the error, so a retry gives exactly one result
(saves carry their client id). The browser waits longer than the server (htmx `defaultTimeout`
60 s in templates/base.html), so a save is never shown as lost while the server still works on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

MESSAGE = (
    "The database is busy (a large import may be writing). Nothing was saved: "
    "try again in a few seconds."
)
RETRY_AFTER = 5  # seconds


def is_busy(exc: BaseException) -> bool:
    """SQLite's lock timeout (PostgreSQL waits for its row locks instead of failing)."""
    return isinstance(exc, OperationalError) and "database is locked" in str(exc)


class BusyDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        logger.warning("database busy: %s %s answered 503", request.method, request.path)
        if request.headers.get("HX-Request") == "true":
            response = HttpResponse(f'<p class="msg error" role="alert">{MESSAGE}</p>', status=503)
            response["HX-Retarget"] = "#status"
            response["HX-Reswap"] = "innerHTML"
        else:
            response = HttpResponse(MESSAGE, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER)
        return response
