"""The check's named tuples are declared as with typing.NamedTuple, without loading typing
(domain/tuples.py): the classes made behave as typing's do."""

from __future__ import annotations

import pickle
import subprocess
import sys
import typing

import pytest

from followup.domain import tuples


def _declare(base: type) -> type:
    class Span(base):  # type: ignore[valid-type,misc]
        """Where something is in a letter."""

        start: int
        end: int = 0
        label: str = "x"

        @property
        def size(self) -> int:
            return self.end - self.start

        def moved(self, by: int) -> Span:
            return self._replace(start=self.start + by, end=self.end + by)

    return Span


def _behaviour(cls: type) -> list[object]:
    a = cls(2, 5)
    return [
        cls.__name__,
        cls.__qualname__.rsplit(".", 1)[-1],
        cls.__doc__,
        cls._fields,
        cls._field_defaults,
        tuple(a),
        repr(a),
        a.size,
        tuple(a.moved(3)),
        a == (2, 5, "x"),
        hash(a) == hash((2, 5, "x")),
        a._asdict(),
        tuple(cls._make([1, 2, "y"])),
        [c.__name__ for c in cls.__mro__],
    ]


def test_a_declared_class_is_made_as_typing_makes_it():
    ours, theirs = _declare(tuples.NamedTuple), _declare(typing.NamedTuple)
    assert _behaviour(ours) == _behaviour(theirs)
    assert ours.__module__ == theirs.__module__ == __name__


def test_its_objects_pickle_by_the_class_name():
    from followup.domain.letters.rulebook import Condition

    plain = Condition("praise")
    again = pickle.loads(pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(again) is Condition and again == plain and again.plain


def test_it_refuses_what_typing_refuses():
    with pytest.raises(TypeError, match="Non-default namedtuple field b cannot follow"):

        class Bad(tuples.NamedTuple):
            a: int = 0
            b: int

    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _make"):

        class Worse(tuples.NamedTuple):
            a: int

            def _make(self) -> None: ...


def test_the_check_loads_no_typing():
    code = (
        "import sys; import followup.adapters.check_rules, followup.services.letters, "
        "followup.adapters.storage.sqlite.store, followup.cli.format; "
        "print('typing' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"
