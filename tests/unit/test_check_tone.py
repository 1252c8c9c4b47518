"""Session 20 (engineer tone), by class, on the voices set's letters (tests/data/letters_voices,
v20k-…, read from its cases.json by id): needy (an apology for ringing again, the silence not
borne, anything going taken, a follow-up on a follow-up, waiting however long it takes, the only
job wanted, everything else turned down for it, still on the reader's radar, afraid of being
forgotten, a promised reply reproached, self-blame for the interview, rent to pay, one chance
needed); asks-decision (how I got on, the jury out, the ball in their court, a chance still for
me, heard anything yet, the panel signed off, an offer gone out, what the panel thought of me,
was I successful, how close to an offer, still looking for someone, the shortlist drawn up, the
latest; an alternative question read whole; a yes or no on a thing that is not the hire left
clean); flattery (a different league, the occasion a masterclass or the most important day of a
life, gratitude for the privilege inflated, no other comes close to what they built, others who
should take notes from them, the finest organisation built, someone as senior as you, looking
up to them, blown away by their knowledge, an hour with a legend, praise heard and confirmed);
and missing-thanks, where "owing to" and "thanks to" a thing thank no one. Near misses of each
stay clean: the same words about a tender, a lease, an office, a route plan, a figure, a
timeline stated, availability, a repeat with a purpose. Each letter gets exactly the findings
listed (rule and words), read by the rules alone (the learned reader left out) and by the
check as shipped."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import Found, assert_found_exactly, assert_round_listed, round_letters

CASES = round_letters("v20k-")

EXPECTED: Found = {
    "v20k-001": [
        ("needy", "Sorry to bother"),
    ],
    "v20k-002": [
        ("needy", "I hate to be a nuisance"),
        ("needy", "apologise for intruding"),
        ("needy", "this is my fourth note"),
    ],
    "v20k-003": [
        ("needy", "I will accept any salary"),
    ],
    "v20k-004": [
        ("needy", "keep worrying"),
        ("needy", "my application has slipped through the cracks"),
    ],
    "v20k-005": [
        ("needy", "any chance at all"),
    ],
    "v20k-006": [
        ("needy", "driving me mad"),
        ("needy", "still nothing"),
    ],
    "v20k-007": [
        ("needy", "Please don't forget about me"),
    ],
    "v20k-008": [
        ("needy", "following up on my follow-up"),
        ("needy", "make sure my messages are getting through"),
    ],
    "v20k-009": [
        ("needy", "After all the hours"),
        ("needy", "the courtesy of a"),
    ],
    "v20k-010": [
        ("needy", "take anything going"),
        ("needy", "whatever you can give me"),
    ],
    "v20k-011": [
        ("needy", "Sorry for chasing"),
        ("needy", "haven't heard back"),
    ],
    "v20k-012": [
        ("needy", "Forgive me for writing"),
    ],
    "v20k-013": [
        ("needy", "I just can't bear the silence"),
        ("needy", "sorry to ring again"),
    ],
    "v20k-014": [
        ("needy", "I don't know what I'll do"),
        ("needy", "I need this job"),
        ("needy", "nothing else lined up"),
    ],
    "v20k-015": [],
    "v20k-016": [],
    "v20k-017": [],
    "v20k-018": [],
    "v20k-019": [],
    "v20k-020": [],
    "v20k-021": [],
    "v20k-022": [
        ("needy", "Sorry to write"),
    ],
    "v20k-023": [],
    "v20k-024": [],
    "v20k-025": [],
    "v20k-026": [],
    "v20k-027": [
        ("asks-decision", "Any news on your end?"),
    ],
    "v20k-028": [
        ("asks-decision", "Could you let me know where things stand at the moment?"),
    ],
    "v20k-029": [
        (
            "asks-decision",
            ("Martin - have you settled on someone for the relationship manager post yet?"),
        ),
    ],
    "v20k-030": [
        ("asks-decision", "Quick one: is the Account Director role still open?"),
    ],
    "v20k-031": [
        ("asks-decision", "When can I expect to hear?"),
    ],
    "v20k-032": [
        (
            "asks-decision",
            (
                "I would be grateful to learn whether the panel has come to a view "
                "on the broker role."
            ),
        ),
    ],
    "v20k-033": [
        (
            "asks-decision",
            ("Wondering if there's been any progress with filling the sales manager post?"),
        ),
    ],
    "v20k-034": [
        ("asks-decision", "Please kindly inform me the result of my interview."),
    ],
    "v20k-035": [
        ("asks-decision", "Ask: has a candidate been chosen yet?"),
    ],
    "v20k-036": [
        ("asks-decision", "Graham - any idea when you'll be making an offer?"),
    ],
    "v20k-037": [
        ("asks-decision", " how I got on when you have a moment."),
    ],
    "v20k-038": [
        ("asks-decision", "Do you know yet who you'll be bringing on board?"),
    ],
    "v20k-039": [
        ("asks-decision", "How is the selection going?"),
    ],
    "v20k-040": [],
    "v20k-041": [],
    "v20k-042": [],
    "v20k-043": [],
    "v20k-044": [],
    "v20k-045": [],
    "v20k-046": [],
    "v20k-047": [],
    "v20k-048": [
        ("flattery", "You are, without exaggeration, the finest"),
    ],
    "v20k-049": [
        ("flattery", "puts every other office I have visited to shame"),
    ],
    "v20k-050": [
        ("flattery", "Your brilliance"),
    ],
    "v20k-051": [
        ("flattery", "a genius"),
    ],
    "v20k-052": [
        ("flattery", "lucky to have such a remarkable mother"),
    ],
    "v20k-053": [
        ("flattery", "Our interview was the most important day of my entire life"),
    ],
    "v20k-054": [
        ("flattery", "eternally grateful for the privilege of having"),
        ("flattery", "your presence"),
    ],
    "v20k-055": [
        ("flattery", "most intelligent person"),
    ],
    "v20k-056": [
        ("flattery", "you are in a different league"),
    ],
    "v20k-057": [
        ("flattery", "Nobody explains churn better than you do."),
    ],
    "v20k-058": [
        ("flattery", "you're a legend"),
    ],
    "v20k-059": [
        ("flattery", "The interview was a masterclass"),
    ],
    "v20k-060": [
        ("flattery", "Your wisdom"),
    ],
    "v20k-061": [
        ("flattery", "Huge fan of you"),
        ("flattery", "you're a true visionary"),
    ],
    "v20k-062": [],
    "v20k-063": [],
    "v20k-064": [],
    "v20k-065": [],
    "v20k-066": [],
    "v20k-067": [],
    "v20k-068": [],
    "v20k-069": [],
    "v20k-070": [
        (
            "missing-thanks",
            (
                "Dear Joy,\n\nOwing to the signal failure at York I was twenty "
                "minutes late, for which I apologise. You can reach me on +44 7700 "
                "900761.\n\nInes"
            ),
        ),
    ],
    "v20k-071": [
        (
            "missing-thanks",
            (
                "Joy,\n\nThanks largely to the new parking rules I had to walk from "
                "the station, but I made it. ines.carvalho@mail.example\n\nInes"
            ),
        ),
    ],
    "v20k-072": [
        (
            "missing-thanks",
            (
                "Hi Priscilla,\n\nI got home late thanks to the roadworks on the "
                "A38. Reach me at ines.carvalho@mail.example.\n\nInes"
            ),
        ),
    ],
    "v20k-073": [],
    "v20k-074": [],
    "v20k-075": [],
    "v20k-076": [
        ("needy", "Yours is the only role I really want"),
    ],
    "v20k-077": [
        ("needy", "I am prepared to wait for ever"),
        ("needy", "said no to every other offer"),
    ],
    "v20k-078": [
        ("needy", "I can wait as long as it takes"),
    ],
    "v20k-079": [
        ("needy", "have turned down all the other offers"),
    ],
    "v20k-080": [],
    "v20k-081": [],
    "v20k-082": [],
    "v20k-083": [],
    "v20k-084": [
        ("flattery", "comes anywhere near what you have built"),
    ],
    "v20k-085": [
        ("flattery", "Half the agencies in London should be taking notes from you"),
    ],
    "v20k-086": [
        ("flattery", "You have built the strongest broker network"),
    ],
    "v20k-087": [
        (
            "flattery",
            ("The way your reps plan their Thursday routes around the shops is a work of art"),
        ),
    ],
    "v20k-088": [],
    "v20k-089": [],
    "v20k-090": [],
    "v20k-091": [],
    "v20k-092": [
        (
            "asks-decision",
            ("is the jury still out, or should I keep my diary open for a second round?"),
        ),
    ],
    "v20k-093": [
        ("asks-decision", "- Ask him: is it a yes or a no on the key account role?"),
    ],
    "v20k-094": [
        ("asks-decision", "Is the ball in your court now, or is it with head office?"),
    ],
    "v20k-095": [
        (
            "asks-decision",
            ("Please can you tell me if it is thumbs up or thumbs down for my application?"),
        ),
    ],
    "v20k-096": [],
    "v20k-097": [],
    "v20k-098": [],
    "v20k-099": [],
    "v20k-100": [
        (
            "asks-decision",
            ("is there still a chance for me, or has the Sales Engineer post gone elsewhere?"),
        ),
    ],
    "v20k-101": [
        ("asks-decision", "Heard anything yet?"),
    ],
    "v20k-102": [
        ("asks-decision", "Has the panel signed off yet?"),
    ],
    "v20k-103": [
        ("asks-decision", " has an offer gone out yet for the Account Director role?"),
    ],
    "v20k-104": [
        ("asks-decision", "What did the panel think of me?"),
    ],
    "v20k-105": [
        ("asks-decision", "was I successful?"),
    ],
    "v20k-106": [
        ("asks-decision", "How close are you to making an offer?"),
    ],
    "v20k-107": [
        (
            "asks-decision",
            ("Kindly, are you still looking for someone, or is the position filled?"),
        ),
    ],
    "v20k-108": [
        ("asks-decision", "What's the latest on the role?"),
    ],
    "v20k-109": [
        ("asks-decision", "* Have you drawn up the shortlist yet?"),
    ],
    "v20k-110": [],
    "v20k-111": [],
    "v20k-112": [],
    "v20k-113": [],
    "v20k-114": [],
    "v20k-115": [],
    "v20k-116": [],
    "v20k-117": [],
    "v20k-118": [
        ("flattery", "someone as senior as you"),
    ],
    "v20k-119": [
        ("flattery", "I look up to you"),
    ],
    "v20k-120": [
        ("flattery", "blown away by your knowledge"),
    ],
    "v20k-121": [
        ("flattery", "That was the most inspiring interview"),
    ],
    "v20k-122": [
        ("flattery", "Nobody in Norwegian seafood knows as much as you"),
    ],
    "v20k-123": [
        ("flattery", "heard nothing but praise about you - rightly so"),
        ("flattery", "you are the best"),
    ],
    "v20k-124": [
        ("flattery", "an hour with a legend"),
    ],
    "v20k-125": [
        ("flattery", "Better than any"),
    ],
    "v20k-126": [],
    "v20k-127": [],
    "v20k-128": [],
    "v20k-129": [],
    "v20k-130": [
        ("needy", "I am still on your radar"),
    ],
    "v20k-131": [
        ("needy", "scared you'll forget about me"),
    ],
    "v20k-132": [
        ("needy", "You did say you would get back"),
    ],
    "v20k-133": [
        ("needy", "If I have said something wrong"),
    ],
    "v20k-134": [
        ("needy", "I have rent to pay"),
    ],
    "v20k-135": [
        ("needy", "I just need one chance"),
    ],
    "v20k-136": [
        ("needy", "my application hasn't slipped through the cracks"),
    ],
    "v20k-137": [],
    "v20k-138": [],
    "v20k-139": [],
    "v20k-140": [],
    "v20k-141": [],
    "v20k-142": [],
    "v20k-143": [],
    "v20k-144": [],
    "v20k-145": [],
    "v20k-146": [
        ("needy", "I am afraid that you have already chosen someone"),
    ],
    "v20k-147": [
        ("needy", "I'm afraid I have blown it"),
    ],
    "v20k-148": [],
    "v20k-149": [],
    "v20k-150": [],
    "v20k-151": [
        ("asks-decision", "Eager to hear the outcome of the interviews when you have it."),
    ],
    "v20k-152": [
        ("asks-decision", " your final decision on the sales manager role."),
    ],
    "v20k-153": [],
    "v20k-154": [],
    "v20k-155": [
        ("needy", "This is my second email"),
        ("needy", "still no answer"),
    ],
    "v20k-156": [
        (
            "missing-thanks",
            (
                "Dear Joy,\n\nI arrived in good time thanks to your directions from "
                "the station. You can reach me on +44 7700 900761.\n\nInes"
            ),
        ),
    ],
    "v20k-157": [
        (
            "missing-thanks",
            (
                "Hi Priscilla,\n\nIt was good to meet you; the afternoon ran "
                "smoothly thanks to the front desk. Reach me at "
                "ines.carvalho@mail.example.\n\nInes"
            ),
        ),
    ],
    "v20k-158": [
        (
            "missing-thanks",
            (
                "Hi Priscilla,\n\nI passed the CRM administrator exam, largely "
                "thanks to the hygiene checklist. Let's stay in touch.\n\nInes"
            ),
        ),
    ],
    "v20k-159": [],
    "v20k-160": [],
    "v20k-161": [
        ("asks-decision", "Would it be possible to know if I passed the interview?"),
    ],
    "v20k-162": [
        ("asks-decision", "where are we with the hire?"),
    ],
    "v20k-163": [
        ("asks-decision", "What's the status on your side?"),
    ],
    "v20k-164": [
        ("asks-decision", (" are things looking good for me, or should I consider other offers?")),
    ],
    "v20k-165": [
        ("asks-decision", "- When are you hoping to wrap things up?"),
    ],
    "v20k-166": [],
    "v20k-167": [],
    "v20k-168": [],
    "v20k-169": [],
}


def test_the_letters_are_there_with_their_labels() -> None:
    assert_round_listed(CASES, EXPECTED, 169)


@pytest.mark.parametrize("case_id", sorted(EXPECTED))
def test_each_class_is_found_exactly_and_its_near_misses_stay_clean(
    voices: Dependencies, voices_reading: str, case_id: str
) -> None:
    assert_found_exactly(voices, CASES[case_id], EXPECTED[case_id])
