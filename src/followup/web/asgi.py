"""The web app for a process manager: `followup serve --workers N` starts uvicorn on this, and
any ASGI server can (`uvicorn --factory followup.web.asgi:make_app`, or gunicorn with uvicorn's
worker class: see docs/server.md). Each worker process builds its own app, and with it its own
pool of database connections, from the environment:

    FOLLOWUP_DATABASE   a SQLite file, or the postgresql:// URL of a shared server
    FOLLOWUP_CONFIG     the configuration folder (policies, templates, mail settings)
"""

from __future__ import annotations

import os
from typing import Any


def make_app() -> Any:
    from followup import bootstrap
    from followup.web.app import create_app

    return create_app(bootstrap.dependencies(os.environ.get("FOLLOWUP_DATABASE")))
