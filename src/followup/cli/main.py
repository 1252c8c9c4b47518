"""`followup`: the command line.

Each command lives beside its arguments in `cli/commands/<subject>.py`: it parses, calls one use
case and formats the result. Errors are turned into one line and an exit status here, in `main`,
and nowhere else.
"""

from __future__ import annotations

import importlib
import sys

from followup.cli.commands import COMMANDS, MODULES
from followup.domain.errors import FollowupError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import Any

    from followup.cli.args import Handler
    from followup.cli.parser import Parser


def build_parser(only: str | None = None) -> Parser:
    """The whole parser, or with `only` (module names, space-separated) those modules' commands
    alone: what one run needs."""
    from followup.cli.parser import Parser

    parser = Parser(
        prog="followup",
        description="Followup plans every follow-up touch after a job interview, on a business-"
        "day calendar, and says what is due today.",
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        help="SQLite file, or a postgresql:// URL of a shared server (default: "
        "$FOLLOWUP_DATABASE, else a file in your data folder)",
    )
    parser.add_argument(
        "--user",
        metavar="EMAIL",
        help="on a shared server, the account to act as (default: $FOLLOWUP_USER)",
    )
    from followup import __version__

    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name in MODULES if only is None else only.split():
        importlib.import_module(f"followup.cli.commands.{name}").register(sub)
    return parser


def _command_module(argv: Sequence[str]) -> str | None:
    """The module of the command `argv` runs, when it names a known one after the global
    options; None sends it through the whole parser (help, a typo, no command)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--database":
            skip = True
        elif arg.startswith("--database="):
            continue
        elif arg.startswith("-"):
            return None
        else:
            return COMMANDS.get(arg)
    return None


def _as_option(error: FollowupError, parser: argparse.ArgumentParser) -> FollowupError:
    """Name a field the way this command's user typed it: `contact` -> `--contact`."""
    field = error.field
    if not field or "[" in field:
        return error  # a path inside a file, like opportunities[0].policy
    last = field.rsplit(".", 1)[-1]
    for action in parser._actions:
        if action.dest == last and action.dest != "help":
            if action.option_strings:
                return error.renamed(max(action.option_strings, key=len))
            return error.renamed(str(action.metavar or action.dest.upper()))
    return error


def _undecodable(argv: Sequence[str]) -> str | None:
    """An argument with bytes that are not UTF-8 (Python keeps them as lone surrogates, which
    no file, database or message can hold): the line saying which, or None."""
    for i, arg in enumerate(argv):
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            shown = arg.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            return f"argument {i + 1}: expected text in UTF-8, got '{shown}'"
    return None


def _fast_agenda(argv: list[str]) -> Any:
    """`followup [--database PATH] agenda [--on DATE] [--limit N] [--json]`, read without
    argparse: the command run every morning starts in a fraction of the time (argparse and what
    it loads cost more than the agenda itself). Anything else — help, an abbreviation, a value
    that does not parse — returns None, and argparse reads it and words any error as always."""
    from types import SimpleNamespace

    values: dict[str, Any] = {"database": None, "on": None, "limit": 10, "json": False}
    command = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, inline = arg.partition("=")
        takes = {"--database": not command, "--on": command, "--limit": command}
        if arg == "agenda" and not command:
            command = True
        elif arg == "--json" and command:
            values["json"] = True
        elif takes.get(name):
            if eq:
                value = inline
            elif i + 1 < len(argv) and not argv[i + 1].startswith("-"):
                i += 1
                value = argv[i]
            else:
                return None
            try:
                values[name[2:]] = _fast_value(name, value)
            except ValueError:
                return None
        else:
            return None
        i += 1
    if not command:
        return None
    from followup.cli.commands.plan import cmd_agenda

    return SimpleNamespace(handler=cmd_agenda, **values)


def _fast_check(argv: list[str]) -> Any:
    """`followup [--database PATH] [--user EMAIL] check FILE --opportunity ID --to NAME [--kind
    KIND] [--json]`, each option spelled out, read without argparse: the check of one letter
    starts sooner (argparse and what it loads are a tenth of its start-up). Anything else — help,
    an abbreviation, a missing or repeated argument, a value that starts with `-` or a kind that
    is not one — returns None, and argparse reads it and words any error as always."""
    args = _read_check(argv)
    return args if args is not None and _known_kind(args) else None


def _read_check(argv: list[str]) -> Any:
    """_fast_check, but for the kind, which _known_kind reads (after _ready_one_shot: the
    letter kinds are the first of the check's modules to load)."""
    values: dict[str, Any] = {"database": None, "user": None, "file": None, "kind": None}
    values.update(opportunity=None, to=None, json=False)
    command = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, inline = arg.partition("=")
        if arg == "check" and not command:
            command = True
        elif arg == "--json" and command:
            values["json"] = True
        elif name in (("--opportunity", "--to", "--kind") if command else ("--database", "--user")):
            if eq:
                value = inline
            elif i + 1 < len(argv):
                i += 1
                value = argv[i]
            else:
                return None
            if value.startswith("-"):
                return None
            values[name[2:]] = value
        elif command and values["file"] is None and (arg == "-" or not arg.startswith("-")):
            values["file"] = arg
        else:
            return None
        i += 1
    if not command or None in (values["file"], values["opportunity"], values["to"]):
        return None
    from types import SimpleNamespace

    from followup.cli.commands.letters import cmd_check

    return SimpleNamespace(handler=cmd_check, **values)


def _known_kind(args: Any) -> bool:
    """The kind given to the check read without argparse, if any, is one."""
    kind = getattr(args, "kind", None)
    if kind is None:
        return True
    from followup.domain.letters.context import LETTER_KINDS

    return kind in LETTER_KINDS


def _fast_value(option: str, text: str) -> Any:
    if option == "--on":  # as domain/parsing.parse_date takes it; argparse words any refusal
        from datetime import date

        from followup.domain.validation import EARLIEST, LATEST

        digits = text[:4] + text[5:7] + text[8:]
        if len(text) != 10 or text[4] + text[7] != "--" or not digits.isascii():
            raise ValueError(text)
        if not digits.isdigit():
            raise ValueError(text)
        day = date.fromisoformat(text)
        if not EARLIEST <= day <= LATEST:
            raise ValueError(text)
        return day
    if option == "--limit":
        if not (text.isascii() and text.isdigit() and len(text) <= 4 and int(text) <= 1000):
            raise ValueError(text)
        return int(text)
    return text


def _ready_one_shot(check: bool) -> Callable[[], None] | None:
    """Before a command read without argparse runs in its own process: the modules it never
    uses stand in until read (_import_lazily), and for the check of one letter, the regular
    expressions its modules compile are restored from their code as the last check kept them
    (adapters/regex_cache.py: `prime`), which takes a tenth of the time, and so are the methods
    `dataclasses` and `namedtuple` write for its classes (adapters/class_code.py). Returns what
    keeps them once the command has run."""
    _import_lazily(_SELDOM_USED)
    if not check:
        return None
    from followup import bootstrap
    from followup.adapters import class_code, regex_cache

    folder = bootstrap.cache_folder()
    classes = class_code.kept_file(folder)
    methods = class_code.install(classes)
    path = regex_cache.kept_file(folder)
    kept = regex_cache.prime(path)

    def then() -> None:
        regex_cache.keep(path, kept)
        class_code.keep(classes, methods)

    return then


def _one_shot(handler: Handler, args: Any, then: Callable[[], None] | None = None) -> int:
    """Run a command read without argparse (the agenda, the check of one letter) with the cyclic
    garbage collector paused. Such a command makes its long-lived objects in one go — the modules,
    the letter check's kept rules — and ends: collecting among them as they are made, and again as
    the process exits, cost the check a tenth of its start-up. What it made is then frozen (kept
    out of every later collection, see gc.freeze) and the collector runs again as it did.

    The services the command made (cli/args.py: `deps`) are kept to the end and never freed
    (their tens of thousands of objects, the check's rules, take milliseconds to free, which
    the end of the process does at no cost)."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    made: list[Any] = []
    args.made = made
    try:
        status = handler(args)
        if then is not None:
            then()
        return status
    finally:
        if paused:
            made.append(made)  # a cycle, frozen: not freed as the interpreter ends either
            gc.freeze()
            gc.enable()


# Modules the standard library imports for what checking one letter or reading the agenda never
# does: `dataclasses` imports `inspect` (and with it ast, dis and tokenize) to write a signature
# into a class that has no docstring, and `copy` for `asdict`; `urllib.parse` (which `pathlib`
# imports) imports `ipaddress` for a URL's host. A third of the imports' time in all.
_SELDOM_USED = ("inspect", "copy", "ipaddress")


def _import_lazily(names: Sequence[str]) -> None:
    """Stand in for each of these modules until one of its names is first read, then import it.
    Used only by a command that owns its process (_one_shot); a module already imported is left
    as it is. (importlib.util.LazyLoader will not do: on Python 3.11 the next `import` of the
    module reads its `__spec__`, which loads it.)"""
    import types

    class Deferred(types.ModuleType):
        def __getattr__(self, attribute: str) -> Any:
            name = self.__name__
            if sys.modules.get(name) is self:
                del sys.modules[name]
            real = importlib.import_module(name)
            self.__dict__.update(real.__dict__)
            return getattr(real, attribute)

    for name in names:
        if name not in sys.modules:
            stand_in = Deferred(name)
            stand_in.__spec__ = None  # read by every `import` of it: not one being initialised
            sys.modules[name] = stand_in


def main(argv: Sequence[str] | None = None) -> int:
    # the process is this command's own (the console script): the garbage collector may be
    # paused and what it made frozen (_one_shot); a caller that passes argv keeps its collector
    own_process = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    bad = _undecodable(argv)
    if bad:
        sys.stderr.write(f"followup: error: {bad}\n")
        return 2
    agenda = _fast_agenda(argv)
    check = None if agenda is not None else _read_check(argv)
    args = agenda or check
    then = _ready_one_shot(check is not None) if args is not None and own_process else None
    if check is not None and not _known_kind(check):
        args = None
    parser = None
    if args is None:
        parser = build_parser(_command_module(argv))
        args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        assert parser is not None
        getattr(args, "group_parser", parser).print_help()
        return 2
    try:
        if parser is None and own_process:
            return _one_shot(handler, args, then)
        return handler(args)
    except FollowupError as error:
        if parser is None:  # read by the fast path: the parser names the options
            parser = build_parser(_command_module(argv))
            args = parser.parse_args(argv)
        shown = _as_option(error, getattr(args, "command_parser", parser))
        sys.stderr.write(f"followup: error: {shown}\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("followup: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
