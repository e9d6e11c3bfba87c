"""python manage.py run_worker: the background worker to run (imports, exports, suggestions).

django-tasks-db's `db_worker`, with the same options, kept alive through database errors and
writing a heartbeat (interchange/worker.py); `manage.py worker_status` reads the heartbeats.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from interchange.worker import SurvivingWorker


class Command(db_worker.Command):
    help = (
        "Run the background worker: django-tasks-db's db_worker that survives database errors "
        "(retried with backoff), beats a heartbeat and sweeps the jobs of dead workers."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = SurvivingWorker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if options["reload"] and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child the reloader starts
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
