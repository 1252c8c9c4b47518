"""The web app for a process manager: `followup serve --workers N` starts uvicorn on this, and
any ASGI server can (`uvicorn --factory followup.web.asgi:make_app`, or gunicorn with uvicorn's
worker class: see docs/server.md). Each worker process builds its own app, and with it its own
pool of database connections, from the environment:

    FOLLOWUP_DATABASE       a SQLite file, or the postgresql:// URL of a shared server
    FOLLOWUP_CONFIG         the configuration folder (policies, templates, mail settings)
    FOLLOWUP_HOST, FOLLOWUP_PORT
                            where the server listens (default 127.0.0.1 and 8765)
    FOLLOWUP_ALLOWED_HOSTS  host names a reverse proxy forwards as, comma-separated
    FOLLOWUP_PUBLIC_URL     the address people use, for links such as the calendar feed
"""

from __future__ import annotations

import os
from typing import Any


def make_app() -> Any:
    from followup import bootstrap

    allowed = os.environ.get("FOLLOWUP_ALLOWED_HOSTS", "").split(",")
    return bootstrap.web_app(
        bootstrap.dependencies(os.environ.get("FOLLOWUP_DATABASE")),
        host=os.environ.get("FOLLOWUP_HOST", "127.0.0.1"),
        port=int(os.environ.get("FOLLOWUP_PORT", "8765")),
        allowed_hosts=tuple(h.strip() for h in allowed if h.strip()),
        public_url=os.environ.get("FOLLOWUP_PUBLIC_URL") or None,
    )
