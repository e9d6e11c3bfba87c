"""Shared fixtures. Browser tests drive Debian's Chromium through Playwright (the sync API runs
an event loop in this thread, hence DJANGO_ALLOW_ASYNC_UNSAFE for the ORM calls in tests)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_FILE = SHARED / "seeds" / "000_02c3dc859b8b1f10.txt"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-results"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's chromium: Playwright cannot download its own browser here."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(config, items):
    """Run the browser tests last: each live-server test empties the database when it ends,
    which would take the migration-seeded tags and roles away from the tests after it."""
    items.sort(key=lambda item: "/browser/" in str(item.path))
