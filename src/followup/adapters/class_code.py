"""The methods `dataclasses` writes for a class, kept in the cache folder as their compiled code.

`@dataclass` writes the source of each method it adds to a class (`__init__`, `__repr__`,
`__eq__`, `__hash__`, ...) and compiles it with `exec`: the check of one letter imports two dozen
such classes, and compiling their 130 methods takes a tenth of its start-up. The code compiled
from a given source is always the same: a command that owns its process (cli/main.py,
`_ready_one_shot`) keeps it, by its source, in a file of the cache folder, and the next run executes
the code kept instead of compiling the source again, which takes microseconds. The functions made
are those `exec` makes of the source; a source not kept is compiled as usual. So it is of the
`__new__` that `collections.namedtuple` writes (with `eval`) for each named tuple.
"""

from __future__ import annotations

import marshal
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import CodeType
    from typing import Any

# How many sources a file keeps at most: the classes a command imports make about two hundred.
_MOST = 600


def kept_file(folder: str) -> str:
    """The file in the cache folder that keeps the methods' code, named for the Python whose
    bytecode it holds."""
    from importlib._bootstrap_external import MAGIC_NUMBER

    tag = f"{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}"
    return os.path.join(folder, f"classes-{tag}.marshal")


class KeptMethods:
    """`exec` for the dataclasses module (`eval` for collections, with mode "eval"): a source it
    has the code of is not compiled again."""

    def __init__(self, table: dict[str, CodeType], mode: str = "exec") -> None:
        self.table = table
        self.mode = mode
        self.new = 0  # how many sources this process compiled
        self.used: dict[str, CodeType] = {}  # the code of those this process read, kept or not

    def __call__(
        self, source: Any, globals: dict[str, Any] | None = None, locals: Any = None
    ) -> Any:
        if globals is None:  # as `exec` and `eval` do when called without them: the caller's
            caller = sys._getframe(1)
            globals = caller.f_globals
            if locals is None:
                locals = caller.f_locals
        if isinstance(source, str):
            code = self.table.get(source)
            if code is None:
                # as `exec` compiles a source: no `from __future__` of this module inherited
                code = self.table[source] = compile(
                    source, "<string>", self.mode, dont_inherit=True
                )
                self.new += 1
            if len(self.used) < _MOST:
                self.used[source] = code
            source = code
        if self.mode == "eval":
            return eval(source, globals, locals)
        exec(source, globals, locals)
        return None


def install(path: str) -> tuple[KeptMethods, ...]:
    """Have `dataclasses` (and `collections`) execute the code kept at `path` for the sources
    they write (those not kept are compiled as usual). Returns what keeps them (see `keep`);
    nothing for a module that is not as expected, which is left as it is."""
    import collections
    import dataclasses

    tables: dict[str, dict[str, CodeType]] = {}
    try:
        # read whole, then unmarshalled: `marshal.load` reads a file piece by piece, a call to
        # the file for every object (a code object is dozens), which took the check 6 ms
        with open(path, "rb") as kept:
            found = marshal.loads(kept.read())
        if isinstance(found, dict):
            from types import CodeType

            for mode, table in found.items():
                if isinstance(table, dict):
                    tables[mode] = {s: c for s, c in table.items() if isinstance(c, CodeType)}
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not kept yet, or unreadable: compiled as usual, and kept afresh
    installed = []
    for module, mode, writes in (
        (dataclasses, "exec", "_create_fn"),
        (collections, "eval", "namedtuple"),
    ):
        if mode in vars(module) or not hasattr(module, writes):
            continue
        methods = KeptMethods(tables.get(mode, {}), mode)
        setattr(module, mode, methods)  # read before the builtin of that name
        installed.append(methods)
    return tuple(installed)


def keep(path: str, kept: tuple[KeptMethods, ...]) -> None:
    """Write the code of the sources this process read to `path` when it compiled new ones
    (those of an earlier version of the code, no longer read, are dropped); a folder that
    cannot be written is no error."""
    if not any(methods.new for methods in kept):
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            marshal.dump({methods.mode: methods.used for methods in kept}, out)
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass
