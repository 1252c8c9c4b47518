"""A pickler that writes each plain value once: equal strings, whole numbers, and tuples and
frozensets of them, are read back as one object.

The check's rules are kept pickled (check_rules.py) and read by every `followup check`, where
reading them is the largest single part of the start: the time goes by the number of objects
read. Half of them repeat another's value as another object (a word lowercased, folded or split
out of each of the lists that hold it, the same probe for the same pattern in two rules): read
back as one, they cost nothing more than a reference. Only values whose identity no code can
tell apart are shared: `str`, `int`, and exact `tuple`s and `frozenset`s of such values (not a
named tuple, whose identity a letter keys its notes by, not a list or a dict, which may change).

Writing this way runs in Python (the standard library's own pickler, as it dispatches by type),
a few tenths of a second more for rules that take seconds to read afresh.
"""

from __future__ import annotations

import pickle

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any, ClassVar

_ATOMS = (str, int, bytes, bool, type(None))  # (no float: 0.0 == -0.0, but either is kept)
_Base: Any = getattr(pickle, "_Pickler", None) or pickle.Pickler  # the one written in Python


class SharingPickler(_Base):  # type: ignore[misc]
    """`pickle.Pickler`, but a plain value equal to one written before is written as a
    reference to it."""

    dispatch: ClassVar[dict[type, Any]] = dict(getattr(_Base, "dispatch", {}))

    def __init__(self, out: IO[bytes], protocol: int | None = None) -> None:
        super().__init__(out, protocol=protocol)
        self._first: dict[Any, Any] = {}  # by value (see `_key`): its first object written
        self._keys: dict[int, tuple[Any, Any]] = {}  # by id: a container's key, and itself

    def _key(self, obj: Any) -> Any:
        """What tells the value apart, types included ((1,) is not (True,)); None for an
        object that is not plain."""
        kind = type(obj)
        if kind in _ATOMS:
            return (kind, obj)
        if kind is not tuple and kind is not frozenset:
            return None
        known = self._keys.get(id(obj))
        if known is None:  # (the object kept with its key: its id is not reused)
            keys = [self._key(x) for x in obj]
            key = None if None in keys else (kind, kind(keys))
            known = self._keys[id(obj)] = (key, obj)
        return known[0]

    def _once(self, obj: Any, key: Any, write: Any) -> None:
        """Write a reference to the first object of that value, or `obj` itself (memoized)."""
        first = self._first.setdefault(key, obj)
        if first is not obj:
            known = self.memo.get(id(first))
            if known is not None:
                self.write(self.get(known[0]))
                return
        write(self, obj)

    def save_str(self, obj: str) -> None:
        self._once(obj, (str, obj), _Base.save_str)

    def save_tuple(self, obj: tuple[Any, ...]) -> None:
        key = self._key(obj) if obj else None
        if key is None:
            _Base.save_tuple(self, obj)
        else:
            self._once(obj, key, _Base.save_tuple)

    def save_frozenset(self, obj: frozenset[Any]) -> None:
        key = self._key(obj) if obj else None
        if key is None:
            _Base.save_frozenset(self, obj)
        else:
            self._once(obj, key, _Base.save_frozenset)

    def save_long(self, obj: int) -> None:
        if 0 <= obj < 257:  # one object in every Python already
            _Base.save_long(self, obj)
        else:
            self._once(obj, (int, obj), _save_int)

    if "dispatch" in vars(_Base):
        dispatch[str] = save_str
        dispatch[tuple] = save_tuple
        dispatch[frozenset] = save_frozenset
        dispatch[int] = save_long


def _save_int(pickler: Any, obj: int) -> None:
    """An int, memoized (the pickler writes ints as values, never as references)."""
    _Base.save_long(pickler, obj)
    pickler.memoize(obj)
