"""python manage.py suggest_attributions FILE... [-o OUT.jsonl] [--min-confidence X]
   python manage.py suggest_attributions (--article ID [--article ID ...] | --set NAME | --all)

The FILE form (issue 9; tools outside the project rely on it exactly): each FILE is read as bytes
and decoded as UTF-8 exactly as stored (a BOM is character 0, each CR a character); the engine
reads its working text (suggestions.textmap) and every span is mapped back, so the offsets are
code points into the file as stored and a CRLF or BOM copy gets the same suggestions as its LF
original. Output: JSON Lines, one suggestion a line with every key, to OUT or standard output;
counts and problems go to standard error only, so standard output holds nothing but JSON. Needs
no database rows and no network.

The stored forms suggest for articles in the database (one or more ids, an annotated set by
name, or every article) and store the results as unreviewed suggestions (suggestions.runs: the
same run the background task makes after an import), with a progress bar on standard error when
it is a terminal, then one summary line on standard output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from annotations.models import AnnotatedSet
from articles.models import Article
from interchange.management.terminal import TerminalBar, add_progress_argument, rate, terminal
from suggestions.runs import MIN_CONFIDENCE, RunResult, suggest_articles
from suggestions.textmap import suggest_stored

DEFAULT_MIN_CONFIDENCE = MIN_CONFIDENCE


def suggestion_lines(doc: str, stored: str, min_confidence: float) -> list[str]:
    """The JSON lines for one stored text: offsets into ``stored``, every key present."""
    lines = []
    for found in suggest_stored(stored, min_confidence):
        record = {
            "doc": doc,
            "source": [list(span) for span in found.source],
            "cue": [list(found.cue)],
            "content": [list(span) for span in found.content],
            "confidence": found.confidence,
            "source_entity": found.source_entity,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


class Command(BaseCommand):
    help = (
        "Suggest source–cue–content attributions: for text files, as JSON Lines; or for stored "
        "articles (--article, --set, --all), stored as unreviewed suggestions."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files")
        parser.add_argument("-o", dest="out", metavar="OUT.jsonl", help="default: stdout")
        parser.add_argument(
            "--min-confidence",
            type=float,
            default=DEFAULT_MIN_CONFIDENCE,
            help=f"leave out suggestions below this confidence (default {DEFAULT_MIN_CONFIDENCE})",
        )
        parser.add_argument(
            "--article",
            dest="articles",
            type=int,
            action="append",
            metavar="ID",
            help="suggest for this stored article and store the results (repeatable)",
        )
        parser.add_argument(
            "--set", dest="set_name", metavar="NAME", help="suggest for an annotated set's articles"
        )
        parser.add_argument("--all", action="store_true", help="suggest for every article")
        add_progress_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        forms = [
            name
            for name, given in (
                ("FILE", options["files"]),
                ("--article", options["articles"]),
                ("--set", options["set_name"] is not None),
                ("--all", options["all"]),
            )
            if given
        ]
        if not forms:
            raise CommandError("give FILE..., or --article ID, --set NAME or --all")
        if len(forms) > 1:
            raise CommandError(f"{' and '.join(forms)} cannot be combined: give one of them")
        if forms[0] == "FILE":
            self.suggest_files(options)
            return
        if options["out"]:
            raise CommandError("-o is for FILE...: suggestions for stored articles are stored")
        articles = self.chosen_articles(options)
        self.suggest_stored_articles(articles, options)

    # --- Files -------------------------------------------------------------------------------

    def suggest_files(self, options: dict[str, Any]) -> None:
        out: IO[str] | None = None
        if options["out"]:
            out = open(options["out"], "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        failed: list[str] = []
        total = 0
        try:
            for name in options["files"]:
                path = Path(name)
                try:
                    stored = path.read_bytes().decode("utf-8")
                except (OSError, UnicodeDecodeError) as error:
                    self.stderr.write(f"{name}: skipped ({error})")
                    failed.append(name)
                    continue
                for line in suggestion_lines(path.stem, stored, options["min_confidence"]):
                    if out is not None:
                        out.write(line + "\n")
                    else:
                        self.stdout.write(line)
                    total += 1
        finally:
            if out is not None:
                out.close()
        self.stderr.write(f"{total} suggestion(s) for {len(options['files'])} file(s)")
        if failed:
            raise CommandError(f"{len(failed)} file(s) could not be read as UTF-8")

    # --- Stored articles ---------------------------------------------------------------------

    def chosen_articles(self, options: dict[str, Any]) -> QuerySet[Article]:
        """The articles the options name; an unknown id or set is an error before any write."""
        if options["articles"]:
            ids = sorted(set(options["articles"]))
            found = set(Article.objects.filter(pk__in=ids).values_list("pk", flat=True))
            unknown = [str(pk) for pk in ids if pk not in found]
            if unknown:
                raise CommandError(f"no article with id {', '.join(unknown)}")
            return Article.objects.filter(pk__in=ids)
        if options["all"]:
            return Article.objects.all()
        name = options["set_name"]
        chosen = AnnotatedSet.objects.filter(name=name).first()
        if chosen is None:
            names = list(AnnotatedSet.objects.values_list("name", flat=True)[:10])
            known = f" (sets: {', '.join(names)})" if names else " (there are no sets)"
            raise CommandError(f"no annotated set named {name!r}{known}")
        try:
            return chosen.articles()
        except ValueError as error:  # filters edited by hand into something malformed
            raise CommandError(str(error)) from error

    def suggest_stored_articles(self, articles: QuerySet[Article], options: dict[str, Any]) -> None:
        out = terminal(self, options)
        bar = SuggestBar(out, articles.count()) if out else None
        result = suggest_articles(
            articles,
            min_confidence=options["min_confidence"],
            progress=bar.update if bar else None,
        )
        if bar:
            bar.finish()
        self.stdout.write(result.summary())


class SuggestBar(TerminalBar):
    """The stored forms' bar on a terminal (interchange/management/terminal.py):

         40%|####      | 4000/10000, 31,208 suggestions  2,480/s

    The fraction is articles done of those chosen; beside it, suggestions created so far and
    articles a second."""

    def __init__(
        self,
        out: TextIO,
        total: int,
        *,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.result = RunResult()
        super().__init__(out, total, interval=interval, clock=clock)

    def update(self, result: RunResult) -> None:
        """suggest_articles' progress callback, after each article: redraw now and then."""
        self.result = result
        if self.clock() - self.last_drawn >= self.interval:
            self.draw()

    def position(self) -> int:
        return self.result.articles + len(self.result.missing)

    def postfix(self, seconds: float) -> str:
        return f", {self.result.created:,} suggestions  {rate(self.position(), seconds)}"
