"""asks-decision in idioms the check had not met (003): the decision called "the call" in the
passive ("has the call been made yet on the role?"), and the hiring side's deliberation called a
conclave ("any news from the conclave?", "is the conclave over?"), the job won in slang ("have I
got the gig?", "did I do enough to get over the line?"), an offer on the table for the writer,
and a name put forward or rubber-stamped by the hiring side. Near misses stay clean: a phone
call made to a customer, a committee's decision about something else asked ("has the tender
committee made a decision on the Silesian hospitals yet?"), and a company named by a phrase of
lowercase words before "made a decision" is no company name."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Rafael Nogueira",
        company="Vitória Logística",
        people=("Rafael Nogueira",),
        candidate_name="Chidinma Okafor",
    )
    text = f"Dear Rafael,\n\n{body}\n\nBest regards,\nChidinma Okafor"
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "asks-decision"]


@pytest.mark.parametrize(
    "body",
    [
        "Has the call been made yet on the BDM role?",
        "Has the call been made yet?",
        "Has a final call been taken on the position?",
        "Was the call made on the shortlist?",
        "Has the final call been made on the Key Account Manager post?",
        "Any news from the conclave?",
        "Is the conclave over yet?",
        "Is the conclave still in session?",
        "Has the hiring committee made a decision?",
        "Has Vitória made a decision?",
        "Has the selection panel made its choice on the role yet?",
        "Have I got the gig?",
        "Did I do enough to get over the line?",
        "Is there an offer on the table for me?",
        "Has the panel put a name forward yet?",
        "Did the board rubber-stamp anyone for the Asia role?",
    ],
)
def test_the_call_and_the_conclave_ask_for_the_decision(body):
    assert _found(body) == ["asks-decision"], body


@pytest.mark.parametrize(
    "body",
    [
        "Has the call been made to the Recife depot about the new slots?",
        "Was the sales call with Ambev made on Tuesday?",
        "Has the tender committee made a decision on the Silesian hospitals yet?",
        "Has the port authority made a decision about the night slots?",
        "Has the planning board made a decision on the new warehouse?",
        "Is there an offer on the table from the Kano millers?",
        "Has the hospital put a name forward for its pharmacy lead?",
        "Did the Recife pilot get over the line in the end?",
        "Did I do enough research on the tenders?",
        "Did the board rubber-stamp the budget?",
        "Will you be at the conclave in Goa next week?",
        "Did you enjoy the conclave?",
        "I met two buyers at the conclave; are you going next year?",
        "Has the call been made yet? I asked Luana to ring the depot.",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
