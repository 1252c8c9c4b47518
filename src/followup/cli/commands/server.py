"""The web interface."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps, whole

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_serve(args: argparse.Namespace) -> int:
    """The web interface on this machine: Today, Pipeline, Opportunity, Quick capture, the
    letter editor, Settings and Import/Export. Listens on 127.0.0.1 unless --host says
    otherwise."""
    import uvicorn

    from followup import bootstrap

    app = bootstrap.web_app(deps(args))
    url = f"http://{args.host}:{args.port}/"
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
