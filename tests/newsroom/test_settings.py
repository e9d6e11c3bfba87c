"""The settings module reads everything from the environment."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings import SQLITE_OPTIONS, database_from_url


def test_database_url_selects_postgresql_with_decoded_credentials():
    """A postgres:// URL becomes a psycopg connection with its parts percent-decoded."""
    db = database_from_url("postgres://news%40room:p%2Fss@db.example:5433/newsroom")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], str(db["PORT"]), db["NAME"]) == (
        "news@room",
        "p/ss",
        "db.example",
        "5433",
        "newsroom",
    )
    assert db["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sqlite:////srv/newsroom/db.sqlite3", "/srv/newsroom/db.sqlite3"),
        ("sqlite:///db.sqlite3", "db.sqlite3"),
    ],
)
def test_sqlite_database_url_keeps_the_wal_and_lock_options(url, name):
    """sqlite:///path (what dj-database-url and django-environ users write) selects SQLite with
    the options the web process and the worker need to share the file."""
    db = database_from_url(url)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == name
    assert db["OPTIONS"] == SQLITE_OPTIONS


def test_database_url_with_another_scheme_is_refused():
    """An unsupported database URL fails loudly instead of silently using SQLite."""
    with pytest.raises(ImproperlyConfigured, match="mysql"):
        database_from_url("mysql://u:p@h/db")


def test_production_settings_refuse_to_start_without_a_secret_key():
    """With DEBUG off and no DJANGO_SECRET_KEY, importing the settings fails loudly."""
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=str(__import__("django.conf").conf.settings.BASE_DIR),
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_tests_run_on_the_fast_hasher_and_a_temporary_var_dir(settings):
    """The suite's own settings: MD5 hashing and no writes into the checkout's var/."""
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.BASE_DIR))


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
