"""`manage.py export_annotations` (interchange/management/commands/export_annotations.py):
files, stdout, sets, binary formats, the tqdm progress bar."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from annotations.models import AnnotatedSet
from articles.models import Article
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
from interchange.management.commands import export_annotations
from interchange.management.commands.export_annotations import ExportBar
from tests.factories import make_article
from tests.interchange.exporting.sample_db import annotated_article, rows

pytestmark = pytest.mark.django_db


def test_command_writes_a_file_of_accepted_annotations_by_default(tmp_path):
    """Only accepted annotations unless --all-statuses; the file is complete (no .part left) and
    the counts are reported on stderr."""
    annotated_article()
    target = tmp_path / "export.jsonl"
    err = io.StringIO()
    call_command("export_annotations", "--format", "native", "-o", str(target), stderr=err)
    (line,) = target.read_text(encoding="utf-8").splitlines()
    assert {a["status"] for a in json.loads(line)["annotations"]} == {"accepted"}
    assert "exported 1 articles, 7 annotations" in err.getvalue()
    assert not list(tmp_path.glob("*.part"))
    call_command(
        "export_annotations", "--format", "native", "-o", str(target), "--all-statuses",
        stderr=err,
    )  # fmt: skip
    assert len(json.loads(target.read_text())["annotations"]) == 9


def test_command_streams_a_set_to_stdout():
    """--set exports only the set's articles; without -o the export goes to stdout."""
    article, _ = annotated_article()
    make_article(title="Not in the set")
    picked = AnnotatedSet.objects.create(name="Bridge")
    picked.picked.add(article)
    out = io.StringIO()
    call_command(
        "export_annotations", "--set", "Bridge", "--format", "csv", "--bom",
        stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    table = rows(out.getvalue())
    assert out.getvalue().startswith("\ufeff")
    assert {r["article_id"] for r in table} == {str(article.pk)}
    assert len(table) == 7


def test_command_says_how_many_links_a_format_drops(tmp_path):
    """doccano's default layout has no relations: its counts line says how many attribution
    links the export dropped; a format that keeps every link says nothing of the kind."""
    annotated_article()  # two attributions
    err = io.StringIO()
    target = tmp_path / "set.jsonl"
    call_command("export_annotations", "--format", "doccano", "-o", str(target), stderr=err)
    assert (
        "exported 1 articles, 7 annotations, 2 attribution links dropped "
        "(doccano cannot carry them) to"
    ) in err.getvalue()
    err = io.StringIO()
    call_command("export_annotations", "--format", "w3c", "-o", str(target), stderr=err)
    assert "dropped" not in err.getvalue()


def test_command_refuses_an_unknown_set():
    """A set name that does not exist is a CommandError."""
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no annotated set"):
        call_command("export_annotations", "--set", "Nope", "--format", "csv")


@pytest.mark.parametrize("name", sorted(n for n, f in FORMATS.items() if f.binary))
def test_command_writes_binary_formats_as_bytes(tmp_path, name):
    """A binary format goes to the file byte for byte; to a text stdout it is refused."""
    from django.core.management.base import CommandError

    annotated_article()
    target = tmp_path / f"export.{FORMATS[name].extension}"
    call_command("export_annotations", "--format", name, "-o", str(target), stderr=io.StringIO())
    pieces = b"".join(FORMATS[name].write(load_articles(Article.objects.all())))
    assert target.read_bytes()[:2] == pieces[:2] and len(target.read_bytes()) > 0
    with pytest.raises(CommandError, match="binary"):
        call_command("export_annotations", "--format", name, stdout=io.StringIO())


class Terminal(io.StringIO):
    """What the command writes to when stderr is a terminal."""

    def isatty(self) -> bool:
        return True


def test_command_draws_a_progress_bar_on_a_terminal_then_the_counts(tmp_path):
    """On a terminal, stderr shows a bar of the articles written of the selection, with the
    annotations, that ends full on a line of its own; the counts line follows as without it."""
    annotated_article()
    make_article(title="Not annotated")
    err = Terminal()
    target = tmp_path / "export.jsonl"
    call_command("export_annotations", "--format", "native", "-o", str(target), stderr=err)
    states = [part.split("\n")[0] for part in err.getvalue().split("\r") if "%|" in part]
    assert states[0].startswith("  0%|          | 0/2 articles")
    assert states[-1].startswith("100%|##########| 2/2 articles, 7 annotations  ")
    assert states[-1].endswith("/s")
    assert err.getvalue().endswith("\nexported 2 articles, 7 annotations to " + str(target) + "\n")


def test_command_draws_no_bar_when_stderr_is_not_a_terminal_or_asked_not_to(tmp_path):
    """Redirected output (a log, CI) gets the counts line alone, as before; --no-progress turns
    the bar off on a terminal too."""
    annotated_article()
    target = tmp_path / "export.jsonl"
    for err, flags in ((io.StringIO(), []), (Terminal(), ["--no-progress"])):
        call_command(
            "export_annotations", "--format", "native", "-o", str(target), *flags, stderr=err
        )
        assert err.getvalue() == f"exported 1 articles, 7 annotations to {target}\n"


def test_export_bar_redraws_no_more_often_than_its_interval():
    """Mid-way the bar shows the articles written and the annotations so far, redrawn only
    when its interval has passed."""
    ticks = iter([0.0, 0.05, 0.2, 0.25, 0.5, 0.5, 0.5])
    err = Terminal()
    counts = [0, 0]
    bar = ExportBar(err, 4, counts, clock=lambda: next(ticks))
    articles = [SimpleNamespace(annotations=[1] * n) for n in (2, 3, 4)]
    assert list(export_annotations._counted(iter(articles), counts, bar)) == articles
    states = [part.rstrip("\n") for part in err.getvalue().split("\r") if "%|" in part]
    assert states == [  # not at 0.05 s: within the interval
        "  0%|          | 0/4 articles",
        " 50%|#####     | 2/4 articles, 5 annotations  8/s",
        " 75%|#######5  | 3/4 articles, 9 annotations  6/s",
    ]
    bar.finish()
    assert err.getvalue().endswith("100%|##########| 4/4 articles, 9 annotations  6/s\n")
