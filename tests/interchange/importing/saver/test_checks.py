"""The checks before a row is written (interchange/importing/saver/checks.py): canonical text,
column limits, URLs."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from articles import content
from articles.models import Article
from interchange.importing.records import (
    CaptionRecord,
)
from interchange.importing.saver.checks import _valid_url
from interchange.importing.saver.run import save_records
from tests.interchange.importing.native_records import (
    record,
    statuses,
)

pytestmark = pytest.mark.django_db


# --- canonical text ----------------------------------------------------------------------------


def test_canonical_body_agrees_with_content_canonical_text():
    """The fast path recognises canonical text exactly: for random text made of the characters
    that matter, content.canonical_text returns what the full rebuild returns."""
    alphabet = ["a", "b", " ", "\t", "\n", "\n\n", "\r", "\u00a0", "\u2028", "\ufeff", "e\u0301"]
    alphabet += ["\x1c", "\u3000", "\x85", "\u00e9", "\x0c"]
    rng = random.Random(3)
    fast = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = content._rebuild_text(text)
        assert content.canonical_text(text) == expected, repr(text)
        assert content.is_canonical_text(text) == (expected == text), repr(text)
        fast += expected == text
    assert fast > 1000  # both branches were exercised


def test_content_hash_agrees_with_content_content_hash():
    """The saver hashes canonical text without re-canonicalising: same digest."""
    title, body = "Caf\u00e9 opens", "One.\n\nTwo \u201cquoted\u201d."
    assert content.hash_canonical(title, body) == content.content_hash(title, body)


# --- checks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "x" * 1001}, "title: Ensure this value has at most 1000 characters"),
        ({"title": " \u00a0 "}, "title: This field cannot be blank."),
        ({"body": "\n\n"}, "body: This field cannot be blank."),
        ({"body": "Nul \x00 byte."}, "body: Null characters are not allowed."),
        ({"url": "not a url"}, "url: Enter a valid URL."),
        ({"outlet": "o" * 201}, "outlet: Ensure this value has at most 200 characters"),
        ({"external_id": "e" * 301}, "external_id: Ensure this value has at most 300"),
        ({"status": "published"}, "status: 'published' is not one of"),
        (
            {"captions": [CaptionRecord("Fine", "c" * 301)]},
            "caption 1: credit: Ensure this value has at most 300 characters",
        ),
        ({"captions": [CaptionRecord(" ", "AP")]}, "caption 1: text: This field cannot be"),
    ],
)
def test_field_limits_are_record_errors(fields, message):
    """What the columns or full_clean would refuse is an error at the record's origin."""
    result = save_records([record(origin="f.jsonl:5", **fields)])
    (error,) = result.errors
    assert (error.file, error.line) == ("f.jsonl", 5)
    assert error.message.startswith(message), error.message
    assert statuses(result) == ["error"]
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/2024/05/bridge?id=7#top",
        "http://a.bc",
        "HTTPS://News.Example.ORG/x",
        "https://xn--bcher-kva.example/",
        "https://b\u00fccher.example/",
        "https://example.org:8080/x",
        "https://user:pw@example.org/",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "ftp://files.example.org/a.txt",
        "https://localhost/x",
        "https://-bad.example.org/",
        "https://bad-.example.org/",
        "https://example.c/",
        "https://example.123/",
        "https://example.org/a b",
        "https://example.org/a\tb",
        "https://example.org\n/x",
        "javascript://example.org/%0Aalert(1)",
        "https://" + "a" * 64 + ".example.org/",
        "https://" + ".".join(["abcdefghi"] * 26) + ".org/",
        "https://example.org/" + "p" * 2040,
        "//example.org/x",
        "example.org",
        "https://example..org/",
    ],
)
def test_url_check_agrees_with_django_urlvalidator(url):
    """The saver's fast URL check accepts and refuses exactly what URLValidator does."""
    try:
        URLValidator()(url)
        expected = True
    except ValidationError:
        expected = False
    assert _valid_url(url) is expected
