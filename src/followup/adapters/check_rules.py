"""The letter check, built from the shipped rules and the user's additions, and kept between runs.

`<config>/check/rules.json` extends the shipped `checks/rules.json` (lists are added to, never
replaced); `<config>/check/words.txt` adds words the spell checker should know.

Reading the rules (the words each pattern needs, see domain/letters/probes.py) and compiling their
patterns take a few tenths of a second; the result is kept in the cache folder under a name made
from the rules and the code that reads them, so that `followup check` starts in milliseconds and a
change to either is never served stale. The patterns are kept compiled (see regex_cache.py), and
a run that finds its rules kept does not read the rules' JSON at all.
"""

from __future__ import annotations

import json
import os
import sys
import zlib

from followup.adapters.gazetteer import Gazetteer
from followup.adapters.nicknames import Nicknames
from followup.adapters.pastimes import Pastimes
from followup.adapters.spelling import SpellingDictionary
from followup.domain.errors import BadInput
from followup.domain.letters.check import LetterChecker
from followup.domain.letters.rulebook import Rulebook, merge_rules

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Folder = str | os.PathLike[str]

    from followup.domain.letters.atoms import Needs
    from followup.domain.letters.rulebook import ScreenInputs

# Files read as paths (importlib.resources costs the start 5 ms): Followup is installed as files.
# Paths as strings: pathlib (and the urllib.parse it imports) is 2 ms of the check's start-up.
_HERE = os.path.dirname(__file__)
_PACKAGE = os.path.dirname(_HERE)
SHIPPED = os.path.join(_PACKAGE, "checks")
_LETTERS = os.path.join(_PACKAGE, "domain", "letters")
# The code whose output the cache holds: a change to any of these makes a new cache entry.
_READERS = (
    os.path.join(_LETTERS, "rulebook.py"),
    os.path.join(_LETTERS, "probes.py"),
    os.path.join(_LETTERS, "triggers.py"),
    os.path.join(_LETTERS, "addressing.py"),
    os.path.join(_LETTERS, "asking.py"),
    os.path.join(_LETTERS, "atoms.py"),
    os.path.join(_LETTERS, "loosen.py"),
    os.path.join(_HERE, "regex_cache.py"),
    os.path.join(_HERE, "sharing_pickler.py"),
)


def shipped_rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_bytes(os.path.join(SHIPPED, "rules.json")))
    return data


def load_rules(user_folder: Folder | None = None) -> dict[str, Any]:
    extra_file = os.path.join(user_folder, "rules.json") if user_folder is not None else None
    return _rules(
        _bytes(os.path.join(SHIPPED, "rules.json")),
        _read(extra_file) if extra_file else None,
        extra_file,
    )


def _rules(shipped: bytes, extra: bytes | None, extra_file: str | None) -> dict[str, Any]:
    """The shipped rules with the user's additions (the bytes of both files)."""
    data: dict[str, Any] = json.loads(shipped)
    if extra is not None and extra_file is not None:
        try:
            added = json.loads(extra)
        except json.JSONDecodeError as error:
            raise BadInput(
                f"{_shown(extra_file)}: expected JSON, {error.msg} at line {error.lineno}"
            ) from None
        except UnicodeDecodeError:
            raise BadInput(
                f"{_shown(extra_file)}: expected JSON, found bytes that are not text"
            ) from None
        if not isinstance(added, dict):
            raise BadInput(f"{_shown(extra_file)}: expected a JSON object keyed by rule id")
        data = merge_rules(data, added)
        for rule_id in added:  # marked for the learned reader, which leaves them as found
            if isinstance(data.get(rule_id), dict):
                data[rule_id] = {**data[rule_id], "user": True}
    return data


def _shown(path: str) -> str:
    """A file named as pathlib names it (loaded only to say what is wrong with one)."""
    from pathlib import Path

    return str(Path(path))


def _make_screen(needs: list[Needs], forms: list[bytes | None]) -> Any:
    from followup.adapters.pattern_screen import make_screen  # when many letters first need it

    return make_screen(needs, forms)


class _KeptInputs:
    """The screen's inputs (see Rulebook.screen_inputs) kept in a file of the cache folder,
    named as the rules' own: worked out by the first run that needs them (a third of a second),
    then read (a few milliseconds). Apart from the rules, so a check of one letter reads none."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, work_out: Callable[[], ScreenInputs]) -> ScreenInputs:
        import pickle

        try:
            with open(self.path, "rb") as kept:
                found = pickle.load(kept)
            if _are_inputs(found):
                return found  # type: ignore[no-any-return]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass  # not made yet, or by another version: work them out again
        inputs = work_out()
        write_atomically(self.path, pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
        return inputs


def _are_inputs(found: object) -> bool:
    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], list)
        and isinstance(found[1], list)
        and len(found[0]) == len(found[1])
    )


def _read(path: str) -> bytes | None:
    return _bytes(path) if os.path.isfile(path) else None


def _bytes(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def build_checker(
    user_folder: Folder | None = None,
    spelling: bool = True,
    cache: Folder | None = None,
    screen: bool = True,
) -> LetterChecker:
    """The check for the shipped rules and the user's; with a cache folder, the rules read
    once are kept there, and so is the spell checker's word list. With `screen`, a run of many
    letters asks a screen which patterns can match each letter (see pattern_screen.py)."""
    if cache is not None:
        rulebook, key = _cached_rulebook(user_folder, cache)
        rulebook.keeping = _KeptInputs(os.path.join(cache, f"screen-{key}.pickle"))
    else:
        rulebook = Rulebook(load_rules(user_folder))
    if screen:
        rulebook.screening = _make_screen
    words = os.path.join(user_folder, "words.txt") if user_folder else None
    dictionary = SpellingDictionary(words, cache)
    # the place names are read when a letter first names a company's first words alone, the
    # words of private life when a letter is first read for new topics, the nicknames when a
    # letter first greets someone by a name that is none of the recipient's by its letters
    return LetterChecker(
        rulebook,
        dictionary if spelling else None,
        Gazetteer().knows,
        Pastimes().words,
        Nicknames().linked,
    )


def _cached_rulebook(user_folder: Folder | None, cache: Folder) -> tuple[Rulebook, str]:
    """The rulebook kept in the cache folder (made and kept when not there), and its key."""
    try:  # the unpickler alone: `pickle` itself is a millisecond of the check's start-up
        from _pickle import UnpicklingError, load
    except ImportError:
        from pickle import UnpicklingError, load

    cache = os.fspath(cache)
    shipped = _bytes(os.path.join(SHIPPED, "rules.json"))
    extra_file = os.path.join(user_folder, "rules.json") if user_folder is not None else None
    extra = _read(extra_file) if extra_file is not None else None
    code = [_bytes(path) for path in _READERS]
    key = content_key([shipped, extra or b"", sys.version.encode(), *code])
    path = os.path.join(cache, f"rules-{key}.pickle")
    try:
        with open(path, "rb") as kept:
            found = load(kept)
        if isinstance(found, Rulebook):
            from followup.adapters.regex_cache import KeptCode

            if isinstance(found.maker, KeptCode):
                found.maker.read_code_from(cache)
            return found, key
    except (OSError, UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass  # not made yet, or by another version: read the rules again
    rulebook = Rulebook(_rules(shipped, extra, extra_file))
    from io import BytesIO

    from followup.adapters.regex_cache import KeptCode, pickler

    # Kept with the code of every pattern (compiled when first needed), the patterns the
    # rules' code makes from their data included, and the addressing's patterns compiled (few,
    # and every check reads them).
    maker = KeptCode.recording()
    rulebook.compile_with(maker)
    rulebook.compile_all()
    LetterChecker(rulebook).prepare()
    # the code apart, in a file named from what it holds: rules read back find theirs
    blob = maker.take_code_apart()
    name = f"code-{content_key([blob])}.bin"
    write_atomically(os.path.join(cache, name), blob)
    maker.read_code_from(cache, name)
    out = BytesIO()
    pickler(out).dump(rulebook)
    write_atomically(path, out.getvalue())
    prune(cache)
    return rulebook, key


# How many of each kind of cache file stay once a fresh rulebook is written: an upgrade or an
# edited rules or words file writes new ones (one to five megabytes each), and the old would pile
# up for ever.
KEEP_CACHED = 6
_CACHED = ("rules-*.pickle", "code-*.bin", "screen-*.pickle", "words-*.txt")


def prune(cache: Folder, keep: int = KEEP_CACHED) -> None:
    """Remove all but the `keep` newest files of each kind the check keeps in the cache folder.
    A process still holding one removed is not harmed: a rules file not found is read again, a
    code file not found compiles its patterns from their text."""
    from pathlib import Path  # when rules are written afresh

    folder = Path(cache)
    for kind in _CACHED:
        try:
            found = sorted(folder.glob(kind), key=lambda p: p.stat().st_mtime, reverse=True)
            for stale in found[keep:]:
                stale.unlink(missing_ok=True)
        except OSError:
            continue  # a folder that cannot be listed or written: left as it is


def content_key(parts: list[bytes]) -> str:
    whole = b"\0".join(parts)
    return f"{zlib.crc32(whole):08x}{zlib.adler32(whole):08x}{len(whole):x}"


def write_atomically(path: Folder, data: bytes) -> None:
    """Write a cache file whole or not at all; a folder that cannot be written is no error
    (the next run reads the rules again)."""
    import tempfile

    try:
        folder = os.path.dirname(os.fspath(path)) or "."
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
