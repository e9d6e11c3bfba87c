"""python manage.py import_suggestions FILE... --format citron|labelstudio [--model NAME] ...

Imports another tool's pre-annotations as suggestions (suggestions.external): BBC Citron JSON
or Label Studio tasks with predictions. Each suggestion keeps the model's name (the origin:
--model, else the format's name), its version (Citron's model timestamp, Label Studio's
model_version) and its score as the confidence. Problems are written to standard error as they
are found, each with its file, item and field, and the bad items are skipped, the good ones
stored; the summary follows on standard error. Exits 1 when there was any problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from suggestions.external.importer import FORMATS, ImportOptions, import_suggestions
from suggestions.external.labelstudio import ROLES
from suggestions.external.records import Problem


def role_label(value: str) -> tuple[str, str]:
    """ROLE=NAME, as --label takes it."""
    role, _, name = value.partition("=")
    role = role.strip().lower()
    if role not in ROLES or not name.strip():
        raise ValueError(value)
    return role, name.strip()


class Command(BaseCommand):
    help = "Import another tool's pre-annotations (Citron, Label Studio) as suggestions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument(
            "--model",
            metavar="NAME",
            help="the origin stored with each suggestion (default: citron / labelstudio)",
        )
        parser.add_argument(
            "--keep-pending",
            action="store_true",
            help="add to the origin's unreviewed suggestions instead of replacing them",
        )
        parser.add_argument(
            "--label",
            action="append",
            default=[],
            type=role_label,
            metavar="ROLE=NAME",
            help=(
                "Label Studio: a label name for a role (source, cue, content), besides "
                "Source/Speaker, Cue, Content/Claim/Quote and our tag names; repeatable"
            ),
        )
        parser.add_argument(
            "--text-key",
            default="text",
            metavar="KEY",
            help="Label Studio: the task data key holding the text (default: text)",
        )
        parser.add_argument(
            "--annotations",
            action="store_true",
            help="Label Studio: read the tasks' annotations as well as their predictions",
        )
        parser.add_argument(
            "--default-confidence",
            type=float,
            default=0.5,
            metavar="X",
            help="confidence of a suggestion the file gives no score (default 0.5)",
        )

    def handle(self, *args: Any, files: list[Path], **options: Any) -> None:
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"no such file: {', '.join(missing)}")
        settings = ImportOptions(
            format=options["format"],
            model=options["model"],
            replace=not options["keep_pending"],
            labels=tuple(options["label"]),
            text_key=options["text_key"],
            default_confidence=options["default_confidence"],
            annotations=options["annotations"],
        )
        try:
            settings.check()
        except ValueError as error:
            raise CommandError(str(error)) from error

        def show(problem: Problem) -> None:
            self.stderr.write(str(problem))

        report = import_suggestions(
            ((path, str(path)) for path in files), settings, on_problem=show
        )
        for note in report.notes:
            self.stderr.write(f"note: {note}")
        if report.problem_count:
            raise CommandError(report.summary())
        self.stderr.write(report.summary())
