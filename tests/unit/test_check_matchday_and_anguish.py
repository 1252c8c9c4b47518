"""Session 17 (engineer A), by class, on the voices set's letters (tests/data/letters_voices,
v17a-…, read from its cases.json by id): match-day talk without a sports word (a side's showing
against another, a result with its score, a town celebrating, also where a note names the town),
an invitation to a standing get-together that offers, the writer's own walks and climbs told as
news, "taken up" a role (career news) beside "taken up" a pastime, anguish over the outcome, and
repetition beside a second letter said plainly. Each letter gets exactly the findings listed
(rule and words), read by the rules alone (the learned reader left out) and by the check as
shipped; the ids the rules missed or misread before this session are most of them."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import Found, assert_found_exactly, assert_round_listed, round_letters

CASES = round_letters("v17a-")

EXPECTED: Found = {
    "v17a-003": [
        (
            "new-topic",
            ("I hear Tromso IL saw off Rosenborg 3-1 on Sunday - the town must have been buzzing!"),
        ),
    ],
    "v17a-006": [
        (
            "new-topic",
            (
                "Magnolia were brilliant against San Miguel, the whole of Manila is "
                "still celebrating."
            ),
        ),
    ],
    "v17a-007": [],
    "v17a-013": [
        ("new-topic", "You would be most welcome, and the first Tusker is on me."),
    ],
    "v17a-016": [
        ("new-topic", "You'd be more than welcome, first round's mine."),
    ],
    "v17a-018": [],
    "v17a-023": [
        (
            "new-topic",
            (
                "Also, I finally climbed Ben Nevis over the bank holiday, up the Carn "
                "Mor Dearg ridge."
            ),
        ),
    ],
    "v17a-026": [
        (
            "new-topic",
            (
                "A bit of news: I cycled the Rallarvegen in July, eighty kilometres "
                "from Haugastol to Flam."
            ),
        ),
    ],
    "v17a-033": [],
    "v17a-034": [],
    "v17a-037": [],
    "v17a-038": [
        ("needy", "have not slept properly since the interview"),
        ("needy", "means more to me than words can say"),
    ],
    "v17a-041": [
        ("needy", "do not know how I will cope"),
        ("needy", "sleepless nights"),
    ],
    "v17a-043": [],
    "v17a-045": [],
    "v17a-046": [
        ("needy", "write again, and again"),
    ],
    "v17a-052": [
        ("new-topic", "I walked the Pennine Way in May, two hundred and sixty miles."),
    ],
    "v17a-053": [
        (
            "new-topic",
            ("Other news: I finally climbed Mount Kenya over Easter, Point Lenana at sunrise."),
        ),
    ],
    "v17a-056": [
        (
            "new-topic",
            (
                "I finally did the Camino from Sarria in the spring - a hundred and "
                "fifteen kilometres."
            ),
        ),
    ],
    "v17a-057": [],
    "v17a-060": [
        (
            "new-topic",
            (
                "Ipswich were superb against Norwich; the whole of Felixstowe must be "
                "celebrating too."
            ),
        ),
    ],
    "v17a-062": [],
    "v17a-063": [
        ("needy", "barely slept since Tuesday"),
    ],
    "v17a-064": [
        ("needy", "means more to me than I could ever say"),
    ],
    "v17a-065": [
        ("needy", "I'm not sure what I will do"),
    ],
    "v17a-066": [],
    "v17a-069": [
        (
            "new-topic",
            (
                "News from me: we finally walked the Wadi Shab trail at Eid, three "
                "hours each way to the pools."
            ),
        ),
    ],
    "v17a-070": [],
    "v17a-071": [
        ("new-topic", "You'd be very welcome."),
    ],
    "v17a-072": [],
}


def test_the_letters_are_there_with_their_labels() -> None:
    assert_round_listed(CASES, EXPECTED, 72, every=False)


@pytest.mark.parametrize("case_id", sorted(EXPECTED))
def test_each_class_is_found_exactly_and_its_near_misses_stay_clean(
    voices: Dependencies, voices_reading: str, case_id: str
) -> None:
    assert_found_exactly(voices, CASES[case_id], EXPECTED[case_id])
