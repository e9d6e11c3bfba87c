"""python manage.py export_annotations [--set NAME] --format F [-o FILE] [--all-statuses]
[--no-progress]

Streams an export (interchange/exporting, docs/formats/exports.md) to standard output or to
FILE. FILE is written under a temporary name beside it and renamed when complete, so a failed
export never leaves a truncated file behind under the real name. On a terminal a progress bar
(tqdm, as import_articles draws) on stderr shows the articles written of the selection, the
annotations and the rate; then the counts line goes to stderr as before. For a format that
cannot carry every attribution link (doccano, doccano-relations, Label Studio: FORMATS' `drops`)
the counts line also says how many links the export dropped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from annotations.models import AnnotatedSet
from articles.models import Article
from interchange.exporting.formats import FORMATS, DroppedLinks
from interchange.exporting.loader import BATCH_SIZE, load_articles
from interchange.exporting.records import ArticleData
from interchange.management.terminal import TerminalBar, add_progress_argument, rate, terminal


class Command(BaseCommand):
    help = (
        "Export annotated articles (all of them, or an annotated set) in one of the export "
        "formats. Only accepted annotations unless --all-statuses."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", dest="set_name", metavar="NAME", help="An annotated set.")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument(
            "-o", "--output", type=Path, metavar="FILE", help="Write here, not to stdout."
        )
        parser.add_argument(
            "--all-statuses",
            action="store_true",
            help="Export pending and rejected annotations too (default: accepted only).",
        )
        parser.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM.")
        parser.add_argument(
            "--base-url",
            default="",
            help="W3C: the site's address, e.g. https://newsroom.example.org: targets then "
            "point at the article pages.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="Articles per batch."
        )
        add_progress_argument(parser)

    def handle(self, *args: str, format: str, output: Path | None, **options: Any) -> None:
        label = "Newsroom annotations"
        articles: QuerySet[Article] = Article.objects.order_by("pk")
        if options["set_name"]:
            try:
                annotated_set = AnnotatedSet.objects.get(name=options["set_name"])
            except AnnotatedSet.DoesNotExist:
                raise CommandError(f"no annotated set named {options['set_name']!r}") from None
            try:
                articles = annotated_set.articles()
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            label = annotated_set.name
        spec = FORMATS[format]
        out = terminal(self, options)
        counts = [0, 0]  # articles, annotations
        bar = ExportBar(out, articles.count(), counts) if out else None
        dropped = DroppedLinks(format)
        data = _counted(
            load_articles(
                articles,
                approved_only=not options["all_statuses"],
                batch_size=options["batch_size"],
            ),
            counts,
            bar,
        )
        report: list[str] = []  # spans a format cannot carry exactly (spaCy token alignment)
        pieces = spec.write(
            dropped.counted(data),
            bom=options["bom"],
            base_url=options["base_url"],
            label=label,
            report=report,
        )
        if output is None:
            self._to_stdout(pieces, binary=spec.binary)
        else:
            _to_file(pieces, output, binary=spec.binary)
        if bar:
            bar.finish()
        for line in report:
            self.stderr.write(f"warning: {line}")
        where = f" to {output}" if output else ""
        lost = f", {dropped.phrase()}" if dropped.applies else ""
        self.stderr.write(f"exported {counts[0]} articles, {counts[1]} annotations{lost}{where}")

    def _to_stdout(self, pieces: Iterator[str] | Iterator[bytes], *, binary: bool) -> None:
        if binary:
            stream = getattr(self.stdout, "buffer", None)
            if stream is None:
                raise CommandError("this format is binary: give a file with -o")
            for chunk in cast(Iterator[bytes], pieces):
                stream.write(chunk)
            stream.flush()
            return
        for piece in cast(Iterator[str], pieces):
            self.stdout.write(piece, ending="")
        self.stdout.flush()


class ExportBar(TerminalBar):
    """The export's bar on a terminal (interchange/management/terminal.py):

         52%|#####     | 520/1000 articles, 10,400 annotations  2,480/s

    The fraction is the articles written of the selection; the rate is articles a second."""

    FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt} articles{postfix}"

    def __init__(self, out: TextIO, total: int, counts: list[int], **options: Any) -> None:
        self.counts = counts  # [articles, annotations], as the command counts them
        super().__init__(out, total, **options)

    def position(self) -> int:
        return self.counts[0]

    def postfix(self, seconds: float) -> str:
        articles, annotations = self.counts
        return f"{annotations:,} annotations  {rate(articles, seconds)}"


def _counted(
    articles: Iterator[ArticleData], counts: list[int], bar: ExportBar | None = None
) -> Iterator[ArticleData]:
    """The articles flowing from the loader to the writer, counted (articles, annotations);
    the bar, when there is one, redrawn now and then."""
    for article in articles:
        counts[0] += 1
        counts[1] += len(article.annotations)
        if bar is not None and bar.clock() - bar.last_drawn >= bar.interval:
            bar.draw()
        yield article


def _to_file(pieces: Iterator[str] | Iterator[bytes], path: Path, *, binary: bool) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        if binary:
            with partial.open("wb") as binary_stream:
                for chunk in cast(Iterator[bytes], pieces):
                    binary_stream.write(chunk)
        else:
            # newline="": the writers choose their line ends (CSV's CR LF stays CR LF).
            with partial.open("w", encoding="utf-8", newline="") as stream:
                for piece in cast(Iterator[str], pieces):
                    stream.write(piece)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {path}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
