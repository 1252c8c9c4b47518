"""The address book, invitations and application details in a real SQLite file (migrations
0012-0013) and on PostgreSQL: what the in-memory store does, the SQL stores do the same."""

from __future__ import annotations

from datetime import date, time

import pytest

from followup.adapters.storage.sqlite.store import SqliteStore
from followup.domain.model import Contact, Interview, Opportunity
from followup.domain.people import Person, key
from followup.services.storage import InvitationRecord

from ..fakes import FakeStore


@pytest.fixture(params=["sqlite", "postgresql", "fake"])
def store(request, tmp_path):
    if request.param == "postgresql":  # a shared server, acting as one candidate
        return request.getfixturevalue("postgres_database").store()
    return SqliteStore(tmp_path / "book.sqlite3") if request.param == "sqlite" else FakeStore()


DANA = Person(
    "Dana Reyes",
    title="Regional Sales Manager",
    company="Acme Corp",
    email="dana@acme.example",
    phone="+1 312 555 0101",
    url="https://www.linkedin.com/in/danareyes",
    source="vcard",
    other_emails=("Dana.Home@Mail.example",),
)


def test_a_person_is_kept_with_every_address_and_found_by_any_in_any_case(store):
    with store.unit_of_work() as uow:
        person_id = uow.save_person(None, DANA)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.person_by_email("dana.home@mail.example").id == person_id
        assert uow.person_by_email("dana@acme.example").person == DANA
        assert uow.person_by_email("nobody@acme.example") is None


def test_namesakes_are_found_by_name_and_company_and_those_without_an_address_apart(store):
    with store.unit_of_work() as uow:
        with_address = uow.save_person(None, DANA)
        without = uow.save_person(None, Person("dana reyes", company="ACME"))
        elsewhere = uow.save_person(None, Person("Dana Reyes", company="Globex"))
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        name, acme = key("Dana Reyes"), DANA.company_key
        assert [r.id for r in uow.people_named(name, acme)] == [with_address, without]
        assert [r.id for r in uow.people_named(name, acme, without_email=True)] == [without]
        assert [r.id for r in uow.people_named(name, None)] == [with_address, without, elsewhere]
        assert [r.id for r in uow.people_named(name, None, limit=1)] == [with_address]


def test_a_person_is_replaced_whole_and_removed_with_their_addresses(store):
    with store.unit_of_work() as uow:
        person_id = uow.save_person(None, DANA)
        uow.save_person(person_id, Person("Dana Reyes", email="dana@new.example"))
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.person_by_email("dana@acme.example") is None
        assert uow.person_by_email("dana@new.example").id == person_id
        uow.delete_person(person_id)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert list(uow.people()) == []
        assert uow.person_by_email("dana@new.example") is None


def test_people_are_listed_by_name_and_searched_without_wildcards_leaking(store):
    with store.unit_of_work() as uow:
        for name in ("Lee Park", "Dana Reyes", "Ana 100% Sure", "Jo_Ann Smith", "Joann Smith"):
            uow.save_person(None, Person(name))
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert [r.person.name for r in uow.people()] == [
            "Ana 100% Sure",
            "Dana Reyes",
            "Jo_Ann Smith",
            "Joann Smith",
            "Lee Park",
        ]
        assert [r.person.name for r in uow.people("ana")] == ["Ana 100% Sure", "Dana Reyes"]
        assert [r.person.name for r in uow.people("jo ann")] == ["Jo_Ann Smith"]
        assert [r.person.name for r in uow.people("a", limit=2)] == ["Ana 100% Sure", "Dana Reyes"]


def test_an_invitation_record_is_kept_and_replaced(store):
    with store.unit_of_work() as uow:
        uow.save_opportunity(Opportunity("acme-ae", "Acme Corp", policy="persistent"))
        uow.save_invitation(InvitationRecord("uid-1", "acme-ae", "acme-ae-2026-12-23", 0, 45))
        uow.save_invitation(
            InvitationRecord("uid-1", "acme-ae", "acme-ae-2026-12-23", 2, 45, cancelled=True)
        )
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.invitation("uid-1") == InvitationRecord(
            "uid-1", "acme-ae", "acme-ae-2026-12-23", 2, 45, cancelled=True
        )
        assert uow.invitation("uid-2") is None


def test_interview_times_places_and_application_details_are_kept(store):
    opportunity = Opportunity(
        "acme-ae",
        "Acme Corp",
        "Account Executive",
        "persistent",
        interviews=[
            Interview(
                "acme-1",
                date(2026, 12, 23),
                1,
                (Contact("Dana Reyes", minutes=55),),
                time(10, 0),
                "https://meet.google.com/abc-defg-hij",
            )
        ],
        applied=date(2026, 12, 15),
        url="https://acme-corp.example/careers/ae",
        notes="Panel with Dana and Lee",
        tracked_stage="applied",
    )
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae") == opportunity
