"""wrong-name and wrong-company on the classes session 15 read (tests/data/letters_voices,
v15b-…, say them in letters): a title of respect makes a person of a word of the company's name,
a given name written with accents is no English word, a short form is the recipient's by the
nicknames package or the rule's table, someone met spoken to after a dash, and what the learned
reader may not withdraw. Each letter gets exactly the findings listed: rule and words."""

from __future__ import annotations

import pytest

from followup.adapters.nicknames import Nicknames
from followup.domain.letters.addressing import _nicknamed
from followup.services.dependencies import Dependencies

from .voices import found_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


_found = found_in

LETTERS = [
    # a title before a word of this opportunity's company: someone of that name, not the firm
    (
        "szalai",
        "József Tóth",
        "Guten Tag Frau Szalai,\n\nthe Linz rail slots are booked for June.\n\nInes",
        [("wrong-name", "Frau Szalai")],
    ),
    (
        "brennan",
        "Tadhg Quinn",
        "Dear Mr. Roe,\n\nMy RICS assessment is done.\n\nInes",
        [("wrong-name", "Mr. Roe")],
    ),
    # …while the company greeted or named as itself is no one
    ("brennan", "Tadhg Quinn", "Hello Brennan & Roe team,\n\nMy RICS assessment is done.", []),
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nI met a Szalai & Berger driver at the Győr ramp on Friday.\n\nInes",
        [],
    ),
    # a given name whose accents its folded form lacks is a name, not "pal" or "mate"
    (
        "szalai",
        "József Tóth",
        "Szia Pál!\n\nThe Linz rail slots are booked for June.\n\nInes",
        [("wrong-name", "Pál")],
    ),
    ("szalai", "József Tóth", "Hi mate,\n\nThe Linz rail slots are booked for June.\n\nInes", []),
    # short forms of the recipient's own name, by the package and by the rule's table
    ("szalai", "Margaret Oduya", "Hi Madge,\n\nMy notice ends on 30 June.\n\nInes", []),
    ("szalai", "Francisco Rocha", "Hola Pancho,\n\nThree Zaragoza shippers want reefers.", []),
    (
        "szalai",
        "József Tóth",
        "Szia Pista!\n\nThe Linz rail slots are booked for June.\n\nInes",
        [("wrong-name", "Pista")],
    ),
    # someone met, spoken to after a dash, and the same person described between two dashes
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nThe slots are booked. Guillermo - the rate you predicted held.\n\nInes",
        [("wrong-name", "Guillermo")],
    ),
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nThe slots are booked. Guillermo - your pricing lead - was right.",
        [],
    ),
    # a sentence's first word with an aside to the reader is its subject, not spoken to; without
    # the aside's verb, the same word before "you'll" is spoken to
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nTatabánya, you'll remember, was my old patch.\n\nInes",
        [],
    ),
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nLinz, as you know, has new rail slots.\n\nInes",
        [],
    ),
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nMiklós, you'll like this one: the slots are booked.\n\nInes",
        [("wrong-name", "Miklós")],
    ),
    # another company run together in a file name, which the learned reader may not withdraw
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nThe rail figures are in Ines_Carvalho_FernhillFoods_deck.pptx.\n\nInes",
        [("wrong-company", "FernhillFoods")],
    ),
    (
        "szalai",
        "József Tóth",
        "Dear József,\n\nThe rail figures are in Ines_Carvalho_SzalaiBerger_deck.pptx.\n\nInes",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), LETTERS)
def test_each_letter_gets_exactly_its_findings(deps, opportunity, to, text, expected):
    assert _found(deps, opportunity, to, text) == expected


LINKED = Nicknames().linked


def test_a_nickname_is_the_recipients_one_step_only():
    assert _nicknamed("peggy", frozenset({"margaret", "oduya"}), LINKED)
    assert _nicknamed("becks", frozenset({"rebecca", "holt"}), LINKED)  # Beck, without its "s"
    assert _nicknamed("robert", frozenset({"bob", "marley"}), LINKED)  # theirs is its nickname
    assert not _nicknamed("vicky", frozenset({"victor", "lindgren"}), LINKED)  # Victoria's
    assert not _nicknamed("miriam", frozenset({"margaret", "oduya"}), LINKED)


def test_a_reader_that_withdraws_every_name_and_company_keeps_what_only_structure_shows(
    deps, monkeypatch
):
    import followup.domain.letters.check as check

    def withdraw_all(rules, text, ctx, found, make, reader=None):
        return [f for f in found if f.rule not in ("wrong-name", "wrong-company")]

    monkeypatch.setattr(check, "second_reading", withdraw_all)
    text = (
        "Hi Rachel,\n\nThe deck is Ines_CV_FernhillFoods.pdf, and Oksana said the same. "
        "Guillermo, you were right about spot rates.\n\nInes"
    )
    assert _found(deps, "szalai", "József Tóth", text) == [
        ("wrong-company", "FernhillFoods"),  # run together in a file name
        ("wrong-name", "Guillermo"),  # someone met for this opportunity, spoken to
    ]  # (an unknown first name and a person of another opportunity are the reader's to judge)


def test_a_name_the_table_links_is_not_the_recipients_when_it_is_theirs_with_an_ending():
    endings = frozenset({"a", "e", "ia", "ine"})
    assert not _nicknamed("louise", frozenset({"louis", "morel"}), LINKED, endings)
    assert _nicknamed("lou", frozenset({"louis", "morel"}), LINKED, endings)


@pytest.mark.parametrize("title", ["Mag.", "Dkfm."])
def test_an_austrian_academic_title_is_a_title_not_a_name_by_the_rules_alone(
    deps, monkeypatch, title
):
    # Austria writes academic degrees before the name in a salutation (Magister, Diplom-Kaufmann)
    import followup.domain.letters.check as check

    def keep_all(rules, text, ctx, found, make, reader=None):
        return found

    monkeypatch.setattr(check, "second_reading", keep_all)
    text = f"Sehr geehrter {title} Tóth,\n\nThe Linz rail slots are booked for June.\n\nInes"
    assert _found(deps, "szalai", "József Tóth", text) == []
    assert _found(deps, "szalai", "József Tóth", text.replace("Tóth", "Rocha", 1)) == [
        ("wrong-name", f"{title} Rocha")
    ]
