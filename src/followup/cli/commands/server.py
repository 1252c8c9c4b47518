"""The web interface."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_serve(args: argparse.Namespace) -> int:
    """The web interface on this machine: Today, Pipeline, Opportunity, Quick capture, the
    letter editor, Settings and Import/Export. Listens on 127.0.0.1 unless --host says
    otherwise. With a postgresql:// database it serves a whole office: everyone signs in, and
    --workers N runs N processes behind the office's reverse proxy (docs/server.md)."""
    import uvicorn

    from followup import bootstrap
    from followup.domain.errors import InvalidField

    if args.workers < 1:
        raise InvalidField("--workers", "a whole number, 1 or more", args.workers)
    found = deps(args)
    url = f"http://{args.host}:{args.port}/"
    print(f"Followup is at {url} (Ctrl-C to stop)")
    if args.open:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    # Behind a reverse proxy (docs/server.md) the client's address and scheme come from its
    # X-Forwarded-For and X-Forwarded-Proto, trusted only from --forwarded-allow-ips.
    common = {
        "host": args.host,
        "port": args.port,
        "log_level": "warning",
        "proxy_headers": True,
        "forwarded_allow_ips": args.forwarded_allow_ips,
    }
    if args.workers == 1:
        uvicorn.run(bootstrap.web_app(found), **common)
        return 0
    # Several processes: each builds its own app (and database pool) from the environment.
    import os

    os.environ["FOLLOWUP_DATABASE"] = bootstrap.database_location(args.database)
    uvicorn.run("followup.web.asgi:make_app", factory=True, workers=args.workers, **common)
    return 0


def register(sub: Subcommands) -> None:
    p = command(sub, "serve", cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--open", action="store_true", help="open it in your browser")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes serving requests (default 1; a shared server: about one per core)",
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        metavar="IPS",
        help="the reverse proxies whose X-Forwarded-For/-Proto are believed (default 127.0.0.1)",
    )
