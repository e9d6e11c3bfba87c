"""python manage.py worker_status: the background workers heard from in the last day, live ones
first, with their last heartbeat and what they run. Exits 1 when no worker is alive, so it
serves as a health check (`manage.py worker_status || alert`)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from django.core.management.base import BaseCommand

from interchange import heartbeat


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


class Command(BaseCommand):
    help = (
        "List the background workers (live, stopped, dead) with their last heartbeat and "
        "current job; exit status 1 when none is alive."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        now = time.time()
        states = heartbeat.workers()
        alive = heartbeat.live(states, now)
        for state in sorted(states, key=lambda s: not s.alive(now)):
            if state.alive(now):
                label = "live"
            elif state.stopped:
                label = "stopped"
            else:
                label = "DEAD"
            started = datetime.fromtimestamp(state.started, tz=UTC).strftime("%Y-%m-%d %H:%M:%S")
            doing = "idle"
            if state.job is not None:
                doing = f"job {state.job} ({state.task_name.rsplit('.', 1)[-1]})"
            elif state.task:
                doing = f"task {state.task} ({state.task_name})"
            if label == "DEAD" and doing != "idle":
                doing = f"was running {doing}"
            heard = _ago(now - (state.stopped or state.beat))
            self.stdout.write(
                f"{label:7} {state.id}  pid {state.pid} on {state.host}  "
                f"started {started} UTC  last beat {heard}  {doing}"
            )
        if alive:
            self.stdout.write(f"{len(alive)} live worker(s)")
            return
        self.stderr.write(
            "No background worker is running: queued imports and exports wait until one starts "
            "(manage.py run_worker; see docs/operations.md)."
        )
        raise SystemExit(1)
