"""Drafts from the shipped templates: filled from the notes, and every one passes the check."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.templates import TemplateRenderer, join_and
from followup.domain.errors import BadInput, NotFound
from followup.domain.letters.context import LETTER_KINDS
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import draft_letter

from ..fakes import FakeStore

CHECKER = build_checker(None)
DOSSIER = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())


def services_with(dossier, templates: Path | None = None) -> Dependencies:
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        checker=lambda: CHECKER,
        renderer=lambda: TemplateRenderer(templates),
    )
    import_dossier(deps, parse_dossier(dossier))
    return deps


def _rich():
    """Strengths, courses, other interviews, a round-2 interview, a person with no topics and a
    name with accents, plus a second opportunity whose company must never leak in."""
    d = copy.deepcopy(DOSSIER)
    d["candidate"].update(
        {
            "name": "Zoë Ünal",
            "strengths": ["opened forty new accounts in a year"],
            "courses": ["a course in solution selling"],
            "other_interviews": 2,
        }
    )
    opp = d["opportunities"][0]
    opp["events"] = []
    opp["interviews"][0]["contacts"].append(
        {"name": "José Núñez", "title": "Sales Director", "minutes": 20, "decision_maker": True}
    )
    d["opportunities"].append(
        {
            "id": "globex",
            "company": "Globex",
            "role": "SDR",
            "interviews": [
                {
                    "id": "g1",
                    "date": "2026-12-01",
                    "contacts": [{"name": "Priya Shah", "minutes": 30}],
                }
            ],
        }
    )
    return d


AUDIENCES = [
    ("Dana Reyes", "decision maker with topics"),
    ("José Núñez", "decision maker without topics"),
    ("Lee Park", "not a decision maker"),
]


@pytest.mark.parametrize("plain", [True, False], ids=["bare profile", "rich profile"])
@pytest.mark.parametrize("kind", LETTER_KINDS)
@pytest.mark.parametrize(("to", "audience"), AUDIENCES, ids=[a for _, a in AUDIENCES])
def test_every_shipped_draft_passes_the_check(kind, to, audience, plain):
    dossier = _rich()
    if plain:
        for key in ("strengths", "courses", "other_interviews"):
            dossier["candidate"].pop(key)
    deps = services_with(dossier)
    draft = draft_letter(deps, "acme-ae", to, kind)
    assert draft.subject and draft.body.endswith("\n")
    findings = CHECKER.check(draft.body, draft.context)
    assert [(f.rule, draft.body[f.start : f.end]) for f in findings] == []


def test_a_thank_you_to_a_decision_maker_recaps_their_topics_and_strengths():
    deps = services_with(_rich())
    body = draft_letter(deps, "acme-ae", "Dana Reyes", "thank_you").body
    assert "our conversation about new Midwest territories and CRM adoption" in body
    assert (
        "It gave me a clear picture of where I could contribute: in my last role I opened "
        "forty new accounts in a year, and I would bring the same drive to Acme Corp."
    ) in body
    assert body.endswith("Best regards,\nZoë Ünal\n+1 312 555 0100\nsam@example.com\n")


def test_a_thank_you_to_someone_else_is_brief():
    deps = services_with(_rich())
    body = draft_letter(deps, "acme-ae", "Lee Park", "thank_you").body
    assert "conversation about" not in body and len(body.split()) < 60


def test_the_final_letter_names_the_first_interview_and_resume_changes():
    body = draft_letter(services_with(_rich()), "acme-ae", "Dana Reyes", "final").body
    assert "on December 23, when we discussed new Midwest territories and CRM adoption" in body
    assert (
        "Since then I have completed a course in solution selling, and I have been "
        "interviewing with other sales teams."
    ) in body


def test_the_call_script_stays_short_and_never_asks_for_the_decision():
    draft = draft_letter(services_with(_rich()), "acme-ae", "Dana Reyes", "call")
    assert len(draft.body.split()) <= 120
    assert "?" in draft.body and "decided" not in draft.body


def test_the_kind_defaults_to_the_persons_next_planned_touch():
    deps = services_with(DOSSIER)  # rejected: Dana's next touch is the stay-in-touch letter
    assert draft_letter(deps, "acme-ae", "dana reyes").kind == "stay_in_touch"


def test_an_unknown_recipient_is_named_with_who_is_known():
    with pytest.raises(NotFound, match=r"^to: no person 'Kim' \(known: Dana Reyes, Lee Park\)$"):
        draft_letter(services_with(DOSSIER), "acme-ae", "Kim", "thank_you")


def test_a_user_template_overrides_the_shipped_one(tmp_path):
    (tmp_path / "thank_you.txt").write_text(
        "Subject: Thanks\nHi {{ recipient.first_name }}, thank you! {{ candidate.email }}\n"
    )
    draft = draft_letter(services_with(DOSSIER, tmp_path), "acme-ae", "Lee Park", "thank_you")
    assert (draft.subject, draft.body) == ("Thanks", "Hi Lee, thank you! sam@example.com\n")


def test_a_template_variable_that_is_missing_is_an_error_naming_it(tmp_path):
    (tmp_path / "thank_you.txt").write_text("Dear {{ recipient.nickname }},\n")
    with pytest.raises(
        BadInput, match=r"^template thank_you\.txt: 'dict object' has no attribute 'nickname'"
    ):
        draft_letter(services_with(DOSSIER, tmp_path), "acme-ae", "Lee Park", "thank_you")


def test_a_template_cannot_run_code(tmp_path):
    (tmp_path / "thank_you.txt").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(BadInput, match=r"^template thank_you\.txt: refused by the sandbox"):
        draft_letter(services_with(DOSSIER, tmp_path), "acme-ae", "Lee Park", "thank_you")


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_join_and(items, text):
    assert join_and(items) == text
