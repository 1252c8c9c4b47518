"""flattery, needy and asks-decision in forms the voices do not hold (DESIGN; article 003).

One sentence each, in a check-in (or a call script) to Graham Fenwick: each names the rule it must
raise, or none for a near miss that must stay clean. Written by grammatical form in session 7
(idioms of praise, rhetorical questions, a deadline pressed for the decision, an apology for
writing, self-deprecation, idioms for the decision and their near misses about other things;
warmth, praise of an idea and superlatives of someone else or of a time, which stay clean), each
run before the rules were changed for it (40 of the 108 failed)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
RULES = {"flattery", "needy", "asks-decision"}


def _found(sentence: str, kind: str) -> set[str]:
    text = ("Call Graham\n- " if kind == "call" else "Graham,\n\n") + sentence + "\n\nInes"
    ctx = LetterContext(
        kind=kind,
        recipient="Graham Fenwick",
        company="Larkspur Energy",
        people=("Graham Fenwick", "Priscilla Wong"),
        candidate_name="Ines Carvalho",
    )
    return {f.rule for f in CHECKER.check(text, ctx)} & RULES


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("You're a true inspiration to women in sales.", "check_in", {"flattery"}),
        ("You were born to lead.", "check_in", {"flattery"}),
        ("Your kindness knows no bounds.", "check_in", {"flattery"}),
        ("Your office is fit for a queen.", "check_in", {"flattery"}),
        ("Your children are a credit to you.", "check_in", {"flattery"}),
        ("You must be the world's best negotiator.", "check_in", {"flattery"}),
        ("You are the best boss anyone could have.", "check_in", {"flattery"}),
        ("Honestly, you should be running the whole company.", "check_in", {"flattery"}),
        ("How does it feel to be so brilliant?", "check_in", {"flattery"}),
        ("Is there no end to your talents?", "check_in", {"flattery"}),
        ("Larkspur's tracker is the best thing since sliced bread.", "check_in", {"flattery"}),
        ("Your twins must be as clever as you.", "check_in", {"flattery"}),
        ("I must compliment you on your impeccable taste in art.", "check_in", {"flattery"}),
        ("Your platform is the greatest product on the planet.", "check_in", {"flattery"}),
        ("You are the best manager a candidate could have asked for.", "check_in", {"flattery"}),
        ("Butter him up about the tender win.\n- Offer the tracker.", "call", {"flattery"}),
        ("I'll do anything for this role.", "check_in", {"needy"}),
        ("Getting this job would mean the world to me.", "check_in", {"needy"}),
        ("I have bills to pay and nothing else lined up.", "check_in", {"needy"}),
        ("Since I haven't heard back, I assume I wasn't good enough?", "check_in", {"needy"}),
        ("Please give me a chance to prove myself.", "check_in", {"needy"}),
        ("Sorry if this is annoying.", "check_in", {"needy"}),
        ("Is the role still open?", "check_in", {"asks-decision"}),
        ("I'd appreciate a yes or no by Friday.", "check_in", {"asks-decision"}),
        ("Am I still being considered?", "check_in", {"asks-decision"}),
        ("Are you any closer to a decision?", "check_in", {"asks-decision"}),
        ("Where are you with the Sales Engineer hire?", "check_in", {"asks-decision"}),
        ("What are my chances?", "check_in", {"asks-decision"}),
        (
            "Could you give me an idea of the timeline for the decision?",
            "check_in",
            {"asks-decision"},
        ),
        ("Have you made up your mind about me?", "check_in", {"asks-decision"}),
        ("It was an honour to meet you.", "check_in", set()),
        ("You're too kind - thank you for the tender pack.", "check_in", set()),
        ("The world's largest solar tender closes in May.", "check_in", set()),
        ("The best thing about Friday was the tender walkthrough.", "check_in", set()),
        ("Is the Bristol tender still open?", "check_in", set()),
        ("Where are you with the Leeds office move?", "check_in", set()),
        ("I'd appreciate the tender pack by Friday.", "check_in", set()),
        ("I'm available for a second interview any day next week.", "check_in", set()),
        ("I'll give you an answer by Friday on the second-round date.", "check_in", set()),
        ("I'd appreciate the tender pack by Friday, if you can.", "check_in", set()),
        ("Please let me have your decision by Monday.", "check_in", {"asks-decision"}),
        (
            "Sorry if my last email was unclear: the churn figure is 14%, not 41%.",
            "check_in",
            set(),
        ),
        ("Apologies if this is getting a bit annoying.", "check_in", {"needy"}),
        ("Your customers are a credit to you for the tender work; thank you.", "check_in", set()),
        ("A born salesman from my old team, Tom Reid, may apply too.", "check_in", set()),
        (
            "I realise I'm not the most experienced person you met, but I'd like to be considered.",
            "check_in",
            {"needy"},
        ),
        ("I'm sure the other candidates were far stronger than me.", "check_in", {"needy"}),
        (
            "I know I rambled and probably came across badly, so thank you for bearing with me.",
            "check_in",
            {"needy"},
        ),
        (
            "I doubt I was what you had in mind, but I'd be so grateful for any chance.",
            "check_in",
            {"needy"},
        ),
        (
            "I'm not the most experienced in solar tenders yet, so I've started the energy"
            " procurement course.",
            "check_in",
            set(),
        ),
        (
            "The other bidders were far stronger than us on price, which is why the churn model"
            " matters.",
            "check_in",
            set(),
        ),
        (
            "I'm just a nobody from a small agency, so it meant a lot that you saw me.",
            "check_in",
            {"needy"},
        ),
        ("I'll understand completely if I'm not good enough for Larkspur.", "check_in", {"needy"}),
        (
            "I know I rambled on renewals, so here is the short version: keep the council"
            " accounts on one renewal date.",
            "check_in",
            set(),
        ),
        ("Has the ship sailed on the Sales Engineer role?", "check_in", {"asks-decision"}),
        ("Have you found your person for the role yet?", "check_in", {"asks-decision"}),
        ("Have you filled the seat?", "check_in", {"asks-decision"}),
        ("Is the Sales Engineer job still up for grabs?", "check_in", {"asks-decision"}),
        ("Are you close to making an offer?", "check_in", {"asks-decision"}),
        ("Should I be looking elsewhere?", "check_in", {"asks-decision"}),
        ("Do I still have a chance?", "check_in", {"asks-decision"}),
        ("Did the role go to an internal candidate?", "check_in", {"asks-decision"}),
        ("What's the verdict?", "check_in", {"asks-decision"}),
        ("Am I through to the next round?", "check_in", {"asks-decision"}),
        ("Any decision on my application?", "check_in", {"asks-decision"}),
        ("Is it a no?", "check_in", {"asks-decision"}),
        ("Can you tell me if it's good news or bad news?", "check_in", {"asks-decision"}),
        ("I'm keen to know whether I got it.", "check_in", {"asks-decision"}),
        ("Please tell me straight if I'm out of the running.", "check_in", {"asks-decision"}),
        ("Is the Bristol tender still up for grabs?", "check_in", set()),
        ("Have you found a haulier for the Leeds depot yet?", "check_in", set()),
        ("Did the partner contract go to an internal team?", "check_in", set()),
        ("What's the verdict on the new CRM?", "check_in", set()),
        ("Has the ship sailed on the Nordic reseller deal?", "check_in", set()),
        ("Should I send the scorecard elsewhere in the team?", "check_in", set()),
        ("Is it a no on the Thursday slot?", "check_in", set()),
        ("Any decision on the forecasting template format?", "check_in", set()),
        (
            "Your idea of bundling renewals by council was brilliant, and I've modelled it in the"
            " tracker attached.",
            "check_in",
            set(),
        ),
        ("The way you framed churn as a service problem was really useful.", "check_in", set()),
        ("Your point about small business churn was spot on.", "check_in", set()),
        ("It was lovely to meet you and the solar team on Tuesday.", "check_in", set()),
        (
            "What a lovely surprise to get your note this morning. The tracker is attached.",
            "check_in",
            set(),
        ),
        ("Thank you for making me feel so welcome on Tuesday.", "check_in", set()),
        (
            "You were very generous with your time, and the tender walkthrough was clear.",
            "check_in",
            set(),
        ),
        (
            "I really enjoyed our conversation and came away with a clear picture of the role.",
            "check_in",
            set(),
        ),
        (
            "Congratulations on the council tender win - a great result for the team.",
            "check_in",
            set(),
        ),
        (
            "I admire how Larkspur publishes its tender scores; it is rare in energy.",
            "check_in",
            set(),
        ),
        ("I was impressed by how clearly you explained the churn targets.", "check_in", set()),
        (
            "It was a real pleasure to meet you, and I learned a lot about solar tenders.",
            "check_in",
            set(),
        ),
        (
            "Now is the best time in the market to fix tariffs for small businesses.",
            "check_in",
            set(),
        ),
        (
            "Thursday is the best day anywhere in the region for deliveries, so I've put the"
            " depot runs then.",
            "check_in",
            set(),
        ),
        ("Priscilla is the best person on the team to ask about CRM hygiene.", "check_in", set()),
        (
            "My last manager was the best sales director in the whole of the North West, and she"
            " taught me tender pricing.",
            "check_in",
            set(),
        ),
        (
            "Larkspur has the best renewal rate on the entire coast, you said; the churn model"
            " keeps it there.",
            "check_in",
            set(),
        ),
        ("You never cease to amaze me.", "check_in", {"flattery"}),
        ("You blew me away on Tuesday.", "check_in", {"flattery"}),
        (
            "Compared to you, every sales director I've worked for was an amateur.",
            "check_in",
            {"flattery"},
        ),
        ("You're simply top-notch.", "check_in", {"flattery"}),
        ("You are, quite simply, incomparable.", "check_in", {"flattery"}),
        ("The magic you work with a sales team is something to behold.", "check_in", {"flattery"}),
        ("I left your office in total awe.", "check_in", {"flattery"}),
        (
            "Your reputation as the finest sales mind in energy is well deserved.",
            "check_in",
            {"flattery"},
        ),
        ("The tender results blew me away: four wins in a quarter.", "check_in", set()),
        (
            "The churn figures never cease to surprise me; two thirds leave in month three.",
            "check_in",
            set(),
        ),
        ("Our first-class delivery record is what I'd sell on.", "check_in", set()),
        ("You are, as you said, the best placed to judge the tender.", "check_in", set()),
        (
            "You are, in my honest opinion, the best sales director in energy.",
            "check_in",
            {"flattery"},
        ),
        ("You were, as ever, right about the churn: it peaks in month three.", "check_in", set()),
    ],
)
def test_each_form_raises_exactly_its_rule(sentence: str, kind: str, expected: set[str]) -> None:
    assert _found(sentence, kind) == expected
