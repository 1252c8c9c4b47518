"""The migration that folds names again (SQLite's 0019, PostgreSQL's 0009): rows stored with
the old keys ("østergaard", an import's id `łódź-trading-handlowiec`) get the new ones, and what
is now one person or one opportunity is merged with nothing lost — on a real SQLite file and a
real PostgreSQL database."""

from __future__ import annotations

from datetime import date

import pytest

from followup.adapters.storage.postgres.store import PostgresStore
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.domain.application import Application
from followup.domain.model import Contact, Event, Interview, Opportunity, Touch
from followup.domain.people import Person
from followup.domain.records import Found
from followup.services.applications import merge_applications

OLD = "łodz-trading-handlowiec"  # the id an import made from "Łódź Trading", "Handlowiec"
NEW = "lodz-trading-handlowiec"


def _store_old_rows(database) -> None:
    store = database.store()
    with store.unit_of_work() as uow:
        uow.save_opportunity(
            Opportunity(
                OLD,
                "Łódź Trading",
                "Handlowiec",
                interviews=[
                    Interview(
                        "lodz-1", date(2026, 12, 3), contacts=(Contact("Paweł Nowak", minutes=30),)
                    )
                ],
                events=[Event(date(2026, 12, 4), "done", "Paweł Nowak", "thank_you")],
                notes="met at the fair",
            )
        )
        uow.replace_plan(
            OLD,
            [
                Touch(
                    OLD,
                    "Paweł Nowak",
                    "thank_you",
                    "email",
                    date(2026, 12, 4),
                    "done",
                    done_on=date(2026, 12, 4),
                    interview="lodz-1",
                )
            ],
            "interviewing",
        )
        uow.save_opportunity(
            Opportunity(NEW, "Lodz Trading", "Handlowiec", url="https://lodz.example/jobs/7")
        )
        uow.save_opportunity(
            Opportunity("østergaard-key-account-manager", "Østergaard A/S", "Key Account Manager")
        )
        uow.save_opportunity(Opportunity("my-østergaard", "Østergaard", "Sales"))  # typed by hand
        ids = [
            uow.save_person(
                None, Person("Mette Østergaard", company="Ærø Shipping", phone="+45 1")
            ),
            uow.save_person(None, Person("Mette Ostergaard", "Sales Lead", "Aero Shipping")),
            uow.save_person(
                None, Person("Pawel Nowak", company="Lodz Trading", email="pawel@lodz.example")
            ),
            uow.save_person(None, Person("Paweł Nowak", "Handlowiec", "Łódź Trading")),
        ]
        uow.commit()
    # the keys as the version before folded them
    for person_id, name_key, company_key in (
        (ids[0], "mette østergaard", "ærø shipping"),
        (ids[3], "paweł nowak", "łodz trading"),
    ):
        database.sql(
            "UPDATE person SET name_key = %s, company_key = %s WHERE id = %s"
            if database.kind == "postgresql"
            else "UPDATE person SET name_key = ?, company_key = ? WHERE id = ?",
            name_key,
            company_key,
            person_id,
        )


def _migrate_again(database) -> None:
    """As if the database was made by the version before the migration."""
    if database.kind == "sqlite":
        database.sql("DELETE FROM schema_migrations WHERE name = '0019_folded_keys'")
        SqliteStore(database.location).migrate()
        return
    database.sql("DELETE FROM schema_migrations WHERE name = '0009_folded_keys'")
    name = database.location.rsplit("/", 1)[1]
    PostgresStore(database.cluster.url(name, "followup_owner")).migrate("followup_app")


def test_old_keys_are_folded_again_and_what_is_now_one_is_merged(database):
    _store_old_rows(database)
    _migrate_again(database)
    store = database.store()
    with store.unit_of_work(readonly=True) as uow:
        assert sorted(uow.opportunity_ids()) == [
            NEW,
            "my-østergaard",
            "ostergaard-key-account-manager",
        ]
        merged = uow.get_opportunity(NEW)
        assert merged is not None
        assert (merged.company, merged.url, merged.notes) == (
            "Lodz Trading",
            "https://lodz.example/jobs/7",
            "met at the fair",
        )
        assert [(i.id, [c.name for c in i.contacts]) for i in merged.interviews] == [
            ("lodz-1", ["Paweł Nowak"])
        ]
        assert merged.events == [Event(date(2026, 12, 4), "done", "Paweł Nowak", "thank_you")]
        # planned again from what it holds now: the thank-you done, the call after it
        assert [
            (r.touch.contact, r.touch.step, r.touch.status, r.touch.interview)
            for r in uow.plan(NEW)
        ] == [
            ("Paweł Nowak", "thank_you", "done", "lodz-1"),
            ("Paweł Nowak", "call", "planned", None),
        ]
        people = [(r.person.name, r.person.title, r.person.phone, r.person.email)
                  for r in uow.people()]  # fmt: skip
        assert people == [
            ("Mette Østergaard", "Sales Lead", "+45 1", ""),
            ("Pawel Nowak", "Handlowiec", "", "pawel@lodz.example"),
        ]


def test_after_the_migration_the_same_rows_again_change_nothing(database):
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook
    from followup.services.dependencies import Dependencies

    _store_old_rows(database)
    _migrate_again(database)
    deps = Dependencies(database.store(), calendar_for, PolicyBook(None))
    rows = [
        Found("line 2", Application("Łódź Trading", "Handlowiec")),
        Found("line 3", Application("Østergaard A/S", "Key Account Manager")),
    ]
    with deps.store.unit_of_work() as uow:
        report = merge_applications(deps, uow, rows)
        uow.commit()
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)


def _deps(database):
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook
    from followup.services.dependencies import Dependencies

    return Dependencies(database.store(), calendar_for, PolicyBook(None))


def _fresh_plan(deps, opportunity_id):
    """The plan DESIGN's rules make of the opportunity as it is stored now."""
    from followup.domain.model import Candidate
    from followup.domain.planner import plan_opportunity

    with deps.store.unit_of_work(readonly=True) as uow:
        opportunity = uow.get_opportunity(opportunity_id)
        candidate = uow.get_candidate() or Candidate()
    touches = plan_opportunity(
        opportunity, deps.policies.get(opportunity.policy), deps.calendars(candidate)
    )
    return [(t.contact, t.step, t.due, t.status, t.interview) for t in touches]


def test_what_is_merged_is_planned_again_in_the_migration(database):
    """Two opportunities made one hold one plan, made by DESIGN's rules from everything they
    now hold (the interview of the one, the application of the other), not the two old plans
    side by side; and the agenda shows it at once."""
    from followup.services.agenda import agenda
    from followup.services.planning import replan

    deps = _deps(database)
    with deps.store.unit_of_work() as uow:
        old = Opportunity(
            "østergaard-marine-skibsingeniør",
            "Østergaard Marine",
            "Skibsingeniør",
            applied=date(2026, 11, 2),
            interviews=[
                Interview(
                    "oster-1",
                    date(2026, 11, 24),
                    round=2,
                    contacts=(Contact("Sigrid Dahl", minutes=45, email="sd@om.example"),),
                )
            ],
        )
        new = Opportunity(
            "ostergaard-marine-skibsingenior",
            "Ostergaard Marine",
            "Skibsingeniør",
            applied=date(2026, 11, 2),
            interviews=[
                Interview(
                    "holm-1", date(2026, 11, 10), contacts=(Contact("Jens Holm", minutes=30),)
                )
            ],
            events=[Event(date(2026, 11, 11), "done", "Jens Holm", "thank_you")],
        )
        for opportunity in (old, new):
            uow.save_opportunity(opportunity)
        replan(deps, uow, None, [old, new])
        uow.commit()
    _migrate_again(database)
    deps = _deps(database)
    with deps.store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == ["ostergaard-marine-skibsingenior"]
        stored = [
            (r.touch.contact, r.touch.step, r.touch.due, r.touch.status, r.touch.interview)
            for r in uow.plan("ostergaard-marine-skibsingenior")
        ]
        (summary,) = uow.summaries()
    expected = _fresh_plan(deps, "ostergaard-marine-skibsingenior")
    # the second round's call waits for the first's: the two old plans side by side had both
    assert [(c, s) for c, s, _, status, _ in expected if status == "planned"] == [
        ("Jens Holm", "call"),
        ("Sigrid Dahl", "thank_you"),
    ]
    assert sorted(stored, key=str) == sorted(expected, key=str)
    assert summary.stage == "interviewing"
    seen = agenda(deps, on=date(2026, 11, 24), limit=50)
    shown = [(r.touch.step, r.touch.contact) for r in seen.today + seen.upcoming]
    assert ("thank_you", "Sigrid Dahl") in shown
    assert len(shown) == len(set(shown))


@pytest.mark.parametrize(
    ("statuses", "after"),
    [
        (("queued", "queued"), ("cancelled", "queued")),  # the keeper's waits
        (("sending", "queued"), ("sending", "cancelled")),  # the one being sent goes on
        (("sent", "queued"), ("sent", "queued")),  # one sent already: history, both kept
    ],
)
def test_two_that_hold_a_letter_of_one_touch_are_merged_keeping_both(database, statuses, after):
    """Both opportunities hold a letter for the same touch (and the same reply): they are still
    made one, with nothing lost. Only one letter of a touch may wait to be sent: the one being
    sent goes on, else the one of the opportunity that keeps the id waits, and the other is kept
    as cancelled, saying why; a letter sent already is history, kept as it is."""

    deps = _deps(database)
    with deps.store.unit_of_work() as uow:
        for oid, company in (
            ("łodz-trading-handlowiec", "Łódź Trading"),
            ("lodz-trading-handlowiec", "Lodz Trading"),
        ):
            uow.save_opportunity(Opportunity(oid, company, "Handlowiec"))
        uow.commit()
    for n, (oid, status) in enumerate(zip((OLD, NEW), statuses, strict=True)):
        _letter(database, oid, status, f"<m{n}@followup>")
    for n, oid in enumerate(("łodz-trading-handlowiec", "lodz-trading-handlowiec")):
        _reply(database, oid, "proposed" if n else "confirmed")
    _migrate_again(database)
    with database.store().unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == [NEW]
        letters = sorted((i.message_id, i.status, i.opportunity) for i in uow.outbox())
    assert letters == [("<m0@followup>", after[0], NEW), ("<m1@followup>", after[1], NEW)]
    reasons = [r for (r,) in database.sql("SELECT last_error FROM outbox ORDER BY message_id")]
    assert [bool(r and f"{OLD} and {NEW} were made one" in r) for r in reasons] == [
        status == "cancelled" for status in after
    ]
    replies = database.sql("SELECT opportunity_id, status FROM reply")
    assert replies == [(NEW, "confirmed")]


def _letter(database, oid, status, message_id):
    param = "%s" if database.kind == "postgresql" else "?"
    account = ", account_id" if database.kind == "postgresql" else ""
    account_value = ", (SELECT min(id) FROM account)" if database.kind == "postgresql" else ""
    database.sql(
        f"INSERT INTO outbox (opportunity_id, step, contact, to_name, to_address, subject, body, "
        f"message_id, send_after, status, created_at, due{account}) VALUES ({param}, "
        f"'thank_you', 'Paweł Nowak', 'Paweł Nowak', 'pawel@lodz.example', 'Dziękuję', 'Body', "
        f"{param}, '2026-12-04T09:00:00+00:00', {param}, '2026-12-03T09:00:00+00:00', "
        f"'2026-12-04'{account_value})",
        oid,
        message_id,
        status,
    )


def _reply(database, oid, status):
    param = "%s" if database.kind == "postgresql" else "?"
    account = ", account_id" if database.kind == "postgresql" else ""
    account_value = ", (SELECT min(id) FROM account)" if database.kind == "postgresql" else ""
    database.sql(
        f"INSERT INTO reply (opportunity_id, contact, received_at, message_id, identity, subject, "
        f"body, kind, evidence, proposal, status{account}) VALUES ({param}, 'Paweł Nowak', "
        f"'2026-12-05T10:00:00+00:00', '<r1@lodz.example>', '<r1@lodz.example>', 'Next round', "
        f"'We invite you', 'invitation', 'We invite you', 'invited', {param}{account_value})",
        oid,
        status,
    )
