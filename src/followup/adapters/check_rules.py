"""The letter check, built from the shipped rules and the user's additions, and kept between runs.

`<config>/check/rules.json` extends the shipped `checks/rules.json` (lists are added to, never
replaced); `<config>/check/words.txt` adds words the spell checker should know.

Reading the rules (the words each pattern needs, see domain/letters/probes.py) takes a tenth of
a second; the result is kept in the cache folder under a name made from the rules and the code
that reads them, so that `followup check` starts in milliseconds and a change to either is
never served stale.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from importlib import resources
from pathlib import Path
from typing import Any

from followup.adapters.spelling import SpellingDictionary
from followup.domain.errors import BadInput
from followup.domain.letters.check import LetterChecker
from followup.domain.letters.rulebook import Rulebook, merge_rules

# The code whose output the cache holds: a change to any of these makes a new cache entry.
_READERS = ("rulebook.py", "probes.py", "triggers.py")


def shipped_rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources.files("followup.checks") / "rules.json").read_text(encoding="utf-8")
    )
    return data


def load_rules(user_folder: Path | None = None) -> dict[str, Any]:
    data = shipped_rules()
    if user_folder is not None:
        extra_file = user_folder / "rules.json"
        if extra_file.is_file():
            try:
                extra = json.loads(extra_file.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise BadInput(
                    f"{extra_file}: expected JSON, {error.msg} at line {error.lineno}"
                ) from None
            if not isinstance(extra, dict):
                raise BadInput(f"{extra_file}: expected a JSON object keyed by rule id")
            data = merge_rules(data, extra)
    return data


def build_checker(
    user_folder: Path | None = None, spelling: bool = True, cache: Path | None = None
) -> LetterChecker:
    """The check for the shipped rules and the user's; with a cache folder, the rules read
    once are kept there, and so is the spell checker's word list."""
    data = load_rules(user_folder)
    rulebook = _cached_rulebook(data, cache) if cache is not None else Rulebook(data)
    dictionary = SpellingDictionary(user_folder / "words.txt" if user_folder else None, cache)
    return LetterChecker(rulebook, dictionary if spelling else None)


def _cached_rulebook(data: dict[str, Any], cache: Path) -> Rulebook:
    import pickle

    path = cache / f"rules-{_key(data)}.pickle"
    try:
        with path.open("rb") as kept:
            found = pickle.load(kept)
        if isinstance(found, Rulebook):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass  # not made yet, or by another version: read the rules again
    rulebook = Rulebook(data)
    write_atomically(path, pickle.dumps(rulebook, protocol=pickle.HIGHEST_PROTOCOL))
    return rulebook


def _key(data: dict[str, Any]) -> str:
    """A name for what these rules and this code make: two checksums and the length of it
    all (zlib's, as hashlib alone would cost the start a few milliseconds)."""
    code = resources.files("followup.domain.letters")
    parts = [json.dumps(data, sort_keys=True).encode(), sys.version.encode()]
    parts += [(code / name).read_bytes() for name in _READERS]
    return content_key(parts)


def content_key(parts: list[bytes]) -> str:
    whole = b"\0".join(parts)
    return f"{zlib.crc32(whole):08x}{zlib.adler32(whole):08x}{len(whole):x}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all; a folder that cannot be written is no error
    (the next run reads the rules again)."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
