"""What makes `followup check` start sooner changes nothing it finds: the regular expressions one
process compiled are kept as their code and restored by the next exactly as `re.compile` makes
them, and the modules the check never uses are not loaded (bench/check_startup.py measures it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from followup.adapters import regex_cache
from followup.adapters.regex_cache import keep, kept_file, prime

DATA = Path(__file__).parents[1] / "data"

# Patterns of several kinds: a named group and its back-reference, flags, a class of letters
# beyond ASCII, a look-behind, a group that repeats.
_PATTERNS = [
    (r"(?P<first>[A-ZÀ-ÖØ-Þ][\w'’-]+)[ \t]+(?P=first)", 0),
    (r"\bkept[ \t]+(?:as|like)[ \t]+code\b", re.IGNORECASE),
    (r"(?<=[.!?])[\"'”’)\]]*\s+|\n[ \t]*\n", re.MULTILINE),
    (r"^(?:[-*•][ \t]*)?(\d{1,2})(?:[.)]\s+(\w+))+", re.MULTILINE | re.IGNORECASE),
]
_TEXT = "Kept AS code. Élise Élise said:\n\n- 12. one) two\n3) three. “Done.” Ok"


@pytest.fixture
def fresh_cache():
    re.purge()
    yield
    re.purge()


def test_patterns_kept_by_one_process_are_restored_by_the_next_as_compiling_makes_them(
    tmp_path, monkeypatch, fresh_cache
):
    compiled = [re.compile(pattern, flags) for pattern, flags in _PATTERNS]
    path = kept_file(str(tmp_path / "cache"))
    keep(path, {})
    assert Path(path).is_file()
    re.purge()
    kept = prime(path)
    assert set(_PATTERNS) <= set(kept)

    def no_compiling(*args: object) -> None:
        raise AssertionError(f"compiled again: {args}")

    monkeypatch.setattr(re._compiler, "compile", no_compiling)
    for (pattern, flags), before in zip(_PATTERNS, compiled, strict=True):
        again = re.compile(pattern, flags)
        assert again is not before
        assert again == before
        assert again.groupindex == before.groupindex
        assert again.groups == before.groups
        assert [m.groups() for m in again.finditer(_TEXT)] == [
            m.groups() for m in before.finditer(_TEXT)
        ]
        assert again.sub("|", _TEXT) == before.sub("|", _TEXT)
    monkeypatch.undo()
    assert re.compile(r"\bnot kept\b").search("it was not kept")  # anything else compiles


def test_a_process_that_compiled_more_than_a_check_does_keeps_nothing(tmp_path, fresh_cache):
    for n in range(regex_cache._MOST + 1):
        re.compile(rf"\bword{n}\b")
    path = kept_file(str(tmp_path))
    keep(path, {})
    assert not Path(path).exists()


def test_the_kept_patterns_are_written_again_only_when_several_are_new(tmp_path, fresh_cache):
    path = kept_file(str(tmp_path))
    for pattern, flags in _PATTERNS:
        re.compile(pattern, flags)
    keep(path, {})
    re.purge()
    kept = prime(path)
    written = Path(path).read_bytes()
    for n in range(3):  # a few new ones (a company's name, a letter's word): left as they are
        re.compile(rf"\bname{n}\b")
    keep(path, kept)
    assert Path(path).read_bytes() == written
    re.compile(r"\bname3\b")  # four new ones: a change to the code, kept with the rest
    keep(path, kept)
    again = prime(path)
    assert set(again) == set(kept) | {(rf"\bname{n}\b", 0) for n in range(4)}


@pytest.mark.parametrize("content", [b"", b"\x00not marshal", b"\xe9" * 40])
def test_a_missing_or_unreadable_file_primes_nothing(tmp_path, content, fresh_cache):
    assert prime(str(tmp_path / "none.marshal")) == {}
    path = tmp_path / "bad.marshal"
    path.write_bytes(content)
    assert prime(str(path)) == {}
    assert re.compile(r"\w+").findall("still compiles") == ["still", "compiles"]


def test_the_check_in_its_own_process_finds_what_it_finds_called_and_loads_no_inspect(tmp_path):
    """The console script (`python -m followup`) restores what the previous check kept and
    finds the same; called with argv (as the tests call it), nothing of that happens."""
    env = {**os.environ, "FOLLOWUP_DATABASE": str(tmp_path / "f.sqlite3")}
    env["FOLLOWUP_CONFIG"] = str(tmp_path / "config")
    cache = tmp_path / "config" / "cache"
    notes = DATA / "notes.json"
    run = [sys.executable, "-m", "followup"]
    subprocess.run([*run, "import", str(notes)], capture_output=True, check=True, env=env)
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Dear Dana,\n\nThank you for your time. You are the best manager I have ever met, and "
        "I would love to hear your decision by Friday.\n\nBest,\nSam\n",
        encoding="utf-8",
    )
    check = ["check", str(letter), "--opportunity", "acme-ae", "--to", "Dana Reyes"]
    outputs = []
    for n in range(6):
        shown = ["--json"] if n % 2 else []
        done = subprocess.run([*run, *check, *shown], capture_output=True, env=env, text=True)
        outputs.append((done.returncode, done.stdout, done.stderr))
        assert bool(list(cache.glob("patterns-*"))) == (n > 0)  # the first read the rules
    assert outputs[0][0] == 1 and "flattery" in outputs[0][1]
    assert outputs[2:] == outputs[:2] * 2
    shown = (  # loaded: the modules themselves, not what stands in for them
        "print(code, sorted(m for m in ('ast', 'dis', 'tokenize', 'inspect', 'ipaddress', "
        "'pathlib', 'typing') if type(sys.modules.get(m)).__name__ == 'module'))"
    )
    own = f"import sys; from followup.cli.main import main; sys.argv = {['followup', *check]!r}; "
    done = subprocess.run(
        [sys.executable, "-c", own + "code = main(); " + shown],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.stdout == outputs[0][1] + "1 []\n", done.stderr
    called = f"import sys; from followup.cli.main import main; code = main({check!r}); "
    done = subprocess.run(
        [sys.executable, "-c", called + shown], capture_output=True, text=True, env=env
    )
    # (the check loads neither pathlib, whose urllib.parse loads ipaddress, nor typing)
    assert done.stdout == outputs[0][1] + "1 ['ast', 'dis', 'inspect', 'tokenize']\n", done.stderr


def test_the_rules_read_back_restore_their_patterns_from_the_code_kept_apart(
    tmp_path, monkeypatch, fresh_cache
):
    """The rules are kept in one file and their patterns' code in another, named from what it
    holds; without that file, each pattern is compiled from its text, and is the same."""
    from followup.adapters.check_rules import build_checker

    build_checker(None, cache=tmp_path)
    (code,) = tmp_path.glob("code-*.bin")
    (rules,) = tmp_path.glob("rules-*.pickle")
    assert rules.stat().st_size < code.stat().st_size
    patterns = build_checker(None, cache=tmp_path).rules.patterns()[::20]
    expected = [re.compile(p.pattern, p.flags) for p in patterns]
    re.purge()

    def no_compiling(*args: object) -> None:
        raise AssertionError(f"compiled from its text: {args}")

    monkeypatch.setattr(re._compiler, "compile", no_compiling)
    assert [p.compiled for p in patterns] == expected
    monkeypatch.undo()
    code.unlink()
    again = build_checker(None, cache=tmp_path).rules.patterns()[::20]
    assert [p.compiled for p in again] == expected


@pytest.mark.parametrize("damage", ["halved", "scrambled"])
def test_rules_whose_kept_code_is_damaged_compile_each_pattern_from_its_text(
    tmp_path, damage, fresh_cache
):
    """A code file cut short, or overwritten with other bytes of its length, makes no pattern
    other than `re.compile` makes, and fails no check."""
    from followup.adapters.check_rules import build_checker

    build_checker(None, cache=tmp_path)
    (code,) = tmp_path.glob("code-*.bin")
    raw = code.read_bytes()
    code.write_bytes(raw[: len(raw) // 2] if damage == "halved" else bytes(reversed(raw)))
    checker = build_checker(None, cache=tmp_path)
    patterns = checker.rules.patterns()
    assert [p.compiled for p in patterns] == [re.compile(p.pattern, p.flags) for p in patterns]
    assert checker.rules.maker.table  # type: ignore[attr-defined]


def test_the_rules_read_back_keep_the_probes_a_check_reads_and_not_those_it_does_not(tmp_path):
    """The probes of a rule's patterns are read into the rulebook's selections as the rules
    are (the selections read back equal those built); those of its exclusions are read by the
    check, and kept."""
    from followup.adapters.check_rules import build_checker

    built = build_checker(None, spelling=False).rules
    build_checker(None, spelling=False, cache=tmp_path)
    kept = build_checker(None, spelling=False, cache=tmp_path).rules
    exclusions = built["missing-thanks"].exclusions
    assert exclusions
    assert [kept["missing-thanks"].probes[p] for p in kept["missing-thanks"].exclusions] == [
        built["missing-thanks"].probes[p] for p in exclusions
    ]
    for rule_id, rule in built.rules.items():
        assert kept[rule_id].pattern_triggers == ()
        for kind in ("patterns", "questions", "requests"):
            ours, theirs = kept._selections[rule_id, kind], built._selections[rule_id, kind]
            assert ours.entries == theirs.entries
            assert len(getattr(kept[rule_id], kind)) == len(getattr(rule, kind))
    assert kept.triggers.sets == built.triggers.sets


def test_code_taken_apart_twice_keeps_every_pattern(fresh_cache):
    from followup.adapters.regex_cache import KeptCode

    maker = KeptCode.recording()
    made = [maker(pattern, flags) for pattern, flags in _PATTERNS]
    first = maker.take_code_apart()
    assert maker.take_code_apart() == first
    assert [maker(pattern, flags) for pattern, flags in _PATTERNS] == made
    assert made == [re.compile(pattern, flags) for pattern, flags in _PATTERNS]
