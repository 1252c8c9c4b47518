"""Session 18 (engineer A), by class, on the voices set's letters (tests/data/letters_voices,
v18a-…, read from its cases.json by id). asks-decision: the writer's own standing against their
own targets, a choice of something named ("Which hotel did you choose?") and the buyer's decision
process in the writer's own selling ask for nothing, beside the hire's standing asked and who
"is making the cut" for the next round. new-topic: "we should get along" is no invitation,
beside a festival, carnival or street party offered as a question, a game offered ("Do you play
too?", "we could get a game going"), the reader's family in a photo at the office, good wishes
to a named person's child, hearsay about a neighbour's trouble asked after, sides called by
nicknames with match-day verbs, and another person's private matter noted with them (a topic
"his cycling club", "her son's cricket trials") brought into a letter to someone else. needy:
any salary or whatever they can offer taken, no haggling, the money unimportant beside wanting
the job, feared forgotten. flattery: the occasion worth more than, or better than, any
masterclass or course. Each letter gets exactly the findings listed (rule and words), read by
the rules alone (the learned reader left out) and by the check as shipped. Before this
session's changes 25 of v18a-001…054 failed, 2 of v18a-058…062 and 3 of v18a-063…073."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import Found, assert_found_exactly, assert_round_listed, round_letters

CASES = round_letters("v18a-")

EXPECTED: Found = {
    "v18a-001": [],
    "v18a-002": [],
    "v18a-003": [],
    "v18a-004": [],
    "v18a-005": [
        (
            "asks-decision",
            ("Would it be possible to tell me where I stand against the other applicants?"),
        ),
    ],
    "v18a-006": [
        (
            "asks-decision",
            (
                "Just trying to work out where I stand in your process - has anything "
                "moved since our call?"
            ),
        ),
    ],
    "v18a-007": [
        ("asks-decision", "Any word yet on who is getting through to round two?"),
    ],
    "v18a-008": [
        (
            "asks-decision",
            ("May I ask whether you already know who is making the cut for the panel stage?"),
        ),
    ],
    "v18a-009": [
        ("asks-decision", "- round two: who's making the cut, and when will you know?"),
    ],
    "v18a-010": [],
    "v18a-011": [],
    "v18a-012": [],
    "v18a-013": [
        ("new-topic", "You mentioned your family holiday in Zanzibar."),
        # (and the writer's own trip for a feast: "Eid" is a word of faith since session 20)
        ("new-topic", "We are planning the same trip for the Eid break."),
    ],
    "v18a-014": [],
    "v18a-015": [],
    "v18a-016": [],
    "v18a-017": [],
    "v18a-018": [],
    "v18a-019": [
        (
            "new-topic",
            ("We should get together for a curry one evening when I'm next in Hamilton."),
        ),
    ],
    "v18a-020": [
        (
            "new-topic",
            (
                "The photo of your little ones on the windowsill made me smile - they "
                "look like a right handful!"
            ),
        ),
    ],
    "v18a-021": [
        ("new-topic", "I noticed the wedding picture behind your desk."),
    ],
    "v18a-022": [],
    "v18a-023": [],
    "v18a-024": [
        ("new-topic", "Do you play as well?"),
        ("new-topic", "Maybe the three of us could get a game going after the Győr visit!"),
    ],
    "v18a-025": [
        ("new-topic", "We must have a game when I am next in Kumasi!"),
    ],
    "v18a-026": [
        (
            "new-topic",
            ("A few of us have a poker night on Thursdays and we could always deal you in."),
        ),
        ("new-topic", "Do you play cards at all?"),
    ],
    "v18a-027": [],
    "v18a-028": [],
    "v18a-029": [
        (
            "new-topic",
            ("Please wish Tadhg's young lad the very best for his Leaving Cert in June."),
        ),
    ],
    "v18a-030": [
        (
            "new-topic",
            ("I hope Mrs Zielińska's son does well at his violin competition on Saturday."),
        ),
    ],
    "v18a-031": [],
    "v18a-032": [],
    "v18a-033": [
        (
            "new-topic",
            (
                "Between the two fairs I heard that the carton plant beside yours is "
                "cutting half of its sales staff and that the owner is leaving after "
                "some scandal."
            ),
        ),
        ("new-topic", "Do you know anything more about it?"),
    ],
    "v18a-034": [
        ("new-topic", "Any idea what really happened there?"),
    ],
    "v18a-035": [],
    "v18a-036": [
        ("needy", "I won't haggle"),
        ("needy", "Whatever salary you have in mind is fine"),
    ],
    "v18a-037": [
        ("needy", "I will accept any package"),
        ("needy", "the money does not matter to me at all"),
    ],
    "v18a-038": [
        ("needy", "fear I had been forgotten"),
    ],
    "v18a-039": [],
    "v18a-040": [],
    "v18a-041": [
        ("new-topic", "Did you catch the Swans getting one over the Bulldogs on Friday night?"),
    ],
    "v18a-042": [
        ("new-topic", ("How about the Bombers sneaking past the Hawks at the death on Saturday!")),
    ],
    "v18a-043": [
        ("new-topic", "Big weekend for the Blues: three points off the Gunners at last."),
    ],
    "v18a-044": [],
    "v18a-045": [],
    "v18a-046": [
        ("flattery", "conversation was worth more than every sales seminar"),
    ],
    "v18a-047": [
        ("flattery", "No training course has ever taught me as much as our"),
    ],
    "v18a-048": [
        ("flattery", "talk taught me more than any masterclass"),
    ],
    "v18a-049": [],
    "v18a-050": [],
    "v18a-051": [
        ("new-topic", "Would you be free to join us at the carnival on Saturday?"),
    ],
    "v18a-052": [
        ("new-topic", "Are you going to the fiesta in Lucban this weekend?"),
    ],
    "v18a-053": [
        ("new-topic", "Will you be at the carnival on Monday?"),
    ],
    "v18a-054": [],
    "v18a-055": [
        ("new-topic", "Do give Mr Zieliński's son my best for his chess final in May."),
    ],
    "v18a-056": [
        # (a colleague's league, tied to the interview by nothing but the town of the notes,
        # "rail freight from Győr": a place alone is no tie since session 20)
        ("new-topic", "Rocha plays in a Saturday night dominoes league in Győr."),
        ("new-topic", "Do you play too?"),
        ("new-topic", "Maybe we could all get a game going one Saturday!"),
    ],
    "v18a-057": [
        ("asks-decision", "Any word yet on who is making the cut for round two?"),
    ],
    "v18a-058": [
        (
            "new-topic",
            (
                "Fingers crossed for Oksana's lad at the county cricket trials in June "
                "- do you follow the cricket yourself?"
            ),
        ),
    ],
    "v18a-059": [
        ("new-topic", "Do you ride too?"),
        ("new-topic", "Sam tells me his cycling club rides out of Leeds every Sunday."),
    ],
    "v18a-060": [
        ("new-topic", "I hope Sam's cycling club had a dry run on Sunday."),
    ],
    "v18a-061": [],
    "v18a-062": [],
    "v18a-063": [
        ("new-topic", "Did you see the Magpies get past the Saints on Sunday?"),
        ("new-topic", "My brother-in-law has not stopped talking about it."),
    ],
    "v18a-064": [],
    "v18a-065": [
        ("flattery", "interview was better than any masterclass"),
    ],
    "v18a-066": [],
    "v18a-067": [
        ("new-topic", "Are you coming to the Pahiyas harvest festival?"),
    ],
    "v18a-068": [
        ("new-topic", "Fancy coming along to the street party on Saturday?"),
    ],
    "v18a-069": [],
    "v18a-070": [
        ("needy", "I will happily accept whatever you can offer"),
        ("needy", "please just give me the chance"),
    ],
    "v18a-071": [
        ("needy", "The salary is not important"),
    ],
    "v18a-072": [],
    "v18a-073": [],
}


def test_the_letters_are_there_with_their_labels() -> None:
    assert_round_listed(CASES, EXPECTED, 73)


@pytest.mark.parametrize("case_id", sorted(EXPECTED))
def test_each_class_is_found_exactly_and_its_near_misses_stay_clean(
    voices: Dependencies, voices_reading: str, case_id: str
) -> None:
    assert_found_exactly(voices, CASES[case_id], EXPECTED[case_id])
