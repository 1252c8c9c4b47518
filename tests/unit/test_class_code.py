"""The methods `dataclasses` writes, kept as their code by one process (adapters/class_code.py)
and executed by the next instead of compiled again, make the classes compiling makes."""

from __future__ import annotations

import collections
import dataclasses
import marshal
import subprocess
import sys
import types
from pathlib import Path

import pytest

from followup.adapters import class_code

_CLASS = '''
from __future__ import annotations
import dataclasses


@dataclasses.dataclass(frozen=True, slots=True, order=True)
class Kept:
    """A class whose methods are kept."""

    name: str
    size: int = 3
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
'''


def _define(tmp_path: Path) -> type:
    module = types.ModuleType("kept_module")
    sys.modules["kept_module"] = module
    try:
        exec(compile(_CLASS, str(tmp_path / "kept_module.py"), "exec"), module.__dict__)
    finally:
        del sys.modules["kept_module"]
    return module.Kept  # type: ignore[no-any-return]


def _behaviour(cls: type) -> list[object]:
    a, b = cls("a"), cls("b", 5, ("x",))
    try:
        a.name = "c"
        frozen = False
    except dataclasses.FrozenInstanceError:
        frozen = True
    return [repr(a), repr(b), a == cls("a"), a < b, hash(a) == hash(cls("a")), frozen, b.tags]


@pytest.fixture
def unpatched(monkeypatch):
    for module, name in ((dataclasses, "exec"), (collections, "eval")):
        monkeypatch.delattr(module, name, raising=False)
    yield monkeypatch
    for module, name in ((dataclasses, "exec"), (collections, "eval")):
        monkeypatch.delattr(module, name, raising=False)


def _unpatch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(dataclasses, "exec")
    monkeypatch.delattr(collections, "eval")


def _pair() -> list[object]:
    """A named tuple's behaviour (its `__new__` is written with eval)."""
    pair = collections.namedtuple("pair", "left right", defaults=(2,))
    return [pair(1), pair(1, right=3), repr(pair(left=0)), pair._make([4, 5])]


def test_methods_kept_by_one_process_are_executed_by_the_next_without_compiling(
    tmp_path, unpatched
):
    before = _behaviour(_define(tmp_path)), _pair()
    path = class_code.kept_file(str(tmp_path / "cache"))
    methods, tuples = class_code.install(path)
    assert (methods.mode, tuples.mode) == ("exec", "eval")
    assert not methods.table and not tuples.table
    first = _behaviour(_define(tmp_path)), _pair()
    assert methods.new >= 5  # __init__, __repr__, __eq__, the orderings, __hash__, ...
    assert tuples.new == 1
    class_code.keep(path, (methods, tuples))
    assert Path(path).is_file()

    _unpatch(unpatched)
    again = class_code.install(path)
    assert [set(m.table) for m in again] == [set(methods.table), set(tuples.table)]

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compiled again: {args[0]!r}")

    unpatched.setattr(class_code, "compile", no_compiling, raising=False)
    assert (_behaviour(_define(tmp_path)), _pair()) == first == before
    assert [m.new for m in again] == [0, 0]
    written = Path(path).read_bytes()
    class_code.keep(path, again)  # nothing new: the file is left as it is
    assert Path(path).read_bytes() == written


@pytest.mark.parametrize(
    "content", [b"", b"\x00not marshal", b"\xe9" * 40, b"\xfb\x00", marshal.dumps({"exec": 1})]
)
def test_a_missing_or_unreadable_file_compiles_as_usual(tmp_path, content, unpatched):
    path = tmp_path / "bad.marshal"
    path.write_bytes(content)
    methods, tuples = class_code.install(str(path))
    assert methods.table == {} and tuples.table == {}
    assert _behaviour(_define(tmp_path)) == _behaviour(_define(tmp_path))
    assert _pair() == _pair()
    assert methods.new >= 5 and tuples.new == 1


def test_installed_once_only(tmp_path, unpatched):
    assert len(class_code.install(str(tmp_path / "a.marshal"))) == 2
    assert class_code.install(str(tmp_path / "b.marshal")) == ()


def test_the_check_in_its_own_process_keeps_the_methods_and_finds_the_same(tmp_path):
    """Checked by the console script: the first run keeps the methods' code, the next ones
    execute it, and the findings are the same as those of a check called with argv (as the
    tests call it), which keeps nothing."""
    import os

    env = {**os.environ, "FOLLOWUP_DATABASE": str(tmp_path / "f.sqlite3")}
    env["FOLLOWUP_CONFIG"] = str(tmp_path / "config")
    run = [sys.executable, "-m", "followup"]
    notes = Path(__file__).parents[1] / "data" / "notes.json"
    subprocess.run([*run, "import", str(notes)], capture_output=True, check=True, env=env)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Dana,\n\nI am so sorry to bother you again.\n\nSam\n", encoding="utf-8")
    check = ["check", str(letter), "--opportunity", "acme-ae", "--to", "Dana Reyes", "--json"]
    outputs = [
        subprocess.run([*run, *check], capture_output=True, env=env, text=True) for _ in range(3)
    ]
    kept = list((tmp_path / "config" / "cache").glob("classes-*.marshal"))
    assert len(kept) == 1
    called = "import sys; from followup.cli.main import main; sys.exit(main(sys.argv[1:]))"
    direct = subprocess.run(
        [sys.executable, "-c", called, *check], capture_output=True, env=env, text=True
    )
    assert outputs[0].returncode == 1 and '"needy"' in outputs[0].stdout
    for done in outputs:
        assert (done.returncode, done.stdout, done.stderr) == (
            direct.returncode,
            direct.stdout,
            direct.stderr,
        )


def test_a_process_that_compiles_keeps_only_what_it_read(tmp_path, unpatched):
    """After an upgrade the classes' sources change: what no process reads any more is
    dropped when the file is written again, so the file never fills with old code."""
    path = tmp_path / "kept.marshal"
    stale = compile("def gone(): pass", "<string>", "exec", dont_inherit=True)
    path.write_bytes(marshal.dumps({"exec": {"def gone(): pass": stale}, "eval": {}}))
    methods, tuples = class_code.install(str(path))
    assert set(methods.table) == {"def gone(): pass"}
    before = _behaviour(_define(tmp_path))
    class_code.keep(str(path), (methods, tuples))
    _unpatch(unpatched)
    again, _ = class_code.install(str(path))
    assert "def gone(): pass" not in again.table
    assert set(again.table) == set(methods.used) and len(again.table) >= 5
    assert _behaviour(_define(tmp_path)) == before and again.new == 0
