"""Scratch databases for tests that run the app in another process (scripts/serve, backups).

On SQLite a scratch database is a file in a temporary folder. When the suite runs on PostgreSQL
(DATABASE_URL set, as CI's second run does through scripts/with-postgres), it is a new database
on the same server, dropped afterwards; pytest-django's own test database is never touched.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _admin_connection():
    import psycopg

    url = urlsplit(os.environ["DATABASE_URL"])
    return psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True)


@contextmanager
def scratch_database(tmp_path: Path, label: str) -> Iterator[dict[str, str]]:
    """Environment variables that point a process at a new, empty database."""
    if not on_postgresql():
        yield {"SQLITE_PATH": str(tmp_path / f"{label}.sqlite3"), "DATABASE_URL": ""}
        return
    name = f"newsroom_{label}_{uuid.uuid4().hex[:8]}"
    with _admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = urlsplit(os.environ["DATABASE_URL"])
    try:
        yield {"DATABASE_URL": urlunsplit(url._replace(path=f"/{name}")), "PGDATABASE": name}
    finally:
        with _admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def subprocess_env(**overrides: str) -> dict[str, str]:
    """The environment for a manage.py or scripts/serve child: production settings (the test
    settings module pytest-django exported is dropped), an empty DATABASE_URL removed."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env |= overrides
    if not env.get("DATABASE_URL"):
        env.pop("DATABASE_URL", None)
    return env
