"""python manage.py load_demo [--force]: demo articles and logins for local development.

Idempotent: articles already present are skipped as duplicates, and existing users are left
as they are (passwords included). The passwords below are public, so the command refuses to
run with DEBUG off unless --force is given.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from interchange.importing.intake import read_inputs
from interchange.importing.saver.run import save_records

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "sample_articles.txt"

# Local development only: these passwords are in the repository for everyone to read.
DEMO_USERS = [
    # username, password, group (None for the superuser)
    ("editor", "editor-pass-2026", "Editors"),
    ("editor2", "editor2-pass-2026", "Editors"),
    ("reviewer", "reviewer-pass-2026", "Reviewers"),
    ("admin", "admin-pass-2026", None),
]


class Command(BaseCommand):
    help = "Load demo articles (the shared seeds, else a bundled sample) and demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (creates accounts with publicly known passwords).",
        )

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with publicly known passwords. "
                "Use --force if this really is a throwaway installation."
            )
        paths = seed_files()
        notes: list[str] = []
        result = save_records(
            read_inputs(paths, format="plaintext", notes=notes),
            files=[str(p) for p in paths],
            format="plaintext",
            keep_good=True,
            notes=notes,
        )
        for message in [*notes, *map(str, result.errors)]:
            self.stderr.write(message)
        self.stdout.write(f"articles from {', '.join(p.name for p in paths)}: {result.summary()}")

        rows = ensure_demo_users()
        self.stdout.write("")
        self.stdout.write(f"{'login':<10} {'password':<20} {'role':<10} account")
        for username, password, role, created in rows:
            state = "created" if created else "already existed (password unchanged)"
            self.stdout.write(f"{username:<10} {password:<20} {role:<10} {state}")
        self.stdout.write("")
        url = f"http://127.0.0.1:{os.environ.get('PORT') or 8000}/"  # scripts/dev serves on $PORT
        self.stdout.write(f"Local development only. Run the server and open {url}")


def seed_files() -> list[Path]:
    """The shared seed files when that folder exists and holds any, else the bundled sample."""
    seeds_dir = Path(settings.SHARED_SEEDS_DIR)
    seeds = sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    return seeds or [FIXTURE]


@transaction.atomic
def ensure_demo_users() -> list[tuple[str, str, str, bool]]:
    """Create the demo users that are missing; return (login, password, role, created) rows."""
    user_model = get_user_model()
    rows = []
    for username, password, group_name in DEMO_USERS:
        user = user_model.objects.filter(username=username).first()
        created = user is None
        if created:
            if group_name is None:
                user = user_model.objects.create_superuser(
                    username, f"{username}@example.com", password
                )
            else:
                try:
                    group = Group.objects.get(name=group_name)
                except Group.DoesNotExist as exc:
                    raise CommandError(f"group {group_name!r} is missing: run migrate") from exc
                user = user_model.objects.create_user(username, f"{username}@example.com", password)
                user.groups.add(group)
        rows.append((username, password, group_name or "superuser", created))
    return rows
