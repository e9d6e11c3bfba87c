"""python manage.py sweep_imports: tidy after lost or abandoned imports (interchange.tasks).

Marks failed the running imports whose worker stopped reporting (stopped, killed, machine
restarted), and deletes the uploads of previews nobody confirmed within a day. A worker does
this too each time it starts an import; run it from cron where imports are rare.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand

from interchange.progress import STALL_AFTER
from interchange.tasks import PREVIEW_KEPT, sweep_imports


class Command(BaseCommand):
    help = (
        f"Mark failed the running imports silent for over {STALL_AFTER // timedelta(minutes=1)} "
        f"minutes and delete the uploads of previews not confirmed within {PREVIEW_KEPT.days} "
        "day(s)."
    )

    def handle(self, *args, **options) -> None:
        stalled, cleared = sweep_imports()
        self.stdout.write(
            f"{stalled} stalled import(s) marked failed; uploads of {cleared} unconfirmed "
            "preview(s) deleted"
        )
