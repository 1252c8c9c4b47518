"""The classifier on single messages in other voices than the labelled sets: each class of
language the rules claim to read, in English, French, German and Spanish, and near misses that
must stay what they are (courtesy, status updates, words of a decision used about something else).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.domain.replies.classify import shipped_classifier

# (kind, text): one message each, read inside "Hi Sam, … Best, Alex". Kept as data because the
# learned fallback (bench/replies/train.py) is trained on them too.
PROBES = [
    tuple(p)
    for p in json.loads((Path(__file__).parents[1] / "data" / "reply_probes.json").read_text())
]


@pytest.mark.parametrize(("kind", "text"), PROBES, ids=[t[:50] for _, t in PROBES])
def test_each_class_of_language_is_read_as_its_kind(kind, text):
    found = shipped_classifier().classify(f"Hi Sam,\n\n{text}\n\nBest,\nAlex")
    assert found.kind == kind, found
    if kind == "other":
        assert found.evidence == ""
    else:  # the sentence that decided, as it was written
        assert found.evidence and found.evidence in text


def test_a_thanks_line_above_the_message_is_no_sign_off():
    text = (
        "Hi Sam,\n\nThanks!\n\nWe'd like to invite you to a final interview with our VP "
        "next week.\n\nBest,\nPriya\nSenior Talent Partner | Brightwave\n"
    )
    found = shipped_classifier().classify(text)
    assert (found.kind, found.new_text) == (
        "invitation",
        "Hi Sam,\n\nThanks!\n\nWe'd like to invite you to a final interview with our VP next week.",
    )
