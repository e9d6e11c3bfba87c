"""Backup and restore as docs/operations.md tells an operator to do them, run for real.

A scratch database (SQLite file, or a PostgreSQL database when the suite runs on PostgreSQL)
gets the sample data (tests/scripts/sample_data.py); it is backed up with the documented
command while another connection holds a write transaction open (the app running), restored
into an empty database with the documented command, and both give byte-identical native
exports (`manage.py export_annotations --format native --all-statuses`).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scripts.scratch_db import on_postgresql, scratch_database, subprocess_env

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def native_export(env: dict[str, str], path: Path) -> bytes:
    manage(env, "export_annotations", "--format", "native", "--all-statuses", "-o", str(path))
    return path.read_bytes()


def shell(command: str, env: dict[str, str]) -> None:
    """A documented command, run as written in docs/operations.md."""
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def base_env(tmp_path: Path, database: dict[str, str]) -> dict[str, str]:
    return subprocess_env(
        **database,
        DJANGO_SECRET_KEY="backup-test-" + "k" * 40,
        NEWSROOM_VAR_DIR=str(tmp_path / "var"),
        NEWSROOM_STATIC_ROOT=str(tmp_path / "static"),
        PYTHON=sys.executable,
    )


def populated(env: dict[str, str]) -> None:
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(
        env,
        "shell",
        "-c",
        "from tests.scripts.sample_data import populate_current; populate_current()",
    )


@pytest.mark.skipif(on_postgresql(), reason="the SQLite procedure; the suite runs on PostgreSQL")
def test_sqlite_backup_taken_while_writing_restores_to_identical_exports(tmp_path):
    """`.backup` through SQLite's online backup API copies the last committed state even while
    a writer holds the lock; `.restore` of it into an empty file exports the same bytes."""
    with scratch_database(tmp_path, "live") as live:
        env = base_env(tmp_path, live)
        populated(env)
        before = native_export(env, tmp_path / "before.jsonl")
        db = live["SQLITE_PATH"]
        backup = tmp_path / "newsroom-backup.sqlite3"

        writer = sqlite3.connect(db, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE articles_article SET title = 'uncommitted'")
        try:
            shell(f'"$PYTHON" scripts/sqlite-backup "{db}" "{backup}"', env)
        finally:
            writer.execute("ROLLBACK")
            writer.close()

        restored = tmp_path / "restored.sqlite3"
        shell(f'"$PYTHON" scripts/sqlite-backup "{backup}" "{restored}"', env)
        after = native_export(
            base_env(tmp_path, {"SQLITE_PATH": str(restored), "DATABASE_URL": ""}),
            tmp_path / "after.jsonl",
        )
    assert b"uncommitted" not in after
    assert after == before
    assert before.count(b'"format":"newsroom.article/1"') == 3


@pytest.mark.skipif(not on_postgresql(), reason="needs PostgreSQL (CI's second run)")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="needs pg_dump and pg_restore")
def test_postgresql_dump_restores_into_an_empty_database_with_identical_exports(tmp_path):
    """pg_dump --format=custom (one consistent snapshot while the app runs) then pg_restore into
    a new empty database: the same native export, byte for byte."""
    with scratch_database(tmp_path, "live") as live:
        env = base_env(tmp_path, live)
        populated(env)
        before = native_export(env, tmp_path / "before.jsonl")
        dump = tmp_path / "newsroom.dump"
        shell(f'pg_dump --format=custom --file="{dump}" "$DATABASE_URL"', env)
        with scratch_database(tmp_path, "restored") as empty:
            restore_env = base_env(tmp_path, empty)
            shell(
                f'pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" "{dump}"',
                restore_env,
            )
            after = native_export(restore_env, tmp_path / "after.jsonl")
    assert after == before
    assert before.count(b'"format":"newsroom.article/1"') == 3
