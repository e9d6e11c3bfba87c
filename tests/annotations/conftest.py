"""What the reviewers' view tests share (compare, dashboard, sets, stats): users, an article
two editors annotated differently, and helpers to sign in and count queries."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

HTMX = {"HX-Request": "true"}
BODY = (
    "The minister said on Tuesday that the bridge would open in spring.\n\n"
    "Engineers were less sure, according to a report seen by this newspaper."
)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries(call: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


@pytest.fixture
def reviewer():
    return make_user("rita", "reviewer")


@pytest.fixture
def two_editors():
    return make_user("alice", "editor"), make_user("bob", "editor")


@pytest.fixture
def compared(two_editors) -> Article:
    """An article both editors annotated: the same claim; a source with other boundaries; a
    cue only alice has; "Engineers" tagged Source by alice and Quote by bob."""
    alice, bob = two_editors
    article = make_article(body=BODY, outlet="Daily Ledger")
    make_annotation(article, "Claim", quote="the bridge would open in spring", author=alice)
    make_annotation(article, "Claim", quote="the bridge would open in spring", author=bob)
    make_annotation(article, "Source", quote="The minister", author=alice)
    make_annotation(article, "Source", quote="minister", author=bob)
    make_annotation(article, "Cue", quote="said", author=alice)
    make_annotation(article, "Source", quote="Engineers", author=alice)
    make_annotation(article, "Quote", quote="Engineers", author=bob)
    return article


def ids_in(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)
