"""/healthz and /readyz: open without login, cheap, JSON, never cached, nothing sensitive."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.test import Client

from newsroom import health


@pytest.fixture(autouse=True)
def _forget_readiness(monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)


def test_healthz_answers_without_login_or_database(client: Client):
    """The liveness check is anonymous and never touches the database (this test has no
    database access: any query would raise)."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ok_when_the_database_answers_and_is_migrated(client: Client):
    """The test database is fully migrated: ready, for an anonymous client."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_503_while_migrations_are_pending(client: Client, monkeypatch):
    """Code newer than the database (an upgrade half done): 503 with the reason and count."""
    monkeypatch.setattr(health, "pending_migrations", lambda: 3)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "reason": "migrations pending",
        "pending": 3,
    }


@pytest.mark.django_db
def test_readyz_is_503_without_details_when_the_database_is_down(client: Client, monkeypatch):
    """A database error is a 503 with a fixed reason: the error text (host names, users)
    stays in the server's log."""

    def refuse(*args, **kwargs):
        raise DatabaseError('connection to server at "db.internal" failed: password for "app"')

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "database unreachable"}
    assert b"db.internal" not in response.content


@pytest.mark.django_db
def test_readyz_checks_migrations_once_then_only_the_database(client: Client, monkeypatch):
    """Once every migration is applied the (slow) migration graph is not loaded again."""
    calls = []
    real = health.pending_migrations
    monkeypatch.setattr(health, "pending_migrations", lambda: calls.append(1) or real())
    assert client.get("/readyz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert len(calls) == 1


def test_health_endpoints_answer_get_and_head_only(client: Client):
    """They change nothing: a POST is refused; HEAD (some probes use it) is answered."""
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200
