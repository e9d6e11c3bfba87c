"""manage.py load_demo (articles/management/commands/load_demo.py): demo articles and logins."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from articles.models import Article
from tests.conftest import needs_seed
from tests.interchange.commands import run_command
from tests.interchange.importing.plaintext_factories import (
    SEED,
    TITLE_1,
    TITLE_2,
)


@pytest.fixture
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
def test_load_demo_names_the_port_the_server_will_use(settings, fast_passwords, monkeypatch):
    """scripts/dev serves on $PORT when it is set: the printed address says that port."""
    settings.DEBUG = True
    settings.SHARED_SEEDS_DIR = SEED.parent
    monkeypatch.setenv("PORT", "8123")
    out, _ = run_command("load_demo")
    assert "http://127.0.0.1:8123/" in out


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
