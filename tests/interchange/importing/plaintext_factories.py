"""Articles in the scraped plain-text format of the seed, and helpers to read them: shared by the
plain-text parser's, the decoder's, the saver's and the command's tests."""

from __future__ import annotations

from pathlib import Path

from articles import content
from interchange.importing.decoding import decode_lines
from interchange.importing.plaintext import parse
from interchange.importing.records import (
    ArticleRecord,
    CaptionRecord,
    RecordError,
)
from tests.conftest import SEED_FILE

SEED = SEED_FILE
FIXTURE = Path(__file__).resolve().parents[3] / "articles" / "fixtures" / "sample_articles.txt"
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
