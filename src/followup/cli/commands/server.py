"""The web interface."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from followup.cli.args import command, deps, whole

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_serve(args: argparse.Namespace) -> int:
    """The web interface on this machine: Today, Pipeline, Opportunity, Quick capture, the
    letter editor, Settings and Import/Export. Listens on 127.0.0.1 unless --host says
    otherwise; it answers only to this machine's names and to those given with --allowed-host
    (or $FOLLOWUP_ALLOWED_HOSTS, comma-separated) for a reverse proxy in front of it. With a
    postgresql:// database it serves a whole office: everyone signs in, and --workers N runs N
    processes behind the office's reverse proxy (docs/server.md)."""
    from followup import bootstrap

    allowed = [*args.allowed_host, *os.environ.get("FOLLOWUP_ALLOWED_HOSTS", "").split(",")]
    allowed_hosts = tuple(h.strip() for h in allowed if h.strip())
    public_url = args.public_url or os.environ.get("FOLLOWUP_PUBLIC_URL") or None
    app = bootstrap.web_app(  # refuses, in one line, what it must not serve
        deps(args),
        host=args.host,
        port=args.port,
        allowed_hosts=allowed_hosts,
        public_url=public_url,
    )
    import uvicorn

    url = f"{app.config.base_url}/"
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
        uvicorn.run(app, **common)
        return 0
    # Several processes: each builds its own app (and database pool) from the environment,
    # served as this one is (web/asgi.py).
    os.environ["FOLLOWUP_DATABASE"] = bootstrap.database_location(args.database)
    os.environ["FOLLOWUP_HOST"] = args.host
    os.environ["FOLLOWUP_PORT"] = str(args.port)
    os.environ["FOLLOWUP_ALLOWED_HOSTS"] = ",".join(allowed_hosts)
    if public_url:
        os.environ["FOLLOWUP_PUBLIC_URL"] = public_url
    uvicorn.run("followup.web.asgi:make_app", factory=True, workers=args.workers, **common)
    return 0


def register(sub: Subcommands) -> None:
    p = command(sub, "serve", cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=whole(1, 65535), default=8765, help="port (default 8765)")
    p.add_argument("--open", action="store_true", help="open it in your browser")
    p.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name a reverse proxy forwards as (repeat for more)",
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address people use, for links such as the calendar feed (behind a proxy)",
    )
    p.add_argument(
        "--workers",
        type=whole(1, 64),
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
