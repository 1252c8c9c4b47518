"""One folding for every key built from a name (DESIGN: "the same name (case and accents folded)
at the same company"): letters Unicode does not decompose ("ø", "æ", "ß", "ł", "đ", "þ", "œ")
fold like accented ones, in the address book, in opportunity ids, and across imports; names in
other scripts keep a key of their own letters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from followup.domain.application import Application, opportunity_id
from followup.domain.folding import fold
from followup.domain.people import Person, company_key, key
from followup.domain.records import Found
from followup.services import people as book
from followup.services.agenda import list_opportunities
from followup.services.applications import merge_applications
from followup.services.dependencies import Dependencies

from ..fakes import fake_deps


@pytest.fixture
def deps() -> Dependencies:
    return fake_deps(datetime(2026, 12, 28, 15, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Østergaard", "ostergaard"),
        ("Łódź Trading", "lodz trading"),
        ("Ærø", "aero"),
        ("Straße", "strasse"),
        ("Đorđević", "dordevic"),
        ("Þórunn", "thorunn"),
        ("Cœur Défense", "coeur defense"),
        ("Kırıkkale", "kirikkale"),
        ("Ħal Far", "hal far"),
        ("ＡＣＭＥ", "acme"),
    ],
)
def test_latin_letters_that_do_not_decompose_fold_to_the_ascii_letters_they_stand_for(
    written, folded
):
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mette Østergaard", "Mette Ostergaard"),
        ("Paweł Łukasik", "PAWEL LUKASIK"),
        ("Ærø Færgen", "Aero Faergen"),
        ("Jörg Meißner", "Jorg Meissner"),
        ("Þóra Björk", "Thora Bjork"),
    ],
)
def test_a_name_spelled_with_or_without_those_letters_is_one_key(a, b):
    assert key(a) == key(b)


def test_names_in_other_scripts_keep_a_key_of_their_own_letters():
    assert key("Иван Петров") == "иван петров"
    assert key("ИВАН ПЕТРОВ") == key("Иван Петров")
    # transliterated, these would both be "wang": two people, two keys
    assert key("王") != key("汪")
    assert company_key("ソニー株式会社") == "ソニー株式会社"
    # accents dropped and case folded in every script (a final sigma is a sigma)
    assert opportunity_id("Ελληνική Εταιρεία", "Πωλήσεις") == "ελληνικη-εταιρεια-πωλησεισ"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Østergaard A/S", "Key Account Manager"), ("Ostergaard", "Key Account Manager")),
        (("Łódź Trading sp.", "Handlowiec"), ("Lodz Trading sp.", "HANDLOWIEC")),
        (("Ærø Shipping", "Account Executive"), ("Aero Shipping", "Account Executive")),
        (("Straße & Co GmbH", "Vertrieb"), ("Strasse & Co", "Vertrieb")),
    ],
)
def test_the_opportunity_id_is_the_same_for_both_spellings(a, b):
    assert opportunity_id(*a) == opportunity_id(*b)
    assert opportunity_id(*a).isascii()


def test_one_person_at_one_company_whichever_spelling_each_source_used(deps):
    book.remember_person(deps, Person("Mette Østergaard", company="Ærø Shipping", source="vcard"))
    book.remember_person(
        deps, Person("Mette Ostergaard", title="Sales Lead", company="Aero Shipping")
    )
    assert [(p.name, p.title) for p in book.list_people(deps)] == [
        ("Mette Ostergaard", "Sales Lead")
    ]


def test_applications_in_both_spellings_are_one_opportunity_and_twice_changes_nothing(deps):
    rows = [
        Found("line 2", Application("Łódź Trading", "Handlowiec", stage="applied")),
        Found("line 3", Application("Lodz Trading", "Handlowiec", url="https://lodz/jobs/1")),
    ]
    for expected in ((1, 0), (0, 0)):
        with deps.store.unit_of_work() as uow:
            report = merge_applications(deps, uow, rows)
            uow.commit()
        assert (report.added, report.updated) == expected
    assert [o.id for o in list_opportunities(deps)] == ["lodz-trading-handlowiec"]
