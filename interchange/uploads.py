"""Upload size held at the request: an import file over IMPORT_MAX_FILE_BYTES is dropped while
it arrives, not stored whole and refused later by the worker.

`limit_uploads` wraps the admin's import view. Upload handlers must be in place before anything
reads request.POST, so the wrapper is CSRF-exempt and the admin's own `csrf_protect` (inside
`admin_view`) checks the token afterwards, as Django's documentation on changing upload handlers
describes. The handler goes first in the chain: when a file passes the limit it raises SkipFile,
the chunk never reaches the temporary-file handler, the part written so far is deleted, and the
rest of that file is read and discarded while the form's other fields are still parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .importing.limits import size_text


class LimitedUploadHandler(FileUploadHandler):
    """Counts each file's bytes; skips a file as soon as it passes the limit and notes it on
    the request (`request.refused_uploads`: one message per file)."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.refused: list[str] = []
        request.refused_uploads = self.refused  # type: ignore[attr-defined]

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.refused.append(
                f"{self.file_name}: over the {size_text(self.limit)} limit "
                "(IMPORT_MAX_FILE_BYTES): refused while uploading, nothing was kept"
            )
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (memory or temporary file) makes the file


def limit_uploads(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.upload_handlers.insert(
            0, LimitedUploadHandler(request, settings.IMPORT_MAX_FILE_BYTES)
        )
        return view(request, *args, **kwargs)

    return wrapped
