"""manage.py suggest_attributions: JSON Lines for files, offsets into the file as stored."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from annotations.models import AnnotatedSet
from articles.models import Article
from suggestions.models import Suggestion
from tests.factories import make_article

TEXT = (
    'The port authority said that the quay would reopen.\n\n"We are ready," Ana Berg said.\n'
    "Prices rose, according to the statistics office.\n"
)


def run(*args: str) -> tuple[list[dict], str]:
    """The command's JSON lines (parsed) and its standard error."""
    out, err = StringIO(), StringIO()
    call_command("suggest_attributions", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_every_key_and_doc_from_file_name(tmp_path: Path) -> None:
    """Each line has every key; doc is the file name without folder and last extension."""
    path = tmp_path / "story.v2.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    records, err = run(str(path))
    assert len(records) == 3
    for record in records:
        assert set(record) == {"doc", "source", "cue", "content", "confidence", "source_entity"}
        assert record["doc"] == "story.v2"
    assert "3 suggestion(s)" in err


def test_bom_and_crlf_copy_gets_same_suggestions_with_stored_offsets(tmp_path: Path) -> None:
    """A BOM+CRLF copy gives the same suggestions as the LF file, offsets into the stored text."""
    lf = tmp_path / "lf.txt"
    lf.write_bytes(TEXT.encode("utf-8"))
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(("\ufeff" + TEXT.replace("\n", "\r\n")).encode("utf-8"))
    lf_records, _ = run(str(lf))
    crlf_records, _ = run(str(crlf))
    stored_lf, stored_crlf = TEXT, "\ufeff" + TEXT.replace("\n", "\r\n")
    assert len(lf_records) == len(crlf_records) == 3
    for a, b in zip(lf_records, crlf_records, strict=True):
        for role in ("source", "cue", "content"):
            assert [stored_lf[s:e] for s, e in a[role]] == [stored_crlf[s:e] for s, e in b[role]]
        assert a["confidence"] == b["confidence"]
    assert crlf_records[1]["cue"] != lf_records[1]["cue"]  # shifted by the BOM and a CR


def test_output_file_and_min_confidence(tmp_path: Path) -> None:
    """-o writes the lines to a file (stdout stays empty); --min-confidence filters them."""
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    records, _ = run(str(path), "-o", str(out))
    assert records == []
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    high, _ = run(str(path), "--min-confidence", "0.86")
    assert 0 < len(high) < 3
    assert all(r["confidence"] >= 0.86 for r in high)


# --- Stored articles: --article, --set, --all ------------------------------------------------


def stored(*args: str) -> tuple[str, str]:
    """The stored forms: (stdout, stderr) as text."""
    out, err = StringIO(), StringIO()
    call_command("suggest_attributions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def articles() -> list[Article]:
    return [make_article(title=f"Story {n}", body=TEXT.replace("\n", "\n\n")) for n in range(3)]


@pytest.mark.django_db
def test_article_ids_are_suggested_for_and_stored_with_a_summary(articles):
    """--article (repeatable) stores the chosen articles' suggestions; one summary line on
    standard output says what was created, replaced and skipped."""
    out, _ = stored("--article", str(articles[0].pk), "--article", str(articles[2].pk))
    assert (
        out.strip() == "2 article(s): created 6, replaced 0, skipped 0 already decided or pending"
    )
    assert set(Suggestion.objects.values_list("article_id", flat=True)) == {
        articles[0].pk,
        articles[2].pk,
    }
    out, _ = stored("--article", str(articles[0].pk))
    assert out.strip().startswith("1 article(s): created 3, replaced 3")


@pytest.mark.django_db
def test_a_set_by_name_and_all(articles):
    """--set NAME suggests for the set's articles, --all for every article."""
    chosen = AnnotatedSet.objects.create(name="harbour")
    chosen.picked.add(articles[1])
    out, _ = stored("--set", "harbour")
    assert out.startswith("1 article(s): created 3")
    assert set(Suggestion.objects.values_list("article_id", flat=True)) == {articles[1].pk}
    out, _ = stored("--all")
    assert out.startswith("3 article(s): created 9, replaced 3")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give FILE..., or --article ID, --set NAME or --all"),
        (("--article", "999999"), "no article with id 999999"),
        (("--set", "nope"), "no annotated set named 'nope' (there are no sets)"),
        (("--all", "--set", "x"), "--set and --all cannot be combined"),
        (("some.txt", "--all"), "FILE and --all cannot be combined"),
        (("--all", "-o", "out.jsonl"), "-o is for FILE..."),
    ],
)
def test_wrong_combinations_and_unknown_names_are_clear_errors(args, message):
    """Unknown ids and sets, and forms given together, are refused before anything is written."""
    with pytest.raises(CommandError, match=re.escape(message)):
        stored(*args)
    assert not Suggestion.objects.exists()


@pytest.mark.django_db
def test_the_progress_bar_goes_to_a_terminal_only(articles, monkeypatch):
    """On a terminal the bar (tqdm) is drawn on standard error; redirected, nothing is."""
    out, err = stored("--all")
    assert err == ""

    class Terminal(StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    call_command("suggest_attributions", "--all", stdout=StringIO(), stderr=terminal)
    assert "3/3" in terminal.getvalue() and "suggestions" in terminal.getvalue()
