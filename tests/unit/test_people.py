"""The address book: DESIGN's rule for telling people apart, merging what each source knows, and
what the capture forms offer as a name is typed — on the in-memory store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.errors import InvalidField
from followup.domain.model import Contact
from followup.domain.people import Person, company_key, email_key, key, merge, name_from_address
from followup.domain.records import Found, Skip
from followup.services import people as book
from followup.services.dependencies import Dependencies
from followup.services.recording import add_opportunity, capture_interview

from ..fakes import FakeStore


@pytest.fixture
def deps() -> Dependencies:
    return Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2026, 12, 28, 15, 0, tzinfo=UTC),
    )


def everyone(deps: Dependencies) -> list[Person]:
    return list(book.list_people(deps))


def merge_all(deps: Dependencies, records: list[Found[Person] | Skip], kind: str = "vcard"):
    with deps.store.unit_of_work() as uow:
        report = book.merge_people(deps, uow, records, kind)
        uow.commit()
    return report


def found(*people: Person) -> list[Found[Person] | Skip]:
    return [Found(f"card {i + 1}", p) for i, p in enumerate(people)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("José Muñoz", "jose munoz"),
        ("  Dana   Reyes ", "DANA REYES"),
        ("Jordan O'Neil", "Jordan O Neil"),
        ("Björn Ångström", "bjorn angstrom"),
        ("Straße", "STRASSE"),
    ],
)
def test_names_are_the_same_with_case_accents_spaces_and_punctuation_folded(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iberia Ventas, S.L.", "IBERIA VENTAS SL"),
        ("Acme Corp", "Acme"),
        ("Initech, Inc.", "initech"),
        ("Société Générale SA", "Societe Generale"),
        ("Nordic Sales AB", "Nordic Sales"),
    ],
)
def test_companies_are_the_same_whatever_legal_form_one_source_writes(a, b):
    assert company_key(a) == company_key(b)


def test_different_companies_stay_different():
    assert company_key("Acme Corp") != company_key("Acme Systems")
    assert company_key("Co") == "co"  # a name that is only a legal form is kept


def test_a_name_is_guessed_from_an_address_when_nothing_names_the_person():
    assert name_from_address("dana.reyes@acme.example") == "Dana Reyes"
    assert name_from_address("lee_park2@acme.example") == "Lee Park"
    assert email_key(" Dana@ACME.example ") == "dana@acme.example"


def test_one_email_in_any_case_is_one_person(deps):
    book.remember_person(deps, Person("Dana Reyes", email="dana@acme.example", source="vcard"))
    stored = book.remember_person(
        deps, Person("Dana R.", title="Regional Sales Manager", email="DANA@Acme.Example")
    )
    assert everyone(deps) == [stored]
    assert stored == Person(
        "Dana R.", title="Regional Sales Manager", email="dana@acme.example", source="vcard"
    )


def test_without_email_the_same_folded_name_at_the_same_company_is_one_person(deps):
    book.remember_person(deps, Person("José Muñoz", company="Iberia Ventas, S.L."))
    book.remember_person(deps, Person("JOSE MUNOZ", title="Director", company="Iberia Ventas SL"))
    assert [(p.name, p.title) for p in everyone(deps)] == [("JOSE MUNOZ", "Director")]


def test_the_same_name_at_another_company_is_another_person(deps):
    book.remember_person(deps, Person("Lee Park", company="Acme Corp"))
    book.remember_person(deps, Person("Lee Park", company="Globex"))
    assert [(p.name, p.company) for p in everyone(deps)] == [
        ("Lee Park", "Acme Corp"),
        ("Lee Park", "Globex"),
    ]


def test_two_addresses_are_two_people_even_with_one_name(deps):
    book.remember_person(deps, Person("Dana Reyes", company="Acme", email="dana@acme.example"))
    book.remember_person(deps, Person("Dana Reyes", company="Acme", email="dana@other.example"))
    assert sorted(p.email for p in everyone(deps)) == ["dana@acme.example", "dana@other.example"]


def test_a_person_with_an_address_takes_in_the_one_without_at_the_same_company(deps):
    book.remember_person(
        deps, Person("Lee Park", title="HR Generalist", company="Acme Corp", source="linkedin")
    )
    book.remember_person(
        deps, Person("Lee Park", phone="(312) 555-0102", email="lee@acme.example", source="vcard")
    )
    assert len(everyone(deps)) == 2  # the vCard named no company: not yet known to be the same
    book.remember_person(deps, Person("Lee Park", company="Acme", email="LEE@acme.example"))
    assert everyone(deps) == [
        Person(
            "Lee Park",
            title="HR Generalist",
            company="Acme",
            email="lee@acme.example",
            phone="(312) 555-0102",
            source="vcard",
        )
    ]


def test_an_address_already_someone_elses_stays_theirs(deps):
    book.remember_person(deps, Person("Dana Reyes", email="dana@acme.example"))
    book.remember_person(deps, Person("Lee Park", email="lee@acme.example"))
    book.remember_person(
        deps, Person("Lee Park", email="lee@acme.example", other_emails=("dana@acme.example",))
    )
    assert {p.name: p.emails for p in everyone(deps)} == {
        "Dana Reyes": ("dana@acme.example",),
        "Lee Park": ("lee@acme.example",),
    }


def test_a_person_is_found_by_any_of_their_addresses(deps):
    book.remember_person(
        deps,
        Person("Dana Reyes", email="dana@acme.example", other_emails=("dana.home@mail.example",)),
    )
    book.remember_person(deps, Person("Dana", title="Sales", email="Dana.Home@mail.example"))
    assert [(p.name, p.title, p.emails) for p in everyone(deps)] == [
        ("Dana", "Sales", ("dana@acme.example", "dana.home@mail.example"))
    ]


def test_merging_fills_blanks_or_lets_the_newer_record_win():
    stored = Person("Dana Reyes", title="Manager", email="dana@acme.example", source="vcard")
    newer = Person("Dana Reyes", title="Director", phone="+1 312", source="linkedin")
    assert merge(stored, newer) == Person(
        "Dana Reyes", title="Director", email="dana@acme.example", phone="+1 312", source="vcard"
    )
    assert merge(stored, newer, overwrite=False) == Person(
        "Dana Reyes", title="Manager", email="dana@acme.example", phone="+1 312", source="vcard"
    )


def test_a_person_needs_a_name(deps):
    with pytest.raises(InvalidField, match=r"^name: expected the person's name$"):
        book.remember_person(deps, Person("   ", email="x@acme.example"))


def test_importing_people_counts_each_person_once_and_twice_changes_nothing(deps):
    records = [
        *found(
            Person("Dana Reyes", title="Manager", email="dana@acme.example"),
            Person("Dana Reyes", phone="+1 312 555 0101", email="DANA@acme.example"),
            Person("Lee Park", company="Acme"),
        ),
        Skip("card 4", "no name and no email address"),
    ]
    first = merge_all(deps, records)
    assert (first.added, first.updated, first.unchanged, first.read) == (2, 0, 0, 3)
    assert [(s.where, s.reason) for s in first.skipped] == [
        ("card 4", "no name and no email address")
    ]
    second = merge_all(deps, records)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert everyone(deps)[0] == Person(
        "Dana Reyes", title="Manager", email="dana@acme.example", phone="+1 312 555 0101"
    )


def test_a_later_record_of_the_same_person_in_one_file_only_fills_blanks(deps):
    records = found(
        Person("Dana Reyes", title="Manager", email="dana@acme.example"),
        Person("Dana Reyes", title="Director", email="dana@acme.example"),
    )
    merge_all(deps, records)
    assert everyone(deps)[0].title == "Manager"
    again = merge_all(deps, records)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_an_import_left_without_commit_changes_nothing(deps):
    with deps.store.unit_of_work() as uow:
        book.merge_people(deps, uow, found(Person("Dana Reyes")), "vcard")
    assert everyone(deps) == []


def test_people_met_at_an_interview_enter_the_address_book_at_its_company(deps):
    add_opportunity(deps, "acme-ae", "Acme Corp", "Account Executive")
    capture_interview(
        deps,
        date(2026, 12, 23),
        (Contact("Dana Reyes", "Regional Sales Manager", "dana@acme.example", minutes=45),),
        "acme-ae",
    )
    assert everyone(deps) == [
        Person(
            "Dana Reyes",
            title="Regional Sales Manager",
            company="Acme Corp",
            email="dana@acme.example",
            source="interview",
        )
    ]


def test_a_person_met_is_completed_from_the_address_book(deps):
    book.remember_person(
        deps,
        Person(
            "Dana Reyes",
            title="Regional Sales Manager",
            company="Acme Corp",
            email="dana@acme.example",
            phone="+1 312 555 0101",
        ),
    )
    add_opportunity(deps, "acme-ae", "Acme Corp")
    opportunity, _ = capture_interview(
        deps, date(2026, 12, 23), (Contact("dana reyes", minutes=45),), "acme-ae"
    )
    assert opportunity.interviews[0].contacts == (
        Contact(
            "dana reyes",
            "Regional Sales Manager",
            "dana@acme.example",
            "+1 312 555 0101",
            minutes=45,
        ),
    )


def test_what_was_typed_wins_over_the_address_book(deps):
    book.remember_person(deps, Person("Dana Reyes", title="Manager", email="dana@acme.example"))
    add_opportunity(deps, "acme-ae", "Acme Corp")
    opportunity, _ = capture_interview(
        deps, date(2026, 12, 23), (Contact("Dana Reyes", title="VP"),), "acme-ae"
    )
    assert opportunity.interviews[0].contacts[0].title == "VP"
    assert opportunity.interviews[0].contacts[0].email == "dana@acme.example"


def test_a_name_several_people_share_is_filled_only_where_the_company_tells_them_apart(deps):
    book.remember_person(deps, Person("Lee Park", title="HR", company="Acme Corp"))
    book.remember_person(deps, Person("Lee Park", title="CTO", company="Globex"))
    assert book.find_person(deps, "Lee Park") is None
    found_at = book.find_person(deps, "lee park", "Globex Corporation")
    assert found_at is not None and found_at.title == "CTO"


def test_the_form_offers_names_that_start_with_what_was_typed_first(deps):
    for name in ("Dana Reyes", "Adam Danaher", "Lee Park", "Dan Brown"):
        book.remember_person(deps, Person(name, company="Acme"))
    assert [p.name for p in book.suggest_people(deps, "dan")] == [
        "Dan Brown",
        "Dana Reyes",
        "Adam Danaher",
    ]
    assert book.suggest_people(deps, "d") == []  # one letter offers nothing yet
    assert [p.name for p in book.suggest_people(deps, "PÄRK")] == ["Lee Park"]


def test_what_is_not_an_address_in_an_email_column_is_left_out(deps):
    stored = book.remember_person(
        deps, Person("Dana Reyes", email="N/A", other_emails=("-", "mailto:dana@acme.example"))
    )
    assert stored.emails == ("dana@acme.example",)
