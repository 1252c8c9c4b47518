"""new-topic: a public event asked after ("did you get down to the Regatta?", "did you make it to
the July races?"), the reader's catch or bag asked after ("any luck with the salmon on the
river?", "any luck fishing last weekend?") and food at a place recommended ("do try the momos at
the little place near the bazaar") are matters the interview never touched (003). An auction of
the trade asked after, luck with the work, a product tried from a lab stay clean.
flattery: the reader's qualities held up as an example to others ("your vision and dynamism are
an example for the whole industry") and the reader the best of any person of their kind met
("the best eye for people of any VP I've ever worked with"); customers the most demanding of any
met, and a schedule as an example, stay clean.
(Found by session 24's second dev set letters106, measured before this round's change.)"""

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
        ("s24a-orkney", "Magnus Flett", "Did you get down to the Regatta on the bay in the end?"),
        ("s24a-umgeni", "Pieter van Wyk", "Did you make it to the Durban July races?"),
        ("s24a-kericho", "Wanjiru Kamau", "Did you go to this year's Kisumu music festival?"),
        ("s24a-taranaki", "Craig Dunlop", "Any luck with the trout on the river this spring?"),
        ("s24a-kericho", "Otieno Ochieng", "Any luck fishing on Lake Victoria last weekend?"),
        ("s24a-umgeni", "Thandeka Dlamini", "You must try the bunny chow at the place on Grey St."),
        ("s24a-kericho", "Wanjiru Kamau", "Do try the nyama choma at that spot by the bus park."),
    ],
)
def test_events_catches_and_food_places_are_new_topics(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"new-topic"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s24a-kericho", "Wanjiru Kamau", "Did you get to the tea auction in Mombasa this week?"),
        ("s24a-taranaki", "Aroha Tipene", "Any luck with the finance packages at the field day?"),
        ("s24a-orkney", "Magnus Flett", "Any luck with the peat from the new bank on Hoy?"),
        ("s24a-davao", "Ramon Dizon", "Do try the residue test kit from the lab in Wageningen."),
    ],
)
def test_the_same_frames_about_the_work_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s24a-taranaki", "Aroha Tipene", "Your vision and dynamism are an example to us all."),
        ("s24a-kericho", "Wanjiru Kamau", "Your leadership stands as a beacon for the tea trade."),
        ("s24a-umgeni", "Thandeka Dlamini", "Your humility and generosity are a lesson to all."),
        ("s24a-orkney", "Fiona MacAskill", "You were the kindest of all the bosses I have met."),
        ("s24a-umgeni", "Thandeka Dlamini", "You have the best eye of any VP I have met."),
    ],
)
def test_qualities_as_an_example_and_the_best_of_any_are_flattery(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == {"flattery"}


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s24a-orkney", "Fiona MacAskill", "Taipei buyers are the most demanding of any I've met."),
        ("s24a-umgeni", "Thandeka Dlamini", "Eskom's schedule is an example of why backup pays."),
    ],
)
def test_superlatives_and_examples_not_of_the_reader_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == set()
