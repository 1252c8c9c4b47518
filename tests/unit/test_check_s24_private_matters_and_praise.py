"""new-topic: a private place, book or show recommended to the reader ("the prawn place is worth
the drive", "I think you'd love it" of a memoir), an outing of the writer's pastime offered ("we
must get out on the river for a fish"), a person of the reader's firm heard to have moved to
another company, and unrest or politics remarked on with feeling ("the protests look
frightening, stay safe") are matters the interview never touched (003: a follow-up letter sticks
to it). A venue of the trade worth the trip, a report the reader would like, a pastime the notes
record, a move inside the firm and a strike that holds up the containers stay clean.
flattery: the reader compared with others who fall short ("few managers are as wise as you",
"there can't be many people half as knowledgeable as you") and their office called the finest
or the most beautiful of a place; a comparison that is not of the reader, or says only how busy
they are, and a workshop's turnaround measured against the port's stay clean.
(Found by session 24's dev set letters105, measured before the check was read.)"""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, opportunity: str, to: str, body: str) -> set[str]:
    first = to.split()[0]
    text = f"Dear {first},\n\n{body}\n\nInes"
    _, found = check_letter(deps, text, opportunity, to, "check_in")
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "If you're up in Ballito, the prawn place on the beachfront is worth the drive.",
        ),
        (
            "s24a-kericho",
            "Wanjiru Kamau",
            "The tearoom in the old station at Nakuru is well worth a stop; tell the owner "
            "Ines sent you.",
        ),
        (
            "s24a-taranaki",
            "Aroha Tipene",
            "I've just finished a memoir by a Napier shearer, and I think you would love it.",
        ),
        (
            "s24a-orkney",
            "Magnus Flett",
            "I binged a whole series over the weekend. You'd really enjoy it.",
        ),
        (
            "s24a-davao",
            "Ramon Dizon",
            "You really must watch Heneral Luna when you have a free evening.",
        ),
    ],
)
def test_a_private_place_book_or_show_recommended_is_a_new_topic(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"new-topic"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-kericho",
            "Wanjiru Kamau",
            "The auction floor in Mombasa is worth the trip for any buyer I bring.",
        ),
        (
            "s24a-umgeni",
            "Pieter van Wyk",
            "I've just finished the SAMSA report on cable faults; I think you'd like it.",
        ),
        (
            "s24a-orkney",
            "Fiona MacAskill",
            "You should read the HMRC guidance on bonded stock before the warehouse opens.",
        ),
        (
            "s24a-davao",
            "Ramon Dizon",
            "I found a short guide on pest control for orchids, given your farm: happy to post it.",
        ),
    ],
)
def test_work_worth_the_trip_and_noted_pastimes_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-taranaki",
            "Craig Dunlop",
            "We must get out on the Waiwhakaiho for a fish sometime.",
        ),
        ("s24a-umgeni", "Pieter van Wyk", "Let's take the ski boat out for some kob one Saturday."),
        ("s24a-orkney", "Magnus Flett", "You must come out stalking with me in October."),
        (
            "s24a-kericho",
            "Otieno Ochieng",
            "We should head out on the lake for a paddle when I'm next in Kisumu.",
        ),
    ],
)
def test_an_outing_of_the_writers_pastime_offered_is_a_new_topic(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"new-topic"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-taranaki",
            "Aroha Tipene",
            "We should get out on farm visits in Southland together in spring.",
        ),
        ("s24a-taranaki", "Craig Dunlop", "Good luck to your son and the under-19s this weekend."),
    ],
)
def test_outings_of_the_work_and_noted_pastimes_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s24a-taranaki", "Aroha Tipene", "I heard your predecessor has moved across to Fonterra."),
        (
            "s24a-kericho",
            "Wanjiru Kamau",
            "Word is that your old boss has jumped ship to a rival estate.",
        ),
        (
            "s24a-orkney",
            "Fiona MacAskill",
            "Apparently your former head distiller was poached by Diageo.",
        ),
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "I've been told your deputy joined Transnet last month.",
        ),
    ],
)
def test_a_person_heard_to_have_moved_firms_is_gossip(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"new-topic"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-taranaki",
            "Aroha Tipene",
            "I heard your manager has moved to the Invercargill office to run Southland.",
        ),
        (
            "s24a-kericho",
            "Wanjiru Kamau",
            "I heard your director is moving the auction dates to March.",
        ),
        ("s24a-kericho", "Wanjiru Kamau", "I heard your CEO is heading to Nairobi for a sale."),
    ],
)
def test_a_move_inside_the_firm_or_of_dates_stays_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-kericho",
            "Otieno Ochieng",
            "The pictures from the demonstrations in Nairobi look frightening. Stay safe.",
        ),
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "What a circus the coalition talks in Pretoria have turned into.",
        ),
        ("s24a-davao", "Ramon Dizon", "The election results here are a farce, honestly."),
    ],
)
def test_unrest_and_politics_remarked_on_are_a_new_topic(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"new-topic"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-kericho",
            "Otieno Ochieng",
            "The protests at Mombasa port have held up two containers, which is a mess for "
            "the schedule.",
        ),
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "The strike at the port has held up two switchboards for the trawlers.",
        ),
    ],
)
def test_unrest_that_holds_up_the_work_stays_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-taranaki",
            "Aroha Tipene",
            "Few managers in this country are as wise and generous as you.",
        ),
        (
            "s24a-orkney",
            "Fiona MacAskill",
            "There can't be many people in the industry half as knowledgeable as you.",
        ),
        (
            "s24a-kericho",
            "Wanjiru Kamau",
            "Not many directors are as patient and insightful as you are.",
        ),
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "Nobody I have worked for knows the harbour as well as you.",
        ),
    ],
)
def test_the_reader_compared_with_others_is_flattery(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"flattery"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-kericho",
            "Wanjiru Kamau",
            "Few buyers in the UK are as fussy about certification as the specialty ones.",
        ),
        (
            "s24a-orkney",
            "Fiona MacAskill",
            "Not many people are as busy as you, so I will keep this short.",
        ),
        ("s24a-umgeni", "Thandeka Dlamini", "Few yards in Durban have a slipway as long as yours."),
    ],
)
def test_comparisons_not_of_the_reader_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "I keep thinking about your office overlooking the harbour, surely the finest "
            "in Durban.",
        ),
        (
            "s24a-umgeni",
            "Thandeka Dlamini",
            "That boardroom of yours, with the view over the bay, has to be the most "
            "beautiful in KwaZulu-Natal.",
        ),
        (
            "s24a-orkney",
            "Fiona MacAskill",
            "Your study by the shore is the loveliest room in all of Orkney.",
        ),
    ],
)
def test_the_readers_office_called_the_finest_is_flattery(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"flattery"}


def test_a_workshops_turnaround_measured_stays_clean(deps):
    body = (
        "Going by the port's own figures, your workshop's turnaround on refits is the "
        "fastest in Durban."
    )
    assert _rules(deps, "s24a-umgeni", "Thandeka Dlamini", body) == set()
