"""gunicorn's configuration for scripts/serve (`gunicorn -c python:newsroom.gunicorn_conf`).

The bind address and the worker count come from the command line (scripts/serve). This file
makes gunicorn's own lines (start, worker boot and exit, timeouts) follow NEWSROOM_LOG_FORMAT
like the application's: one JSON object per line in JSON mode. gunicorn's access log stays off:
the application's request log (newsroom/logs.py) has the same facts plus the request id.
"""

from __future__ import annotations

import os

wsgi_app = "newsroom.wsgi:application"
# A SIGTERM lets requests in flight finish for this long before the workers are killed.
graceful_timeout = 30
# The address a proxy on the same machine connects from may set X-Forwarded-Proto.
forwarded_allow_ips = "127.0.0.1,::1"
# gunicorn 27's control socket defaults to one path per user (~/.gunicorn/gunicorn.ctl), which
# two instances on a machine would share; nothing here uses it.
control_socket_disable = True

_formatter = (
    {"()": "newsroom.logs.JsonFormatter"}
    if os.environ.get("NEWSROOM_LOG_FORMAT", "plain") == "json"
    else {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s"}
)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"server": _formatter},
    "handlers": {
        "server": {
            "class": "logging.StreamHandler",
            "formatter": "server",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"level": "WARNING", "handlers": ["server"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["server"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
    },
}
