"""The rules that read replies, with the user's additions.

`<config>/replies/rules.json` extends the shipped `domain/replies/rules.json`: word lists and
patterns there are added to these, a rule with a new id is added (see `merge_rules`).
"""

from __future__ import annotations

import json
from pathlib import Path

from followup.domain.errors import BadInput
from followup.domain.replies.classify import ReplyClassifier, shipped_classifier
from followup.domain.replies.rulebook import merge_rules, shipped_rules

# The classifier built from the user's file, by the file's path, modification time and size:
# `deps.classifier()` is asked once per message read, and compiling the merged rules takes about
# a second and a half, so an inbox of forty messages took a minute more with the user's own rules
# than without. A file changed on disk is read again.
_BUILT: dict[tuple[str, int, int], ReplyClassifier] = {}


def build_classifier(user_folder: Path | None = None) -> ReplyClassifier:
    extra_file = user_folder / "rules.json" if user_folder is not None else None
    if extra_file is None or not extra_file.is_file():
        return shipped_classifier()
    try:
        stat = extra_file.stat()
    except OSError as error:
        raise BadInput(f"{extra_file}: expected a readable UTF-8 file ({error})") from None
    key = (str(extra_file.resolve()), stat.st_mtime_ns, stat.st_size)
    built = _BUILT.get(key)
    if built is None:
        built = _build(extra_file)
        _BUILT.clear()  # one user's file per process: the one read last
        _BUILT[key] = built
    return built


def _build(extra_file: Path) -> ReplyClassifier:
    try:
        extra = json.loads(extra_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise BadInput(f"{extra_file}: expected JSON, {error.msg} at line {error.lineno}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{extra_file}: expected a readable UTF-8 file ({error})") from None
    if not isinstance(extra, dict):
        raise BadInput(f"{extra_file}: expected a JSON object with `words` and `rules`")
    try:
        return ReplyClassifier(merge_rules(shipped_rules(), extra))
    except (TypeError, AttributeError, KeyError, ValueError) as error:
        if isinstance(error, BadInput):
            raise
        raise BadInput(
            f"{extra_file}: expected `words` (lists of words) and `rules` (objects with id, "
            f"kind, strength, patterns), as in the shipped file ({error})"
        ) from None
