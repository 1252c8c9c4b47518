"""new-topic: the reader's own holiday, named by where it is or asked after ("ask how her
holiday in Bali went", "I hope your family holiday in Nuwara Eliya is restful", "enjoy your
vacation in the Gaspé", "I trust your Eid holiday in Marrakech was restful") is private life
that was not part of the interview (003). Before this only "how was your holiday" was read:
the call script's "Ask how her holiday in Bali went." was clean (letters98, l98-037). A holiday
that dates a promise ("before your holiday in July"), the writer's own absence told for the
work ("I'm away on holiday in Penang from 2 June, so …") and the reader's work trip stay clean."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, body: str, kind: str = "check_in") -> set[str]:
    text = f"Hi Bronwyn,\n\n{body}\n\nInes"
    _, found = check_letter(deps, text, "s23b-gippsland", "Bronwyn McAllister", kind)
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    "body",
    [
        "- Thank her for the interview.\n- Ask how her holiday in Bali went.",
        "I hope your family holiday in Nuwara Eliya is a restful one. The truss list is attached.",
        "Enjoy your vacation in the Gaspé! The truss list is attached.",
        "I trust your Eid holiday in Marrakech was restful. The truss list is attached.",
        "The truss list is attached. How did your honeymoon in Bali go?",
    ],
)
def test_the_readers_holiday_by_its_place_is_a_new_topic(deps, body):
    assert _rules(deps, body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "I will send the list of truss fabricators before your holiday in July.",
        "I'm away on holiday in Penang from 2 June, so the truss list will come before then.",
        "I hope your trip to Hanoi to meet the distributors goes well.",
        "I hope your site visit in Bairnsdale went well; the truss list is attached.",
    ],
)
def test_a_holiday_that_dates_the_work_or_a_work_trip_is_no_new_topic(deps, body):
    assert _rules(deps, body) == set()
