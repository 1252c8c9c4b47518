"""missing-recap: a topic that is a process's turnaround ("claims turnaround times", "quote
turnaround") is recapped by the time the process takes, said in other words: slow payouts on
claims, claims paid too slowly, how long a quote takes to come back, the days it takes to
settle a claim (001, 003: the recap is of what was discussed, in any words). The process named
alone, or speed said of something else (quick replies to emails, settling in to a team), is no
recap of it."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
CONTACT = "\n\nThiago Nogueira\n+55 11 98765 4321"


def _recap_missing(text: str, *topics: str) -> bool:
    ctx = LetterContext(
        kind="thank_you",
        recipient="Rafael Cunha Menezes",
        company="Pontal Seguros",
        role="Broker Channel Manager",
        decision_maker=True,
        topics=topics,
        notes=topics,
        candidate_name="Thiago Nogueira",
        candidate_phone="+55 11 98765 4321",
    )
    found = CHECKER.check("Dear Rafael,\n\nThank you for Thursday. " + text + CONTACT, ctx)
    return any(f.rule == "missing-recap" for f in found)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Your point that brokers leave over slow payouts on claims stayed with me.",
            ("broker commissions", "claims turnaround times"),
        ),
        ("You said brokers walk away when claims are paid too slowly.", ("claims turnaround",)),
        (
            "I keep thinking about how long a quote takes to come back to the broker.",
            ("quote turnaround for brokers",),
        ),
        ("The days it takes to settle a claim can be cut in half.", ("claims turnaround times",)),
        ("Faster responses on claims would win the brokers back.", ("claims turnaround",)),
        (
            "You said brokers drift away when a claim takes weeks to be paid.",
            ("claims turnaround times",),
        ),
    ],
)
def test_the_time_a_process_takes_said_otherwise_recaps_its_turnaround(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("I enjoyed hearing about the claims team.", ("claims turnaround times",)),
        ("Thank you also for your quick replies to my emails.", ("claims turnaround times",)),
        ("I know how long it takes to settle in to a new team.", ("claims turnaround",)),
        ("The role is exactly what I am looking for.", ("quote turnaround for brokers",)),
        ("My visa took months to be approved, so I can start in May.", ("claims turnaround",)),
        ("It took me weeks to settle in after my last move.", ("claims turnaround",)),
    ],
)
def test_the_process_alone_or_speed_of_something_else_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)
