"""Jobs as the admin, view and task tests make them: the "Import articles" flow (uploads as a
browser sends them, the pages' URLs, what is queued for the worker), and Jobs made directly in
a given state."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from interchange.models import Job
from tests.conftest import SEED_FILE

TITLE_1 = "US Strikes Target Extremists in Syria"
TITLE_2 = "After al-Sadr\u2019s Boycott, al-Abadi Withdraws from Iraq\u2019s Upcoming Elections"
HTMX = {"HX-Request": "true"}
IMPORT_URL = reverse("admin:interchange_job_import")


def report_url(record: Job) -> str:
    return reverse("admin:interchange_job_report", args=[record.pk])


def confirm_url(record: Job) -> str:
    return reverse("admin:interchange_job_confirm", args=[record.pk])


def seed_upload(name: str = "seed.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SEED_FILE.read_bytes(), content_type="text/plain")


def jsonl_upload(name: str = "feed.jsonl", bad_line: int | None = 3) -> SimpleUploadedFile:
    """Four articles, one a line; line `bad_line` is cut off mid-object."""
    lines = []
    for number in range(1, 5):
        article = {
            "title": f"Council vote number {number} passes",
            "body": f"The council voted {number} times.\n\nThe mayor said it was enough.",
            "captions": [{"text": f"The council chamber, vote {number}", "credit": "AP"}],
            "external_id": f"feed-{number}",
        }
        line = json.dumps(article)
        lines.append(line[:25] if number == bad_line else line)
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode(), "application/x-ndjson")


def upload(client: Client, django_capture_on_commit_callbacks, *files, **data):
    """POST the import form as a browser would; runs the on_commit hooks (the enqueue)."""
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(IMPORT_URL, {"files": list(files), "format": "detect", **data})


def confirm(client: Client, django_capture_on_commit_callbacks, record: Job):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(confirm_url(record))


def queued_import_ids() -> list[int]:
    return [
        task.args_kwargs["args"][0]
        for task in DBTaskResult.objects.ready().filter(task_path="interchange.tasks.run_import")
    ]


def running_record(**fields) -> Job:
    """A real (not dry run) import of the seed, running."""
    return Job.objects.create(
        files=["seed.txt"],
        format="plaintext",
        dry_run=False,
        status=Job.Status.RUNNING,
        **fields,
    )


def export_job(**fields) -> Job:
    """A queued native export of every article, approved annotations only, as the export page
    makes one."""
    values = {
        "kind": Job.Kind.EXPORT,
        "status": Job.Status.QUEUED,
        "format": "native",
        "files": ["newsroom-all.jsonl"],
        "options": {"set": None, "set_name": "", "approved_only": True, "writer": {}},
        **fields,
    }
    return Job.objects.create(**values)
