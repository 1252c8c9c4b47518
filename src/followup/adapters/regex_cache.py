"""Regular expressions kept in the cache folder as their compiled code, not as their text.

Compiling a regular expression is done in Python by the standard library (`re._parser`,
`re._compiler`): a pattern of the check takes a third of a millisecond or more, and a command that
checks one letter compiles forty of them. What compiling makes, the pattern's code for the C
engine, is a list of integers: `KeptCode` holds it for every pattern of the rules, is kept with
them, and hands a pattern's code straight to the engine the first time the pattern is needed,
which takes microseconds. The pattern made is the one `re.compile` makes (`==` compares the code:
a code that differs is not kept); a pattern without code, or whose code the engine refuses
(another Python, though the cache's name holds the version), is compiled as usual.
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import sys
from array import array

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    import pickle
    from typing import IO, Any

_SRE: Any = importlib.import_module("_sre")  # the regular expression engine, written in C

# What a pattern is made of: flags, code (as bytes), groups, group index, index group.
Saved = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# The same with its code kept apart in a file (see KeptCode.take_code_apart): its number there.
Placed = int


class KeptCode:
    """`re.compile` for the patterns whose code it keeps (by pattern and flags).

    Kept with the rules, it keeps its code apart, in a file of the cache folder named from what
    it holds (`take_code_apart`, `read_code_from`): a check of one letter restores a tenth of the
    patterns, and reading the rules then reads only their code, not four megabytes of it."""

    def __init__(self, table: dict[tuple[str, int], Saved | Placed], record: bool = False) -> None:
        self._table: dict[tuple[str, int], Saved | Placed] | None = table
        self._packed: tuple[Any, ...] | None = None  # what makes the table, as read back
        self._record = record
        self.apart: str | None = None  # the name of the file that holds the code kept apart
        # of each pattern placed in that file, by its number there: where its code ends, the
        # flags and groups the engine is told, and its named groups (for those that have any)
        self._ends, self._flags, self._groups = array("Q"), array("q"), array("q")
        self._named: dict[int, dict[str, int]] = {}
        self._folder = ""  # the folder it is in
        self._code: Any = None  # its bytes (mapped into memory when first read); False: unread

    @property
    def table(self) -> dict[tuple[str, int], Saved | Placed]:
        """What it keeps of each pattern, by its text and flags."""
        found = self._table
        if found is None:
            assert self._packed is not None, "a table, or the state it was read from"
            patterns, flags, numbers, others = self._packed
            keys = zip(patterns, _ints("q", flags), strict=True)
            found = dict(zip(keys, _ints("q", numbers), strict=True))
            found.update(others)
            self._table, self._packed = found, None
        return found

    def __getstate__(self) -> tuple[Any, ...]:
        """Read back by every check: the patterns placed in the file as their texts and arrays
        of numbers, a few objects where a table of tuples and dicts is six for each of 1,800
        patterns (1.5 ms of the check's start); the table is made again (a tenth of a
        millisecond) when a pattern is first compiled. Those not placed as they are."""
        placed = [(key, kept) for key, kept in self.table.items() if isinstance(kept, int)]
        others = {key: kept for key, kept in self.table.items() if not isinstance(kept, int)}
        return (
            self.apart,
            tuple(pattern for (pattern, _), _ in placed),
            array("q", [flags for (_, flags), _ in placed]).tobytes(),
            array("q", [number for _, number in placed]).tobytes(),
            others,
            self._ends.tobytes(),
            self._flags.tobytes(),
            self._groups.tobytes(),
            self._named,
        )

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.apart, patterns, flags, numbers, others, ends, code_flags, groups, named = state
        sizes = {len(ends), len(code_flags), len(groups)}
        if len(flags) != 8 * len(patterns) or len(numbers) != len(flags) or len(sizes) != 1:
            raise TypeError("not a KeptCode's state")  # (the rules are then read again)
        self._table, self._packed = None, (patterns, flags, numbers, others)
        self._ends, self._flags = _ints("Q", ends), _ints("q", code_flags)
        self._groups, self._named = _ints("q", groups), named
        self._record, self._folder, self._code = False, "", None

    @classmethod
    def recording(cls) -> KeptCode:
        """One that compiles every pattern from its text, and keeps its code."""
        return cls({}, record=True)

    def __call__(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, flags)
        table = self.table
        kept = table.get(key)
        if kept is None and self._record:
            kept = _save(pattern, flags)
            if kept is None:
                return re.compile(pattern, flags)
            table[key] = kept
        return restore(pattern, flags, self._saved(kept) if kept is not None else None)

    def take_code_apart(self) -> bytes:
        """The code of every pattern kept, one after the other, to be written to a file (see
        read_code_from); the table keeps each pattern's number there."""
        table, end = self.table, 0
        parts: list[bytes] = []
        # (what each holds read before any is numbered afresh: a second call finds it all)
        every = [(key, self._saved(kept)) for key, kept in table.items()]
        self._ends, self._flags, self._groups, self._named = array("Q"), array("q"), array("q"), {}
        for key, saved in every:
            if saved is None:
                continue
            flags, raw, groups, groupindex, _ = saved
            table[key] = len(parts)
            if groupindex:
                self._named[len(parts)] = groupindex
            parts.append(raw)
            end += len(raw)
            self._ends.append(end)
            self._flags.append(flags)
            self._groups.append(groups)
        code = self._code = b"".join(parts)
        return code

    def read_code_from(self, folder: str, name: str | None = None) -> None:
        """Read the code kept apart from the file `name` (the one it was kept in when None)
        in `folder`, when a pattern first needs it. A pattern whose code cannot be read is
        compiled from its text."""
        if name is not None:
            self.apart = name
        self._folder = folder

    def _saved(self, kept: Saved | Placed) -> Saved | None:
        if not isinstance(kept, int):
            return kept
        if self._code is None:
            self._code = _mapped(os.path.join(self._folder, self.apart or ""))
        if not self._code or not 0 <= kept < len(self._ends):
            return None
        start, end = self._ends[kept - 1] if kept else 0, self._ends[kept]
        raw = self._code[start:end]
        if len(raw) != end - start:
            return None
        groups, groupindex = self._groups[kept], dict(self._named.get(kept, {}))
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, number in groupindex.items():
            if not 0 < number <= groups:
                return None
            indexgroup[number] = name
        return (self._flags[kept], raw, groups, groupindex, tuple(indexgroup))


def _ints(kind: str, raw: bytes) -> array[int]:
    made = array(kind)
    made.frombytes(raw)
    return made


def _mapped(path: str) -> Any:
    """The file mapped into memory, read only (pages are read as they are touched); False
    when it cannot be."""
    import mmap

    try:
        with open(path, "rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty
        return False


def pickler(out: IO[bytes]) -> pickle.Pickler:
    """A pickler that writes compiled patterns as their code (restored as they are read), and
    each plain value once (see sharing_pickler.py)."""
    import copyreg
    import pickle

    from followup.adapters.sharing_pickler import SharingPickler

    writer = SharingPickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    writer.dispatch_table = copyreg.dispatch_table.copy()
    writer.dispatch_table[re.Pattern] = _reduce
    return writer


def restore(pattern: str, flags: int, saved: Saved | None) -> re.Pattern[str]:
    """The compiled pattern, from its code when that is given and the engine takes it."""
    if saved is not None:
        try:
            return _engine(pattern, *saved)
        except Exception:
            pass
    return re.compile(pattern, flags)


def _reduce(compiled: re.Pattern[str]) -> tuple[Any, tuple[str, int, Saved | None]]:
    pattern, flags = compiled.pattern, compiled.flags & ~re.UNICODE
    saved = _save(pattern, flags)
    if saved is not None and _engine(pattern, *saved) != compiled:
        saved = None
    return restore, (pattern, flags, saved)


def _save(pattern: str, flags: int) -> Saved | None:
    """The pattern's code, as the standard library's compiler (written in Python) makes it."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        tree = parser.parse(pattern, flags)
        code = compiler._code(tree, flags)
        state = tree.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        raw = array("I", code).tobytes()
        return (flags | state.flags, raw, state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # a Python whose compiler works otherwise: nothing is kept
        return None


def _engine(
    pattern: str,
    flags: int,
    raw: bytes,
    groups: int,
    groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[str]:
    code = array("I")
    code.frombytes(raw)
    made: re.Pattern[str] = _SRE.compile(
        pattern, flags, code.tolist(), groups, groupindex, indexgroup
    )
    return made


# How many patterns a process keeps for the next (see `keep`): those a check of one letter
# compiles are about sixty; a run that compiled more read the rules afresh.
_MOST = 160


def kept_file(folder: str) -> str:
    """The file in the cache folder that keeps the patterns a command compiled (`keep`), named
    for the Python whose code it holds."""
    tag = f"{sys.implementation.cache_tag}-{getattr(_SRE, 'MAGIC', 0)}"
    return os.path.join(folder, f"patterns-{tag}.marshal")


def prime(path: str) -> dict[tuple[str, int], Saved]:
    """Put the patterns kept at `path` (see `keep`) into the `re` module's own cache, restored
    from their code: those Followup's modules compile as they are imported and those a check
    compiles as it runs (forty of them, a third of a millisecond each) then take microseconds,
    as `re.compile` finds them there. A pattern not kept is compiled as usual. Returns what the
    file held; nothing when there is no file, or it cannot be read."""
    cache = getattr(re, "_cache", None)
    try:
        with open(path, "rb") as kept:  # whole: `marshal.load` reads it piece by piece
            table = marshal.loads(kept.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(cache, dict) or not isinstance(table, dict):
        return {}
    for key, saved in table.items():
        try:
            pattern, flags = key
            fresh = (str, pattern, flags) not in cache
            if fresh and isinstance(pattern, str) and isinstance(flags, int):
                cache[str, pattern, flags] = _engine(pattern, *saved)
        except Exception:  # written by another version: that pattern is compiled as usual
            continue
    return table


def keep(path: str, kept: dict[tuple[str, int], Saved]) -> None:
    """Write the patterns in the `re` module's cache to `path`, as their code, when this
    process compiled patterns that were not kept (`kept`, what `prime` found): all of them on
    the first run, four or more after a change to the code. A run that compiled more than
    `_MOST` (reading the rules afresh) writes nothing; a folder that cannot be written is no
    error."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    keys = [(key[1], key[2]) for key in list(cache) if key[0] is str and isinstance(key[2], int)]
    new = [key for key in keys if key not in kept]
    if len(keys) > _MOST or len(new) < (4 if kept else 1):
        return
    table: dict[tuple[str, int], Saved] = {}
    for key in keys:
        saved = kept.get(key)
        if saved is None:
            saved = _save(*key)
            compiled = cache[str, key[0], key[1]]
            if saved is None or not _same(_engine(key[0], *saved), compiled):
                continue
        table[key] = saved
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            marshal.dump(table, out)
        os.replace(temporary, path)
    except OSError:
        pass


def _same(restored: re.Pattern[str], compiled: re.Pattern[str]) -> bool:
    return restored == compiled and restored.groupindex == compiled.groupindex
