"""python manage.py sweep_imports: the name this command had before exports became jobs too.

Kept so that cron entries written against the documented name keep working; it runs exactly
`sweep_jobs` (imports and exports)."""

from __future__ import annotations

from .sweep_jobs import Command as SweepJobs


class Command(SweepJobs):
    help = f"The former name of sweep_jobs. {SweepJobs.help}"
