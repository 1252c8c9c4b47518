"""needy (000, 003) in the classes letters99 showed, in Australian, American, Pakistani,
Estonian and Jamaican English: worn out by the search and the job as rescue ("I'm running on
fumes", "this gig would save my bacon"); the job announced to everyone and held over the reader
("I've told everyone I know that I'm joining, so it'd be embarrassing if it doesn't happen");
supplication ("with folded hands", "kindly favour me with this job", "I implore you to consider
me"); any answer begged, even a no; the wait that hurts; the job prayed over every night; and,
restated, a role that would get the writer out of a deep hole, a no that would be humiliating,
"a yes or a no, anything", not knowing that tears the writer apart, on the writer's knees. Near
misses stay clean: trucks on fumes, a template that saves the writer at month-end, hands folded
over a form, a customer obliged with a discount, a no from the port, a team told of a webinar,
rain prayed for by growers, a depot out of a hole, a rejection at the weighbridge, a yes or no on
a quote, a writer on their knees under a trailer."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Bronwyn Kelly",
        company="Pilbara Haulage Pty Ltd",
        people=("Bronwyn Kelly",),
        candidate_name="Aditi Rahman",
    )
    text = f"Bronwyn,\n\n{body}\n\nAditi"
    return sorted({f.rule for f in CHECKER.check(text, ctx) if f.rule == "needy"})


@pytest.mark.parametrize(
    "body",
    [
        "Mate, I'm running on fumes here.",
        "Honestly, I've been running on empty since March.",
        "This gig would save my bacon.",
        "The BDM job would really save my skin after the year I've had.",
        "I've told everyone I'm joining Pilbara, so it'd be embarrassing if it doesn't happen.",
        "I told my whole family I was starting at Pilbara in July; I can't let them down.",
        "I request you with folded hands to consider my application.",
        "Kindly favour me with this job.",
        "I implore you to give me a chance to prove myself.",
        "Please answer me something, even no.",
        "Even a no would be better than this silence.",
        "The waiting is hurting me very much.",
        "I have been praying on this every night since the interview.",
        "Landing this role would get me out of a very deep hole.",
        "Everyone knows I applied, so a no would be humiliating.",
        "Just a yes or a no, anything, please.",
        "Not knowing is tearing me apart.",
        "The silence has been driving me up the wall.",
        "I have been on my knees every night asking for this job.",
    ],
)
def test_rescue_supplication_and_the_wait_are_needy(body):
    assert _found(body) == ["needy"], body


@pytest.mark.parametrize(
    "body",
    [
        "Half the trucks were running on fumes by the time they reached Newman.",
        "Your fatigue template would save my drivers an hour of paperwork a week.",
        "The drivers sat with folded arms through the safety briefing.",
        "Kindly send me the route map for the road trains when you can.",
        "Even a no from the port would help us plan the July runs.",
        "I told my team I was joining the fatigue rules webinar on Thursday.",
        "The growers have been praying for rain since March.",
        "The new trailers would get the depot out of a hole in the wet season.",
        "A rejection at the weighbridge would be embarrassing for the brand.",
        "Could the depot send a yes or no on the quote by Friday?",
        "I was on my knees under the trailer checking the axle counts.",
    ],
)
def test_fumes_templates_and_prayers_for_rain_stay_clean(body):
    assert _found(body) == [], body
