"""The one settings module. Everything that differs between machines comes from the environment.

DJANGO_DEBUG        "1" turns DEBUG on (scripts/dev does); off otherwise.
DJANGO_SECRET_KEY   required unless DEBUG is on (tests use tests/settings.py, which sets one).
DJANGO_ALLOWED_HOSTS comma-separated; defaults to localhost names.
DJANGO_SECURE       "1" behind HTTPS: HSTS, secure cookies, SSL redirect.
DATABASE_URL        postgres://user:pass@host:port/name selects PostgreSQL, sqlite:///path a SQLite
                    file (parsed by django-environ); unset: SQLite at SQLITE_PATH.
SQLITE_PATH         where the SQLite file lives when DATABASE_URL is unset (default: db.sqlite3
                    beside manage.py).
NEWSROOM_VAR_DIR    uploads and import/export progress (default: var/ beside manage.py).
NEWSROOM_STATIC_ROOT where collectstatic puts the static files (default: staticfiles/ beside
                    manage.py).
NEWSROOM_LOG_FORMAT "json": one JSON object per log line (scripts/serve's default); "plain"
                    (the default) otherwise. See newsroom/logs.py.
NEWSROOM_IMPORT_MAX_FILE_BYTES, NEWSROOM_IMPORT_MAX_ARCHIVE_BYTES,
NEWSROOM_IMPORT_MAX_ARCHIVE_MEMBERS, NEWSROOM_IMPORT_MAX_COMPRESSION_RATIO
                    import limits (100 MB a file, 1 GB unpacked a ZIP, 100,000 members, 100:1).
NEWSROOM_IMPORT_MAX_RECORD_BYTES, NEWSROOM_IMPORT_MAX_HTML_ELEMENTS,
NEWSROOM_IMPORT_MAX_HTML_DEPTH, NEWSROOM_IMPORT_HTML_MEMORY_BYTES,
NEWSROOM_IMPORT_HTML_PAGES_PER_CHILD
                    per-input limits (8 MB a JSON/CSV record, 50,000 elements and 512 levels
                    a web page, 1 GB of address space for the child reading pages, 200 pages
                    per child); docs/import.md "Limits on every input".

The tests run on tests/settings.py, which imports this module and overrides what tests need
(fast password hasher, temporary folders, static files from the finders).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "articles",
    "annotations",
    "interchange",
    "suggestions",
]

MIDDLEWARE = [
    # First: its id and timing cover the whole stack (newsroom/logs.py).
    "newsroom.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # A save that meets SQLite's write lock past its timeout: 503 with a message, not 500.
    "newsroom.busy.BusyDatabaseMiddleware",
    # Last, as django-axes asks: it turns a refused login into newsroom.login's lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes; policy in docs/operations.md, "Logins"). Axes' backend comes
# first so that a locked-out attempt is refused before any password is hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures counted per account and, separately, per client address: either one reaching the
# limit locks out further attempts on it for the cool-off, which each attempt made during the
# lockout starts again (a guesser that keeps going stays locked out).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env.int("NEWSROOM_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("NEWSROOM_LOGIN_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.login.locked_out"
# The address is the connection's (REMOTE_ADDR): a client-supplied X-Forwarded-For would let a
# guesser pick a new address per attempt. Behind a reverse proxy, set the proxy to pass the
# client's address as REMOTE_ADDR.

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.role",
            ],
        },
    },
]


# SQLite's settings for a web process and a worker sharing one file: WAL lets them read while
# one writes; IMMEDIATE takes the write lock up front so writers queue instead of failing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_url(url: str) -> dict[str, object]:
    """One DATABASES entry from a URL (django-environ's parser), with the engine's own options.

    Only PostgreSQL and SQLite are supported: anything else fails loudly instead of running on
    a database nobody tested."""
    config = dict(environ.Env.db_url_config(url))
    engine = config.get("ENGINE", "")
    if engine == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    elif engine == "django.db.backends.postgresql":
        config.setdefault("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    else:
        scheme = url.split(":", 1)[0]
        raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {scheme!r}")
    return config


DATABASES = {
    "default": database_from_url(
        env.str("DATABASE_URL", default="")
        or f"sqlite:///{env.str('SQLITE_PATH', default=str(BASE_DIR / 'db.sqlite3'))}"
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("NEWSROOM_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Manifest storage needs collectstatic; development (and tests/settings.py) serve from the finders.
_static_backend = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
    if DEBUG
    else "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _static_backend},
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

VAR_DIR = Path(env.str("NEWSROOM_VAR_DIR", default=str(BASE_DIR / "var")))
MEDIA_ROOT = VAR_DIR / "uploads"
MEDIA_URL = "media/"  # never served: uploads are import inputs, not public files
# Import progress is written by the worker while the import's own transaction is still open,
# so it cannot live in the database: a file cache shared by the web and worker processes.
CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "progress"),
        "TIMEOUT": 60 * 60 * 24,
    },
}

# Content-Security-Policy: no inline script or style anywhere. The only inline block is the
# tag-colour stylesheet, which carries the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if env.bool("DJANGO_SECURE", default=False):
    SECURE_SSL_REDIRECT = True
    # A load balancer probes over plain HTTP: a redirect would read as "down".
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs go to stderr: plain messages, or with NEWSROOM_LOG_FORMAT=json one JSON object per line
# (newsroom/logs.py). Every record made during a request carries its request_id; the request
# log (newsroom.request: method, path, status, duration) is on at INFO in JSON mode only, since
# the development server prints its own request lines.
LOG_FORMAT = env.str("NEWSROOM_LOG_FORMAT", default="plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured("NEWSROOM_LOG_FORMAT must be 'plain' or 'json'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "newsroom.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
    "loggers": {
        "newsroom.request": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
    },
}

# Where the seed file lives beside the checkout (load_demo uses it when present).
SHARED_SEEDS_DIR = Path(
    env.str("NEWSROOM_SEEDS_DIR", default=str(BASE_DIR.parent / "shared" / "seeds"))
)

# Import limits (interchange/importing/limits.py), each overridable from the environment under the
# same name prefixed with NEWSROOM_: bytes per file; total uncompressed bytes per ZIP archive;
# files per archive; and the compression ratio above which an archive member is refused as a
# zip bomb. Archives are checked from their directory before anything is decompressed.
IMPORT_MAX_FILE_BYTES = env.int("NEWSROOM_IMPORT_MAX_FILE_BYTES", default=100 * 1024**2)
IMPORT_MAX_ARCHIVE_BYTES = env.int("NEWSROOM_IMPORT_MAX_ARCHIVE_BYTES", default=1024**3)
IMPORT_MAX_ARCHIVE_MEMBERS = env.int("NEWSROOM_IMPORT_MAX_ARCHIVE_MEMBERS", default=100_000)
IMPORT_MAX_COMPRESSION_RATIO = env.int("NEWSROOM_IMPORT_MAX_COMPRESSION_RATIO", default=100)
# Per input (docs/import.md "Limits on every input"): characters of one JSON/JSONL/CSV record
# (an article body is rarely over 200 KB; a native record's annotations add a few hundred KB);
# elements of a web page and their nesting (news pages have a few thousand elements nested
# well under 100 deep; Chromium's own HTML parser stops nesting at 512); the address space of
# the child process that reads web pages (0 reads them in-process), and pages per child.
IMPORT_MAX_RECORD_BYTES = env.int("NEWSROOM_IMPORT_MAX_RECORD_BYTES", default=8 * 1024**2)
IMPORT_MAX_HTML_ELEMENTS = env.int("NEWSROOM_IMPORT_MAX_HTML_ELEMENTS", default=50_000)
IMPORT_MAX_HTML_DEPTH = env.int("NEWSROOM_IMPORT_MAX_HTML_DEPTH", default=512)
IMPORT_HTML_MEMORY_BYTES = env.int("NEWSROOM_IMPORT_HTML_MEMORY_BYTES", default=1024**3)
IMPORT_HTML_PAGES_PER_CHILD = env.int("NEWSROOM_IMPORT_HTML_PAGES_PER_CHILD", default=200)

# Exports bigger than this many articles run as a background task with a progress page;
# prepared export files are removed after EXPORT_KEEP_DAYS.
EXPORT_BACKGROUND_THRESHOLD = env.int("NEWSROOM_EXPORT_BACKGROUND_THRESHOLD", default=2000)
EXPORT_KEEP_DAYS = env.int("NEWSROOM_EXPORT_KEEP_DAYS", default=7)

# The background worker (manage.py run_worker, interchange/worker.py): it writes a heartbeat
# this often, is dead when silent this long (its job is then failed), and every worker sweeps
# the jobs of dead ones this often. Dead within 40 s + one sweep: found within a minute.
WORKER_HEARTBEAT_SECONDS = env.float("NEWSROOM_WORKER_HEARTBEAT_SECONDS", default=5.0)
WORKER_DEAD_AFTER_SECONDS = env.float("NEWSROOM_WORKER_DEAD_AFTER_SECONDS", default=40.0)
WORKER_SWEEP_SECONDS = env.float("NEWSROOM_WORKER_SWEEP_SECONDS", default=15.0)
