"""The labelled letters in ../shared/corpus/letters: exactly the expected rule ids for each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.services.context import Services
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter

from ..fakes import FakeStore

CORPUS = Path(__file__).parents[3] / "shared" / "corpus" / "letters"
CHECKER = build_checker(None)


def _cases() -> list[dict]:
    return json.loads((CORPUS / "cases.json").read_text())


@pytest.fixture(scope="module")
def services() -> Services:
    services = Services(FakeStore(), calendar_for, PolicyBook(None), checker=lambda: CHECKER)
    import_dossier(services, parse_dossier(json.loads((CORPUS / "context.json").read_text())))
    return services


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_the_check_reports_exactly_the_expected_rules(services, case):
    _, findings = check_letter(
        services, case["text"], case["opportunity"], case["to"], case["kind"]
    )
    assert sorted({f.rule for f in findings} - {"spelling"}) == sorted(case["expected"])


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_the_corpus_letters_have_no_spelling_findings(services, case):
    _, findings = check_letter(
        services, case["text"], case["opportunity"], case["to"], case["kind"]
    )
    assert [case["text"][f.start : f.end] for f in findings if f.rule == "spelling"] == []


def test_every_finding_has_a_message_and_a_span_inside_the_letter(services):
    for case in _cases():
        _, findings = check_letter(
            services, case["text"], case["opportunity"], case["to"], case["kind"]
        )
        for f in findings:
            assert f.message and 0 <= f.start <= f.end <= len(case["text"])
