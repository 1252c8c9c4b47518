"""A course in the candidate's drafts, as a user meets it: typed with its institution, place and
date after commas, it reads as a sentence ('... course at IIM Bangalore in September 2026'), and a
course over before the interview is background, never news ('Since we met I have completed ...'
about a course finished before they met). The drafts are written on a fixed day."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.templates import TemplateRenderer
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import draft_letter

from ..fakes import FakeStore
from .dossiers import _candidate, _opp, _person, _t

CHECKER = build_checker(None)


def _dossier(courses: list[str]) -> dict:
    return {
        "candidate": _candidate(
            "Divya Raghunathan",
            "divya.r@example.in",
            "+91 98450 12345",
            "Asia/Kolkata",
            "IN",
            None,
            strengths=["grew the Karnataka dealer network from 12 to 31"],
            courses=courses,
        ),
        "opportunities": [
            _opp(
                "kaveri",
                "Kaveri Agritech",
                "Regional Sales Manager",
                "2026-10-20",
                [
                    _person(
                        "Suresh Iyer",
                        "VP Sales",
                        "suresh@kaveri-agri.example",
                        45,
                        True,
                        _t(
                            "dealer onboarding",
                            said="loses dealers in the first 90 days",
                            bring="ran a 30-day onboarding plan for 19 dealers",
                            promised="send the onboarding checklist",
                        ),
                    )
                ],
                prelim="2026-11-03",
                second="2026-11-17",
            )
        ],
    }


def _deps(courses: list[str]) -> Dependencies:
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
        checker=lambda: CHECKER,
        renderer=lambda: TemplateRenderer(None),
    )
    import_dossier(deps, parse_dossier(_dossier(courses)))
    return deps


def _drafts(courses: list[str]) -> dict[str, str]:
    deps = _deps(courses)
    out = {}
    for kind in ("secondary", "final", "check_in"):
        draft = draft_letter(deps, "kaveri", "Suresh Iyer", kind)
        assert CHECKER.check(draft.body, draft.context) == []
        out[kind] = " ".join(draft.body.split())
    return out


def test_a_course_typed_with_its_institution_after_a_comma_reads_as_a_sentence():
    drafts = _drafts(["completed the SPIN selling course, IIM Bangalore in Nov 2026"])
    for kind in ("final", "check_in"):
        assert "the SPIN selling course at IIM Bangalore in November 2026" in drafts[kind], kind
        assert ", IIM Bangalore" not in drafts[kind]


@pytest.mark.parametrize(
    "course",
    [
        "completed the SPIN selling course, IIM Bangalore in Sept 2026",
        "key account workshop, Chennai, 2025",
        "Negotiation masterclass (Aug 2026)",
    ],
)
def test_a_course_finished_before_the_interview_is_told_as_no_news(course):
    drafts = _drafts([course])
    for kind, body in drafts.items():
        assert "completed" not in body, (kind, body)
        assert "finished" not in body, (kind, body)
    # with nothing new, the final letter does not lead with an update
    assert "Since we met" not in drafts["final"]
    # the first check-in carries the next piece of news: the current work
    assert "I grew the Karnataka dealer network from 12 to 31" in drafts["check_in"]


def test_only_the_course_after_the_interview_is_news():
    drafts = _drafts(["pricing workshop, Pune, 2025", "MEDDICC certification, 11/2026"])
    assert "the MEDDICC certification in November 2026" in drafts["final"]
    assert "pricing workshop" not in drafts["final"]
    assert "pricing workshop" not in drafts["check_in"]


@pytest.mark.parametrize(
    ("courses", "needed"),
    [
        (["key account workshop, Chennai, 2025"], True),
        (["SPIN selling course, IIM Bangalore, Sept 2026", "pricing workshop (Aug 2026)"], True),
        (["key account workshop, Chennai, 2025", "MEDDICC certification, 11/2026"], False),
        (["a course in channel sales"], False),
    ],
)
def test_the_agenda_asks_for_news_when_every_course_is_older_than_the_interview(courses, needed):
    from followup.services.agenda import agenda

    found = agenda(_deps(courses), on=date(2026, 11, 24), limit=50)
    assert any(r.touch.step == "final" for r in found.today + found.upcoming + found.overdue)
    assert found.news_needed is needed


@pytest.mark.parametrize(
    "course",
    [
        # the interview was on 20 October 2026: a month, quarter or year that holds it
        "MEDDICC certification, 2026-10",
        "Solution Selling, finished in October 2026",
        "negotiation masterclass (10/2026)",
        "key account course in 2026",
        "Sandler Foundations, Q4 2026",
        "pricing workshop, finished in October",
        # ... or the interview's own day, or a day before it
        "Solution Selling, finished 2026-10-20",
        "negotiation workshop on 19 October 2026",
        # a time relative to the unknown day it was typed
        "completed MEDDICC cert last month",
        "did a cold-calling bootcamp two weeks ago",
        "negotiation course, recently",
        "Gap Selling - completed this year",
    ],
)
def test_a_course_that_may_have_ended_before_the_interview_is_not_news(course):
    drafts = _drafts([course])
    for kind, body in drafts.items():
        assert "completed" not in body, (kind, body)
    assert "Since we met" not in drafts["final"]
    assert "I grew the Karnataka dealer network from 12 to 31" in drafts["check_in"]


@pytest.mark.parametrize(
    ("course", "told"),
    [
        (
            "MEDDICC certification, 2026-11",
            "I completed the MEDDICC certification in November 2026.",
        ),
        (
            "Solution Selling, finished 2026-10-21",
            "I completed Solution Selling on October 21, 2026.",
        ),
        (
            "negotiation workshop (3 November 2026)",
            "I completed the negotiation workshop on 3 November 2026.",
        ),
        ("Sandler course, Nov 4, 2026", "I completed the Sandler course on November 4, 2026."),
    ],
)
def test_a_course_known_to_end_after_the_interview_is_news_with_its_own_time(course, told):
    drafts = _drafts([course])
    assert told in drafts["final"]
    assert "Since we met" not in drafts["final"]  # its own time, not the frame's


@pytest.mark.parametrize(
    ("courses", "needed"),
    [
        (["MEDDICC certification, 2026-10"], True),
        (["completed MEDDICC cert last month"], True),
        (["Solution Selling, finished 2026-10-21"], False),
    ],
)
def test_the_agenda_asks_for_news_when_no_course_is_known_to_be_newer(courses, needed):
    from followup.services.agenda import agenda

    found = agenda(_deps(courses), on=date(2026, 11, 24), limit=50)
    assert found.news_needed is needed
