"""python manage.py sweep_jobs: tidy after lost, abandoned or expired jobs (interchange.tasks).

Marks failed the running imports and exports whose worker stopped reporting (stopped, killed,
machine restarted), deleting an import's uploads and an export's partial file; deletes the
uploads of previews nobody confirmed within a day, and the exports (file and job) older than
EXPORT_KEEP_DAYS. A worker does this too each time it starts a job; run it from cron where jobs
are rare.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand

from interchange.exporting.prepared import keep_days_label
from interchange.progress import STALL_AFTER
from interchange.tasks import PREVIEW_KEPT, sweep_jobs


class Command(BaseCommand):
    help = (
        "Mark failed the running imports and exports silent for over "
        f"{STALL_AFTER // timedelta(minutes=1)} minutes, delete the uploads of previews not "
        f"confirmed within {PREVIEW_KEPT.days} day(s), and the exports older than "
        "EXPORT_KEEP_DAYS."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        swept = sweep_jobs()
        self.stdout.write(
            f"{swept.stalled} stalled job(s) marked failed; uploads of {swept.previews} "
            f"unconfirmed preview(s) deleted; {swept.expired} export(s) older than "
            f"{keep_days_label()} day(s) deleted"
        )
