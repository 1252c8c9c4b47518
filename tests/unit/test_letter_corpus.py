"""Labelled letters: exactly the expected rule ids for each.

Two sets: ../shared/corpus/letters, and tests/data/letters_extra, written here with other names,
companies and phrasings (and near misses that must stay clean) to keep the check general.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter

from ..fakes import FakeStore
from ..system import require_shared, shared_or_none

# ../shared's letters when it is beside the clone (CI has it: tests/system.py)
SHARED = shared_or_none("corpus/letters")
CORPORA = {
    **({"shared": SHARED} if SHARED else {}),
    "extra": Path(__file__).parents[1] / "data" / "letters_extra",
}
CHECKER = build_checker(None)
_SERVICES: dict[str, Dependencies] = {}


def _cases() -> list[dict]:
    return [
        {**case, "corpus": name}
        for name, folder in CORPORA.items()
        for case in json.loads((folder / "cases.json").read_text())
    ]


def _services_for(corpus: str) -> Dependencies:
    if corpus not in _SERVICES:
        deps = Dependencies(FakeStore(), calendar_for, PolicyBook(None), checker=lambda: CHECKER)
        context = json.loads((CORPORA[corpus] / "context.json").read_text())
        import_dossier(deps, parse_dossier(context))
        _SERVICES[corpus] = deps
    return _SERVICES[corpus]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_the_check_reports_exactly_the_expected_rules(case):
    deps = _services_for(case["corpus"])
    _, findings = check_letter(deps, case["text"], case["opportunity"], case["to"], case["kind"])
    assert sorted({f.rule for f in findings} - {"spelling"}) == sorted(case["expected"])


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_the_corpus_letters_have_no_spelling_findings(case):
    deps = _services_for(case["corpus"])
    _, findings = check_letter(deps, case["text"], case["opportunity"], case["to"], case["kind"])
    assert [case["text"][f.start : f.end] for f in findings if f.rule == "spelling"] == []


def test_every_finding_has_a_message_and_a_span_inside_the_letter():
    for case in _cases():
        deps = _services_for(case["corpus"])
        _, findings = check_letter(
            deps, case["text"], case["opportunity"], case["to"], case["kind"]
        )
        for f in findings:
            assert f.message and 0 <= f.start <= f.end <= len(case["text"])


def test_the_shared_corpus_is_checked_too():
    """Without ../shared only the letters written here are checked: say so, and fail in CI."""
    require_shared("corpus/letters")
    assert "shared" in CORPORA
