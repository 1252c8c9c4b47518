"""argparse, with bad arguments reported in one line and exit status 2.

Kept apart from cli/args.py so that a command read without argparse (the agenda, cli/main.py)
never loads it.
"""

from __future__ import annotations

import argparse
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(2)
