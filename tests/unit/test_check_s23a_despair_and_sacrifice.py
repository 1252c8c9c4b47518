"""needy (000, 003) in two classes letters97 showed. Despair at the search: how many more
rejections the writer can take ("I don't know how many more of these I can take", "I'm not sure
how much more of this I can handle"), not going through it again, another round of applications
that cannot be faced, one more no before giving up, the rejections counted ("my ninth rejection
this year"). A sacrifice held up to the reader: a trip home given up or a holiday cancelled to
prepare, a birthday missed to fly in, the last of the savings spent on the flight, a life put on
hold for the role. Near misses stay clean: a van's load, a discount taken off, a contract gone
through again, a round of interviews scheduled, a batch rejected at customs, a trip moved or
cancelled so as to be at the interview (availability), savings on diesel, work put on hold for
the reader's route plan; in other words, a rejection counted from a lab, a flight offered at the
writer's expense, an agenda done with, a lab's write-up, a caterer's order postponed. The despair
restated: the search not to be started from scratch again, "rejection number eleven", done with
sales if this is another no, every no chipping at the writer; the sacrifice restated: a flight at
the writer's own expense, a wedding postponed, a summer turned upside down, a reunion skipped."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str, kind: str = "check_in") -> list[str]:
    ctx = LetterContext(
        kind=kind,
        recipient="Tan Wei Ling",
        company="Merlion Chandlers Pte Ltd",
        people=("Tan Wei Ling", "Rajesh Pillai"),
        candidate_name="Farhan Siddiqui",
    )
    text = f"Dear Wei Ling,\n\n{body}\n\nFarhan"
    return sorted({f.rule for f in CHECKER.check(text, ctx) if f.rule == "needy"})


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for telling me. I don't know how many more of these I can take.",
        "Thank you for letting me know. I'm not sure how much more of this I can handle.",
        "Thanks for the call. Honestly, I don't think I can go through all this again.",
        "Thank you. I can't face another round of applications.",
        "Thanks for being honest. One more no and I think I'll give up.",
        "Thank you for the news. That makes it my ninth rejection this year.",
        "Thank you for letting me know. I gave up a trip home to prepare for this.",
        "Thank you. I missed my daughter's birthday to fly in for the panel.",
        "Thank you. I spent the last of my savings on the flight to the interview.",
        "Thank you. I've put my whole life on hold for this role.",
        "Thank you. I honestly don't have it in me to start the whole search from scratch again.",
        "Thanks for letting me know. That's rejection number eleven since January.",
        "Thank you for the call. If this is another no, I think I'm done with sales altogether.",
        "Thank you for your note. Every no chips a bit more off me.",
        "Thank you. I flew in from London at my own expense for that interview.",
        "Thank you. We postponed our wedding so I could be free for your panel.",
        "Thank you. I turned my whole summer upside down for this process.",
        "Thank you. I skipped the Lunar New Year reunion to finish the case study for you.",
    ],
)
def test_despair_and_sacrifice_are_needy(body):
    assert _found(body, "stay_in_touch") == ["needy"], body


@pytest.mark.parametrize(
    "body",
    [
        "I'm not sure how many more pallets the van can take on Friday.",
        "How much more can I take off the price for a full container?",
        "I can't go through the contract again until the lawyers reply.",
        "I can't do another round of interviews this week, but next Tuesday works.",
        "One more rejection at customs and I'll switch the shipments to the other port.",
        "I've cancelled my trip so I can be there on Tuesday for the second interview.",
        "Your point about fuel savings on the tenders has stayed with me.",
        "I've put all other work on hold this week to finish the route plan for you.",
        "I moved my trip to be at the second interview, so Tuesday works.",
        "That's the third rejection this month from the lab, so the batch goes back to the press.",
        "I'm happy to fly in at my own expense for the second round.",
        "We gave up on the Lisbon trade fair this year to focus on the Quebec buyers.",
        "I'm done with the dealer training agenda; it's attached.",
        "Every rejection takes the lab two days to write up.",
        "The caterer postponed the wedding order for the fifth time.",
    ],
)
def test_loads_contracts_and_availability_stay_clean(body):
    assert _found(body, "reply") == [], body
