"""The admin's Job pages through Django's test client: the "Import articles" flow (upload →
queued dry run → preview → confirm → report), who may do it, the htmx progress fragment, and the
Job history of imports and exports.

Queued tasks are run by django-tasks-db's own worker (`db_worker --batch`), as in production.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from interchange import progress
from interchange.models import Job
from tests.conftest import SEED_FILE, needs_seed
from tests.factories import make_user
from tests.interchange.job_factories import (
    HTMX,
    IMPORT_URL,
    TITLE_1,
    TITLE_2,
    confirm,
    confirm_url,
    export_job,
    jsonl_upload,
    queued_import_ids,
    report_url,
    running_record,
    seed_upload,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


# --- Who may import --------------------------------------------------------------------------


@needs_seed
@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_editors_and_reviewers_are_sent_to_the_admin_login(
    client, role, django_capture_on_commit_callbacks
):
    """Editors and reviewers are not staff: every import page sends them to the admin login,
    and their POSTs queue nothing."""
    record = Job.objects.create(
        files=["a.txt"], format="plaintext", dry_run=True, status=Job.Status.PREVIEWED
    )
    client.force_login(make_user(role=role))
    for response in (
        client.get(IMPORT_URL),
        upload(client, django_capture_on_commit_callbacks, seed_upload()),
        client.get(report_url(record)),
        client.get(report_url(record), headers=HTMX),
        client.post(confirm_url(record)),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    assert Job.objects.count() == 1
    assert not DBTaskResult.objects.exists()


@needs_seed
def test_staff_without_the_add_article_permission_get_403(
    client, django_capture_on_commit_callbacks
):
    """Being staff is not enough: importing needs the permission to add articles."""
    record = Job.objects.create(
        files=["a.txt"], format="plaintext", dry_run=True, status=Job.Status.PREVIEWED
    )
    client.force_login(make_user(role="editor", is_staff=True))
    assert client.get(IMPORT_URL).status_code == 403
    assert upload(client, django_capture_on_commit_callbacks, seed_upload()).status_code == 403
    assert client.get(report_url(record)).status_code == 403
    assert client.post(confirm_url(record)).status_code == 403
    assert Job.objects.count() == 1
    assert not DBTaskResult.objects.exists()


def test_staff_with_the_add_article_permission_may_import(client):
    """A staff member given articles.add_article (not a superuser) reaches the import page."""
    from django.contrib.auth.models import Permission

    user = make_user(role="editor", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 200


@needs_seed
def test_upload_and_confirm_need_the_csrf_token():
    """Both POSTs are refused without the CSRF token (admin_view applies csrf_protect)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(role="admin"))
    record = Job.objects.create(
        files=["a.txt"],
        format="plaintext",
        dry_run=True,
        status=Job.Status.PREVIEWED,
        uploads=["imports/x/000.upload"],
    )
    assert client.post(IMPORT_URL, {"files": [seed_upload()]}).status_code == 403
    assert client.post(confirm_url(record)).status_code == 403
    assert Job.objects.count() == 1


def test_confirm_only_accepts_post(admin_client):
    """Confirming writes: a GET is refused."""
    record = Job.objects.create(
        files=["a.txt"], format="plaintext", dry_run=True, status=Job.Status.PREVIEWED
    )
    assert admin_client.get(confirm_url(record)).status_code == 405


# --- Upload ----------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_while_it_uploads(
    admin_client, media, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """A file over IMPORT_MAX_FILE_BYTES is dropped as it arrives: none of its bytes reach the
    temporary-file handler, the form names the file and the limit, and no job or stored upload
    is made (the small file beside it is not imported either: the form is sent back)."""
    from django.core.files.uploadhandler import TemporaryFileUploadHandler

    settings.IMPORT_MAX_FILE_BYTES = 10_000
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every file through the temporary-file handler
    stored: dict[str, int] = {}
    real = TemporaryFileUploadHandler.receive_data_chunk

    def counting(self, raw_data, start):
        stored[self.file_name] = stored.get(self.file_name, 0) + len(raw_data)
        return real(self, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", counting)
    big = SimpleUploadedFile("huge.jsonl", b"x" * 300_000, content_type="application/x-ndjson")
    small = SimpleUploadedFile("small.txt", b"Title\n\nBody text.\n", content_type="text/plain")
    response = upload(admin_client, django_capture_on_commit_callbacks, big, small)
    assert response.status_code == 200
    assert (
        "huge.jsonl: over the 9.8 KB limit (IMPORT_MAX_FILE_BYTES): refused while uploading"
        in response.content.decode()
    )
    assert stored == {"small.txt": len(b"Title\n\nBody text.\n")}
    assert not Job.objects.exists()
    assert not (media / "imports").exists() or not any((media / "imports").iterdir())


def test_import_page_has_the_upload_form(admin_client):
    """The page offers a multiple file input, the format override and the keep-good option."""
    content = admin_client.get(IMPORT_URL).content.decode()
    assert 'type="file" name="files" multiple' in content
    assert 'enctype="multipart/form-data"' in content
    assert '<option value="detect" selected>' in content
    assert '<option value="plaintext">' in content
    assert "Import the good records and report the rest" in content


def test_upload_without_files_is_refused(admin_client, django_capture_on_commit_callbacks):
    """No file, no record: the form says what is missing."""
    response = upload(admin_client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Job.objects.exists()


@needs_seed
def test_upload_keeps_the_files_and_queues_a_dry_run(
    admin_client, media, django_capture_on_commit_callbacks
):
    """The uploads are stored under MEDIA_ROOT/imports/<uuid>/ with numbered names, a queued
    dry run records them, its task is enqueued, and the browser goes to its page."""
    second = SimpleUploadedFile("../../../etc/second.txt", b"Title\n\nBody text.\n")
    response = upload(
        admin_client, django_capture_on_commit_callbacks, seed_upload(), second, keep_good="on"
    )

    record = Job.objects.get()
    assert response.status_code == 302
    assert response.url == report_url(record)
    assert record.status == Job.Status.QUEUED
    assert record.dry_run
    assert record.files == ["seed.txt", "second.txt"]
    assert record.options == {"format": "detect", "keep_good": True}
    assert record.user.username == "boss"
    folder = Path(record.uploads[0]).parent
    assert folder.parent == Path("imports") and len(folder.name) == 32
    assert record.uploads == [f"{folder}/000.upload", f"{folder}/001.upload"]
    assert (media / record.uploads[0]).read_bytes() == SEED_FILE.read_bytes()
    assert (media / record.uploads[1]).read_bytes() == b"Title\n\nBody text.\n"
    assert queued_import_ids() == [record.pk]


@needs_seed
def test_the_format_override_is_kept(admin_client, django_capture_on_commit_callbacks, run_worker):
    """A format chosen on the form is the one the import uses."""
    upload(
        admin_client,
        django_capture_on_commit_callbacks,
        seed_upload("seed.dat"),
        format="plaintext",
    )
    record = Job.objects.get()
    assert record.options["format"] == "plaintext"
    run_worker()
    record.refresh_from_db()
    assert (record.status, record.format, record.count("created")) == ("previewed", "plaintext", 2)


# --- Progress --------------------------------------------------------------------------------


@needs_seed
def test_queued_import_page_shows_a_polling_progress_bar(
    admin_client, django_capture_on_commit_callbacks, live_worker
):
    """Before the worker picks it up, the page shows a <progress> bar in a fragment that polls
    itself every second."""
    upload(admin_client, django_capture_on_commit_callbacks, seed_upload())
    record = Job.objects.get()
    content = admin_client.get(report_url(record)).content.decode()
    assert "<progress" in content
    assert f'hx-get="{report_url(record)}"' in content
    assert 'hx-trigger="every 1s"' in content
    assert "vendor/htmx/htmx.min.js" in content
    assert "Waiting for the worker" in content


@needs_seed
def test_htmx_poll_gets_only_the_fragment(
    admin_client, django_capture_on_commit_callbacks, live_worker
):
    """An htmx request gets the #import-status fragment alone, not the admin page around it."""
    upload(admin_client, django_capture_on_commit_callbacks, seed_upload())
    record = Job.objects.get()
    content = admin_client.get(report_url(record), headers=HTMX).content.decode()
    assert content.lstrip().startswith('<section id="import-status"')
    assert "<progress" in content
    assert "<html" not in content and "breadcrumbs" not in content


def test_dry_run_progress_shows_records_read_errors_and_bytes(admin_client, live_worker):
    """While a dry run reads, the bar is the bytes read of the files' size, with the records
    read and the errors so far beside it."""
    record = Job.objects.create(
        files=["big.jsonl"], format="jsonl", dry_run=True, status=Job.Status.RUNNING
    )
    caches["progress"].set(
        progress.progress_key(record.pk),
        {"read": 1200, "done": 1000, "errors": 3, "bytes_read": 2048, "bytes_total": 8192},
    )
    content = admin_client.get(report_url(record), headers=HTMX).content.decode()
    assert 'value="2048" max="8192"' in content
    assert "(25%)" in content
    assert "<strong>1200</strong> records read" in content
    assert "3</strong> errors so far" in content


def test_confirmed_import_progress_is_records_done_of_the_previewed_total(
    admin_client, live_worker
):
    """The real import knows its total from the dry run: the bar is records done of it."""
    dry_run = Job.objects.create(
        files=["big.jsonl"], format="jsonl", dry_run=True, total=5000, status="previewed"
    )
    record = Job.objects.create(
        files=["big.jsonl"], format="jsonl", preview_of=dry_run, status="running"
    )
    caches["progress"].set(
        progress.progress_key(record.pk),
        {"read": 2000, "done": 2000, "errors": 0, "total": 5000, "bytes_total": 1},
    )
    content = admin_client.get(report_url(record), headers=HTMX).content.decode()
    assert 'value="2000" max="5000"' in content
    assert "2000 of 5000 records done" in content
    assert "0</strong> errors so far" in content


@needs_seed
def test_finished_fragment_stops_polling(admin_client, previewed):
    """Once the run is over, the fragment comes back without its polling attributes, so htmx
    stops asking."""
    record = previewed(seed_upload())
    content = admin_client.get(report_url(record), headers=HTMX).content.decode()
    assert content.lstrip().startswith('<section id="import-status"')
    assert "hx-trigger" not in content and "hx-get" not in content
    assert "<progress" not in content


# --- Preview, confirm, report ----------------------------------------------------------------


@needs_seed
def test_preview_shows_the_seed_articles_as_new_and_writes_nothing(admin_client, previewed):
    """The dry run of the seed lists its two articles as new, with their caption and paragraph
    counts, offers the confirm button, and leaves the database without articles."""
    record = previewed(seed_upload())
    assert record.status == Job.Status.PREVIEWED
    assert (record.total, record.count("created"), record.count("failed")) == (2, 2, 0)
    assert not Article.objects.exists()

    response = admin_client.get(report_url(record))
    content = response.content.decode()
    rows = response.context["rows"]
    assert [(row["title"], row["status"]) for row in rows] == [(TITLE_1, "new"), (TITLE_2, "new")]
    assert [row["captions"] for row in rows] == [1, 1]
    assert all(row["paragraphs"] > 1 for row in rows)
    assert '<span class="import-badge new">new</span>' in content
    assert "<strong>2</strong> new" in content
    assert f'action="{confirm_url(record)}"' in content
    assert "Confirm import" in content


@needs_seed
def test_confirm_queues_the_import_and_it_creates_the_two_articles(admin_client, media, imported):
    """Confirming queues a real import of the same uploads and options, linked to its dry run;
    it creates the seed's two articles, reports "created 2" and deletes the uploads."""
    record = imported(seed_upload())
    dry_run = record.preview_of
    assert not record.dry_run and dry_run.dry_run
    assert record.files == dry_run.files and record.options == dry_run.options
    assert record.status == Job.Status.DONE
    assert (record.count("created"), record.count("skipped"), record.count("failed")) == (2, 0, 0)
    assert set(Article.objects.values_list("title", flat=True)) == {TITLE_1, TITLE_2}
    assert not any((media / "imports").iterdir())

    content = admin_client.get(report_url(record)).content.decode()
    assert "created 2, updated 0" in content
    assert "skipped 0 duplicates" in content
    assert f"preview #{dry_run.pk}" in content


@needs_seed
def test_confirm_is_queued_until_the_worker_runs(
    admin_client, previewed, django_capture_on_commit_callbacks, live_worker
):
    """The confirm request itself writes no article: it queues the import task."""
    dry_run = previewed(seed_upload())
    confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    record = dry_run.confirmations.get()
    assert record.status == Job.Status.QUEUED
    assert queued_import_ids() == [record.pk]
    assert not Article.objects.exists()
    assert "<progress" in admin_client.get(report_url(record)).content.decode()


@needs_seed
def test_a_preview_is_confirmed_once(admin_client, previewed, django_capture_on_commit_callbacks):
    """A second confirm (double click, second tab) leads to the import already made."""
    dry_run = previewed(seed_upload())
    first = confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    second = confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    assert first.url == second.url
    assert dry_run.confirmations.count() == 1
    assert len(queued_import_ids()) == 1
    content = admin_client.get(report_url(dry_run)).content.decode()
    assert "This preview was confirmed" in content and "Confirm import" not in content


@needs_seed
def test_a_second_import_of_the_same_file_creates_nothing(admin_client, imported):
    """Importing the seed again finds both articles: 0 created, 2 duplicates."""
    imported(seed_upload())
    again = imported(seed_upload())
    assert [row["status"] for row in again.preview_of.preview] == ["duplicate", "duplicate"]
    assert (again.count("created"), again.count("skipped")) == (0, 2)
    assert Article.objects.count() == 2
    content = admin_client.get(report_url(again)).content.decode()
    assert "created 0, updated 0, skipped 2 duplicates" in content


@needs_seed
def test_a_preview_of_nothing_new_offers_no_confirm(admin_client, imported, previewed):
    """A dry run in which every article is stored already says there is nothing to import
    instead of offering a Confirm button that would write nothing."""
    imported(seed_upload())
    dry_run = previewed(seed_upload())
    content = admin_client.get(report_url(dry_run)).content.decode()
    assert "Nothing to import: every article in these files is stored already" in content
    assert "Confirm import" not in content


def test_malformed_jsonl_line_is_named_and_confirm_imports_nothing(
    admin_client, previewed, django_capture_on_commit_callbacks, run_worker
):
    """A JSONL whose line 3 is cut off: the preview names feed.jsonl:3, offers no confirm
    button, and a confirm posted anyway writes nothing (all or nothing)."""
    dry_run = previewed(jsonl_upload())
    assert dry_run.count("failed") == 1
    content = admin_client.get(report_url(dry_run)).content.decode()
    assert "<code>feed.jsonl:3: " in content
    assert "confirming would import nothing" in content
    assert "Confirm import" not in content

    confirm(admin_client, django_capture_on_commit_callbacks, dry_run)
    run_worker()
    record = dry_run.confirmations.get()
    assert record.status == Job.Status.FAILED
    assert (record.count("created"), record.count("failed")) == (0, 1)
    assert not Article.objects.exists()
    content = admin_client.get(report_url(record)).content.decode()
    assert "Nothing was imported" in content and "nothing was written" in content
    assert "feed.jsonl:3: " in content


def test_keep_good_imports_the_good_records_and_reports_the_bad(admin_client, imported):
    """With "import the good records" ticked, lines 1, 2 and 4 are imported and line 3 is
    reported."""
    record = imported(jsonl_upload(), keep_good="on")
    assert (record.count("created"), record.count("failed")) == (3, 1)
    assert Article.objects.count() == 3
    content = admin_client.get(report_url(record)).content.decode()
    assert "created 3" in content and "failed 1" in content
    assert "feed.jsonl:3: " in content


def test_the_page_of_a_stalled_import_says_so(admin_client, live_worker):
    """Its page stops promising progress and says what happened and what will happen."""
    record = running_record()
    Job.objects.filter(pk=record.pk).update(
        started=timezone.now() - progress.STALL_AFTER - timedelta(minutes=1)
    )
    content = admin_client.get(report_url(record)).content.decode()
    assert "No news from the worker" in content and "sweep_jobs" in content
    assert "<progress" not in content and "every 5s" in content


# --- History ---------------------------------------------------------------------------------


@needs_seed
def test_history_lists_imports_and_links_their_pages(admin_client, imported):
    """The Job changelist is the import history: who, when, files, kind, status and counts,
    each linking to its progress/report page; it links to the import page too."""
    record = imported(seed_upload())
    content = admin_client.get(reverse("admin:interchange_job_changelist")).content.decode()
    assert f'href="{report_url(record)}"' in content
    assert f'href="{report_url(record.preview_of)}"' in content
    assert "seed.txt" in content and "boss" in content
    assert 'class="field-created_count">2<' in content
    assert f'href="{IMPORT_URL}"' in content


def test_article_changelist_links_to_the_import_page(admin_client):
    """Admins find "Import articles" on the article list."""
    content = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert f'<a href="{IMPORT_URL}">Import articles</a>' in content


@pytest.fixture
def superuser_client(client):
    """A client signed in as an admin (a superuser)."""
    client.force_login(make_user("boss", role="admin"))
    return client


# --- The Job admin ---------------------------------------------------------------------------


@pytest.fixture
def import_record():
    return Job.objects.create(
        files=["feed.jsonl"],
        format="jsonl",
        counts={"created": 3, "failed": 1},
        report=[{"file": "feed.jsonl", "line": 4, "error": "<script>x</script> bad date"}],
    )


def test_import_record_admin_cannot_add(superuser_client):
    """There is no add page: import history is only written by importers."""
    response = superuser_client.get(reverse("admin:interchange_job_add"))
    assert response.status_code == 403


def test_import_record_admin_is_read_only(superuser_client, import_record):
    """The detail page is a view page; a POST does not change the record."""
    url = reverse("admin:interchange_job_change", args=[import_record.pk])
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    superuser_client.post(url, {"format": "csv", "counts": '{"created": 99}'})
    import_record.refresh_from_db()
    assert (import_record.format, import_record.count("created")) == ("jsonl", 3)


def test_import_record_admin_lists_counts(superuser_client, import_record):
    """The list shows the files and the created / failed counts."""
    response = superuser_client.get(reverse("admin:interchange_job_changelist"))
    content = response.content.decode()
    assert "feed.jsonl" in content
    assert 'class="field-created_count">3<' in content
    assert 'class="field-failed_count">1<' in content


def test_import_record_admin_shows_report_escaped(superuser_client, import_record):
    """Report rows come from imported files: they are shown, but as text, not markup."""
    url = reverse("admin:interchange_job_change", args=[import_record.pk])
    content = superuser_client.get(url).content.decode()
    assert "bad date" in content
    assert "&lt;script&gt;x&lt;/script&gt;" in content
    assert "<script>x</script>" not in content


def test_the_history_lists_exports_beside_imports(superuser_client, import_record):
    """An export is listed as one, linked to its page on the site (by UUID), with what it wrote
    and no import counts; its Job is not an import's report page."""
    export = export_job(
        status=Job.Status.DONE, counts={"articles": 3, "annotations": 21, "bytes": 9, "notes": 0}
    )
    content = superuser_client.get(reverse("admin:interchange_job_changelist")).content.decode()
    assert f'href="{reverse("interchange:export_status", args=[export.uuid])}"' in content
    assert 'class="field-kind_label">Export<' in content
    assert 'class="field-written">3 articles, 21 annotations<' in content
    assert 'class="field-created_count">-<' in content
    assert 'class="field-created_count">3<' in content  # the import's, beside it
    assert superuser_client.get(report_url(export)).status_code == 404
