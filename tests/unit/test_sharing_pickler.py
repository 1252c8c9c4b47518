"""The pickler that keeps the check's rules writes each plain value once: what is read back equals
what was written, with equal strings, numbers, tuples and frozensets read as one object, and no
value whose type or identity could tell two apart merged."""

from __future__ import annotations

import gc
import io
import pickle
from collections import namedtuple

from followup.adapters.sharing_pickler import SharingPickler

Pair = namedtuple("Pair", "a b")


class Made:
    """Pickled as a tuple made afresh each time, freed once written (its address free again)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __reduce__(self) -> tuple[type, tuple[int]]:
        return (Made, (self.n + 1000,))


def _round_trip(value: object) -> object:
    out = io.BytesIO()
    SharingPickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return pickle.loads(out.getvalue())


def _copies(word: str) -> list[str]:
    return ["".join(word) for _ in range(3)]  # equal strings, each its own object


def test_equal_strings_written_as_separate_objects_are_read_back_as_one():
    words = _copies("hiring")
    assert len({id(w) for w in words}) == 3
    back = _round_trip({"list": words, "set": frozenset(_copies("hiring")), "one": "hiring"})
    assert back == {"list": ["hiring"] * 3, "set": frozenset({"hiring"}), "one": "hiring"}
    assert back["list"][0] is back["list"][2] is back["one"] is next(iter(back["set"]))


def test_equal_plain_tuples_and_frozensets_are_read_back_as_one_object():
    value = [
        (int("1000"), "a", (None, True)),
        (int("1000"), "a", (None, True)),
        frozenset({"x", "y"}),
        frozenset({"y", "x"}),
    ]
    assert value[0] is not value[1]
    back = _round_trip(value)
    assert back == value
    assert back[0] is back[1] and back[2] is back[3]
    assert back[0][0] is back[1][0]  # a number past the ones Python keeps once


def test_values_equal_across_types_stay_apart():
    back = _round_trip([(1,), (True,), (1.0,), (0.0,), (-0.0,), frozenset({1}), frozenset({True})])
    assert [type(t[0]) if isinstance(t, tuple) else type(next(iter(t))) for t in back] == [
        int,
        bool,
        float,
        float,
        float,
        int,
        bool,
    ]
    assert str(back[4][0]) == "-0.0"


def test_named_tuples_lists_and_dicts_keep_their_own_identity():
    value = [Pair(1, 2), Pair(1, 2), [1], [1], {"k": 1}, {"k": 1}, ([1],), ([1],)]
    back = _round_trip(value)
    assert back == value
    assert len({id(x) for x in back}) == len(back)
    back[2].append(2)
    assert back[3] == [1]
    back[6][0].append(2)
    assert back[7] == ([1],)


def test_a_value_made_while_pickling_is_never_taken_for_another_of_the_same_address():
    gc.collect()
    back = _round_trip([Made(n) for n in range(300)])
    assert [m.n for m in back] == list(range(1000, 1300))


def test_objects_shared_before_pickling_are_shared_after():
    inner = frozenset({"a"})
    value = {"first": [inner], "second": [inner]}
    back = _round_trip(value)
    assert back["first"][0] is back["second"][0]
