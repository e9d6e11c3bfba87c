"""python manage.py sweep_jobs: tidy after lost, abandoned or expired jobs (interchange.tasks).

Marks failed the running imports and exports whose worker died (its heartbeat stopped for
WORKER_DEAD_AFTER_SECONDS; for a worker that writes none, no progress for 10 minutes), and the
task rows it left RUNNING; deletes a lost preview's uploads and a lost export's partial file (a
lost confirmed import keeps its uploads: its preview can be confirmed again); deletes the
uploads of previews nobody confirmed within a day, and the exports (file and job) older than
EXPORT_KEEP_DAYS. Every `run_worker` does this on start and every WORKER_SWEEP_SECONDS; run it
by hand or from cron when no worker runs.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from interchange.exporting.prepared import keep_days_label
from interchange.tasks import PREVIEW_KEPT, sweep_jobs


class Command(BaseCommand):
    help = (
        "Mark failed the running imports and exports whose worker died, and its task rows; "
        f"delete the uploads of previews not confirmed within {PREVIEW_KEPT.days} day(s), and "
        "the exports older than EXPORT_KEEP_DAYS."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        swept = sweep_jobs()
        self.stdout.write(
            f"{swept.stalled} stalled job(s) marked failed; uploads of {swept.previews} "
            f"unconfirmed preview(s) deleted; {swept.expired} export(s) older than "
            f"{keep_days_label()} day(s) deleted; {swept.tasks} task row(s) of dead workers "
            "marked failed"
        )
