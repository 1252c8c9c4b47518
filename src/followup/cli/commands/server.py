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
    (or $FOLLOWUP_ALLOWED_HOSTS, comma-separated) for a reverse proxy in front of it."""
    from followup import bootstrap

    allowed = [*args.allowed_host, *os.environ.get("FOLLOWUP_ALLOWED_HOSTS", "").split(",")]
    app = bootstrap.web_app(  # refuses, in one line, what it must not serve
        deps(args),
        host=args.host,
        port=args.port,
        allowed_hosts=tuple(h.strip() for h in allowed if h.strip()),
        public_url=args.public_url or os.environ.get("FOLLOWUP_PUBLIC_URL") or None,
    )
    import uvicorn

    url = f"{app.config.base_url}/"
    print(f"Followup is at {url} (Ctrl-C to stop)")
    if args.open:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
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
