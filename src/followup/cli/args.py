"""What every command shares: registering a command beside its handler, the argument types, the
services for `--database`, and reading and writing the user's files.

A command module (`cli/commands/<subject>.py`) has a `register(sub)` that adds its commands with
`command()`; its handlers parse nothing themselves beyond argparse, call one use case and format.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing itself is not imported at start-up: it costs the agenda
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from datetime import date
    from typing import Any, BinaryIO, TextIO, TypeAlias

    from followup.adapters.mail.settings import MailSettings
    from followup.services.dependencies import Dependencies
    from followup.services.ports import ImportSource

    Handler: TypeAlias = Callable[[argparse.Namespace], int]


if TYPE_CHECKING:
    from followup.cli.parser import Parser

    Subcommands: TypeAlias = argparse._SubParsersAction[Parser]


def command(sub: Subcommands, name: str, handler: Handler) -> Parser:
    """Add a command whose help is its handler's docstring (first paragraph as the summary)."""
    import argparse

    doc = (handler.__doc__ or "").strip()
    summary = doc.split("\n\n")[0].replace("\n", " ")
    parser: Parser = sub.add_parser(
        name, help=summary, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.set_defaults(handler=handler, command_parser=parser)
    return parser


def group(sub: Subcommands, name: str, summary: str) -> Subcommands:
    """A command with commands of its own (`inbox`, `calendar`), shared by every module that adds
    to it."""
    from followup.cli.parser import Parser

    existing = sub.choices.get(name)
    if existing is None:
        existing = sub.add_parser(name, help=summary, description=summary)
        existing.set_defaults(group_parser=existing)
        existing._followup_sub = existing.add_subparsers(  # type: ignore[attr-defined]
            title="commands", metavar="COMMAND", parser_class=Parser
        )
    inner: Subcommands = existing._followup_sub  # type: ignore[attr-defined]
    return inner


def date_arg(text: str) -> date:
    from followup.domain.errors import InvalidField
    from followup.domain.parsing import parse_date

    try:
        return parse_date(text, "date")
    except InvalidField as error:
        import argparse

        raise argparse.ArgumentTypeError(f"expected {error.expected}, got {text!r}") from None


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (a port, a limit, a round)."""

    def parse(text: str) -> int:
        stripped = text.strip()
        digits = stripped[1:] if stripped.startswith("-") else stripped
        if digits.isascii() and digits.isdigit() and len(digits) <= 18:
            value = int(stripped)
            if low <= value <= high:
                return value
        import argparse

        raise argparse.ArgumentTypeError(
            f"expected a whole number from {low} to {high}, got {text!r}"
        )

    return parse


def deps(args: argparse.Namespace, roles: tuple[str, ...] = ()) -> Dependencies:
    """The services over `--database`, acting as `--user` on a shared server (a candidate,
    unless `roles` says who else may run the command)."""
    from followup import bootstrap

    made = bootstrap.dependencies(args.database, getattr(args, "user", None), roles)
    kept = getattr(args, "made", None)
    if kept is not None:  # a command that owns its process keeps them (main._one_shot)
        kept.append(made)
    return made


def mail_settings() -> MailSettings:
    from followup import bootstrap
    from followup.adapters.mail.settings import load_mail_settings

    return load_mail_settings(bootstrap.config_dir() / "followup.toml")


def input_source(path: str) -> ImportSource:
    """A file to import, read as often as the import needs and never held whole (standard
    input, `-`, is read whole)."""
    import os

    from followup.services.ports import ImportSource

    if path == "-":
        return _spooled_stdin(path)
    with _opened(path) as handle:
        size = os.fstat(handle.fileno()).st_size
    return ImportSource(path, lambda: _opened(path), size)


def _spooled_stdin(name: str) -> ImportSource:
    """Standard input copied to a temporary file (in memory while small), so that it can be
    read again like a file; never more than an import can be (the readers refuse past that)."""
    import tempfile

    from followup.adapters.files.text_lines import MAX_BYTES
    from followup.services.ports import ImportSource

    spool = tempfile.SpooledTemporaryFile(max_size=8 * 2**20)  # noqa: SIM115 - kept open
    copied = 0
    while copied <= MAX_BYTES and (chunk := sys.stdin.buffer.read(2**20)):
        spool.write(chunk)
        copied += len(chunk)

    def reopen() -> BinaryIO:
        spool.seek(0)
        return _Unclosed(spool)  # type: ignore[return-value]

    return ImportSource(name, reopen, copied)


def _opened(path: str):  # type: ignore[no-untyped-def]
    """The file, opened for reading: a regular file only. A FIFO would wait for a writer for
    ever and /dev/zero never end, so neither is read (it is opened without blocking to look)."""
    import os
    import stat

    from followup.domain.errors import BadInput

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            raise BadInput(
                f"FILE: expected a regular file, {path!r} is a pipe or a device (use - to read "
                "standard input)"
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except FileNotFoundError:
        raise BadInput(f"FILE: expected a readable file, {path!r} does not exist") from None
    except IsADirectoryError:
        raise BadInput(f"FILE: expected a file, {path!r} is a folder") from None
    except PermissionError:
        raise BadInput(f"FILE: expected a readable file, {path!r} cannot be read") from None


def read_input(path: str, limit: int = -1) -> bytes:
    """The bytes of a user's file (`-`: standard input), at most `limit` of them if given."""
    if path == "-":
        return sys.stdin.buffer.read(limit)
    with _opened(path) as handle:
        data: bytes = handle.read(limit)
    return data


def write_bytes(path: str | None, data: bytes) -> None:
    """Standard output, or the file: written whole to a temporary file beside it, flushed to
    disk, then renamed over it, so a failure (a full disk) leaves the previous file as it was.
    A device or a pipe (not a regular file) is written to directly."""
    if not path or path == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    import os
    import stat

    from followup.domain.errors import BadInput

    try:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            with open(path, "wb") as handle:
                handle.write(data)
            return
        _replace_whole(path, data, stat.S_IMODE(mode) if mode is not None else None)
    except OSError as error:
        raise BadInput(
            f"--output: expected a writable file path, {error.strerror}: {path!r}"
        ) from None


def _replace_whole(path: str, data: bytes, mode: int | None) -> None:
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
    )
    try:
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(temporary, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        os.unlink(temporary)
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a crash
    finally:
        os.close(directory)


def write_output(path: str | None, text: str) -> None:
    if not path or path == "-":
        sys.stdout.write(text)
        return
    write_bytes(path, text.encode("utf-8"))


def plan_hint(opportunity_id: str) -> int:
    print(f"See the plan: followup show {opportunity_id}")
    return 0


class _Unclosed:
    """A spooled copy of standard input that `with` blocks may 'close' and read again."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __enter__(self) -> _Unclosed:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def close(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def read_mapping(path: str) -> dict[str, str]:
    """A --mapping file (a JSON object from Followup's fields to the CSV's columns)."""
    from followup.adapters.files.tables import parse_mapping
    from followup.domain.errors import BadInput

    try:
        with open(path, "rb") as handle:
            text = handle.read(1024 * 1024).decode("utf-8-sig")
    except OSError as error:
        raise BadInput(
            f"--mapping: expected a readable JSON file, {error.strerror}: {path!r}"
        ) from None
    except UnicodeDecodeError:
        raise BadInput(f"--mapping: expected a UTF-8 JSON file, {path!r} is not") from None
    return parse_mapping(text, path)


class output_stream:
    """Where a long output is written as it is made: the file, or standard output."""

    def __init__(self, path: str | None) -> None:
        self._path = path
        self._handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if not self._path or self._path == "-":
            return sys.stdout
        from followup.domain.errors import BadInput

        try:
            self._handle = open(self._path, "w", encoding="utf-8", newline="")
        except OSError as error:
            raise BadInput(
                f"--output: expected a writable file path, {error.strerror}: {self._path!r}"
            ) from None
        return self._handle

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()
