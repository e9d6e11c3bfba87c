"""The export page through Django's test client: who may export, streamed downloads, the
background path (run by django-tasks-db's own worker, `db_worker --batch`), its htmx progress
fragment and the permission-checked download of its file."""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import caches
from django.http import FileResponse, StreamingHttpResponse
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from annotations.models import AnnotatedSet, Annotation
from interchange import progress, tasks, views
from interchange.exporting import prepared
from interchange.exporting.formats import FORMATS
from interchange.models import Job
from tests.factories import make_annotation, make_article, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]

EXPORT_URL = reverse("interchange:export")
HTMX = {"HX-Request": "true"}


@pytest.fixture
def reviewer():
    return make_user("rita", role="reviewer")


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def articles():
    """Three articles, each with an accepted and a pending claim."""
    editor = make_user(role="editor")
    made = []
    for n in range(3):
        article = make_article(title=f"Council vote {n} passes")
        make_annotation(
            article, "Claim", quote="The minister said", author=editor, status="accepted"
        )
        make_annotation(article, "Claim", quote="less sure", author=editor)
        made.append(article)
    return made


def post(client, django_capture_on_commit_callbacks, **data):
    """POST the export form as a browser would; runs the on_commit hooks (the enqueue)."""
    form = {"format": "native", "annotations": "approved", **data}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(EXPORT_URL, form)


def body(response) -> bytes:
    if isinstance(response, StreamingHttpResponse | FileResponse):
        return b"".join(response.streaming_content)
    return response.content


def lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


# --- Who may export ------------------------------------------------------------------------------


def test_editor_is_refused(client, articles, django_capture_on_commit_callbacks):
    """Editors cannot export: the page and a forged POST are both 403."""
    client.force_login(make_user(role="editor"))
    assert client.get(EXPORT_URL).status_code == 403
    assert post(client, django_capture_on_commit_callbacks).status_code == 403


def test_anonymous_user_is_sent_to_login(client):
    """Someone not signed in is sent to the login page."""
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ["reviewer", "admin"])
def test_reviewers_and_admins_see_the_form(client, role):
    """The page offers sets, every format and approved-only as the default."""
    AnnotatedSet.objects.create(name="Election coverage")
    client.force_login(make_user(role=role))
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Election coverage" in html
    for name in ("native", "csv", "w3c", "doccano", "labelstudio", "brat", "spacy"):
        assert f'value="{name}"' in html
    assert re.search(
        r'<input type="radio" name="annotations" value="approved"[^>]*\bchecked>', html
    )
    assert not re.search(r'<input type="radio" name="annotations" value="all"[^>]*\bchecked>', html)


def test_set_is_preselected_from_the_query_string(reviewer_client):
    """The sets page links here with ?set=<pk>: that set is selected."""
    chosen = AnnotatedSet.objects.create(name="Picked")
    html = reviewer_client.get(f"{EXPORT_URL}?set={chosen.pk}").content.decode()
    assert f'<option value="{chosen.pk}" selected>' in html


# --- Streamed downloads --------------------------------------------------------------------------


def test_small_export_streams_as_an_attachment(
    reviewer_client, articles, django_capture_on_commit_callbacks
):
    """A small selection answers with a streaming attachment of the chosen format."""
    response = post(reviewer_client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("application/jsonl")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and ".jsonl" in disposition
    assert "newsroom-all-native-" in disposition
    assert len(lines(body(response))) == 3


def test_download_names_differ_per_format():
    """Every format gets its own file name (set, format, scope, time, extension), even the
    formats that share an extension."""
    chosen = AnnotatedSet.objects.create(name="Vote coverage")
    names = {name: views.download_name(chosen, name, approved_only=True) for name in FORMATS}
    assert len(set(names.values())) == len(FORMATS)
    assert re.fullmatch(
        r"newsroom-vote-coverage-attributions-csv-\d{8}-\d{4}\.csv", names["attributions-csv"]
    )
    assert names["doccano"].endswith(".jsonl") and "-doccano-" in names["doccano"]
    assert "-native-all-statuses-" in views.download_name(None, "native", approved_only=False)


def test_approved_only_is_the_default(
    reviewer_client, articles, django_capture_on_commit_callbacks
):
    """Only accepted annotations unless "all" is chosen."""
    approved = lines(body(post(reviewer_client, django_capture_on_commit_callbacks)))
    assert [len(a["annotations"]) for a in approved] == [1, 1, 1]
    assert {s["status"] for a in approved for s in a["annotations"]} == {"accepted"}
    everything = lines(
        body(post(reviewer_client, django_capture_on_commit_callbacks, annotations="all"))
    )
    assert [len(a["annotations"]) for a in everything] == [2, 2, 2]


def test_first_bytes_go_out_before_the_export_is_built(
    reviewer_client, articles, django_capture_on_commit_callbacks, monkeypatch
):
    """The response's first chunk is produced after reading one article, not all of them."""
    monkeypatch.setattr(views, "STREAM_CHUNK_BYTES", 1)
    pulled = []
    real = views.load_articles

    def counting(*args, **kwargs):
        for article in real(*args, **kwargs):
            pulled.append(article.id)
            yield article

    monkeypatch.setattr(views, "load_articles", counting)
    response = post(reviewer_client, django_capture_on_commit_callbacks)
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert json.loads(first)["title"] == "Council vote 0 passes"
    assert len(pulled) == 1
    rest = b"".join(chunks)
    assert len(pulled) == 3 and len((first + rest).splitlines()) == 3


def test_set_export_holds_only_the_sets_articles(
    reviewer_client, articles, django_capture_on_commit_callbacks
):
    """Choosing a set exports its articles, and the file is named after it."""
    chosen = AnnotatedSet.objects.create(name="Vote one")
    chosen.picked.add(articles[1])
    response = post(reviewer_client, django_capture_on_commit_callbacks, annotated_set=chosen.pk)
    assert [a["title"] for a in lines(body(response))] == ["Council vote 1 passes"]
    assert "newsroom-vote-one-" in response["Content-Disposition"]


def test_brat_download_streams_a_zip(reviewer_client, articles, django_capture_on_commit_callbacks):
    """brat's ZIP streams too, and is a valid archive with a .txt and .ann per article."""
    response = post(reviewer_client, django_capture_on_commit_callbacks, format="brat")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(body(response))).namelist()
    assert len([n for n in names if n.endswith(".ann")]) == 3


def test_invalid_choice_shows_the_form_again(reviewer_client, django_capture_on_commit_callbacks):
    """An unknown format is a form error (422), not a download."""
    response = post(reviewer_client, django_capture_on_commit_callbacks, format="pdf")
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()


# --- Background exports --------------------------------------------------------------------------


def start_background(client, callbacks, settings, **data) -> Job:
    settings.EXPORT_BACKGROUND_THRESHOLD = 2
    response = post(client, callbacks, **data)
    assert response.status_code == 302
    export_id = response.url.rstrip("/").rsplit("/", 1)[1]
    assert response.url == reverse("interchange:export_status", args=[export_id])
    return Job.objects.get(kind=Job.Kind.EXPORT, uuid=export_id)


def test_large_export_runs_in_the_background_and_gives_the_same_file(
    run_worker, reviewer_client, articles, django_capture_on_commit_callbacks, settings, media
):
    """Above the threshold the export is queued; the worker writes the same bytes a streamed
    download gives, under MEDIA_ROOT/exports/<uuid>.<ext>, and the status page links to it."""
    streamed = body(post(reviewer_client, django_capture_on_commit_callbacks))
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    assert job.status == "queued" and job.total == 3
    run_worker()
    job.refresh_from_db()
    assert job.status == "done"
    assert prepared.export_path(job) == media / "exports" / f"{job.uuid}.jsonl"
    page = reviewer_client.get(reverse("interchange:export_status", args=[job.uuid]))
    download_url = reverse("interchange:export_download", args=[job.uuid])
    assert download_url in page.content.decode()
    response = reviewer_client.get(download_url)
    assert isinstance(response, FileResponse)
    assert response["Content-Disposition"].startswith("attachment;")
    assert body(response) == streamed


def test_progress_fragment_polls_until_done(
    run_worker, reviewer_client, articles, django_capture_on_commit_callbacks, settings, live_worker
):
    """While queued, htmx gets the status fragment alone, polling, with the articles done so
    far; once done, the fragment stops polling and offers the download."""
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    url = reverse("interchange:export_status", args=[job.uuid])
    caches["progress"].set(progress.progress_key(job.pk), {"articles": 2, "total": 3})
    fragment = reviewer_client.get(url, headers=HTMX).content.decode()
    assert fragment.lstrip().startswith('<section id="export-status"')
    assert "<html" not in fragment
    assert 'hx-trigger="every 1s"' in fragment
    assert "<strong>2</strong> of 3 articles" in fragment
    run_worker()
    fragment = reviewer_client.get(url, headers=HTMX).content.decode()
    assert "hx-trigger" not in fragment
    assert reverse("interchange:export_download", args=[job.uuid]) in fragment


def test_spacy_export_is_prepared_and_its_report_shown(
    run_worker, reviewer_client, articles, django_capture_on_commit_callbacks
):
    """spaCy's DocBin cannot stream, so even a small one is prepared; a span that does not
    align with tokens is listed on its page."""
    article = articles[0]
    make_annotation(article, "Claim", quote="inister", status="accepted")
    response = post(reviewer_client, django_capture_on_commit_callbacks, format="spacy")
    assert response.status_code == 302
    run_worker()
    page = reviewer_client.get(response.url).content.decode()
    assert "1 note from the spacy writer" in page
    assert "“inister” does not align with token boundaries" in page


def test_a_prepared_export_says_how_many_links_it_dropped(
    run_worker, reviewer_client, articles, django_capture_on_commit_callbacks, settings
):
    """The page of a prepared doccano export (no relations) says how many attribution links
    it dropped; the export form names the formats that drop links."""
    from annotations.models import Attribution

    claim = Annotation.objects.filter(article=articles[0], status="accepted").get()
    source = make_annotation(articles[0], "Source", quote="The minister", status="accepted")
    Attribution.objects.create(claim=claim, source_span=source, author=claim.author)
    form = reviewer_client.get(EXPORT_URL).content.decode()
    assert "doccano, doccano-relations, labelstudio" in form
    job = start_background(
        reviewer_client, django_capture_on_commit_callbacks, settings, format="doccano"
    )
    run_worker()
    page = reviewer_client.get(reverse("interchange:export_status", args=[job.uuid]))
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "1 attribution link dropped: doccano JSONL, sequence labelling" in text


def test_download_before_it_is_ready_is_404(
    reviewer_client, articles, django_capture_on_commit_callbacks, settings
):
    """A queued export has no file to download yet; an unknown id is 404 too."""
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    assert (
        reviewer_client.get(reverse("interchange:export_download", args=[job.uuid])).status_code
        == 404
    )
    unknown = uuid.uuid4()
    assert (
        reviewer_client.get(reverse("interchange:export_download", args=[unknown])).status_code
        == 404
    )
    assert (
        reviewer_client.get(reverse("interchange:export_status", args=[unknown])).status_code == 404
    )


def test_prepared_exports_are_shared_by_exporters_only(
    run_worker, client, reviewer_client, articles, django_capture_on_commit_callbacks, settings
):
    """Another reviewer can open and download a prepared export (the same export is theirs to
    make); an editor gets 403 on its page and its file."""
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    run_worker()
    status_url = reverse("interchange:export_status", args=[job.uuid])
    download_url = reverse("interchange:export_download", args=[job.uuid])
    client.force_login(make_user(role="reviewer"))
    assert client.get(download_url).status_code == 200
    assert "rita" in client.get(EXPORT_URL).content.decode()  # listed, with who asked
    client.force_login(make_user(role="editor"))
    assert client.get(status_url).status_code == 403
    assert client.get(download_url).status_code == 403


def test_export_of_a_set_deleted_meanwhile_fails_with_a_message(
    run_worker, reviewer_client, articles, django_capture_on_commit_callbacks, settings
):
    """If the set is deleted before the worker runs, the export fails and says why."""
    chosen = AnnotatedSet.objects.create(name="Short-lived")
    chosen.picked.add(*articles)
    job = start_background(
        reviewer_client, django_capture_on_commit_callbacks, settings, annotated_set=chosen.pk
    )
    chosen.delete()
    run_worker()
    job.refresh_from_db()
    assert job.status == "failed"
    page = reviewer_client.get(reverse("interchange:export_status", args=[job.uuid]))
    assert "“Short-lived” no longer exists" in page.content.decode()
    assert not prepared.export_path(job).exists()


def test_export_count_matches_the_database(
    run_worker, reviewer_client, articles, django_capture_on_commit_callbacks, settings
):
    """The finished export records how many articles and annotations it wrote."""
    job = start_background(
        reviewer_client, django_capture_on_commit_callbacks, settings, annotations="all"
    )
    run_worker()
    job.refresh_from_db()
    assert (job.count("articles"), job.count("annotations")) == (3, Annotation.objects.count())


def test_export_queued_for_long_points_at_the_worker(
    reviewer_client, articles, django_capture_on_commit_callbacks, settings, live_worker
):
    """An export still queued after half a minute says that the worker may not be running."""
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    url = reverse("interchange:export_status", args=[job.uuid])
    assert "run_worker" not in reviewer_client.get(url, headers=HTMX).content.decode()
    Job.objects.filter(pk=job.pk).update(started=datetime.now(UTC) - timedelta(minutes=5))
    assert "run_worker" in reviewer_client.get(url, headers=HTMX).content.decode()


def test_an_export_is_found_by_its_uuid_only(
    reviewer_client, articles, django_capture_on_commit_callbacks, settings
):
    """Its pages are at the Job's UUID: its integer id (guessable) finds nothing."""
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    assert reviewer_client.get(f"{EXPORT_URL}{job.pk}/").status_code == 404
    assert reviewer_client.get(f"{EXPORT_URL}{job.pk}/download/").status_code == 404
    assert reviewer_client.get(f"{EXPORT_URL}{job.uuid}/").status_code == 200


def test_a_stalled_export_says_so_then_shows_why_it_failed(
    reviewer_client, articles, django_capture_on_commit_callbacks, settings, live_worker
):
    """A running export whose worker went silent says so (polling slower); once the sweep has
    marked it failed, its page says what happened."""
    job = start_background(reviewer_client, django_capture_on_commit_callbacks, settings)
    long_ago = timezone.now() - progress.STALL_AFTER - timedelta(minutes=1)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started=long_ago)
    # Claimed by a worker that writes no heartbeat (a plain db_worker): the progress rule.
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, worker_ids=["no-heartbeat"])
    url = reverse("interchange:export_status", args=[job.uuid])
    fragment = reviewer_client.get(url, headers=HTMX).content.decode()
    assert "No news from the background worker" in fragment and "sweep_jobs" in fragment
    assert 'hx-trigger="every 5s"' in fragment
    tasks.sweep_jobs()
    fragment = reviewer_client.get(url, headers=HTMX).content.decode()
    assert "The export failed" in fragment and "no progress for over 10 minutes" in fragment
    assert "hx-trigger" not in fragment
