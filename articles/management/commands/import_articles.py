"""python manage.py import_articles PATH... [--format F] [--dry-run] [--keep-good]

PATH is a file in any importer format or a ZIP archive of them (articles/importers/inputs.py).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.importers.inputs import PARSERS, format_label, read_inputs
from articles.importers.saver import save_records


class Command(BaseCommand):
    help = (
        "Import articles from files. All or nothing: any error rolls the whole import back "
        "unless --keep-good. Duplicates (same external id, URL or text) are skipped."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--format",
            choices=sorted(PARSERS),
            help=(
                "Importer format for every file, ZIP members included (default: from each "
                "file's extension, else its content)."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Parse and count, then write nothing."
        )
        parser.add_argument(
            "--keep-good",
            action="store_true",
            help="Save the valid articles even when others fail.",
        )

    def handle(self, *args, paths: list[Path], **options) -> None:
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"no such file: {', '.join(missing)}")
        notes: list[str] = []
        result = save_records(
            read_inputs(paths, format=options["format"], notes=notes),
            files=[str(p) for p in paths],
            format=format_label(paths, options["format"]),
            dry_run=options["dry_run"],
            keep_good=options["keep_good"],
            notes=notes,
        )
        for note in notes:
            self.stderr.write(f"note: {note}")
        for error in result.errors:
            self.stderr.write(str(error))
        if result.dry_run:
            self.stdout.write("dry run: nothing was written")
        elif result.rolled_back:
            self.stdout.write(
                f"nothing was written: {result.would_create} valid article(s) held back "
                "(fix the errors, or use --keep-good to save them)"
            )
        self.stdout.write(result.summary())
        if result.failed:
            outcome = "nothing was written" if result.rolled_back else "the rest was kept"
            if result.dry_run:
                outcome = "dry run"
            raise CommandError(f"{result.failed} error(s); {outcome}")
