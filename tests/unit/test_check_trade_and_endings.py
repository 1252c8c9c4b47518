"""Session 12, by class, in the voices set's dossier (tests/data/letters_voices, beside its
v3900-v3958): new-topic for a word of leisure that is the trade of the company written to or
part of a company's name (work, not a pastime) and for hearsay of a colleague's row with a
superior; flattery of the reader's child by likeness to a parent or as a gain to others;
asks-decision by a verb of ending whose object or subject is the hire itself; missing-recap where
the only shared word is the writer's own availability. Each beside clean near misses that share
its words. Every letter is a check-in (no thanks, contact or recap needed) unless its kind is
given, and is checked for exactly the expected rule ids (spelling aside)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps

SIGNED = "\n\nInes Carvalho\n+44 7700 900761"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


# (opportunity, recipient, kind, the letter's body, expected rule ids)
LETTERS = [
    # a word of leisure as the trade of the company written to, or inside a company's name
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "check_in",
        "Buyers at the spring show kept asking about pottery for balconies and small gardens.",
        [],
    ),
    (
        "fellgate",
        "Ruairi Dempsey",
        "check_in",
        "Two new cycling dealers opened in Aviemore this month; both stock only e-bikes.",
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "check_in",
        "I spent the spring on a short contract with Fellgate Cycling, pricing their dealer "
        "finance.",
        ["wrong-company"],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "check_in",
        "Pottery is my escape these days: I throw bowls at a studio every Sunday morning.",
        ["new-topic"],
    ),
    # hearsay of a colleague's row with a superior, whatever the colleague's title
    (
        "tromso",
        "Sigrid Haugen",
        "check_in",
        "Apparently your key account manager for Japan fell out with the managing director and "
        "is off to a rival. Is that so?",
        ["new-topic"],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "check_in",
        "A buyer in Osaka told me your new export tool had some teething problems with the "
        "customs portal; I have notes on the workaround if useful.",
        [],
    ),
    # the reader's child praised by likeness or as a gain to others
    (
        "fernhill",
        "Oksana Petrenko",
        "check_in",
        "The county would be fortunate to welcome a bowler as gifted as your son.",
        ["flattery"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "check_in",
        "The new route plan is as simple and reliable as the old one was slow.",
        [],
    ),
    # a verb of ending whose object or subject is the hire
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "Do you know when the selection process will wrap up?",
        ["asks-decision"],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "When does the partner onboarding process end for this quarter?",
        [],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "When do you expect to close the Lima bank deal?",
        [],
    ),
    # the writer's availability is no recap of a topic that holds the word
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "secondary",
        "I'll make myself available on any day that works for the panel next week.",
        ["missing-recap"],
    ),
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "secondary",
        "Since we spoke I have mapped which planters garden centres run out of first, so stock "
        "availability before Easter can be planned. I am free for a second meeting any day.",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "kind", "body", "expected"), LETTERS)
def test_each_letter_gets_exactly_its_rules(deps, opportunity, to, kind, body, expected):
    first = to.split()[0]
    text = f"Dear {first},\n\n{body}{SIGNED}"
    _, findings = check_letter(deps, text, opportunity, to, kind)
    assert sorted({f.rule for f in findings if f.rule != "spelling"}) == expected
