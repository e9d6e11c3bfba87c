"""Settings for the test suite: the production module with what tests need on top.

- MD5 password hashing: PBKDF2's deliberate slowness made up most of the suite's time (every
  test user's password is hashed once; the hash is never stored outside the throwaway database).
- Uploads, progress files and prepared exports in a temporary folder made per run, so a test
  run never writes into the checkout's var/.
- Static files served from the finders (the manifest needs collectstatic, and the live server
  would 404 hashed names).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-" + "x" * 40)

from newsroom.settings import *  # noqa: E402, F403
from newsroom.settings import CACHES, STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

VAR_DIR = Path(tempfile.mkdtemp(prefix="newsroom-tests-"))
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
MEDIA_ROOT = VAR_DIR / "uploads"
CACHES = {**CACHES, "progress": {**CACHES["progress"], "LOCATION": str(VAR_DIR / "progress")}}

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
