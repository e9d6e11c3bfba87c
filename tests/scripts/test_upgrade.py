"""Upgrading a database made by the previous release loses nothing.

A scratch database (SQLite file, or PostgreSQL when the suite runs there) is migrated to the
previous release's migrations only (tests/scripts/sample_data.PREVIOUS_RELEASE) and filled
through that release's models; then `manage.py migrate` (the upgrade, as docs/operations.md
says) brings it to the latest. Every row is still there, and the native export equals the one
the previous release wrote of the same data (tests/scripts/data/previous-release-export.jsonl,
made by the code of that release) once the fields added since are left out.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scripts.scratch_db import scratch_database, subprocess_env

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).parent / "data" / "previous-release-export.jsonl"
PROJECT_TABLES = ("articles_", "annotations_", "interchange_", "suggestions_", "auth_user")

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


def known_fields_only(new: object, old: object) -> object:
    """`new` with the object keys `old` does not have left out, at every depth."""
    if isinstance(new, dict) and isinstance(old, dict):
        return {k: known_fields_only(v, old[k]) for k, v in new.items() if k in old}
    if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
        return [known_fields_only(n, o) for n, o in zip(new, old, strict=True)]
    return new


def test_known_fields_only_drops_new_keys_at_every_depth():
    """The comparison helper ignores added keys but keeps changed values and lost items."""
    old = {"a": 1, "items": [{"x": 1}]}
    assert known_fields_only({"a": 1, "v": 2, "items": [{"x": 1, "y": 0}]}, old) == old
    assert known_fields_only({"a": 2, "items": [{"x": 1}]}, old) != old
    assert known_fields_only({"a": 1, "items": []}, old) != old


def test_upgrade_from_the_previous_release_keeps_every_row_and_field(tmp_path):
    """Counts of every table of the project's apps are unchanged by the upgrade, no table is
    lost, and the native export matches the previous release's, field for field."""
    with scratch_database(tmp_path, "upgrade") as database:
        env = subprocess_env(
            **database,
            DJANGO_SECRET_KEY="upgrade-test-" + "k" * 40,
            NEWSROOM_VAR_DIR=str(tmp_path / "var"),
            NEWSROOM_STATIC_ROOT=str(tmp_path / "static"),
        )
        before = json.loads(
            manage(
                env,
                "shell",
                "-c",
                "from tests.scripts.sample_data import build_previous_release as b; b()",
            )
            .strip()
            .splitlines()[-1]
        )
        manage(env, "migrate", "--no-input", "-v", "0")
        after = json.loads(
            manage(
                env,
                "shell",
                "-c",
                "import json; from tests.scripts.sample_data import table_counts as t; "
                "print(json.dumps(t()))",
            )
            .strip()
            .splitlines()[-1]
        )
        out = tmp_path / "export.jsonl"
        manage(env, "export_annotations", "--format", "native", "--all-statuses", "-o", str(out))

    assert before["articles_article"] == 3 and before["annotations_annotation"] == 12
    assert set(before) <= set(after), "tables lost"
    for table, count in before.items():
        if table.startswith(PROJECT_TABLES):
            assert after[table] == count, table
        else:  # permissions, content types, migration records may only grow
            assert after[table] >= count, table

    expected = [json.loads(line) for line in EXPECTED.read_text().splitlines()]
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(exported) == len(expected) == 3
    for new, old in zip(exported, expected, strict=True):
        assert known_fields_only(new, old) == old
