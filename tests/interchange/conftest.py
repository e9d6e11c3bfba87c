"""Fixtures the interchange tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

# The readers in sample_records check what they parse with assert: rewrite those as in tests.
pytest.register_assert_rewrite("tests.interchange.exporting.sample_records")


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """Exports and the progress cache go to a temporary folder, not the checkout's var/; users
    get a fast password hash (the tests make several per test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        **settings.CACHES,
        "progress": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "progress"),
        },
    }
    return tmp_path
