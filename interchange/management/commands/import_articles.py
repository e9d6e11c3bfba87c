"""python manage.py import_articles PATH... [--format F] [--dry-run] [--keep-good] [--no-progress]

PATH is a file in any importer format or a ZIP archive of them (interchange/importing/intake.py).
On a terminal a progress bar (tqdm) on stderr shows the bytes read of the files' total, the
records read, the errors so far and the rate; then one summary line goes to stdout.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from interchange.importing.intake import PARSERS, format_label, read_inputs
from interchange.importing.records import ArticleRecord, RecordError
from interchange.importing.saver.run import save_records
from interchange.management.terminal import TerminalBar, add_progress_argument, rate, terminal


class Command(BaseCommand):
    help = (
        "Import articles from files. All or nothing: any error rolls the whole import back "
        "unless --keep-good. Duplicates (same external id, URL or text) are skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
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
        add_progress_argument(parser)

    def handle(self, *args: str, paths: list[Path], **options: Any) -> None:
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"no such file: {', '.join(missing)}")
        notes: list[str] = []
        with ExitStack() as stack:
            streams = [stack.enter_context(_open(path)) for path in paths]
            sources = [(str(path), stream) for path, stream in zip(paths, streams, strict=True)]
            out = terminal(self, options)
            bar = ProgressBar(out, streams, sum(p.stat().st_size for p in paths)) if out else None
            items = read_inputs(sources, format=options["format"], notes=notes)
            result = save_records(
                bar.count(items) if bar else items,
                files=[str(p) for p in paths],
                format=format_label(sources, options["format"]),
                dry_run=options["dry_run"],
                keep_good=options["keep_good"],
                notes=notes,
                progress=bar.saved if bar else None,
            )
            if bar:
                bar.finish()
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


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


class ProgressBar(TerminalBar):
    """The import's bar on a terminal (interchange/management/terminal.py):

         52%|#####     | 20.0MB/38.5MB, 5,210 records  0 errors  7,480/s

    The fraction is the bytes read of the files' total (the readers' stream positions), so it
    moves evenly whatever the format; records are counted as the readers yield them; errors
    are the saver's count after each batch (parser errors and records it refused); the rate
    is records a second."""

    FORMAT = "{l_bar}{bar}| {n_fmt}B/{total_fmt}B{postfix}"

    def __init__(
        self,
        out: TextIO,
        streams: list[IO[bytes]],
        total_bytes: int,
        *,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.streams = streams
        self.records = 0
        self.errors = 0
        super().__init__(
            out,
            total_bytes,
            interval=interval,
            clock=clock,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
        )

    def count(
        self, items: Iterable[ArticleRecord | RecordError]
    ) -> Iterator[ArticleRecord | RecordError]:
        """Pass the items through, counting them and redrawing now and then."""
        for item in items:
            self.records += 1
            if isinstance(item, RecordError):
                self.errors += 1
            if self.clock() - self.last_drawn >= self.interval:
                self.draw()
            yield item

    def saved(self, done: int, failed: int) -> None:
        """The saver's progress callback: its error count includes the records it refused."""
        self.errors = max(self.errors, failed)

    def position(self) -> int:
        """The bytes read so far."""
        return min(sum(stream.tell() for stream in self.streams), self.total)

    def postfix(self, seconds: float) -> str:
        errors = f"{self.errors:,} error{'s' if self.errors != 1 else ''}"
        return f"{self.records:,} records  {errors}  {rate(self.records, seconds)}"
