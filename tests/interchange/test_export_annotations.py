"""`manage.py export_annotations`: files, stdout, sets, binary formats."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from annotations.models import AnnotatedSet
from articles.models import Article
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
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
