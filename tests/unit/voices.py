"""The letter check over a dossier, as the check's unit tests read it: the voices' context
(tests/data/letters_voices) or a dossier of a test's own, on a fake store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter

from ..fakes import FakeStore

VOICES = Path(__file__).parents[1] / "data" / "letters_voices"
CHECKER = build_checker(None)


def dossier_deps(dossier: dict[str, Any]) -> Dependencies:
    """Dependencies holding one dossier, checking with the shipped rules."""
    found = Dependencies(FakeStore(), calendar_for, PolicyBook(None), checker=lambda: CHECKER)
    import_dossier(found, parse_dossier(dossier))
    return found


def contact(name: str, topics: list[Any], decides: bool = False) -> dict[str, Any]:
    """A person met at an interview, as the probe dossiers write them: a sales lead, half an
    hour, the topics talked about."""
    return {
        "name": name,
        "title": "Sales Lead",
        "minutes": 30,
        "decision_maker": decides,
        "topics": topics,
    }


def signed(salutation: str, body: str, signature: str) -> str:
    """A letter: its salutation, its body and its signature, a blank line between."""
    return f"{salutation}\n\n{body}\n\n{signature}"


def voices_deps() -> Dependencies:
    """Dependencies holding the voices' candidate and opportunities."""
    return dossier_deps(json.loads((VOICES / "context.json").read_text()))


def found_in(
    deps: Dependencies,
    opportunity: str,
    to: str,
    text: str,
    kind: str = "check_in",
    whole: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """The check's findings of a letter but spelling, as (rule, the words it points at), sorted;
    a rule in `whole` (one that speaks of the letter as a whole, as missing-recap) with no words."""
    _, findings = check_letter(deps, text, opportunity, to, kind)
    return sorted(
        (f.rule, "" if f.rule in whole else text[f.start : f.end])
        for f in findings
        if f.rule != "spelling"
    )


def rules_in(deps: Dependencies, opportunity: str, to: str, text: str, kind: str) -> list[str]:
    """The rules but spelling that find something in a letter, each once, sorted."""
    return sorted({rule for rule, _ in found_in(deps, opportunity, to, text, kind)})


def rules_or_shipped(param: str, monkeypatch: Any) -> str:
    """The check as a test reads it: `param` "rules" leaves the learned second reader out (the
    rules alone decide), "shipped" reads as users' checks do."""
    if param == "rules":
        import followup.domain.letters.check as check

        def keep(rules, text, ctx, found, make, reader=None):  # type: ignore[no-untyped-def]
            return found

        monkeypatch.setattr(check, "second_reading", keep)
    return param


Found = dict[str, list[tuple[str, str]]]


def round_letters(prefix: str) -> dict[str, dict[str, Any]]:
    """The voices set's letters of one round (their ids start with `prefix`, as "v18a-"), by id."""
    cases = json.loads((VOICES / "cases.json").read_text(encoding="utf-8"))
    return {case["id"]: case for case in cases if case["id"].startswith(prefix)}


def assert_round_listed(
    letters: dict[str, dict[str, Any]], found: Found, count: int, every: bool = True
) -> None:
    """The round holds `count` letters, every one with its findings listed (or, not `every`, only
    some), and the rules of the words listed are the rules the set labels each with."""
    assert len(letters) == count
    assert set(found) == set(letters) if every else set(found) <= set(letters)
    for case_id, words in found.items():
        assert sorted({rule for rule, _ in words}) == sorted(letters[case_id]["expected"]), case_id


def assert_found_exactly(deps: Dependencies, case: dict[str, Any], expected: list[Any]) -> None:
    """The check finds in the case's letter exactly the (rule, words) expected; none when clean."""
    found = found_in(deps, case["opportunity"], case["to"], case["text"], case["kind"])
    assert found == sorted(expected)
