"""python manage.py suggest_attributions FILE... [-o OUT.jsonl] [--min-confidence X] (issue 9).

Each FILE is read as bytes and decoded as UTF-8 exactly as stored (a BOM is character 0, each CR
a character); the engine reads its working text (suggestions.textmap) and every span is mapped
back, so the offsets are code points into the file as stored and a CRLF or BOM copy gets the same
suggestions as its LF original. Output: JSON Lines, one suggestion a line with every key, to OUT
or standard output; counts and problems go to standard error only, so standard output holds
nothing but JSON. Needs no database rows and no network.

Not here yet: --article, --set and --all (suggesting for stored articles) need the suggestion
storage of issue 9's third deliverable, which does not exist yet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from suggestions.engine import suggest
from suggestions.textmap import WorkingText

# Every rule's confidence is at least this; the default output is the engine's precision-tuned
# set, and --min-confidence raises (or lowers) the bar.
DEFAULT_MIN_CONFIDENCE = 0.6


def suggestion_lines(doc: str, stored: str, min_confidence: float) -> list[str]:
    """The JSON lines for one stored text: offsets into ``stored``, every key present."""
    working = WorkingText.from_stored(stored)
    lines = []
    for found in suggest(working.text):
        if found.confidence < min_confidence:
            continue
        record = {
            "doc": doc,
            "source": [list(working.span_to_stored(span)) for span in found.source],
            "cue": [list(working.span_to_stored(found.cue))],
            "content": [list(working.span_to_stored(span)) for span in found.content],
            "confidence": found.confidence,
            "source_entity": found.source_entity,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


class Command(BaseCommand):
    help = "Suggest source–cue–content attributions for text files, as JSON Lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
        parser.add_argument("-o", dest="out", metavar="OUT.jsonl", help="default: stdout")
        parser.add_argument(
            "--min-confidence",
            type=float,
            default=DEFAULT_MIN_CONFIDENCE,
            help=f"leave out suggestions below this confidence (default {DEFAULT_MIN_CONFIDENCE})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
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
