"""Policies as data: what a policy leaves out comes from policies/defaults.json, every number
with the article it comes from; the steps' words and channels are defined once."""

from __future__ import annotations

import json

import pytest

from followup.adapters.policies import PolicyBook
from followup.domain.errors import InvalidField, NotFound
from followup.domain.policy import policy_from_dict
from followup.domain.vocabulary import STEP, STEPS

BOOK = PolicyBook(None)


def test_the_guards_and_fallbacks_of_a_shipped_policy_name_their_articles():
    etiquette = BOOK.get("etiquette")
    assert etiquette.guard("max_status_letters") == (0, "003")
    assert etiquette.guard("min_business_days_between_touches") == (3, "003")
    assert etiquette.fallbacks["thank_you.business_days_after_interview"] == (2, "003")
    assert etiquette.fallbacks["stay_in_touch.business_days_after_rejection"] == (2, "004")


def test_a_policy_without_a_step_times_what_follows_it_from_the_fallback(tmp_path):
    mine = {
        "name": "calls",
        "steps": {"call": {"source": ["003"], "days_after_thank_you": 7}},
        "fallbacks": {"thank_you.business_days_after_interview": {"value": 5, "source": "003"}},
    }
    (tmp_path / "calls.json").write_text(json.dumps(mine))
    policy = PolicyBook(tmp_path).get("calls")
    assert policy.timing("call", "days_after_thank_you") == 7
    assert policy.timing("thank_you", "business_days_after_interview") == 5  # its own
    assert policy.timing("stay_in_touch", "business_days_after_rejection") == 2  # the default
    assert policy.guard("max_status_letters") == (2, "003")
    assert policy.steps["call"].channel == "phone"  # the step's own channel when none is named


def test_without_defaults_every_guard_must_be_given_with_its_source():
    data = {"name": "bare", "steps": {"reply": {}}}
    with pytest.raises(InvalidField, match=r"^bare\.guards\.max_status_letters: expected"):
        policy_from_dict(data, "bare")
    data["guards"] = {"max_status_letters": {"value": 1}}
    with pytest.raises(InvalidField, match=r"^bare\.guards\.max_status_letters: expected"):
        policy_from_dict(data, "bare")  # a number without its article is refused


def test_the_defaults_file_is_not_a_policy():
    assert "defaults" not in BOOK.names()
    with pytest.raises(NotFound, match=r"^policy: no policy 'defaults'"):
        BOOK.get("defaults")


def test_every_step_has_its_words_and_its_articles_once():
    assert STEPS == (
        "thank_you",
        "secondary",
        "final",
        "call",
        "reply",
        "stay_in_touch",
        "check_in",
    )
    assert STEP["secondary"].action == "Send follow-up letter to"
    assert STEP["stay_in_touch"].label == "stay-in-touch"
    assert STEP["final"].noun == "final letter"
    assert all(step.sources for step in STEP.values())
    for name in BOOK.names():
        for step, rule in BOOK.get(name).steps.items():
            assert set(rule.sources) <= set(STEP[step].sources), (name, step)
