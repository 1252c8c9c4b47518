"""The SQLite store tallies history exactly as the domain defines it, and the worked example's
history gives the figures counted by hand."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.domain.progress import ReplyRecord, TouchRecord, earliest_start, history_of
from followup.services.dossier import import_dossier
from followup.services.progress import follow_up_progress, pipeline

ACME = {
    "candidate": {
        "name": "Sam Ortiz",
        "email": "sam@example.com",
        "timezone": "America/Chicago",
        "country": "US",
        "subdivision": "IL",
    },
    "opportunities": [
        {
            "id": "acme-ae",
            "company": "Acme Corp",
            "role": "Account Executive",
            "timeline": {
                "preliminary_deadline": "2027-01-08",
                "second_round_deadline": "2027-01-22",
            },
            "interviews": [
                {
                    "id": "acme-1",
                    "date": "2026-12-23",
                    "round": 1,
                    "contacts": [
                        {
                            "name": "Dana Reyes",
                            "email": "dana@acme.example",
                            "minutes": 45,
                            "decision_maker": True,
                            "topics": ["territories"],
                        },
                        {"name": "Lee Park", "email": "lee@acme.example", "minutes": 10},
                    ],
                }
            ],
            "events": [
                {
                    "date": "2026-12-24",
                    "kind": "done",
                    "step": "thank_you",
                    "contact": "Dana Reyes",
                },
                {"date": "2027-01-04", "time": "16:30", "kind": "reply", "contact": "Dana Reyes"},
                {"date": "2027-01-20", "kind": "rejected"},
            ],
        }
    ],
}


def deps_at(database, now: datetime):  # type: ignore[no-untyped-def]
    """The services on the parametrised store: a SQLite file, then PostgreSQL."""
    deps = database.deps()
    deps.clock = lambda: now
    return deps


def test_the_worked_example_counted_on_monday_1_february_2027(database):  # type: ignore[no-untyped-def]
    # 18:00 UTC is noon in Chicago: today is Mon 1 Feb 2027.
    deps = deps_at(database, datetime(2027, 2, 1, 18, 0, tzinfo=UTC))
    import_dossier(deps, parse_dossier(ACME))
    report = follow_up_progress(deps)
    four, twelve, year = report.windows
    assert report.on == date(2027, 2, 1)
    # Dana's thank-you was due Mon 28 Dec and went out Thu 24 Dec, one business day after the
    # interview; Lee's was cancelled by the rejection and is not counted.
    assert (four.thank_you.counted, twelve.thank_you.counted) == (0, 1)
    assert (twelve.thank_you.met, twelve.thank_you.median_business_days) == (1, 1.0)
    # The reply of Mon 4 Jan answers the thank-you: 28, 29, 30, 31 Dec and 4 Jan (25 Dec and
    # 1 Jan are holidays) make five business days.
    assert [(a.step, a.made, a.answered, a.median_business_days) for a in twelve.answers] == [
        ("thank_you", 1, 1, 5.0)
    ]
    assert four.answers == ()
    # Our answer to that reply was cancelled by the rejection: nothing to count.
    assert twelve.reply_same_day.counted == 0
    # 5 Jan-1 Feb: the secondary (5 Jan) and both finals (29 Jan) were cancelled; the
    # stay-in-touch letter (22 Jan) is still open.
    o = four.outcomes
    assert (o.done, o.skipped, o.cancelled, o.open) == (0, 0, 3, 1)
    o = twelve.outcomes
    assert (o.done, o.skipped, o.cancelled, o.open) == (1, 0, 6, 1)
    assert year.outcomes == twelve.outcomes.__class__(1, 0, 6, 1, year.outcomes.how)


def _random_dossier(seed: int, today: date) -> dict[str, object]:
    rng = random.Random(seed)
    names = ["Dana Reyes", "Lee Park", "Omar Haddad", "Mei Kim"]
    opportunities = []
    for i in range(60):
        start = today - timedelta(days=rng.randint(0, 400))
        met = rng.sample(names, rng.randint(1, 3))
        events: list[dict[str, object]] = []
        day = start
        for _ in range(rng.randint(0, 6)):
            day += timedelta(days=rng.randint(0, 12))
            if day > today:
                break
            kind = rng.choice(["done", "done", "reply", "reply", "invited", "rejected"])
            event: dict[str, object] = {"date": day.isoformat(), "kind": kind}
            if kind == "done":
                event |= {
                    "step": rng.choice(["thank_you", "call", "secondary"]),
                    "contact": rng.choice(met),
                }
            elif kind == "reply":
                event["contact"] = rng.choice(met)
                event["time"] = rng.choice(["09:00", "16:59", "17:30"])
            events.append(event)
        opportunities.append(
            {
                "id": f"o{i}",
                "company": f"Company {i}",
                "timeline": {"preliminary_deadline": (start + timedelta(days=20)).isoformat()},
                "interviews": [
                    {
                        "id": f"o{i}-1",
                        "date": start.isoformat(),
                        "contacts": [
                            {"name": n, "minutes": 10 + j, "decision_maker": j == 0}
                            for j, n in enumerate(met)
                        ],
                    }
                ],
                "events": events,
            }
        )
    candidate = {"name": "Sam Ortiz", "country": "US", "timezone": "UTC"}
    return {"candidate": candidate, "opportunities": opportunities}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_store_tallies_history_as_the_domain_defines_it(database, seed):  # type: ignore[no-untyped-def]
    today = date(2027, 3, 12)
    deps = deps_at(database, datetime(2027, 3, 12, 12, 0, tzinfo=UTC))
    import_dossier(deps, parse_dossier(_random_dossier(seed, today)))
    since = earliest_start(today)
    with deps.store.unit_of_work(readonly=True) as uow:
        stored = uow.history(since, today)
        touches, replies = [], []
        for oid in uow.opportunity_ids():
            opp = uow.get_opportunity(oid)
            assert opp is not None
            days = {iv.id: iv.date for iv in opp.interviews}
            replies += [
                ReplyRecord(oid, e.contact, e.date) for e in opp.events if e.kind == "reply"
            ]
            touches += [
                TouchRecord(
                    oid,
                    t.touch.contact,
                    t.touch.step,
                    t.touch.status,
                    t.touch.due,
                    t.touch.done_on,
                    days.get(t.touch.interview or ""),
                )
                for t in uow.plan(oid)
            ]
    expected = history_of(touches, replies, since, today)
    for part in ("due", "sent_thank_yous", "made", "answerable", "replies"):
        assert Counter(getattr(stored, part)) == Counter(getattr(expected, part)), part
    assert expected.due and expected.answerable  # the history has something in it


def test_the_pipeline_counts_the_funnel_and_the_weeks_ahead(database):  # type: ignore[no-untyped-def]
    deps = deps_at(database, datetime(2026, 12, 28, 15, 0, tzinfo=UTC))
    first = {**ACME["opportunities"][0], "events": ACME["opportunities"][0]["events"][:1]}  # type: ignore[index]
    invited = {
        **first,
        "id": "beta",
        "company": "Beta",
        "events": [{"date": "2026-12-27", "kind": "invited"}],
    }
    offered = {
        **first,
        "id": "gamma",
        "company": "Gamma",
        "events": [{"date": "2026-12-27", "kind": "offer"}],
    }
    bare = {"id": "delta", "company": "Delta"}
    import_dossier(deps, parse_dossier({**ACME, "opportunities": [first, invited, offered, bare]}))
    view = pipeline(deps)
    assert view.funnel.steps() == (
        ("Opportunities", 4),
        ("Interviewed", 3),
        ("Next round", 1),
        ("Offer", 1),
    )
    assert view.funnel.closed == 0
    assert len(view.ahead) == 28 and view.ahead[0].day == date(2026, 12, 28)
    by_day = {d.day: d.touches for d in view.ahead if d.touches}
    # acme: Lee's thank-you today, the call Thu 31 Dec, the secondary Tue 5 Jan (the finals on
    # Fri 29 Jan fall after the four weeks). beta: the invitation leaves both thank-yous, due
    # today. gamma: the offer cancelled everything. delta: no interview, nothing planned.
    assert by_day == {date(2026, 12, 28): 3, date(2026, 12, 31): 1, date(2027, 1, 5): 1}
