"""The letter check, built from the shipped rules and the user's additions.

`<config>/check/rules.json` extends the shipped `checks/rules.json` (lists are added to, never
replaced); `<config>/check/words.txt` adds words the spell checker should know.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from followup.adapters.spelling import SpellingDictionary
from followup.domain.errors import BadInput
from followup.domain.letters.check import LetterChecker
from followup.domain.letters.rulebook import Rulebook, merge_rules


def shipped_rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources.files("followup.checks") / "rules.json").read_text(encoding="utf-8")
    )
    return data


def build_checker(user_folder: Path | None = None, spelling: bool = True) -> LetterChecker:
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
    dictionary = SpellingDictionary(user_folder / "words.txt" if user_folder else None)
    return LetterChecker(Rulebook(data), dictionary if spelling else None)
