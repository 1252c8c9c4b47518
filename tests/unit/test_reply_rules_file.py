"""The user's own reply rules (`<config>/replies/rules.json`) are compiled once, not once per
message read, and read again when the file changes."""

from __future__ import annotations

import json
import os

from followup.adapters.reply_rules import build_classifier
from followup.domain.replies.classify import shipped_classifier

RULE = {
    "rules": [
        {
            "id": "user/kickoff",
            "kind": "invitation",
            "strength": 3,
            "patterns": {"en": ["\\bkick-?off huddle\\b"]},
        }
    ]
}
TEXT = "Hi Sam,\n\nJoin our kickoff huddle.\n\nBest,\nAlex"


def test_without_a_file_the_shipped_reader_is_used(tmp_path):
    assert build_classifier(tmp_path) is shipped_classifier()


def test_the_users_rules_are_compiled_once_and_again_when_the_file_changes(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(RULE), encoding="utf-8")
    first = build_classifier(tmp_path)
    assert first.classify(TEXT).kind == "invitation"
    assert build_classifier(tmp_path) is first

    changed = dict(RULE, rules=[dict(RULE["rules"][0], kind="question")])
    rules.write_text(json.dumps(changed), encoding="utf-8")
    stat = rules.stat()
    os.utime(rules, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = build_classifier(tmp_path)
    assert second is not first
    assert second.classify(TEXT).kind == "question"
