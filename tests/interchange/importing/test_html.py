"""interchange/importing/html.py: saved news pages of several site structures, and hostile ones.

The pages in tests/data/html/ are invented (outlets, people and events), written in the markup
styles that news sites use: a modern CMS with Open Graph metadata, WordPress with JSON-LD, a
table-layout wire service with schema.org microdata, a legacy page in Windows-1252 with
<br><br> paragraphs, a section front without an article, and a page full of script.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from articles import content
from articles.models import Article
from interchange.importing import html
from interchange.importing.decoding import decode_lines
from interchange.importing.records import ArticleRecord, CaptionRecord, RecordError
from interchange.importing.saver.run import save_records

PAGES = Path(__file__).resolve().parents[2] / "data" / "html"


def read(name: str) -> ArticleRecord | RecordError:
    lines, _ = decode_lines(PAGES / name, name)
    [result] = list(html.parse(lines, name))
    return result


def article(name: str) -> ArticleRecord:
    result = read(name)
    assert isinstance(result, ArticleRecord), str(result)
    return result


def paragraphs(record: ArticleRecord) -> list[str]:
    return record.body.split(content.PARAGRAPH_SEPARATOR)


def page(body: str, head: str = "") -> str:
    """A small page with enough prose to count as an article."""
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>Bridge Reopens</h1>"
        f"{body}<p>The bridge reopened on Monday after repairs, the council said.</p>"
        "</article></body></html>"
    )


def read_string(text: str, name: str = "page.html") -> ArticleRecord | RecordError:
    [result] = list(html.parse(text.split("\n"), name))
    return result


# --- a modern CMS: Open Graph, article:published_time, <figure> with a credit span -------------


def test_cms_page_metadata():
    """Title, byline, date, canonical URL and outlet come from the page's declarations."""
    record = article("harbour_gazette.html")
    assert record.title == "Port Authority Approves Night Shifts as Container Backlog Grows"
    assert record.byline == "Mara Lindqvist"
    assert record.published == datetime(2024, 3, 14, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    assert record.url == "https://harbourgazette.example/business/2024/03/14/port-night-shifts"
    assert record.outlet == "The Harbour Gazette"
    assert record.origin == "harbour_gazette.html:0"


def test_cms_page_text_in_order_without_boilerplate():
    """Standfirst, paragraphs and the subheading in order; the headline, newsletter box,
    related stories, tags, comments and footer are left out."""
    found = paragraphs(article("harbour_gazette.html"))
    assert len(found) == 9
    assert found[0] == (
        "Ships have waited up to nine days at anchor; unions want guarantees on pay and rest."
    )
    assert found[1].startswith("The port authority on Wednesday approved round-the-clock shifts")
    assert found[2] == (
        "\u201cWe cannot ask importers to wait another month,\u201d said Helga Osterberg, who "
        "chairs the authority\u2019s board. \u201cEvery day a ship sits in the bay costs the "
        "city money and costs shops their stock.\u201d"
    )
    assert found[4] == "Unions want guarantees"
    assert found[-1] == (
        "The authority expects the backlog to clear by the end of May if the night shifts start "
        "on schedule, a spokeswoman said."
    )
    body = "\n".join(found)
    for boilerplate in ("newsletter", "ferry", "car park", "Topics", "cookies", "All rights"):
        assert boilerplate not in body


def test_cms_page_captions_with_credit_spans():
    """Both article figures, the credit split off and its "Photo:" label removed; the
    related-stories thumbnail's caption is not the article's."""
    assert article("harbour_gazette.html").captions == [
        CaptionRecord(
            "Cranes unload a container ship at the North Quay on Wednesday.",
            "Jonas Berg/The Harbour Gazette",
        ),
        CaptionRecord(
            "Dock workers gather before the evening shift.", "Archive \u2013 Port Authority"
        ),
    ]


# --- WordPress: JSON-LD only, .wp-caption boxes, "(AP)" credits --------------------------------


def test_wordpress_page_metadata_from_json_ld():
    """Authors, date and publisher come from the JSON-LD graph; the <title> suffix is not part
    of the headline."""
    record = article("valley_courier.html")
    assert record.title == "Drought Forces Two Villages to Share One Well"
    assert record.byline == "Tom\u00e1s Ferreira and Ana Lu"
    assert record.published == datetime(2023, 7, 2, 18, 45, tzinfo=UTC)
    assert record.outlet == "Valley Courier"
    assert record.url == "https://valleycourier.example/2023/07/02/drought-villages-share-well/"


def test_wordpress_page_text_and_captions():
    """Five paragraphs, the caption boxes between them not repeated as text; a trailing "(AP)"
    is the credit, and a caption without one keeps an empty credit."""
    record = article("valley_courier.html")
    found = paragraphs(record)
    assert len(found) == 5
    assert found[0].startswith("For the first time in living memory, the villages of Alto Verde")
    assert found[2] == (
        "\u201cIt is not comfortable, but it is fair,\u201d Camacho said. \u201cNobody goes "
        "without.\u201d"
    )
    assert "Share this" not in record.body and "Related" not in record.body
    assert record.captions == [
        CaptionRecord("A farmer checks the level of the shared well in Alto Verde.", "AP"),
        CaptionRecord("Children carry water containers home from the well.", ""),
    ]


# --- a wire service: table layout, microdata, (c) credit in <small> ---------------------------


def test_wire_page_microdata():
    """Headline, author and date from schema.org microdata; the outlet from application-name;
    no URL when the page declares none."""
    record = article("meridian_wire.html")
    assert record.title == "Glacier melt forces Alpine pass to close early, officials say"
    assert record.byline == "Ilse Ruiz"
    assert record.published == datetime(2021, 11, 9, 12, 0, tzinfo=UTC)
    assert record.outlet == "Meridian Wire"
    assert record.url == ""


def test_wire_page_text_and_caption():
    """The dateline stays in the first paragraph, the reporting credit is the last one, the
    "most read" rail is left out; "©" is not part of the photo credit."""
    record = article("meridian_wire.html")
    found = paragraphs(record)
    assert len(found) == 6
    assert found[0].startswith("GENEVA, Nov 9 (Meridian Wire) - Authorities closed a high Alpine")
    assert found[-1] == "(Reporting by Ilse Ruiz; Editing by Paul Okafor)"
    assert "Markets close higher" not in record.body
    assert "Trust Principles" not in record.body
    assert record.captions == [
        CaptionRecord(
            "A road sign marks the closed Col du Ferret pass above the village of La Fouly.",
            "Meridian Wire / Ilse Ruiz",
        )
    ]


# --- a legacy page: Windows-1252, <br><br> paragraphs, no metadata ----------------------------


def test_legacy_page_is_read_from_windows_1252():
    """The page is not UTF-8; decoded as Windows-1252, the euro signs come out right."""
    lines, note = decode_lines(PAGES / "lakeside_bulletin.html", "lakeside_bulletin.html")
    [record] = list(html.parse(lines, "lakeside_bulletin.html"))
    assert note is not None and "decoded as Windows-1252" in note
    assert "cost \u20ac6.00 instead of \u20ac5.00" in record.body


def test_legacy_page_paragraphs_split_at_double_line_breaks():
    """<br><br> separates paragraphs; the "Reporter: … | Published: …" line becomes the byline
    instead of text; print links and readers' comments are left out."""
    record = article("lakeside_bulletin.html")
    found = paragraphs(record)
    assert len(found) == 4
    assert found[0] == (
        "The lake ferry company will raise fares by about 20 percent from the first of June, "
        "its managing director said on Friday, blaming the price of fuel."
    )
    assert record.byline == "Noor Haddad"
    assert "Send to a friend" not in record.body
    assert "Kari" not in record.body and "Latest news" not in record.body


def test_legacy_page_title_outlet_and_date():
    """The headline and the outlet are the two halves of <title>; the date, printed only as
    text, is found by trafilatura as a day."""
    record = article("lakeside_bulletin.html")
    assert record.title == "Ferry fares to rise by a fifth from June"
    assert record.outlet == "Lakeside Bulletin"
    assert record.published == datetime(2018, 5, 12)
    assert record.captions == []


# --- hostile page -----------------------------------------------------------------------------

EXECUTABLE = ("alert", "javascript", "script", "onerror", "onload", "onclick", "<", ">")


def test_hostile_page_keeps_the_article():
    """Through all the script, the article itself is read as usual."""
    record = article("hostile.html")
    assert record.title == "City Library Reopens After Flood Repairs"
    assert record.byline == "Dana Okoro"
    assert record.outlet == "Riverside Post"
    assert record.published == datetime(2022, 5, 20, 9, 0, tzinfo=UTC)
    assert paragraphs(record) == [
        "The central library reopened on Friday, eight months after floodwater filled its "
        "basement and ruined more than 20,000 books, the city council said.",
        '"People queued before the doors opened," said head librarian Sofia Brandt. Read the '
        "council's statement.",
        "Repairs cost about 1.2 million, paid mostly by insurance, according to council figures.",
        "The children's section will open in June, Brandt said, once new shelving arrives.",
        "Archive photos from the flood show water reaching the first shelves, a council "
        "spokesman said.",
    ]
    assert record.captions == [
        CaptionRecord("Readers return to the main hall on Friday.", "Riverside Post")
    ]


def test_hostile_page_leaves_nothing_executable_in_any_field():
    """No script text, event handler, javascript: URL or markup reaches any stored field,
    including those taken from <meta> content holding markup."""
    record = article("hostile.html")
    fields = {
        "title": record.title,
        "body": record.body,
        "byline": record.byline,
        "outlet": record.outlet,
        "url": record.url,
        **{f"caption {i}": f"{c.text} {c.credit}" for i, c in enumerate(record.captions)},
    }
    for name, value in fields.items():
        for fragment in EXECUTABLE:
            assert fragment not in value.lower(), f"{fragment!r} in {name}: {value!r}"
    assert record.url == ""  # the canonical link was javascript:
    for fallback in (
        "Injected paragraph",
        "iframe fallback",
        "Object fallback",
        "Enable JavaScript",
    ):
        assert fallback not in record.body


# --- no article ----------------------------------------------------------------------------------


def test_a_doctype_with_an_internal_subset_leaves_no_trace():
    """`<!DOCTYPE html [ <!ENTITY …> ]>` (XHTML saved by old tools) ends where the subset does:
    no "]>" in the text, and the <title> after it is still the page's title."""
    doctype = '<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY nbsp "&#160;">\n]>\n'
    record = read_string(
        doctype + "<html><head><title>Ferry Timetable Changes</title></head><body>"
        "<p>The ferry company said on Friday that the winter timetable starts next week.</p>"
        "</body></html>"
    )
    assert record.title == "Ferry Timetable Changes"
    assert "]>" not in record.body and "]&gt;" not in record.body
    assert record.body.startswith("The ferry company said")


def test_section_front_has_no_article_text():
    """A list of headlines is not an article: one error for the whole file."""
    error = read("section_index.html")
    assert error == RecordError("section_index.html", 0, "no article text found")
    assert str(error) == "section_index.html:0: no article text found"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<html><head><title>Loading</title><script>app.start()</script></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><p>Log in to continue</p></body></html>",
    ],
)
def test_pages_without_prose_have_no_article_text(text):
    """Empty pages, script-only pages and a login form give "no article text found"."""
    assert read_string(text, "x.html") == RecordError("x.html", 0, "no article text found")


def test_text_without_any_headline_is_an_error():
    """Prose without a title anywhere (no meta, heading or <title>) is reported, not saved
    with an empty title."""
    text = "<html><body><p>The council met on Monday and approved the budget, she said.</p></body></html>"
    assert read_string(text) == RecordError("page.html", 0, "article text found but no headline")


# --- pieces ---------------------------------------------------------------------------------------


def test_fallback_reads_the_article_container_when_trafilatura_finds_nothing(monkeypatch):
    """Without trafilatura's result the paragraphs of <article> are taken, boilerplate and the
    header's standfirst left out."""
    with_trafilatura = paragraphs(article("harbour_gazette.html"))
    monkeypatch.setattr(html, "_trafilatura", lambda tree: None)
    assert paragraphs(article("harbour_gazette.html")) == with_trafilatura[1:]


@pytest.mark.parametrize(
    ("figcaption", "expected"),
    [
        ("Crowds at the quay. <cite>Photo: Jane Roe</cite>", ("Crowds at the quay.", "Jane Roe")),
        (
            "Crowds at the quay. <small>\u00a9 Harbour Pictures</small>",
            ("Crowds at the quay.", "Harbour Pictures"),
        ),
        ("Crowds at the quay. (Reuters)", ("Crowds at the quay.", "Reuters")),
        ("Crowds at the quay. Photo: Jane Roe", ("Crowds at the quay.", "Jane Roe")),
        (
            'Crowds at the quay. <span class="image-credit">(City Archive)</span>',
            ("Crowds at the quay.", "City Archive"),
        ),
        ("Crowds at the quay.", ("Crowds at the quay.", "")),
    ],
)
def test_caption_credits(figcaption, expected):
    """A credit is an element marked as one, a trailing parenthesis or a "Photo:" tail; labels
    and "©" are removed."""
    record = read_string(
        page(f"<figure><img src='a.jpg'><figcaption>{figcaption}</figcaption></figure>")
    )
    assert record.captions == [CaptionRecord(*expected)]


def test_figures_without_caption_and_repeated_captions():
    """A figure without <figcaption> adds nothing, and the same caption twice is kept once."""
    figure = "<figure><img src='a.jpg'><figcaption>Crowds at the quay. (AP)</figcaption></figure>"
    record = read_string(page(f"<figure><img src='b.jpg'></figure>{figure}{figure}"))
    assert record.captions == [CaptionRecord("Crowds at the quay.", "AP")]


def test_several_authors_and_site_suffix():
    """Three JSON-LD authors read "A, B and C"; " | Outlet" is taken off og:title."""
    head = (
        '<meta property="og:title" content="Bridge Reopens | Town Crier">'
        '<meta property="og:site_name" content="Town Crier">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        '{"name": "Ann Ek"}, {"name": "Bo Li"}, "Cy Ode"]}</script>'
    )
    record = read_string(page("", head))
    assert record.title == "Bridge Reopens"
    assert record.byline == "Ann Ek, Bo Li and Cy Ode"


def test_paragraph_line_breaks_are_kept_inside_a_paragraph():
    """A single <br> is a line break within the paragraph; source-code line breaks are not."""
    record = read_string(
        page("<p>Harbour Road 4,<br>Lakeside,\nNorth County, is where the council meets.</p>")
    )
    assert (
        paragraphs(record)[0]
        == "Harbour Road 4,\nLakeside, North County, is where the council meets."
    )


def test_page_wrapped_in_a_form_keeps_text_and_captions():
    """ASP.NET pages wrap everything in one <form>: its controls go, the article stays."""
    figure = "<figure><figcaption>Crowds at the quay. (AP)</figcaption></figure>"
    text = page(figure).replace("<body>", '<body><form action="/Default.aspx" method="post">')
    text = text.replace("</body>", '<input type="hidden" name="__VIEWSTATE"></form></body>')
    record = read_string(text)
    assert record.captions == [CaptionRecord("Crowds at the quay.", "AP")]
    assert paragraphs(record) == ["The bridge reopened on Monday after repairs, the council said."]


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("2024-03-14T07:30:00.000Z", datetime(2024, 3, 14, 7, 30, tzinfo=UTC)),
        ("Thu, 14 Mar 2024 07:30:00 +0000", datetime(2024, 3, 14, 7, 30, tzinfo=UTC)),
        ("2024-03-14", datetime(2024, 3, 14)),
    ],
)
def test_published_date_forms(declared, expected):
    """ISO 8601 with fractions and Z, RFC 2822, and a bare day are all read."""
    head = f'<meta property="article:published_time" content="{declared}">'
    assert read_string(page("", head)).published == expected


@pytest.mark.django_db
def test_saved_page_is_stored_as_canonical_text():
    """Saved through the saver, the page becomes an article with its captions, in the same
    canonical form Article.save gives."""
    lines, _ = decode_lines(PAGES / "harbour_gazette.html", "harbour_gazette.html")
    result = save_records(html.parse(lines, "harbour_gazette.html"), format="html")
    assert result.created == 1 and result.failed == 0
    stored = Article.objects.get()
    assert stored.body == content.canonical_text(stored.body)
    assert stored.byline == "Mara Lindqvist"
    assert list(stored.captions.values_list("text", "credit")) == [
        (
            "Cranes unload a container ship at the North Quay on Wednesday.",
            "Jonas Berg/The Harbour Gazette",
        ),
        ("Dock workers gather before the evening shift.", "Archive \u2013 Port Authority"),
    ]
