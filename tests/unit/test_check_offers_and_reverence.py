"""Session 16 (engineer A), by class, in the voices set's dossier (tests/data/letters_voices,
beside its v16a-… letters): a personal invitation that offers in the sentence after the
activity, the reader's private purchase seen in the news, reverence by metaphor and formula,
the decision asked for in a call script's notes to self, and a hope of another chance to work
together one day, which is no plea. Each letter gets exactly the findings listed (rule and
words), and the near misses none."""

from __future__ import annotations

import pytest

from followup.domain.letters.check import _holds
from followup.domain.letters.letter import Letter
from followup.domain.letters.rulebook import Condition
from followup.services.dependencies import Dependencies

from .voices import found_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


_found = found_in

LETTERS = [
    # an invitation that offers, the activity told in the sentence before it
    (
        "kisumu",
        "Otieno Odhiambo",
        "Dear Otieno,\n\nA few of us hike up Kit Mikayi every Friday morning, followed by "
        "breakfast. You would be most welcome to join us.\n\nInes",
        [("new-topic", "You would be most welcome to join us.")],
    ),
    (
        "fellgate",
        "Ruairi Dempsey",
        "Hi Ruairi,\n\nWe run along the Ness every Saturday at eight. Come along whenever you "
        "like.\n\nInes",
        [("new-topic", "Come along whenever you like.")],
    ),
    # near misses: the same offer to a weekly work meeting, to a group on the notes' topic,
    # and to the reader whose cycling club the notes name
    (
        "kumasi",
        "Kwame Asante",
        "Dear Kwame,\n\nWe meet every Monday morning to review the grading reports. You would "
        "be welcome to join us for one.\n\nInes",
        [],
    ),
    (
        "makati",
        "Maricel Santos",
        "Dear Maricel,\n\nA few of us meet online every Thursday evening to talk about QR "
        "payments fraud. You would be welcome to join us.\n\nInes",
        [],
    ),
    (
        "northgate",
        "Sam Okonjo",
        "Hi Sam,\n\nOur club does a long ride out to Otley most Sundays, and you'd be very "
        "welcome to join us with yours some time.\n\nInes",
        [],
    ),
    # the reader's private purchase, and the company's own
    (
        "kinabalu",
        "Aminah Yusof",
        "Dear Aminah,\n\nI read that you have just bought a yacht in Sepanggar.\n\nInes",
        [("new-topic", "I read that you have just bought a yacht in Sepanggar.")],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "Dear Aminah,\n\nI read that your company has bought a second vessel for the feeder "
        "service.\n\nInes",
        [],
    ),
    # reverence by metaphor and formula; near misses: the same words without reverence
    (
        "makati",
        "Maricel Santos",
        "Dear Ms. Santos,\n\nYou are truly a jewel in the crown of Philippine payments.\n\nInes",
        [("flattery", "You are truly a jewel in the crown of")],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "Dear Sir,\n\nIt was an honour beyond measure to sit before a man of your wisdom.\n\nInes",
        [("flattery", "a man of your wisdom"), ("flattery", "honour beyond measure")],
    ),
    (
        "brekke",
        "Ingrid Solberg",
        "Dear Ingrid,\n\nSomeone with your experience will know that service contracts renew in "
        "the autumn.\n\nInes",
        [],
    ),
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "Dear Marguerite,\n\nThe Frankfurt trade fair is the crown jewel of the tableware "
        "calendar.\n\nInes",
        [],
    ),
    # the decision asked for in a script's notes; near misses: what they chose of the work
    (
        "fellgate",
        "Ruairi Dempsey",
        "Ruairi call\n- bike shop list for Inverness\n- confirm with Ruairi whether they have "
        "picked someone for the role yet\n- thank him",
        [("asks-decision", " they have picked someone for the role yet\n- thank him")],
    ),
    (
        "uppsala",
        "Johan Lindqvist",
        "Call notes\n- ask him if the region has decided which laboratories join the pilot\n"
        "- offer the summary",
        [],
    ),
    # a hope of another chance to work together one day; a plea for one
    (
        "otterbrook",
        "Martin Kowalski",
        "Dear Martin,\n\nI hope there may be another chance to work with Otterbrook Bank further "
        "down the line.\n\nInes",
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "Dear Martin,\n\nI beg you for another chance to show you what I can do.\n\nInes",
        [("needy", "I beg"), ("needy", "another chance")],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), LETTERS)
def test_each_class_is_found_exactly_and_its_near_misses_stay_clean(
    deps: Dependencies,
    opportunity: str,
    to: str,
    text: str,
    expected: list[tuple[str, str]],
) -> None:
    kind = "call" if text.startswith(("Ruairi call", "Call notes")) else "check_in"
    assert _found(deps, opportunity, to, text, kind) == sorted(expected)


def test_requires_lead_reads_the_sentence_or_the_one_before_it_and_no_other() -> None:
    import re

    lead = re.compile(r"\bevery\s+friday\b", re.I)
    condition = Condition("x", requires_lead=lead)  # type: ignore[arg-type]
    welcome = re.compile(r"\bwelcome\b")
    for text, holds in (
        ("We hike every Friday. You are welcome.", True),
        ("We hike every Friday and you are welcome.", True),
        ("We hike every Friday. It is steep. You are welcome.", False),
        ("You are welcome.", False),
    ):
        letter = Letter(text)
        m = welcome.search(text)
        assert m is not None
        assert _holds(condition, letter, m) is holds, text
