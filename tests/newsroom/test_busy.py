"""A write that meets a busy database (SQLite's write lock past its timeout) answers 503 with a
message, never 500 (newsroom/busy.py)."""

from __future__ import annotations

import uuid

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from annotations import services
from annotations.models import Annotation, Tag
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

BODY = "The minister said on Tuesday that the bridge would open in spring."
HTMX = {"HX-Request": "true"}


@pytest.fixture
def client() -> Client:
    client = Client()
    client.force_login(make_user("ed", "editor"))
    return client


def save(client: Client, article, **headers):
    data = {
        "client_id": str(uuid.uuid4()),
        "target": "body",
        "caption": "",
        "start": 0,
        "end": 12,
        "quote": "The minister",
        "tag": Tag.objects.get(name="Source").pk,
        "revision": article.revision,
    }
    return client.post(reverse("annotations:create", args=[article.pk]), data, headers=headers)


def raise_(exc: Exception):
    def fail(**kwargs):
        raise exc

    return fail


def test_a_locked_database_answers_503_in_the_status_line(client, monkeypatch):
    """htmx: 503, Retry-After, the message retargeted to the status line; nothing stored."""
    monkeypatch.setattr(
        services, "create_annotation", raise_(OperationalError("database is locked"))
    )
    response = save(client, make_article(body=BODY), **HTMX)
    assert response.status_code == 503
    assert response["HX-Retarget"] == "#status"
    assert response["Retry-After"] == "5"
    assert "The database is busy" in response.content.decode()
    assert not Annotation.objects.exists()


def test_a_locked_database_answers_503_to_a_plain_request_too(client, monkeypatch):
    """Without htmx the same message comes as text, status 503."""
    monkeypatch.setattr(
        services, "create_annotation", raise_(OperationalError("database is locked"))
    )
    response = save(client, make_article(body=BODY))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")


def test_other_database_errors_are_not_hidden(client, monkeypatch):
    """Only the lock timeout is a busy database: another OperationalError stays a server
    error (raised, so it is logged and reported)."""
    monkeypatch.setattr(services, "create_annotation", raise_(OperationalError("disk I/O error")))
    client.raise_request_exception = True
    with pytest.raises(OperationalError):
        save(client, make_article(body=BODY), **HTMX)
