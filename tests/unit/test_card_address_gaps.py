"""Small print as a small photo reads it (session 23): a gap read where an address's separator
was lost, a letter read with a mark an address never has, a name's marked letters spelt two ways
in one address."""

from __future__ import annotations

import pytest

from followup.adapters.cards.emails import (
    UNCONFIRMED,
    candidates,
    local_parts,
    misreading_cost,
)
from followup.adapters.cards.weighing import _gap_separated, _initial_apart

# --- a gap read where a separator was printed ---------------------------------------------------

VANDENBROUCKE = [
    "avandenbroucke@brightwater.be",
    "a.vandenbroucke@brightwater.be",
    "a_vandenbroucke@brightwater.be",
    "vandenbroucke@brightwater.be",
]
GALLI = [
    "ilariagalli@polarisengineering.it",
    "ilariagalli@polaris-engineering.it",
    "ilaria.galli@polarisengineering.it",
]


@pytest.mark.parametrize(
    ("winner", "texts", "read", "separated"),
    [
        # The initial alone, its dot read as a space (and the `a` with a mark).
        (VANDENBROUCKE[0], VANDENBROUCKE, "à vandenbrouciegtr yrteater be", VANDENBROUCKE[1]),
        (VANDENBROUCKE[0], VANDENBROUCKE, "E a vandenbroucke brightwater be", VANDENBROUCKE[1]),
        # Only the underscore allowed after the initial.
        (VANDENBROUCKE[0], [VANDENBROUCKE[0], VANDENBROUCKE[2]], "a vandenbr", VANDENBROUCKE[2]),
        # The domain's hyphen read as a space, the letters before it misread by look-alikes.
        (GALLI[0], GALLI, "Emait ttanagalli@pcians engineenng it", GALLI[1]),
        (GALLI[0], GALLI, "ilariagalli@polaris engineering.it", GALLI[1]),
        # Near misses: no gap; the letter before the gap part of a word (`ba`); the gap between
        # two words of the local part (the underscore's, weighed by `_underscored`); the card
        # allows no hyphened domain; the gap elsewhere than the separator's place.
        (VANDENBROUCKE[0], VANDENBROUCKE, "avandenbroucie@brightwater.be", VANDENBROUCKE[0]),
        (VANDENBROUCKE[0], VANDENBROUCKE, "ba vandenbroucie", VANDENBROUCKE[0]),
        (GALLI[0], GALLI, "ilaria galli@polarisengineering.it", GALLI[0]),
        (GALLI[0], [GALLI[0], GALLI[2]], "ttanagalli@pcians engineenng it", GALLI[0]),
        (GALLI[0], GALLI, "ilariagalli@polarisengi neering.it", GALLI[0]),
    ],
)
def test_a_gap_read_where_the_card_allows_a_separator_is_that_separator(
    winner, texts, read, separated
):
    assert _gap_separated(winner, texts, read) == separated


@pytest.mark.parametrize(
    ("head", "text", "apart"),
    [
        ("à", "vandenbroucke@brightwater.be", True),  # a.vandenbroucke@ is allowed
        ("a", "vandenbroucke@brightwater.be", True),
        # Near misses: the email's label `E`; a letter with a colon (a label); a letter that
        # begins no allowed address; two letters.
        ("E", "vogt@kestrel.de", False),
        ("a:", "vandenbroucke@brightwater.be", False),
        ("b", "vandenbroucke@brightwater.be", False),
        ("ab", "vandenbroucke@brightwater.be", False),
    ],
)
def test_a_letter_alone_before_an_address_is_its_initial_where_the_card_allows_it(
    head, text, apart
):
    allowed = {
        "a.vandenbroucke@brightwater.be": 0.0,
        "vandenbroucke@brightwater.be": 0.0,
        "e.vogt@kestrel.de": 0.0,
        "vogt@kestrel.de": 0.0,
    }
    assert _initial_apart(head, text, allowed) is apart


# --- a letter read with a mark -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "read", "cost"),
    [
        ("a", "à", 0.25),
        ("e", "é", 0.25),
        ("o", "ö", 0.25),
        ("a.vandenbroucke", "à vandenbroucke", 0.4),  # the mark, and the dot read as a space
        # Near misses: a marked letter that is another letter bare costs a letter changed; a
        # look-alike bare letter costs what it did.
        ("o", "à", 1.0),
        ("o", "c", 0.5),
    ],
)
def test_a_letter_read_with_a_mark_costs_little_against_the_bare_letter_printed(
    printed, read, cost
):
    assert misreading_cost(printed, read) == pytest.approx(cost)


# --- a name's marked letters spelt one way in an address ---------------------------------------


def test_an_address_writes_a_name_s_marked_letters_all_one_way():
    found = local_parts("Måns Åkesson")
    assert {"maans_aakesson", "mans_akesson", "maans.aakesson", "m.akesson", "m.aakesson"} <= found
    assert not {"maans_akesson", "mans_aakesson", "maans.akesson"} & found
    # A name with one marked letter gives both ways, as before.
    assert {"jurgen.muller", "juergen.mueller", "j.mueller", "j.muller"} <= local_parts(
        "Jürgen Müller"
    )
    assert "juergen.muller" not in local_parts("Jürgen Müller")


def test_a_reading_that_spells_the_name_two_ways_is_not_confirmed_by_it():
    def doubt(read):
        scored = candidates(
            read, [read], "Måns Åkesson", {"fjordsystems"}, ["www.fjordsystems.se"], "SE"
        )
        return min(c.doubt for c in scored if c.email == read)

    assert doubt("maans_akesson@fjordsystems.se") == UNCONFIRMED
    assert doubt("maans_aakesson@fjordsystems.se") == 0.0
    assert doubt("mans_akesson@fjordsystems.se") == 0.0
    assert doubt("maansaakesson@fjordsystems.se") == 0.0  # the words run together
