"""The migration that plans every opportunity again (SQLite's 0020, PostgreSQL's 0010): a
database whose 0019/0009 merged two opportunities with a version that did not plan what it
merged kept the two old plans side by side, and the old stage, until the next change. After it,
each opportunity holds the plan DESIGN's rules make of it; one already up to date is unchanged —
on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.storage.postgres.store import PostgresStore
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.domain.application import opportunity_id
from followup.domain.model import Candidate, Contact, Event, Interview, Opportunity, Touch
from followup.domain.planner import plan_opportunity
from followup.services.dependencies import Dependencies
from followup.services.planning import replan

MERGED = opportunity_id("Fjord Line", "Key Account Manager")  # ids an import made
KEPT = opportunity_id("Hanse Logistik", "Vertrieb")
TYPED = "my-hanse"  # an id typed by a person: never merged, its plan is the person's


def _migrate_again(database) -> None:
    """As if the database was migrated by a version before this migration."""
    if database.kind == "sqlite":
        database.sql("DELETE FROM schema_migrations WHERE name = '0020_replanned'")
        SqliteStore(database.location).migrate()
        return
    database.sql("DELETE FROM schema_migrations WHERE name = '0010_replanned'")
    name = database.location.rsplit("/", 1)[1]
    PostgresStore(database.cluster.url(name, "followup_owner")).migrate("followup_app")


def _plan(database, oid: str) -> list[tuple]:
    with database.store().unit_of_work(readonly=True) as uow:
        return sorted(
            (
                (r.touch.contact, r.touch.step, r.touch.due, r.touch.status, r.touch.interview)
                for r in uow.plan(oid)
            ),
            key=str,
        )


def _fresh(opportunity: Opportunity) -> list[tuple]:
    touches = plan_opportunity(
        opportunity, PolicyBook(None).get(opportunity.policy), calendar_for(Candidate())
    )
    return sorted(((t.contact, t.step, t.due, t.status, t.interview) for t in touches), key=str)


def test_a_merge_left_with_two_plans_is_planned_again(database):
    deps = Dependencies(database.store(), calendar_for, PolicyBook(None))
    # what the old 0019 left: one opportunity holding both interviews, and both old plans
    merged = Opportunity(
        MERGED,
        "Fjord Line",
        "Key Account Manager",
        applied=date(2026, 10, 5),
        interviews=[
            Interview(
                "fj-1", date(2026, 10, 20), contacts=(Contact("Ingrid Solberg", minutes=40),)
            ),
            Interview(
                "fj-2",
                date(2026, 11, 9),
                round=2,
                contacts=(Contact("Knut Aasen", minutes=50, email="knut@fjordline.example"),),
            ),
        ],
        events=[Event(date(2026, 10, 21), "done", "Ingrid Solberg", "thank_you")],
    )
    kept = Opportunity(
        KEPT,
        "Hanse Logistik",
        "Vertrieb",
        interviews=[
            Interview("hl-1", date(2026, 11, 3), contacts=(Contact("Jörg Brandt", minutes=30),))
        ],
    )
    first_alone = Opportunity(
        MERGED, "Fjord Line", "Key Account Manager", interviews=merged.interviews[:1],
        events=merged.events,
    )  # fmt: skip
    second_alone = Opportunity(MERGED, "Fjord Line", "Key Account Manager",
                               interviews=merged.interviews[1:])  # fmt: skip
    stale = [
        replace(t, seq=n)
        for n, t in enumerate([*_touches(first_alone), *_touches(second_alone)], start=1)
    ]
    typed = replace(kept, id=TYPED)
    with deps.store.unit_of_work() as uow:
        uow.save_opportunity(merged)
        uow.save_opportunity(kept)
        uow.save_opportunity(typed)
        replan(deps, uow, None, [kept])
        uow.replace_plan(MERGED, stale, "applied")
        uow.replace_plan(TYPED, [replace(t, opportunity=TYPED) for t in stale[:1]], "applied")
        uow.commit()
    kept_before = _plan(database, KEPT)
    typed_before = _plan(database, TYPED)
    assert _plan(database, MERGED) != _fresh(merged)  # the stale plan, as the old 0019 left it

    _migrate_again(database)

    assert _plan(database, MERGED) == _fresh(merged)
    assert _plan(database, KEPT) == kept_before == _fresh(kept)
    assert _plan(database, TYPED) == typed_before
    with database.store().unit_of_work(readonly=True) as uow:
        stages = {s.id: s.stage for s in uow.summaries()}
    assert stages[MERGED] == "interviewing"


def _touches(opportunity: Opportunity) -> list[Touch]:
    return plan_opportunity(
        opportunity, PolicyBook(None).get(opportunity.policy), calendar_for(Candidate())
    )


def test_a_new_database_runs_it_and_plans_nothing(database):
    store = database.store()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []
    _migrate_again(database)
    with database.store().unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []
