"""Steps of the kill -9 fault test (test_worker_fault.py), each run in a process of its own
against the test's SQLite file: `python -m tests.interchange.fault_steps STEP [ARG]`.

- setup N: an admin uploads N articles (JSONL), a batch worker runs the preview, the admin
  confirms it: prints {"preview": id, "job": id}.
- slow-worker: `manage.py run_worker` whose import takes 0.05 s a record and writes batches
  of 5 (so a kill lands mid-import, with rows written in the open transaction).
- confirm PREVIEW: `manage.py worker_status`, then the admin clicks "Confirm import" twice:
  prints what the first printed and both redirects.
"""

from __future__ import annotations

import io
import json
import sys
import time
from functools import partial

import django


def main() -> None:
    django.setup()
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from interchange import tasks
    from interchange.models import Job

    step, *args = sys.argv[1:]
    if step == "slow-worker":
        counted = tasks._counted

        def slowly(items, progress):
            for item in counted(items, progress):
                time.sleep(0.05)
                yield item

        tasks._counted = slowly  # type: ignore[assignment]
        tasks.save_records = partial(tasks.save_records, batch_size=5)  # type: ignore[assignment]
        call_command("run_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2")
        return
    admin, _ = User.objects.get_or_create(
        username="fault-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    if step == "setup":
        lines = [
            json.dumps({"title": f"Harbour report {n}", "body": f"The harbour opened gate {n}."})
            for n in range(int(args[0]))
        ]
        upload = SimpleUploadedFile("feed.jsonl", "\n".join(lines).encode(), "application/json")
        response = client.post(
            reverse("admin:interchange_job_import"), {"files": [upload], "format": "detect"}
        )
        assert response.status_code == 302, response.content[:2000]
        preview = Job.objects.latest("pk")
        call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        preview.refresh_from_db()
        assert preview.status == Job.Status.PREVIEWED, (preview.status, preview.report)
        client.post(reverse("admin:interchange_job_confirm", args=[preview.pk]))
        print(json.dumps({"preview": preview.pk, "job": preview.confirmations.get().pk}))
    elif step == "confirm":
        health = io.StringIO()
        call_command("worker_status", stdout=health)  # exits 1 if no worker is live
        url = reverse("admin:interchange_job_confirm", args=[int(args[0])])
        print(json.dumps([health.getvalue(), client.post(url).url, client.post(url).url]))
    else:
        raise SystemExit(f"unknown step {step!r}")


if __name__ == "__main__":
    main()
