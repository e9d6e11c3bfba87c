"""The admin's import flow in headless Chromium against the live server: an admin uploads the
seed file, watches the progress bar, previews, confirms and reads the report.

The background worker is django-tasks-db's `db_worker --batch`, run by the test at the moment
a real worker would pick the task up, so the queued state (and its progress bar) is seen first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from interchange.models import Job
from tests.conftest import seed_file
from tests.factories import make_user

pytestmark = [pytest.mark.browser]

TITLE_1 = "US Strikes Target Extremists in Syria"
TITLE_2 = "After al-Sadr\u2019s Boycott, al-Abadi Withdraws from Iraq\u2019s Upcoming Elections"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Uploads and the progress cache go to a temporary folder (the live server runs in this
    process, so it sees the override)."""
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        **settings.CACHES,
        "progress": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "progress"),
        },
    }
    return tmp_path


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def serious_violations(page, within: str) -> list[str]:
    page.evaluate(AXE.read_text())
    violations = page.evaluate("(within) => axe.run(within).then(r => r.violations)", within)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_admin_uploads_previews_confirms_and_reads_the_report(live, login_page, artifacts_dir):
    """From the article list: upload the seed, see the queued progress bar, watch the preview
    arrive by polling (no reload), confirm, see the bar again, then the report: created 2.
    Nothing breaks the strict CSP on the way."""
    page = login_page(make_user("chief", role="admin"))
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    # The admin links no favicon, so the browser's own guess 404s: not ours to fix.
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )

    page.goto(f"{live.url}/admin/articles/article/")
    page.get_by_role("link", name="Import articles").click()
    expect(page.get_by_role("heading", name="Import articles")).to_be_visible()
    page.set_input_files("#id_files", str(seed_file()))
    page.screenshot(path=str(artifacts_dir / "import-form.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []
    page.get_by_role("button", name="Upload and preview").click()

    # Queued: the bar shows while the page polls for the worker.
    expect(page.locator("#import-status progress")).to_be_visible()
    expect(page.locator("#import-status")).to_contain_text("Waiting for the worker")
    dry_run = Job.objects.get()
    assert dry_run.status == Job.Status.QUEUED
    page.screenshot(path=str(artifacts_dir / "import-queued.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []
    page.evaluate("() => { window.__noReload = true; }")

    run_worker()
    preview = page.locator("#import-preview")
    expect(preview).to_be_visible(timeout=10_000)
    assert page.evaluate("() => window.__noReload === true"), "the preview came by a reload"
    expect(page.locator("#import-status progress")).to_have_count(0)
    rows = preview.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(TITLE_1)
    expect(rows.nth(1)).to_contain_text(TITLE_2)
    expect(preview.locator(".import-badge.new")).to_have_count(2)
    assert not Article.objects.exists()
    page.screenshot(path=str(artifacts_dir / "import-preview.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []

    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator("#import-status progress")).to_be_visible()
    run_worker()
    summary = page.locator(".import-summary")
    expect(summary).to_be_visible(timeout=10_000)
    expect(summary).to_contain_text("created 2")
    expect(summary).to_contain_text("skipped 0 duplicates")
    page.screenshot(path=str(artifacts_dir / "import-report.png"), full_page=True)
    assert Article.objects.count() == 2

    # The history lists both runs and leads back to the report.
    page.get_by_role("link", name="Import history").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(2)
    page.locator("#result_list tbody tr").first.get_by_role("link").first.click()
    expect(page.locator(".import-summary")).to_contain_text("created 2")
    assert problems == []  # CSP refusals are console errors


def test_a_bad_line_is_shown_in_the_preview_and_nothing_can_be_confirmed(
    live, login_page, artifacts_dir, tmp_path
):
    """A JSONL whose line 3 is cut off: the preview names feed.jsonl:3 in the errors and in
    its row, explains that all-or-nothing would import nothing, and offers no confirm."""
    lines = [
        '{"title": "Council vote passes", "body": "The council voted.\\n\\nIt was late."}',
        '{"title": "Bridge opens", "body": "The bridge opened.", "captions": '
        '[{"text": "The bridge at dusk", "credit": "AP"}]}',
        '{"title": "Cut off',
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    page = login_page(make_user("chief", role="admin"))
    page.goto(f"{live.url}/admin/interchange/job/import/")
    page.set_input_files("#id_files", str(feed))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator("#import-status progress")).to_be_visible()

    run_worker()
    expect(page.locator("#import-preview")).to_be_visible(timeout=10_000)
    expect(page.locator(".import-errors")).to_contain_text("feed.jsonl:3: ")
    error_row = page.locator("#import-preview tr.row-error")
    expect(error_row).to_contain_text("feed.jsonl:3")
    expect(page.locator("#import-status")).to_contain_text("confirming would import nothing")
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    page.screenshot(path=str(artifacts_dir / "import-preview-errors.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []
