"""The migration that folds names again (SQLite's 0019, PostgreSQL's 0009): rows stored with
the old keys ("østergaard", an import's id `łódź-trading-handlowiec`) get the new ones, and what
is now one person or one opportunity is merged with nothing lost — on a real SQLite file and a
real PostgreSQL database."""

from __future__ import annotations

from datetime import date

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
        assert [(r.touch.contact, r.touch.status, r.touch.interview) for r in uow.plan(NEW)] == [
            ("Paweł Nowak", "done", "lodz-1")
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
