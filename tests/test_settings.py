"""The settings module reads everything from the environment."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings import database_from_url, env_flag


def test_database_url_selects_postgresql_with_decoded_credentials():
    """A postgres:// URL becomes a psycopg connection with its parts percent-decoded."""
    db = database_from_url("postgres://news%40room:p%2Fss@db.example:5433/newsroom")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "news@room",
        "p/ss",
        "db.example",
        "5433",
        "newsroom",
    )


def test_database_url_with_another_scheme_is_refused():
    """An unsupported database URL fails loudly instead of silently using SQLite."""
    with pytest.raises(ImproperlyConfigured, match="mysql"):
        database_from_url("mysql://u:p@h/db")


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("true", True), ("0", False), ("", False)]
)
def test_env_flag(monkeypatch, value, expected):
    """DJANGO_DEBUG-style flags accept 1/true and nothing else turns them on."""
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_flag("SOME_FLAG") is expected


def test_csp_forbids_inline_script_and_unnonced_style(settings):
    """The policy allows scripts from our origin only, and styles from our origin or the nonce."""
    from django.utils.csp import CSP

    assert settings.SECURE_CSP["script-src"] == [CSP.SELF]
    assert settings.SECURE_CSP["style-src"] == [CSP.SELF, CSP.NONCE]
    assert settings.SECURE_CSP["frame-ancestors"] == [CSP.NONE]


@pytest.mark.django_db
def test_article_page_sends_csp_and_has_no_inline_script_or_unnonced_style(client):
    """The served page carries the policy, its only inline <style> carries the request's nonce,
    and it has no inline <script> or style attribute."""
    import re

    from tests.factories import make_annotation, make_article, make_user

    article = make_article()
    make_annotation(article, "Claim", quote="the bridge would open in spring")
    client.force_login(make_user(role="editor"))
    response = client.get(article.get_absolute_url())
    policy = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    html = response.content.decode()
    assert "script-src 'self';" in policy
    assert re.findall(r"<style[^>]*>", html) == [f'<style nonce="{nonce}">']
    assert all(" src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert " style=" not in html
