"""The scraped plain-text parser (interchange/importing/plaintext.py): the seed file, its
variants, the awkward cases, and the fast parser against the line-by-line reference reading."""

from __future__ import annotations

import random

import pytest

from articles import content
from interchange.importing.decoding import decode_lines
from interchange.importing.plaintext import parse, parse_text, split_credit
from interchange.importing.records import (
    ArticleRecord,
    CaptionRecord,
    RecordError,
)
from tests.conftest import needs_seed
from tests.interchange.importing import plaintext_reference
from tests.interchange.importing.plaintext_factories import (
    CAPTION_1,
    CAPTION_2,
    FIXTURE,
    NBSP,
    SEED,
    TITLE_1,
    TITLE_2,
    article_text,
    articles_of,
    errors_of,
    paragraphs,
    parse_bytes,
    parse_file,
    parse_string,
    seed_text,
)

# --- the seed file -----------------------------------------------------------------------------


@needs_seed
def test_seed_gives_exactly_two_articles_and_no_errors():
    """The seed holds two articles; nothing in it is an error."""
    items = parse_file(SEED)
    assert len(items) == 2
    assert errors_of(items) == []


@needs_seed
def test_seed_titles_are_exact():
    """Titles are the headlines, curly apostrophes kept, each at its first line."""
    first, second = parse_file(SEED)
    assert first.title == TITLE_1
    assert second.title == TITLE_2
    assert (first.origin, second.origin) == (f"{SEED.name}:1", f"{SEED.name}:43")


@needs_seed
def test_seed_captions_are_single_with_text_and_credit_apart():
    """Each article has exactly one caption (the doubled and repeated lines collapse), its
    credit split off and the trailing NBSP gone."""
    first, second = parse_file(SEED)
    assert first.captions == [CAPTION_1]
    assert second.captions == [CAPTION_2]


@needs_seed
def test_seed_first_article_body():
    """The first body has the file's 14 paragraphs, verbatim and in order."""
    first, _ = parse_file(SEED)
    body = paragraphs(first)
    assert len(body) == 14
    assert body[0] == (
        "US forces attacked extremist leaders in Syria Saturday, the Pentagon said, in what a "
        "battlefield monitor called a missile strike that left at least 40 dead."
    )
    assert body[4].startswith('But "a missile attack targeted a meeting')
    assert body[-1] == (
        "Most of Idlib province and parts of neighboring Aleppo and Latakia provinces are "
        "controlled by HTS."
    )


@needs_seed
def test_seed_second_article_body():
    """The second body has 9 paragraphs and ends with the file's last line (no final
    newline in the file)."""
    _, second = parse_file(SEED)
    body = paragraphs(second)
    assert len(body) == 9
    assert body[0].startswith(
        "Following the decision by Shiite cleric Muqtada al-Sadr\u2019s Sadrist Movement"
    )
    assert body[0].endswith("the lack of safeguards to prevent its misuse.")
    assert body[-1] == (
        "These moves signal an intense contest for dominance in Baghdad, as al-Sudani may "
        "capitalize on Sadrist absence to expand Shiite support, while al-Halbousi\u2019s "
        "campaign could reshape the sectarian balance in Iraq\u2019s political heartland."
    )


@needs_seed
def test_seed_bodies_hold_no_debris_headline_or_caption():
    """Debris lines, the repeated headline and the caption lines stay out of the body."""
    for record in parse_file(SEED):
        lines = record.body.split("\n")
        assert "TT" not in lines
        assert "20" not in lines
        assert record.title not in record.body
        assert all(caption.text not in record.body for caption in record.captions)
        assert all(caption.text not in {"TT", "20"} for caption in record.captions)


@needs_seed
def test_seed_body_is_canonical_text():
    """The body is already in canonical form, so offsets into it stay valid after saving."""
    for record in parse_file(SEED):
        assert record.body == content.canonical_text(record.body)
        assert record.title == content.canonical_line(record.title)


@needs_seed
def test_seed_is_utf8_without_note():
    """A valid UTF-8 file is decoded as such and produces no encoding note."""
    _lines, note = decode_lines(SEED, SEED.name)
    assert note is None


# --- robustness variants -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "transform"),
    [
        ("crlf", lambda text: text.replace("\n", "\r\n").encode()),
        ("cr", lambda text: text.replace("\n", "\r").encode()),
        ("bom", lambda text: b"\xef\xbb\xbf" + text.encode()),
        ("bom-crlf", lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()),
        ("trailing-spaces", lambda text: text.replace("\n", "  \t\n").encode()),
        ("trailing-nbsp", lambda text: text.replace("\n", f"{NBSP} \n").encode()),
        ("final-newline", lambda text: (text + "\n").encode()),
        ("cp1252", lambda text: text.encode("cp1252")),
        ("cp1252-crlf", lambda text: text.replace("\n", "\r\n").encode("cp1252")),
        ("utf16", lambda text: text.encode("utf-16")),
    ],
)
@needs_seed
def test_variants_of_the_seed_read_the_same(tmp_path, name, transform):
    """Line endings, a BOM, trailing whitespace, a final newline and the encoding do not
    change what is read."""
    expected = parse_file(SEED)
    assert parse_bytes(tmp_path, transform(seed_text()), f"{name}.txt") == [
        ArticleRecord(**{**vars_of(r), "origin": f"{name}.txt:{r.origin.split(':')[1]}"})
        for r in expected
    ]


def vars_of(record: ArticleRecord) -> dict:
    return {name: getattr(record, name) for name in record.__slots__}


def test_caption_without_credit_keeps_empty_credit():
    """A caption line with no parenthesised credit is all text."""
    (record,) = parse_string(article_text(captions=("Crowds outside the stadium",)))
    assert record.captions == [CaptionRecord("Crowds outside the stadium", "")]


def test_article_without_captions():
    """Headline, blank, headline, body: no captions, body intact."""
    text = "Quiet Day in Parliament\n\nQuiet Day in Parliament\n\nNothing happened, MPs said.\n"
    (record,) = parse_string(text)
    assert record.title == "Quiet Day in Parliament"
    assert record.captions == []
    assert record.body == "Nothing happened, MPs said."


def test_article_without_captions_but_with_debris():
    """A caption block holding only debris gives no captions."""
    (record,) = parse_string(article_text(captions=()))
    assert record.captions == []
    assert paragraphs(record)[0] == "The council approved the repairs on Monday, the mayor said."


def test_several_captions_in_order():
    """Several doubled captions become several captions, in order, credits apart."""
    text = article_text(
        captions=("First view of the dam. (Reuters)", f"Second view (Water Board){NBSP} ")
    )
    (record,) = parse_string(text)
    assert record.captions == [
        CaptionRecord("First view of the dam.", "Reuters"),
        CaptionRecord("Second view", "Water Board"),
    ]


def test_captions_right_under_the_headline_without_blank_line():
    """A scraper that left out the blank line after the headline is still understood."""
    text = (
        "Storm Hits Coast\nWaves over the pier. (AP)\nWaves over the pier. (AP)\nTT\n\n"
        "Storm Hits Coast\n\nWaves over the pier. (AP)\nWaves over the pier. (AP)\n\n"
        "The storm arrived overnight, forecasters said.\n"
    )
    (record,) = parse_string(text)
    assert record.captions == [CaptionRecord("Waves over the pier.", "AP")]
    assert record.body == "The storm arrived overnight, forecasters said."


def test_several_articles_follow_each_other():
    """Articles separated by one or several blank lines are all found, in order."""
    text = (
        article_text(title="One")
        + article_text(title="Two", captions=())
        + "\n\n\n"
        + article_text(title="Three")
    )
    assert [r.title for r in parse_string(text)] == ["One", "Two", "Three"]


def test_body_paragraph_ending_in_parentheses_is_not_a_caption():
    """Only known, doubled or debris lines are skipped after the repeated headline."""
    text = article_text(paragraphs=("Talks resumed (Reuters)", "Second paragraph."))
    (record,) = parse_string(text)
    assert paragraphs(record) == ["Talks resumed (Reuters)", "Second paragraph."]


def test_one_line_paragraphs_do_not_start_articles():
    """A short one-line paragraph is body unless its headline repetition follows."""
    text = article_text(paragraphs=("Short.", "20", "Another short one.", "Short."))
    (record,) = parse_string(text)
    assert paragraphs(record) == ["Short.", "20", "Another short one.", "Short."]


def test_multi_line_paragraph_is_kept_with_its_line_break():
    """Lines inside one paragraph stay together, in order, trailing spaces trimmed."""
    text = article_text(paragraphs=("First line  \nsecond line", "Next."))
    (record,) = parse_string(text)
    assert paragraphs(record) == ["First line\nsecond line", "Next."]


def test_headline_without_body_is_an_error_with_its_line():
    """An article with no body is reported at its headline's line; the next one still reads."""
    text = article_text(title="Empty One", paragraphs=()) + article_text(title="Full One")
    items = parse_string(text)
    assert items[0] == RecordError("text.txt", 1, "article 'Empty One' has a headline but no body")
    assert [r.title for r in articles_of(items)] == ["Full One"]


def test_headline_without_body_at_end_of_file():
    """A last article with a headline but no body is reported, not dropped."""
    items = parse_string(article_text(title="Good") + article_text(title="Cut Off", paragraphs=()))
    assert [r.title for r in articles_of(items)] == ["Good"]
    (error,) = errors_of(items)
    assert error.message == "article 'Cut Off' has a headline but no body"
    assert error.line == article_text(title="Good").count("\n") + 1


def test_text_before_the_first_headline_is_an_error():
    """Lines that belong to no article are reported with their first line number."""
    items = parse_string("stray words\n\nmore stray\n\n" + article_text(title="Real"))
    assert items[0].line == 1
    assert items[0].message.startswith("2 line(s) not part of any article")
    assert [r.title for r in articles_of(items)] == ["Real"]


def test_file_without_repeated_headline_is_an_error():
    """A plain headline-then-body file is not this format: one error, no article."""
    items = parse_string("A Headline\n\nSome body text.\n")
    assert articles_of(items) == []
    assert str(errors_of(items)[0]).startswith("text.txt:1: ")


def test_empty_file_is_an_error(tmp_path):
    """An empty (or blank) file yields an error rather than nothing."""
    (error,) = parse_bytes(tmp_path, b"\xef\xbb\xbf\r\n  \r\n", "blank.txt")
    assert error == RecordError("blank.txt", 1, "no articles found: the file is empty")


def test_split_credit_takes_the_last_parenthesis():
    """Only a final parenthesised group is a credit; earlier ones stay in the text."""
    assert split_credit("Rally in Lyon (France) today (AFP)") == CaptionRecord(
        "Rally in Lyon (France) today", "AFP"
    )
    assert split_credit("No credit (here) at all.") == CaptionRecord("No credit (here) at all.", "")
    assert split_credit(f"Trailing space (AP){NBSP} ") == CaptionRecord("Trailing space", "AP")


def test_sample_fixture_parses_cleanly():
    """The bundled sample holds three invented articles in the seed's format."""
    items = parse_file(FIXTURE)
    assert errors_of(items) == []
    assert len(items) == 3
    assert [len(r.captions) for r in items] == [1, 1, 2]
    for record in items:
        assert all(caption.credit for caption in record.captions)
        assert len(paragraphs(record)) == 6
        assert "\u201c" in record.body  # each has a quote
        assert {"TT", "20", "AFP", "7"}.isdisjoint(record.body.split("\n"))


# --- the fast parser against the reference reading -----------------------------------------------

# Lines chosen to meet every shortcut of the fast parser: headlines that come back with other
# spacing, NBSP, a BOM or in another Unicode form; credits, debris, doubled lines, paragraphs
# that end in a parenthesis or share their first and last words; blank lines of every kind.
_PIECES = [
    "Council Votes on Bridge Repairs", "Council Votes on Bridge Repairs ",
    " Council  Votes on\tBridge Repairs", "Council Votes on Bridge Repairs\u3000",
    "\ufeffCouncil Votes on Bridge Repairs", "Cafe\u0301 owners protest", "Caf\u00e9 owners protest",
    "Traffic crosses the old bridge. (City Press)", "Traffic crosses the old bridge. (City Press)\u00a0",
    "A view of the river (Archive \u2013 Government Media)", "Doubled caption line", "(AP)",
    "TT", "20", "7", "ABCDE", "T T", "The council approved the repairs on Monday.",
    "The council approved the repairs on Friday.", "The mayor said the work starts in May.",
    "Work starts in May (weather permitting)", "Residents were told (AP)", "x\u2028y",
    "", "", "", " ", "\u00a0", "\ufeff", "\t", "\x0c", "\r",
]  # fmt: skip


def _generated_document(rng: random.Random) -> list[str]:
    lines = [rng.choice(_PIECES) for _ in range(rng.randint(0, 40))]
    for _ in range(rng.randint(0, 2)):
        title = rng.choice(_PIECES[:7])
        caption = rng.choice(_PIECES[7:13])
        article = [title, "", caption, caption, rng.choice(["TT", "20", ""]), "",
                   rng.choice(_PIECES[:5]), "", caption, caption, "", rng.choice(_PIECES[17:23]),
                   "", rng.choice(_PIECES)]  # fmt: skip
        at = rng.randint(0, len(lines))
        lines[at:at] = article
    return lines


def _readable(items: list) -> list[tuple]:
    return [
        (item.title, item.body, [(c.text, c.credit) for c in item.captions], item.origin)
        if isinstance(item, ArticleRecord)
        else (item.file, item.line, item.message)
        for item in items
    ]


def test_fast_parser_reads_generated_files_exactly_as_the_reference_does():
    """On 1,500 generated files full of the cases its shortcuts must get right, the fast
    parser gives what the line-by-line reference reading gives: the same articles, captions,
    bodies, origins and errors."""
    rng = random.Random(20261204)
    articles = 0
    for _ in range(1500):
        lines = _generated_document(rng)
        expected = _readable(list(plaintext_reference.parse(lines, "gen.txt")))
        assert _readable(list(parse(lines, "gen.txt"))) == expected, lines
        articles += sum(len(item) == 4 for item in expected)
    assert articles > 300  # the generator does make articles, not only errors


@needs_seed
def test_chunk_boundaries_do_not_change_what_is_read():
    """parse_text gives the same records wherever the text is cut into chunks: mid-line,
    inside a run of blank lines, between a CR and its LF's place, one character per chunk."""
    rng = random.Random(7)
    for _ in range(300):
        lines = _generated_document(rng)
        text = "\n".join(lines)
        expected = _readable(list(parse(lines, "gen.txt")))
        cuts = sorted(rng.sample(range(len(text) + 1), min(4, len(text) + 1)))
        chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        assert _readable(list(parse_text(chunks, "gen.txt"))) == expected
    seed = seed_text()
    assert _readable(list(parse_text(iter(seed), "seed.txt"))) == _readable(
        list(parse(seed.split("\n"), "seed.txt"))
    )


def test_a_block_longer_than_many_chunks_is_read_whole():
    """A paragraph spanning many chunks (no blank line for a long stretch) comes out whole."""
    long_paragraph = " ".join(f"word{n}" for n in range(20_000))
    text = article_text(paragraphs=(long_paragraph, "Last paragraph."))
    chunks = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    (record,) = parse_text(chunks, "long.txt")
    assert paragraphs(record) == [long_paragraph, "Last paragraph."]
