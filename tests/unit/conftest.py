from __future__ import annotations

from datetime import date, time

import pytest

from followup.adapters.holidays import PublicHolidays
from followup.adapters.policies import PolicyBook
from followup.domain.calendar import BusinessCalendar
from followup.domain.model import Contact, Event, Interview, Opportunity, Timeline, Touch
from followup.domain.planner import plan_opportunity

BOOK = PolicyBook(None)
ILLINOIS = BusinessCalendar(PublicHolidays("US", "IL"))


def d(text: str) -> date:
    return date.fromisoformat(text)


def acme(
    events: list[Event] | None = None,
    policy: str = "persistent",
    preliminary: str | None = "2027-01-08",
    second_round: str | None = "2027-01-22",
    interviews: list[Interview] | None = None,
) -> Opportunity:
    """DESIGN's worked example: Dana (decision maker, 45 min) and Lee (10 min) on 23 Dec 2026."""
    first = Interview(
        "acme-1",
        d("2026-12-23"),
        1,
        (
            Contact(
                "Dana Reyes",
                "Regional Sales Manager",
                "dana@acme.example",
                minutes=45,
                decision_maker=True,
                topics=("new Midwest territories", "CRM adoption"),
            ),
            Contact("Lee Park", "HR Generalist", "lee@acme.example", minutes=10),
        ),
    )
    return Opportunity(
        id="acme-ae",
        company="Acme Corp",
        role="Account Executive",
        policy=policy,
        timeline=Timeline(
            d(preliminary) if preliminary else None, d(second_round) if second_round else None
        ),
        interviews=interviews if interviews is not None else [first],
        events=events or [],
    )


def ev(
    day: str, kind: str, contact: str | None = None, step: str | None = None, at: str | None = None
) -> Event:
    return Event(
        d(day), kind, contact=contact, step=step, time=time.fromisoformat(at) if at else None
    )


def log(deps, opportunity_id: str, event: Event) -> Event:  # type: ignore[no-untyped-def]
    """Record an event through the use case, as a test has it written down."""
    from followup.services.recording import log_event

    return log_event(
        deps,
        opportunity_id,
        event.kind,
        contact=event.contact,
        step=event.step,
        on=event.date,
        at=event.time,
        note=event.note,
    )


def plan(opportunity: Opportunity, cal: BusinessCalendar = ILLINOIS) -> list[Touch]:
    return plan_opportunity(opportunity, BOOK.get(opportunity.policy), cal)


def rows(touches: list[Touch]) -> list[tuple[str, str, str, str]]:
    """(step, contact, due, status) of each touch, in plan order."""
    return [(t.step, t.contact, t.due.isoformat(), t.status) for t in touches]


@pytest.fixture
def illinois() -> BusinessCalendar:
    return ILLINOIS


@pytest.fixture(scope="module")
def voices():  # type: ignore[no-untyped-def]
    """Dependencies holding the voices' candidate and opportunities (tests/data/letters_voices),
    checking with the shipped rules; built once a module, loaded only where a test asks."""
    from .voices import voices_deps

    return voices_deps()


@pytest.fixture(params=["rules", "shipped"])
def voices_reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test twice: by the rules alone (the learned second reader left out), and as shipped."""
    from .voices import rules_or_shipped

    return rules_or_shipped(request.param, monkeypatch)
