"""The plain-text importer, the saver, and the import_articles and load_demo commands."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from articles import content
from articles.importers import records
from articles.importers.inputs import read_inputs
from articles.importers.plaintext import parse, parse_text, split_credit
from articles.importers.records import (
    ArticleRecord,
    CaptionRecord,
    RecordError,
    decode_lines,
)
from articles.importers.saver import save_records
from articles.management.commands.import_articles import ProgressBar
from articles.models import Article, ImageCaption, ImportRecord
from tests.conftest import needs_seed

from . import plaintext_reference

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_02c3dc859b8b1f10.txt"
FIXTURE = Path(__file__).resolve().parents[1] / "articles" / "fixtures" / "sample_articles.txt"
NBSP = "\u00a0"

TITLE_1 = "US Strikes Target Extremists in Syria"
TITLE_2 = "After al-Sadr\u2019s Boycott, al-Abadi Withdraws from Iraq\u2019s Upcoming Elections"
CAPTION_1 = CaptionRecord("Smoke billows from an airstrike near Idlib.", "AP")
CAPTION_2 = CaptionRecord(
    "Former Iraqi Prime Minister Haider al-Abadi announcing victory over Daesh in late 2017",
    "Archive \u2013 Government Media",
)


# --- factories ---------------------------------------------------------------------------------


def article_text(
    title: str = "Council Votes on Bridge Repairs",
    captions: tuple[str, ...] = ("Traffic crosses the old bridge. (City Press)",),
    paragraphs: tuple[str, ...] = (
        "The council approved the repairs on Monday, the mayor said.",
        "Work starts in May, according to the transport office.",
    ),
    debris: tuple[str, ...] = ("TT", "20"),
) -> str:
    """One article in the scraper's format, ending with blank lines like the seed."""
    doubled = [line for caption in captions for line in (caption, caption)]
    lines = [title, "", *doubled, *debris, "", title, "", *doubled, ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    return "\n".join(lines) + "\n\n"


def make_record(title: str = "A Headline", body: str = "A paragraph.", **fields) -> ArticleRecord:
    fields.setdefault("origin", "made.txt:1")
    return ArticleRecord(title=title, body=body, captions=fields.pop("captions", []), **fields)


def parse_file(path: Path) -> list[ArticleRecord | RecordError]:
    lines, _note = decode_lines(path, path.name)
    return list(parse(lines, path.name))


def parse_bytes(tmp_path: Path, data: bytes, name: str = "variant.txt") -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return parse_file(path)


def parse_string(text: str) -> list[ArticleRecord | RecordError]:
    return list(parse(text.split("\n"), "text.txt"))


def articles_of(items: list) -> list[ArticleRecord]:
    return [item for item in items if isinstance(item, ArticleRecord)]


def errors_of(items: list) -> list[RecordError]:
    return [item for item in items if isinstance(item, RecordError)]


def paragraphs(record: ArticleRecord) -> list[str]:
    return record.body.split(content.PARAGRAPH_SEPARATOR)


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@needs_seed
def test_windows_1252_fallback_is_noted(tmp_path):
    """A file that is not UTF-8 is decoded as Windows-1252 and the note says so."""
    path = tmp_path / "cp.txt"
    path.write_bytes(seed_text().encode("cp1252"))
    lines, note = decode_lines(path, "cp.txt")
    assert note is not None
    assert "Windows-1252" in note
    assert "line 43" in note  # the first curly apostrophe
    assert TITLE_2 in list(lines)


@needs_seed
def test_decode_text_gives_whole_lines_in_chunks_as_decode_lines_decodes_them(
    tmp_path, monkeypatch
):
    """decode_text: the same text and encoding note as decode_lines, CR LF and CR made LF, in
    chunks that each end at a line end."""
    monkeypatch.setattr(records, "TEXT_CHUNK", 64)
    text = seed_text().replace("\n", "\r\n", 20).replace("\n", "\r", 3)
    path = tmp_path / "cp.txt"
    path.write_bytes(text.encode("cp1252"))
    chunks, note = records.decode_text(path, "cp.txt")
    chunks = list(chunks)
    lines, line_note = decode_lines(path, "cp.txt")
    assert note == line_note and "Windows-1252" in note
    assert "".join(chunks).removesuffix("\n").split("\n") == list(lines)
    assert len(chunks) > 10
    assert all(chunk.endswith("\n") for chunk in chunks[:-1])
    assert "\r" not in "".join(chunks)


def test_latin1_fallback_when_a_byte_is_undefined_in_1252(tmp_path):
    """A byte that Windows-1252 leaves undefined makes the file Latin-1."""
    text = article_text(title="Z\u00fcrich Caf\u00e9 Reopens", paragraphs=("Ca\u00f1a \x81 ok.",))
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    lines, note = decode_lines(path, "latin.txt")
    (record,) = parse(lines, "latin.txt")
    assert "Latin-1" in note
    assert record.title == "Z\u00fcrich Caf\u00e9 Reopens"
    assert record.body == "Ca\u00f1a \x81 ok."


def test_latin1_text_in_1252_range_reads_correctly(tmp_path):
    """Latin-1 letters (all inside Windows-1252's range) come out right."""
    text = article_text(
        title="S\u00e3o Paulo Mayor \u00c9lu", paragraphs=("Na\u00efve \u00fcber.",)
    )
    (record,) = parse_bytes(tmp_path, text.encode("latin-1"))
    assert record.title == "S\u00e3o Paulo Mayor \u00c9lu"
    assert record.body == "Na\u00efve \u00fcber."


def test_late_invalid_byte_decodes_the_whole_file_consistently(tmp_path):
    """A bad byte far past the first chunk still switches the whole file to Windows-1252
    before any line is read, and the note names its line."""
    filler = tuple(
        f"Paragraph {n} says nothing in particular, the clerk said." for n in range(3000)
    )
    text = article_text(title="Cafe Opens", paragraphs=(*filler, "Last \u2019word\u2019."))
    data = text.encode("cp1252")
    assert max(data[:150_000]) < 0x80 and b"\x92" in data[150_000:]
    path = tmp_path / "late.txt"
    path.write_bytes(data)
    lines, note = decode_lines(path, "late.txt")
    (record,) = parse(lines, "late.txt")
    assert "Windows-1252" in note
    last_line = text.split("\n").index("Last \u2019word\u2019.") + 1
    assert f"line {last_line}" in note
    assert record.title == "Cafe Opens"
    assert paragraphs(record)[-1] == "Last \u2019word\u2019."


class _Unseekable(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self._inner.readinto(buffer)


@needs_seed
def test_unseekable_stream_is_spooled(tmp_path):
    """A stream that cannot seek (a pipe, an upload) reads like a file."""
    stream = io.BufferedReader(_Unseekable(seed_text().encode("cp1252")))
    lines, note = decode_lines(stream, "pipe.txt")
    records = list(parse(lines, "pipe.txt"))
    assert "Windows-1252" in note
    assert [r.title for r in records] == [TITLE_1, TITLE_2]


@needs_seed
def test_binary_stream_is_read_from_its_position_and_left_open():
    """A caller's stream is read from where it stands and not closed afterwards."""
    stream = io.BytesIO(b"junk" + seed_text().encode())
    stream.seek(4)
    lines, _ = decode_lines(stream, "stream.txt")
    assert [r.title for r in parse(lines, "stream.txt")] == [TITLE_1, TITLE_2]
    assert not stream.closed


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


def test_record_error_string():
    """A RecordError prints as file:line: message."""
    assert str(RecordError("a.txt", 7, "bad")) == "a.txt:7: bad"


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


# --- the saver ---------------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_saving_the_seed_creates_articles_and_captions():
    """Both seed articles are written with their captions, canonical text and hash."""
    result = save_records(read_inputs([SEED], notes=[]), files=[SEED])
    assert (result.created, result.updated, result.skipped, result.failed) == (2, 0, 0, 0)
    assert result.titles == [TITLE_1, TITLE_2]
    article = Article.objects.get(title=TITLE_1)
    assert article.content_hash == content.content_hash(article.title, article.body)
    assert len(article.body.split("\n\n")) == 14
    caption = article.captions.get()
    assert (caption.position, caption.text, caption.credit) == (0, CAPTION_1.text, "AP")
    assert Article.objects.get(title=TITLE_2).captions.get().credit == CAPTION_2.credit


@pytest.mark.django_db
def test_saved_article_matches_what_article_save_would_store():
    """bulk_create bypasses Article.save, so the saver must canonicalise the same way."""
    record = make_record(title="  Spaced\u00a0 Title ", body="Para one.  \r\n\r\n\r\nPara two.")
    save_records([record])
    saved = Article.objects.get()
    manual = Article(title=record.title, body=record.body)
    manual.save()
    assert (saved.title, saved.body, saved.content_hash) == (
        manual.title,
        manual.body,
        manual.content_hash,
    )


@needs_seed
@pytest.mark.django_db
def test_second_import_is_a_no_op():
    """Importing the same file again skips both articles and writes nothing."""
    save_records(read_inputs([SEED], notes=[]))
    result = save_records(read_inputs([SEED], notes=[]))
    assert (result.created, result.skipped, result.failed) == (0, 2, 0)
    assert Article.objects.count() == 2
    assert ImageCaption.objects.count() == 2


@pytest.mark.django_db
def test_duplicates_within_one_run_are_skipped():
    """The same article twice in one stream is written once."""
    result = save_records([make_record(), make_record(origin="made.txt:9")])
    assert (result.created, result.skipped) == (1, 1)


@pytest.mark.django_db
def test_duplicates_across_batches_are_skipped():
    """Dedupe works across batch boundaries (earlier batches are found in the database)."""
    records = [make_record(title=f"T{n % 3}") for n in range(7)]
    result = save_records(records, batch_size=2)
    assert (result.created, result.skipped) == (3, 4)
    assert sorted(Article.objects.values_list("title", flat=True)) == ["T0", "T1", "T2"]


@pytest.mark.django_db
def test_external_id_and_url_identify_the_stored_article():
    """A record whose external_id or url is already stored is that article: with different
    text (and no annotations) it updates it rather than adding a copy."""
    save_records([make_record(title="Old", external_id="wire-1", url="https://ex.org/a")])
    result = save_records(
        [
            make_record(title="New text, same id", external_id="wire-1"),
            make_record(title="New text, same url", url="https://ex.org/a"),
            make_record(title="Really new", external_id="wire-2", url="https://ex.org/b"),
        ]
    )
    assert (result.created, result.updated, result.skipped) == (1, 2, 0)
    assert result.titles == ["Really new"]
    assert Article.objects.get(external_id="wire-1").title == "New text, same url"


@pytest.mark.django_db
def test_an_error_rolls_everything_back():
    """All or nothing: one error and no article is written; every error is reported."""
    items = [
        make_record(title="Good one"),
        RecordError("f.txt", 3, "broken"),
        make_record(title="Good two"),
        RecordError("f.txt", 9, "also broken"),
    ]
    result = save_records(items, files=["f.txt"])
    assert Article.objects.count() == 0
    assert ImageCaption.objects.count() == 0
    assert result.rolled_back
    assert (result.created, result.would_create, result.failed) == (0, 2, 2)
    assert [str(e) for e in result.errors] == ["f.txt:3: broken", "f.txt:9: also broken"]


@pytest.mark.django_db
def test_failed_import_is_still_recorded():
    """The ImportRecord survives the rollback and carries the report."""
    save_records([make_record(), RecordError("f.txt", 3, "broken")], files=["f.txt"])
    record = ImportRecord.objects.get()
    assert record.files == ["f.txt"]
    assert (record.created_count, record.failed_count) == (0, 1)
    assert {"level": "error", "file": "f.txt", "line": 3, "message": "broken"} in record.report
    assert record.finished is not None


@pytest.mark.django_db
def test_keep_good_saves_the_valid_articles():
    """With keep_good the valid articles are written and the errors still reported."""
    result = save_records(
        [make_record(title="Good"), RecordError("f.txt", 3, "broken")], keep_good=True
    )
    assert list(Article.objects.values_list("title", flat=True)) == ["Good"]
    assert (result.created, result.failed, result.rolled_back) == (1, 1, False)


@pytest.mark.django_db
def test_invalid_record_becomes_an_error_at_its_origin():
    """A record the model rejects (title too long) is a RecordError at the record's line."""
    result = save_records([make_record(title="x" * 1001, origin="long.txt:12"), make_record()])
    (error,) = result.errors
    assert (error.file, error.line) == ("long.txt", 12)
    assert error.message.startswith("title: Ensure this value has at most 1000 characters")
    assert Article.objects.count() == 0


@needs_seed
@pytest.mark.django_db
def test_dry_run_writes_nothing_but_counts():
    """A dry run reports what would be created and leaves the database as it was."""
    result = save_records(read_inputs([SEED], notes=[]), dry_run=True)
    assert (result.created, result.skipped, result.failed) == (2, 0, 0)
    assert Article.objects.count() == 0
    assert ImageCaption.objects.count() == 0
    assert ImportRecord.objects.get().dry_run is True


@pytest.mark.django_db
def test_records_are_written_in_batches_while_streaming():
    """The saver consumes a generator lazily and flushes each full batch before reading on."""
    seen_counts = []

    def stream():
        for n in range(5):
            seen_counts.append(Article.objects.count())
            yield make_record(title=f"Streamed {n}")

    result = save_records(stream(), batch_size=2)
    assert seen_counts == [0, 0, 2, 2, 4]
    assert result.created == 5


@pytest.mark.django_db
def test_a_crash_rolls_back_and_is_recorded():
    """An unexpected exception undoes the writes, is recorded, and propagates."""

    def stream():
        yield make_record()
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        save_records(stream(), batch_size=1)
    assert Article.objects.count() == 0
    assert "disk went away" in ImportRecord.objects.get().report[-1]["message"]


# --- import_articles ---------------------------------------------------------------------------


def run_command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


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
    """The states the progress bar was drawn in, in order."""
    return [
        part.rstrip("\n").removesuffix("\033[K") for part in err.split("\r") if part.startswith("[")
    ]


@pytest.mark.django_db
def test_command_draws_a_progress_bar_on_a_terminal_then_the_summary(tmp_path):
    """On a terminal, stderr shows a bar redrawn in place that ends full, with the records
    read and the errors; the summary line still goes to stdout."""
    path = tmp_path / "many.txt"
    path.write_text("".join(article_text(title=f"Headline number {n}") for n in range(40)))
    out, err = io.StringIO(), Terminal()
    call_command("import_articles", str(path), stdout=out, stderr=err)
    states = bar_lines(err.getvalue())
    assert states[-1].startswith("[" + "#" * ProgressBar.WIDTH + "] 100%  40 records  0 errors")
    assert err.getvalue().endswith("\n")  # the bar's line is ended
    assert out.getvalue().strip() == "created 40, updated 0, skipped 0 duplicates, failed 0"


def test_progress_bar_shows_bytes_read_and_counts_records_and_errors():
    """Mid-way the bar shows the share of bytes read, the records so far and the errors
    (the reader's and the saver's), redrawn no more often than its interval."""
    from django.core.management.base import OutputWrapper

    stream = io.BytesIO(b"x" * 1000)
    ticks = iter([0.0, 0.05, 0.2, 0.25, 0.5, 0.5, 0.5])
    err = Terminal()
    bar = ProgressBar(OutputWrapper(err), [stream], 1000, clock=lambda: next(ticks))
    items = [make_record(), RecordError("f.txt", 3, "bad"), make_record()]
    passed = []
    for item in bar.count(items):
        stream.seek(stream.tell() + 250)
        passed.append(item)
    assert passed == items
    assert bar_lines(err.getvalue()) == [  # not at 0.05 s: within the interval
        "[" + "#" * 6 + "." * 18 + "]  25%  2 records  1 error  8/s",
        "[" + "#" * 12 + "." * 12 + "]  50%  3 records  1 error  6/s",
    ]
    bar.saved(3, 4)
    bar.finish()
    assert bar_lines(err.getvalue())[-1].endswith("100%  3 records  4 errors  6/s")


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
    assert ImportRecord.objects.count() == 0


# --- load_demo ---------------------------------------------------------------------------------


@needs_seed
@pytest.mark.django_db
def test_load_demo_imports_seeds_and_creates_users(settings, fast_passwords):
    """With the seeds folder present, its articles and the four demo logins appear."""
    settings.DEBUG = True
    settings.SHARED_SEEDS_DIR = SEED.parent
    out, _ = run_command("load_demo")
    assert set(Article.objects.values_list("title", flat=True)) >= {TITLE_1, TITLE_2}
    users = {u.username: u for u in get_user_model().objects.all()}
    assert set(users) == {"editor", "editor2", "reviewer", "admin"}
    assert [g.name for g in users["editor2"].groups.all()] == ["Editors"]
    assert [g.name for g in users["reviewer"].groups.all()] == ["Reviewers"]
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert users["editor"].check_password("editor-pass-2026")
    assert "reviewer-pass-2026" in out
    assert "http://127.0.0.1:8000/" in out


@pytest.mark.django_db
def test_load_demo_is_idempotent(settings, fast_passwords):
    """A second run creates no article and no user and changes no password."""
    settings.DEBUG = True
    settings.SHARED_SEEDS_DIR = SEED.parent
    run_command("load_demo")
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("changed-by-hand-99")
    editor.save()
    articles, users = Article.objects.count(), get_user_model().objects.count()
    out, _ = run_command("load_demo")
    assert (Article.objects.count(), get_user_model().objects.count()) == (articles, users)
    assert "created 0," in out
    assert get_user_model().objects.get(username="editor").check_password("changed-by-hand-99")


@pytest.mark.django_db
def test_load_demo_falls_back_to_the_sample(settings, tmp_path, fast_passwords):
    """Without the seeds folder the bundled sample's three articles are imported."""
    settings.DEBUG = True
    settings.SHARED_SEEDS_DIR = tmp_path / "missing"
    run_command("load_demo")
    assert Article.objects.count() == 3
    assert Article.objects.filter(title__startswith="Harbour Authority").exists()


@pytest.mark.django_db
def test_load_demo_refuses_without_debug(settings, fast_passwords):
    """With DEBUG off no demo account is made unless --force is given."""
    settings.DEBUG = False
    settings.SHARED_SEEDS_DIR = SEED.parent
    with pytest.raises(CommandError, match="DEBUG is off"):
        run_command("load_demo")
    assert get_user_model().objects.count() == 0
    assert Article.objects.count() == 0
    run_command("load_demo", "--force")
    assert get_user_model().objects.count() == 4
