"""Shared fixtures and the suite's two rules about the world outside a test.

- Browser tests drive Debian's Chromium through Playwright (the sync API runs an event loop in
  this thread, hence DJANGO_ALLOW_ASYNC_UNSAFE for the ORM calls in tests).
- `../shared` (the seed file, the W3C schemas, the XSS corpus) lives beside the checkout, not in
  it. A test that needs it is marked `needs_shared(...)`: on a clone without the folder it is
  skipped with a reason naming it; with NEWSROOM_REQUIRE_SHARED=1 (set by `.ci/run`) such a skip
  fails the run, so CI can never pass by skipping them.
- A live-server test empties every table when it ends; the rows that migrations seed (tags,
  roles, permissions) are put back right after it, so tests run in any order.
"""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SHARED = Path(os.environ.get("NEWSROOM_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
SEED_FILE = SHARED / "seeds" / "000_02c3dc859b8b1f10.txt"
# Not test-results/: pytest-playwright empties that folder at the start of every session (the
# PostgreSQL run after the browser run wiped the screenshots).
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SHARED_REASON = "needs the shared folder beside the checkout"
REQUIRE_SHARED = os.environ.get("NEWSROOM_REQUIRE_SHARED") == "1"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip the test (or module, as `pytestmark`) unless ../shared/<parts> exists."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{SHARED_REASON}: {path} is missing")


needs_seed = needs_shared("seeds", SEED_FILE.name)


def seed_file() -> Path:
    """The seed file, for fixtures: skips the test that asked when ../shared is missing."""
    if not SEED_FILE.exists():
        pytest.skip(f"{SHARED_REASON}: {SEED_FILE} is missing")
    return SEED_FILE


_shared_skips: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and SHARED_REASON in str(report.longrepr):
        _shared_skips.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """With NEWSROOM_REQUIRE_SHARED=1, a test skipped for want of ../shared fails the run."""
    if REQUIRE_SHARED and _shared_skips:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if REQUIRE_SHARED and _shared_skips:
        terminalreporter.write_line(
            f"FAILED: {len(_shared_skips)} test(s) skipped for want of {SHARED} although "
            "NEWSROOM_REQUIRE_SHARED=1 (set by .ci/run), e.g. " + ", ".join(_shared_skips[:3]),
            red=True,
        )


_SEEDING_MIGRATIONS = (
    "annotations.migrations.0002_seed_tags_and_roles",
    "annotations.migrations.0005_review_permissions",
    "suggestions.migrations.0002_review_permissions",
)


def reseed_migration_rows() -> None:
    """Put back what data migrations seed (tags, groups, their permissions); idempotent."""
    from django.apps import apps as django_apps

    seed, *grants = (importlib.import_module(name) for name in _SEEDING_MIGRATIONS)
    seed.seed(django_apps, None)
    for grant in grants:
        grant.grant(django_apps, None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test (live server included) flushed the database, seed it again so
    the next test finds what migrations made, whatever order the tests run in."""
    result = yield
    if "transactional_db" in getattr(item, "fixturenames", ()):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            reseed_migration_rows()
    return result


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
def article():
    """A short article with one caption, the default the model and view tests read."""
    from tests.factories import make_article

    return make_article(
        title="Bridge to open",
        body="The minister said the bridge would open.\n\nEngineers doubted it.",
        captions=[("The bridge at dusk", "Photo: A. Reporter")],
    )


@pytest.fixture
def editor():
    """A user in the Editors group, named "ed"."""
    from tests.factories import make_user

    return make_user("ed", role="editor")


@pytest.fixture
def superuser_client(client):
    """Django's test client signed in as a superuser (the admin)."""
    from tests.factories import make_user

    client.force_login(make_user("boss", role="admin"))
    return client


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
