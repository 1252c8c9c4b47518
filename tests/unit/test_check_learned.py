"""The learned second reader of the letter check (domain/letters/learned.py): what it sees of a
letter, how a reader adds a rule it is very sure of (with the sentence that speaks most for it,
its message as the rule's others) and withdraws one it is very sure the letter is clean of, and
that the shipped reader leaves a clean letter clean. Letters written for this test, in the voices
set's dossier (tests/data/letters_voices)."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters import learned
from followup.domain.letters.check import Finding, _finding
from followup.domain.letters.learned import (
    LearnedReader,
    Roles,
    features,
    second_reading,
    shipped_reader,
)
from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import CHECKER, voices_deps

CLEAN = (
    "Dear Graham,\n\nSince we spoke I have finished a course on site safety, which bears on the "
    "solar tenders we discussed.\n\nBest,\nInes"
)
LOOKS_UP = (
    "Dear Graham,\n\nThank you for Tuesday. Half the trade looks up to how you run tenders. "
    "I would like to hear more about the tenders.\n\nBest,\nInes"
)
NAMED = (
    "Dear Graham,\n\nI also met Otterbrook last week, but Larkspur is where I want to be.\n\n"
    "Best,\nInes"
)


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _reader(add: float = 0.9, withdraw: float = 0.005) -> LearnedReader:
    """A reader of two rules: "looks up" speaks for flattery, another company against naming
    one."""
    return LearnedReader.from_data(
        {
            "rules": ["flattery", "wrong-company"],
            "bias": [-3.0, -3.0],
            "features": "looks up\n<other-co>\n<kind:check_in>",
            "weights": [8.0, 0.0, 0.0, -10.0, 0.0, 0.0],
            "add": {"flattery": add, "wrong-company": add},
            "withdraw": {"flattery": withdraw, "wrong-company": withdraw},
        }
    )


def _context(deps: Dependencies, text: str):  # type: ignore[no-untyped-def]
    ctx, found = check_letter(deps, text, "larkspur", "Graham Fenwick", "check_in")
    return ctx, found


def test_features_read_names_and_topics_by_their_role(deps: Dependencies) -> None:
    ctx, _ = _context(deps, NAMED)
    seen = features("Graham, Priscilla and Otterbrook: churn, Ines.", Roles.of(ctx))
    assert seen == {
        "<to>",
        "<met>",
        "and",
        "<other-co>",
        "<topic>",
        "<me>",
        "<to> <met>",
        "<met> and",
        "and <other-co>",
        "<other-co> <topic>",
        "<topic> <me>",
        "<kind:check_in>",
    }


def test_a_rule_the_reader_is_very_sure_of_is_added_with_its_sentence(deps: Dependencies) -> None:
    ctx, found = _context(deps, LOOKS_UP)
    assert [f.rule for f in found if f.rule != "spelling"] == []  # the rules miss this form
    got = second_reading(CHECKER.rules, LOOKS_UP, ctx, [], _finding, _reader())
    start = LOOKS_UP.index("Half the")
    end = LOOKS_UP.index("tenders.") + len("tenders.")
    assert got == [
        Finding(
            start,
            end,
            "flattery",
            "fawns over the interviewer, their office, their family or the occasion (as a "
            "learned reading of the letter finds it): Half the trade looks up to how you run "
            "tenders. (article "
            "003)",
        )
    ]


def test_a_reader_not_sure_enough_adds_nothing(deps: Dependencies) -> None:
    ctx, _ = _context(deps, LOOKS_UP)
    assert second_reading(CHECKER.rules, LOOKS_UP, ctx, [], _finding, _reader(add=0.999)) == []


def test_a_rule_the_reader_is_very_sure_is_wrong_is_withdrawn(deps: Dependencies) -> None:
    ctx, found = _context(deps, NAMED)
    rules = [f.rule for f in found if f.rule != "spelling"]
    assert rules == ["wrong-company"]
    kept = second_reading(CHECKER.rules, NAMED, ctx, found, _finding, _reader())
    assert [f.rule for f in kept if f.rule != "spelling"] == []
    # at a threshold it does not reach, the finding stays
    kept = second_reading(CHECKER.rules, NAMED, ctx, found, _finding, _reader(withdraw=1e-9))
    assert kept == found


def test_the_shipped_reader_leaves_a_clean_letter_clean(deps: Dependencies) -> None:
    ctx, found = _context(deps, CLEAN)
    assert found == []
    reader = shipped_reader()
    chances = reader.probabilities(CLEAN, ctx)
    assert set(chances) == set(reader.rules)
    assert all(p < 0.5 for p in chances.values())


def test_the_shipped_reader_says_what_it_was_trained_on() -> None:
    reader = shipped_reader()
    assert reader.rules == (
        "flattery",
        "needy",
        "asks-decision",
        "new-topic",
        "wrong-name",
        "wrong-company",
        "missing-recap",
    )
    assert reader.add == {}  # measured, not shipped (see bench/letters/train.py)
    # only the rules that read a word by its place in the context, and not wrong-name since
    # session 27 (see bench/letters/train.py)
    assert reader.withdraw == {r: 0.005 for r in ("new-topic", "wrong-company")}


def test_the_shipped_reader_leaves_a_plain_question_for_the_decision_found(
    deps: Dependencies,
) -> None:
    text = CLEAN.replace("Dear Graham,\n\n", "Dear Graham,\n\nDid I get the job? ")
    _, found = _context(deps, text)
    assert [f.rule for f in found if f.rule != "spelling"] == ["asks-decision"]


def test_a_rule_the_user_extended_is_never_withdrawn(deps: Dependencies, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "rules.json").write_text('{"wrong-company": {"patterns": ["\\\\bzzq\\\\b"]}}')
    rules = build_checker(str(tmp_path), spelling=False).rules
    assert rules["wrong-company"].data.get("user") is True
    assert CHECKER.rules["wrong-company"].data.get("user") is None
    ctx, found = _context(deps, NAMED)
    # the same reader withdraws it from the shipped rules (the test above), not from the user's
    assert second_reading(rules, NAMED, ctx, found, _finding, _reader()) == found


def test_a_reader_that_could_decide_nothing_does_not_read_the_letter(
    deps: Dependencies, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the shipped weights only withdraw new-topic, wrong-name and wrong-company
    reader = shipped_reader()
    assert not reader.may_decide(set())
    assert not reader.may_decide({"flattery", "spelling", "asks-decision"})
    assert reader.may_decide({"flattery", "wrong-company"})
    # a reader that adds may add to any letter; one that withdraws only what fired
    assert _reader().may_decide(set())
    withdrawing = LearnedReader.from_data(
        {
            "rules": ["flattery"],
            "bias": [0.0],
            "features": "x",
            "weights": [0.0],
            "withdraw": {"flattery": 0.5},
        }
    )
    assert not withdrawing.may_decide(set())
    assert withdrawing.may_decide({"flattery"})
    # …and a letter it could decide nothing of is returned as found, its words never read
    ctx, _ = _context(deps, LOOKS_UP)

    def unread(*_: object) -> set[str]:
        raise AssertionError("the letter was read")

    monkeypatch.setattr("followup.domain.letters.learned.features", unread)
    flattery = [_finding(CHECKER.rules["flattery"], 0, 5, match="x", **{"class": "y"})]
    assert second_reading(CHECKER.rules, LOOKS_UP, ctx, flattery, _finding, reader) == flattery
    assert second_reading(CHECKER.rules, LOOKS_UP, ctx, [], _finding, withdrawing) == []
    with pytest.raises(AssertionError, match="was read"):
        second_reading(CHECKER.rules, LOOKS_UP, ctx, [], _finding, _reader())


def test_the_weights_read_as_packed_float64_as_from_a_json_list() -> None:
    """learned.json holds its weights as float64 in base64 (read in a tenth of a millisecond);
    the same numbers as a JSON list make the same reader, and a run of the wrong length is no
    reader at all."""
    listed = _reader()
    numbers = [8.0, 0.0, 0.0, -10.0, 0.07, -0.01]
    raw = struct.pack("<6d", *numbers)
    data = {
        "rules": ["flattery", "wrong-company"],
        "bias": [-3.0, -3.0],
        "features": "looks up\n<other-co>\n<kind:check_in>",
        "add": {},
        "withdraw": {},
    }
    packed = LearnedReader.from_data(
        {**data, "weights": {"float64le": base64.b64encode(raw).decode()}}
    )
    assert list(packed.row("looks up") or []) == list(listed.row("looks up") or []) == [8.0, 0.0]
    assert list(packed.row("<kind:check_in>") or []) == [0.07, -0.01]
    assert packed.row("unknown") is None
    assert packed.scores({"looks up", "<other-co>"}) == [5.0, -13.0]
    with pytest.raises(ValueError, match="weights: 5 numbers for 3 features"):
        LearnedReader.from_data({**data, "weights": numbers[:5]})


def test_the_shipped_weights_are_packed() -> None:
    data = json.loads((Path(learned.__file__).parent / "learned.json").read_text())
    assert set(data["weights"]) == {"float64le"}
    reader = shipped_reader()
    assert len(reader.weights) == len(data["features"].split("\n")) > 500
