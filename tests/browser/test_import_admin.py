"""The admin's import flow in headless Chromium against the live server: an admin uploads the
seed file, watches the progress bar, previews, confirms and reads the report.

The background worker is `run_worker --batch`, run by the test at the moment a real worker
would pick the task up, so the queued state (and its progress bar) is seen first; a heartbeat
written by the test says a worker is alive meanwhile.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import expect

from articles.models import Article
from interchange import heartbeat
from interchange.models import Job
from interchange.tasks import sweep_jobs
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


@pytest.fixture
def live_worker(media, settings):
    """A worker's heartbeat, fresh for the whole test: the pages show the progress bar."""
    settings.WORKER_DEAD_AFTER_SECONDS = 3600
    beating = heartbeat.Heartbeat("browser-worker")
    beating.beat()
    yield
    beating.stop()


def run_worker() -> None:
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)


def serious_violations(page, within: str) -> list[str]:
    page.evaluate(AXE.read_text())
    violations = page.evaluate("(within) => axe.run(within).then(r => r.violations)", within)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_admin_uploads_previews_confirms_and_reads_the_report(
    live, login_page, artifacts_dir, live_worker
):
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
    live, login_page, artifacts_dir, tmp_path, live_worker
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


@pytest.mark.parametrize("width", [1280, 390])
def test_with_no_worker_the_page_says_worker_offline(live, login_page, artifacts_dir, width):
    """No worker beats: after the upload the page says the worker is offline and how to start
    one, instead of a progress bar that would never move; no sideways scrolling at phone
    width, axe clean. A worker that comes later brings the preview without a reload."""
    page = login_page(make_user("chief", role="admin"))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live.url}/admin/interchange/job/import/")
    page.set_input_files("#id_files", str(seed_file()))
    page.get_by_role("button", name="Upload and preview").click()
    offline = page.locator("#no-worker")
    expect(offline).to_contain_text("Worker offline")
    expect(offline).to_contain_text("No background worker is running: the job waits until one")
    expect(page.locator("#import-status progress")).to_have_count(0)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"import-worker-offline-{width}.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []
    run_worker()
    expect(page.locator("#import-preview")).to_be_visible(timeout=15_000)


def test_a_preview_whose_import_died_with_its_worker_offers_confirm_again(
    live, login_page, artifacts_dir, live_worker
):
    """The confirmed import's worker was killed and the sweep failed it: the preview says so,
    links to what happened, and its Confirm button (reached with the keyboard) queues the
    retry."""
    page = login_page(make_user("chief", role="admin"))
    page.goto(f"{live.url}/admin/interchange/job/import/")
    page.set_input_files("#id_files", str(seed_file()))
    page.get_by_role("button", name="Upload and preview").click()
    run_worker()
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator("#import-status progress")).to_be_visible()
    dry_run = Job.objects.get(dry_run=True)
    lost = dry_run.confirmations.get()
    row = DBTaskResult.objects.get(args_kwargs__args__0=lost.pk)
    row.claim("killed-worker")
    Job.objects.filter(pk=lost.pk).update(status=Job.Status.RUNNING)
    dead = heartbeat.Heartbeat("killed-worker")
    dead.record["beat"] = time.time() - 7200
    dead._write()
    assert sweep_jobs().stalled == 1
    page.goto(f"{live.url}/admin/interchange/job/{dry_run.pk}/report/")
    expect(page.locator("#import-lost")).to_contain_text(f"Import #{lost.pk} from this preview")
    page.screenshot(path=str(artifacts_dir / "import-confirm-again.png"), full_page=True)
    assert serious_violations(page, "#content-main") == []
    button = page.get_by_role("button", name="Confirm import")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#import-status")).to_contain_text("Import of")
    retry = dry_run.confirmations.exclude(pk=lost.pk).get()
    assert page.url.endswith(f"/admin/interchange/job/{retry.pk}/report/")
