"""manage.py import_articles (interchange/management/commands/import_articles.py): the summary
line, the tqdm progress bar, errors, formats, archives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article
from interchange.importing import intake
from interchange.importing.records import (
    RecordError,
)
from interchange.management.commands.import_articles import ProgressBar
from interchange.models import Job
from tests.conftest import needs_seed
from tests.interchange.commands import run_command
from tests.interchange.importing.intake_factories import (
    JSONL,
    PAGE,
    PAGE_TITLE,
    PNG,
    make_zip,
)
from tests.interchange.importing.plaintext_factories import (
    SEED,
    TITLE_2,
    article_text,
    make_record,
    seed_text,
)

# --- import_articles ---------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_command_prints_the_summary_line():
    """import_articles ends with the one-line summary."""
    out, err = run_command("import_articles", str(SEED))
    assert out.strip().splitlines()[-1] == "created 2, updated 0, skipped 0 duplicates, failed 0"
    assert err == ""
    assert Article.objects.count() == 2


class Terminal(io.StringIO):
    """What the command writes to when stderr is a terminal."""

    def isatty(self) -> bool:
        return True


def bar_lines(err: str) -> list[str]:
    """The states the progress bar was drawn in, in order (tqdm redraws after a "\\r")."""
    return [part.rstrip("\n") for part in err.split("\r") if "%|" in part]


@pytest.mark.django_db
def test_command_draws_a_progress_bar_on_a_terminal_then_the_summary(tmp_path):
    """On a terminal, stderr shows a bar redrawn in place that ends full, with the records
    read and the errors; the summary line still goes to stdout."""
    path = tmp_path / "many.txt"
    path.write_text("".join(article_text(title=f"Headline number {n}") for n in range(40)))
    out, err = io.StringIO(), Terminal()
    call_command("import_articles", str(path), stdout=out, stderr=err)
    states = bar_lines(err.getvalue())
    assert states[-1].startswith("100%|##########| ")
    assert ", 40 records  0 errors  " in states[-1]
    assert states[-1].endswith("/s")
    assert err.getvalue().endswith("\n")  # the bar's line is ended
    assert out.getvalue().strip() == "created 40, updated 0, skipped 0 duplicates, failed 0"


def test_progress_bar_shows_bytes_read_and_counts_records_and_errors():
    """Mid-way the bar shows the share of bytes read, the records so far and the errors
    (the reader's and the saver's), redrawn no more often than its interval."""
    stream = io.BytesIO(b"x" * 1000)
    ticks = iter([0.0, 0.05, 0.2, 0.25, 0.5, 0.5, 0.5])
    err = Terminal()
    bar = ProgressBar(err, [stream], 1000, clock=lambda: next(ticks))
    items = [make_record(), RecordError("f.txt", 3, "bad"), make_record()]
    passed = []
    for item in bar.count(items):
        stream.seek(stream.tell() + 250)
        passed.append(item)
    assert passed == items
    assert bar_lines(err.getvalue()) == [  # not at 0.05 s: within the interval
        "  0%|          | 0.00B/0.98kB",
        " 25%|##5       | 250B/0.98kB, 2 records  1 error  8/s",
        " 50%|#####     | 500B/0.98kB, 3 records  1 error  6/s",
    ]
    bar.saved(3, 4)
    bar.finish()
    assert (
        bar_lines(err.getvalue())[-1] == "100%|##########| 0.98kB/0.98kB, 3 records  4 errors  6/s"
    )
    assert err.getvalue().endswith("\n")


@needs_seed
@pytest.mark.django_db
def test_command_draws_no_bar_when_stderr_is_not_a_terminal_or_asked_not_to():
    """Redirected output (a log, CI) gets no control characters; --no-progress turns the bar
    off on a terminal too."""
    _, err = run_command("import_articles", str(SEED))
    assert "\r" not in err
    err = Terminal()
    call_command("import_articles", str(SEED), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""


@needs_seed
@pytest.mark.django_db
def test_command_reports_an_unreadable_file(tmp_path, monkeypatch):
    """A file that exists but cannot be opened is a clear error naming it, not a traceback,
    and nothing is imported."""
    locked = tmp_path / "locked.txt"
    locked.write_text(seed_text())
    real_open = Path.open

    def open_unless_locked(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_unless_locked)
    with pytest.raises(CommandError, match="locked.txt: cannot be read: Permission denied"):
        run_command("import_articles", str(SEED), str(locked))
    assert Article.objects.count() == 0


@needs_seed
@pytest.mark.django_db
def test_command_second_run_skips_duplicates():
    """Running the command twice leaves one copy and says so."""
    run_command("import_articles", str(SEED))
    out, _ = run_command("import_articles", str(SEED))
    assert out.strip().splitlines()[-1] == "created 0, updated 0, skipped 2 duplicates, failed 0"


@pytest.mark.django_db
def test_command_reports_errors_and_fails(tmp_path):
    """Errors are printed as file:line: reason and the command exits non-zero, writing
    nothing."""
    bad = tmp_path / "bad.txt"
    bad.write_text(article_text(title="No Body", paragraphs=()) + article_text(title="Fine"))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_articles", str(bad), stdout=out, stderr=err)
    assert f"{bad}:1: article 'No Body' has a headline but no body" in err.getvalue()
    assert "created 0, updated 0, skipped 0 duplicates, failed 1" in out.getvalue()
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_command_keep_good(tmp_path):
    """--keep-good saves the valid articles and still exits non-zero."""
    bad = tmp_path / "bad.txt"
    bad.write_text(article_text(title="No Body", paragraphs=()) + article_text(title="Fine"))
    with pytest.raises(CommandError):
        run_command("import_articles", str(bad), "--keep-good")
    assert list(Article.objects.values_list("title", flat=True)) == ["Fine"]


@needs_seed
@pytest.mark.django_db
def test_command_dry_run_writes_nothing():
    """--dry-run prints the counts and writes no article."""
    out, _ = run_command("import_articles", str(SEED), "--dry-run")
    assert "dry run: nothing was written" in out
    assert out.strip().splitlines()[-1] == "created 2, updated 0, skipped 0 duplicates, failed 0"
    assert Article.objects.count() == 0


@needs_seed
@pytest.mark.django_db
def test_command_notes_encoding_fallback(tmp_path):
    """A Windows-1252 file is imported and the fallback is mentioned."""
    path = tmp_path / "cp.txt"
    path.write_bytes(seed_text().encode("cp1252"))
    _, err = run_command("import_articles", str(path))
    assert "decoded as Windows-1252" in err
    assert Article.objects.filter(title=TITLE_2).exists()


@pytest.mark.django_db
def test_command_detects_format_from_content(tmp_path):
    """A file without a known extension is sniffed: scraped text imports as plain text, and a
    JSON array is read as JSON, whose record without a body is reported."""
    text = tmp_path / "scrape.dat"
    text.write_text(article_text())
    out, _ = run_command("import_articles", str(text))
    assert out.strip().endswith("failed 0")
    data = tmp_path / "feed.dat"
    data.write_text('[{"title": "x"}]')
    with pytest.raises(CommandError, match="1 error"):
        run_command("import_articles", str(data))


@pytest.mark.django_db
def test_command_refuses_missing_file(tmp_path):
    """A path that does not exist is an error before anything is read."""
    with pytest.raises(CommandError, match="no such file"):
        run_command("import_articles", str(tmp_path / "nope.txt"))
    assert Job.objects.count() == 0


# --- the command -------------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_command_format_override(tmp_path):
    """--format reads a file its extension would misname; without it the file fails."""
    copy = tmp_path / "seed.json"
    copy.write_bytes(SEED.read_bytes())
    with pytest.raises(CommandError):
        run_command("import_articles", str(copy))
    assert Article.objects.count() == 0
    out, _ = run_command("import_articles", str(copy), "--format", "plaintext")
    assert out.strip().splitlines()[-1] == "created 2, updated 0, skipped 0 duplicates, failed 0"
    assert Job.objects.latest("pk").format == "plaintext"


@pytest.mark.django_db
def test_command_format_choices_are_the_parsers():
    """--format offers exactly the importers."""
    with pytest.raises(CommandError, match="invalid choice"):
        run_command("import_articles", str(SEED), "--format", "docx")
    assert set(intake.PARSERS) == {"plaintext", "jsonl", "json", "csv", "html"}


@pytest.mark.django_db
def test_command_detects_json_lines_by_content(tmp_path):
    """A file with an unknown extension holding JSON Lines is read as such."""
    feed = tmp_path / "feed.dat"
    feed.write_text(JSONL)
    out, _ = run_command("import_articles", str(feed))
    assert out.strip().endswith("created 2, updated 0, skipped 0 duplicates, failed 0")
    assert Job.objects.get().format == "jsonl"


@needs_seed
@pytest.mark.django_db
def test_command_imports_an_archive(tmp_path):
    """A ZIP of a seed copy, a JSON Lines file and a saved page imports all five articles."""
    archive = make_zip(
        tmp_path / "batch.zip",
        {
            "seed.txt": SEED.read_bytes(),
            "feed.jsonl": JSONL.encode(),
            "page.html": PAGE.read_bytes(),
        },
    )
    out, _ = run_command("import_articles", str(archive))
    assert out.strip().splitlines()[-1] == "created 5, updated 0, skipped 0 duplicates, failed 0"
    assert Article.objects.filter(title=PAGE_TITLE, byline="Mara Lindqvist").exists()
    assert Job.objects.get().format == "zip"


@needs_seed
@pytest.mark.django_db
def test_command_reports_a_binary_file_and_writes_nothing(tmp_path):
    """A PNG among the inputs is reported as file:0 and, by default, nothing is written."""
    photo = tmp_path / "photo.txt"
    photo.write_bytes(PNG)
    out = io.StringIO()
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_articles", str(SEED), str(photo), stdout=out, stderr=err)
    assert f"{photo}:0: binary file (looks like PNG), not an article export" in err.getvalue()
    assert Article.objects.count() == 0
    # The import's format is that of the files that have one.
    assert Job.objects.get().format == "plaintext"


@needs_seed
@pytest.mark.django_db
def test_command_notes_windows_1252(tmp_path):
    """The encoding fallback of a file is printed as a note naming it."""
    path = tmp_path / "cp.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252"))
    _, err = run_command("import_articles", str(path))
    assert f"note: {path}: not valid UTF-8" in err
    assert Article.objects.filter(title=TITLE_2).exists()
