"""Health and readiness endpoints for load balancers and supervisors (docs/operations.md).

- GET /healthz: the process is up and answers. No database, no template: cheap enough to poll
  every second.
- GET /readyz: the database answers and every migration is applied: 200, otherwise 503 with a
  JSON reason. A process that is up but not ready (migrations still running, database down)
  should get no traffic.

Both are open without login and say nothing sensitive: no version, host, database name or
error text (the error goes to the server's log). Never cached.
"""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Once every migration is applied it stays so for the life of the process (an upgrade restarts
# it): only the cheap database round trip is repeated on later calls.
_migrated = False


def pending_migrations() -> int:
    """How many migrations the code has that the database has not applied."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@login_not_required
@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    global _migrated
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("readiness: the database does not answer")
        return JsonResponse({"status": "unavailable", "reason": "database unreachable"}, status=503)
    if not _migrated:
        try:
            pending = pending_migrations()
        except DatabaseError:
            logger.exception("readiness: the migration table cannot be read")
            return JsonResponse(
                {"status": "unavailable", "reason": "database unreachable"}, status=503
            )
        if pending:
            return JsonResponse(
                {"status": "unavailable", "reason": "migrations pending", "pending": pending},
                status=503,
            )
        _migrated = True
    return JsonResponse({"status": "ok"})
