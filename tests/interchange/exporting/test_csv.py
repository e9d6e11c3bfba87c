"""CSV: a row per annotation with its links, the BOM option, formula injection."""

from __future__ import annotations

import pytest

from interchange.exporting import csv as csv_export
from tests.factories import make_annotation, make_article
from tests.interchange.exporting.sample_db import (
    annotated_article,
    export,
    quoted_article,
    rows,
    user,
)

pytestmark = pytest.mark.django_db


def test_csv_has_one_row_per_annotation_with_its_links():
    """One row per exported annotation, CR LF line ends, no BOM by default; each row carries its
    note as plain text, its linked sources, cues and claims, with their ids."""
    article, spans = annotated_article()
    text = export("csv")
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0] == ",".join(csv_export.COLUMNS)
    assert "\r\n" in text
    table = rows(text)
    assert len(table) == 7
    by_tag_quote = {(r["tag"], r["quote"]): r for r in table}
    claim = by_tag_quote["Claim", "the bridge would open in spring"]
    assert claim["article_id"] == str(article.pk) and claim["article_title"] == article.title
    assert claim["note"] == "Check the date & the minutes. Then call."
    assert claim["source"] == "The minister (Minister of Transport)"
    assert claim["cue"] == "said"
    assert claim["source_ids"] == str(spans["source"].client_id)
    start = article.body.index("the bridge would")
    assert (claim["start"], claim["end"]) == (str(start), str(start + 31))
    assert claim["status"] == "accepted" and claim["author"] == "ana"
    source = by_tag_quote["Source", "The minister"]
    assert source["registry_entry"] == "Minister of Transport"
    assert source["linked_claim"] == "the bridge would open in spring"
    assert by_tag_quote["Cue", "said"]["linked_claim"] == "the bridge would open in spring"
    assert by_tag_quote["Claim", "Engineers were less sure"]["source"] == "Engineering Council"
    caption = by_tag_quote["Quote", "old bridge"]
    # Numbered as the article page numbers captions ("Caption 1"), not from 0.
    assert (caption["target"], caption["caption"]) == ("caption", "1")


def test_csv_carries_content_fragments_and_implicit_sources():
    """A claim heading an attribution lists the ids of the whole content (claim first, then its
    further fragments) in content_ids; a further fragment names its claim in fragment_of; an
    implicit source is said in the source column."""
    _, spans = quoted_article()
    table = {r["quote"]: r for r in rows(export("csv"))}
    first, second = str(spans["first"].client_id), str(spans["second"].client_id)
    head = table["“The bridge opens in spring,”"]
    assert head["content_ids"] == f"{first} {second}"
    assert head["source"] == "the harbour master" and head["fragment_of"] == ""
    assert table["“and the ferry stops.”"]["fragment_of"] == first
    assert table["“and the ferry stops.”"]["content_ids"] == ""
    tolls = table["that tolls would rise"]
    assert (tolls["source"], tolls["source_ids"], tolls["cue"]) == (
        "(implicit source)",
        "",
        "It was reported",
    )
    assert tolls["content_ids"] == str(spans["tolls"].client_id)


def test_the_exports_word_an_implicit_source_as_the_panel_does():
    """records.IMPLICIT_SOURCE (pure, for the writers) is the models' label."""
    from annotations.models import IMPLICIT_SOURCE_LABEL
    from interchange.exporting.records import IMPLICIT_SOURCE

    assert IMPLICIT_SOURCE == IMPLICIT_SOURCE_LABEL


def test_csv_bom_option():
    """bom=True starts the file with U+FEFF, written as EF BB BF in UTF-8."""
    annotated_article()
    text = export("csv", bom=True)
    assert text.startswith("\ufeffarticle_id,")
    assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"


def test_csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised():
    """= + - @ tab and CR at the start of a text cell get an apostrophe; numbers stay."""
    attacker = user("@evil")
    article = make_article(
        title='=HYPERLINK("https://evil.example","x")',
        body="@SUM(1+1) is not a formula\n\n+danger and -minus\tand more",
        external_id="-1",
    )
    for quote in ("@SUM(1+1)", "+danger", "-minus", "\tand"):
        make_annotation(article, "Quote", quote=quote, author=attacker, status="accepted")
    make_annotation(
        article, "Claim", quote="is not", author=attacker, status="accepted", note="=1+1"
    )
    table = rows(export("csv"))
    cells = {r["quote"] for r in table}
    assert cells == {"'@SUM(1+1)", "'+danger", "'-minus", "'\tand", "is not"}
    assert {r["article_title"] for r in table} == {'\'=HYPERLINK("https://evil.example","x")'}
    assert {r["external_id"] for r in table} == {"'-1"}
    assert {r["author"] for r in table} == {"'@evil"}
    assert [r["note"] for r in table if r["tag"] == "Claim"] == ["'=1+1"]
    for row in table:
        for column, value in row.items():
            assert not value.startswith(csv_export._FORMULA_START), (column, value)
    assert {r["start"] for r in table} <= {str(n) for n in range(100)}
