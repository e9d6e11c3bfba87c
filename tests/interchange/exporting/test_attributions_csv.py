"""The attributions table: one row per attribution with its source, registry entry, cue, claim,
offsets and status; fragments, implicit sources, captions, formula injection, streaming, and no
query of its own."""

from __future__ import annotations

import itertools

import pytest

from annotations.models import Annotation, Attribution
from articles.models import Article
from interchange.exporting import attributions_csv
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
from tests.factories import make_annotation, make_article
from tests.interchange.exporting.sample_db import (
    annotated_article,
    export,
    one,
    quoted_article,
    rows,
    user,
)

pytestmark = pytest.mark.django_db


def test_one_row_per_attribution_with_source_entry_cue_claim_and_offsets():
    """The sample article's two attributions are two rows, after the header: a source span
    resolved to the registry with its cue, and a registry entry alone (no source text, no
    source offsets); each with the claim's status, the link's author and the ids that join it
    to the annotations CSV."""
    article, spans = annotated_article()
    text = export("attributions-csv")
    assert text.splitlines()[0] == ",".join(attributions_csv.COLUMNS)
    assert not text.startswith("\ufeff") and "\r\n" in text
    table = rows(text)
    assert len(table) == 2
    first, second = table
    body = article.body
    claim_start = body.index("the bridge would open in spring")
    source_start = body.index("The minister")
    cue_start = body.index("said")
    assert first == {
        "article_id": str(article.pk),
        "external_id": "wire-1",
        "article_title": article.title,
        "source": "The minister",
        "registry_entry": "Minister of Transport",
        "cue": "said",
        "claim": "the bridge would open in spring",
        "status": "accepted",
        "author": "ana",
        "claim_target": "body",
        "claim_caption": "",
        "claim_start": str(claim_start),
        "claim_end": str(claim_start + 31),
        "content_offsets": f"{claim_start}-{claim_start + 31}",
        "source_target": "body",
        "source_caption": "",
        "source_start": str(source_start),
        "source_end": str(source_start + 12),
        "cue_target": "body",
        "cue_caption": "",
        "cue_start": str(cue_start),
        "cue_end": str(cue_start + 4),
        "claim_id": str(spans["claim"].client_id),
        "source_id": str(spans["source"].client_id),
        "cue_id": str(spans["cue"].client_id),
    }
    assert (second["source"], second["registry_entry"], second["cue"]) == (
        "",
        "Engineering Council",
        "",
    )
    assert second["claim"] == "Engineers were less sure" and second["author"] == "ben"
    assert second["source_start"] == second["cue_start"] == second["source_id"] == ""


def test_a_content_in_fragments_is_one_row_and_an_implicit_source_is_said():
    """A quotation interrupted by its cue is one row: its fragments' texts joined by " … " and
    each fragment's offsets; an implicit source reads "(implicit source)"."""
    article, spans = quoted_article()
    table = rows(export("attributions-csv"))
    assert [r["claim"] for r in table] == [
        "“The bridge opens in spring,” … “and the ferry stops.”",
        "that tolls would rise",
    ]
    quote, tolls = table
    first, second = spans["first"], spans["second"]
    assert quote["content_offsets"] == f"{first.start}-{first.end}; {second.start}-{second.end}"
    assert (quote["claim_start"], quote["claim_end"]) == (str(first.start), str(first.end))
    assert (quote["source"], quote["cue"]) == ("the harbour master", "said")
    assert (tolls["source"], tolls["registry_entry"], tolls["source_id"]) == (
        "(implicit source)",
        "",
        "",
    )
    assert tolls["cue"] == "It was reported"


def test_captions_are_numbered_as_the_article_page_numbers_them():
    """A span in the second caption (position order) is in caption 2, the page's "Caption 2";
    a fragment in another text than its claim's says where it is."""
    ana = user("ana")
    article = make_article(
        captions=[("A ferry at the pier.", ""), ("The minister on the deck.", "")]
    )
    second = article.captions.order_by("position")[1]
    ok = Annotation.Status.ACCEPTED
    source = make_annotation(
        article,
        "Source",
        quote="The minister",
        target="caption",
        caption=second,
        author=ana,
        status=ok,
    )
    claim = make_annotation(
        article,
        "Claim",
        quote="on the deck",
        target="caption",
        caption=second,
        author=ana,
        status=ok,
    )
    more = make_annotation(
        article,
        "Claim",
        quote="ferry",
        target="caption",
        caption=article.captions.order_by("position")[0],
        author=ana,
        status=ok,
    )
    link = Attribution.objects.create(claim=claim, source_span=source, author=ana)
    link.fragments.add(more)
    (row,) = rows(export("attributions-csv"))
    assert (row["claim_target"], row["claim_caption"]) == ("caption", "2")
    assert (row["source_target"], row["source_caption"]) == ("caption", "2")
    assert row["content_offsets"].split("; ")[1] == f"caption 1:{more.start}-{more.end}"


def test_pending_claims_are_left_out_unless_every_status_is_exported():
    """Only accepted spans by default, so an attribution whose claim is pending has no row;
    with every status it has one, and its status cell says pending."""
    article, spans = annotated_article()
    ana = user("cleo")
    pending = make_annotation(article, "Claim", quote="open in spring", author=ana)
    Attribution.objects.create(claim=pending, source_span=spans["source"], author=ana)
    assert len(rows(export("attributions-csv"))) == 2
    table = rows(export("attributions-csv", approved_only=False))
    assert [r["status"] for r in table if r["claim"] == "open in spring"] == ["pending"]


def test_cells_a_spreadsheet_would_evaluate_are_neutralised():
    """Every text cell that starts with = + - @ gets an apostrophe, as in the annotations
    CSV; offsets stay numbers."""
    evil = user("=evil")
    article = make_article(
        title="@title", body="-Dr Who said +3 points mattered.", external_id="=1"
    )
    ok = Annotation.Status.ACCEPTED
    source = make_annotation(article, "Source", quote="-Dr Who", author=evil, status=ok)
    cue = make_annotation(article, "Cue", quote="said", author=evil, status=ok)
    claim = make_annotation(article, "Claim", quote="+3 points mattered", author=evil, status=ok)
    Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=evil)
    (row,) = rows(export("attributions-csv", bom=True))
    assert (row["source"], row["claim"], row["author"]) == (
        "'-Dr Who",
        "'+3 points mattered",
        "'=evil",
    )
    assert (row["article_title"], row["external_id"]) == ("'@title", "'=1")
    assert row["claim_start"] == str(article.body.index("+3"))


def test_the_bom_option_starts_the_file_with_a_byte_order_mark():
    """bom=True starts the table with U+FEFF, as the annotations CSV does."""
    annotated_article()
    assert export("attributions-csv", bom=True).startswith("\ufeffarticle_id,")


def test_the_table_streams_and_reads_nothing_itself(django_assert_num_queries):
    """Given an endless stream of loaded articles, the writer yields its first pieces (one per
    article) without any query."""
    article, _ = annotated_article()
    loaded = one(article)
    pieces = FORMATS["attributions-csv"].write(itertools.repeat(loaded))
    with django_assert_num_queries(0):
        first = list(itertools.islice(pieces, 3))
    assert first[1] == first[2] and first[1].count("\r\n") == 2


def test_an_article_without_attributions_writes_no_rows():
    """Only the header when no exported claim heads an attribution."""
    article = make_article()
    make_annotation(article, "Claim", quote=article.body[:5], status="accepted")
    text = "".join(FORMATS["attributions-csv"].write(load_articles(Article.objects.all())))
    assert text == ",".join(attributions_csv.COLUMNS) + "\r\n"


def test_exports_number_captions_as_the_article_page_does(client):
    """Captions stored at positions 3 and 7: the page calls the second "Caption 2", and both
    CSVs (and the writers' reports) put its spans in caption 2, not at its position or pk."""
    import re

    from articles.models import ImageCaption
    from interchange.exporting.records import place
    from tests.factories import make_user

    editor = make_user(role="editor")
    article = make_article(title="Two pictures of the pier")
    ImageCaption.objects.create(article=article, position=7, text="The minister on the deck.")
    first = ImageCaption.objects.create(article=article, position=3, text="A ferry at the pier.")
    second = article.captions.exclude(pk=first.pk).get()
    ok = Annotation.Status.ACCEPTED
    source = make_annotation(
        article, "Source", quote="The minister", target="caption", caption=second, status=ok
    )
    claim = make_annotation(
        article, "Claim", quote="on the deck", target="caption", caption=second, status=ok
    )
    Attribution.objects.create(claim=claim, source_span=source, author=editor)
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()
    shown = re.search(rf'id="t-caption-{second.pk}"[^>]*aria-label="Caption (\d+),', page)
    assert shown is not None and shown.group(1) == "2"
    (row,) = rows(export("attributions-csv"))
    assert row["claim_caption"] == row["source_caption"] == "2"
    assert {r["caption"] for r in rows(export("csv"))} == {"2"}
    assert place(one(article).annotations[0]) == "caption 2"
