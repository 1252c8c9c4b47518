"""The decision asked for in idioms, recaps in other words, flattery in comparisons, nouns and
rhetorical questions, and neediness that guilts or pleads by repetition, each beside the clean
near misses that share its words (a timeline stated, the next step of a round one was invited to,
a tender's outcome, a word of a topic in an idiom of another sense, warmth, an apology with a
purpose). Written in the voices set's dossier (tests/data/letters_voices) in session 10, beside
that set's v2400-v2599; each letter is checked for exactly the expected rule ids (spelling
aside)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps

SIGNED = "\n\nInes Carvalho\n+44 7700 900761"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, opportunity: str, to: str, kind: str, text: str) -> list[str]:
    _, findings = check_letter(deps, text, opportunity, to, kind)
    return sorted({f.rule for f in findings if f.rule != "spelling"})


# (opportunity, recipient, form, body, expected rule ids): a "note" is a check-in, "thanks" a
# thank-you with the candidate's name and phone, "raw" a check-in written out whole
LETTERS = [
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        ("Has the ship sailed on the key account job, or am I still in with a shout?"),
        ["asks-decision"],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        ("I'd be grateful to hear where matters now rest with the broking vacancy."),
        ["asks-decision"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        "Is the freight sales job spoken for yet?",
        ["asks-decision"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "Quick one: is it a yes or a no from the panel?",
        ["asks-decision"],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        ("Please, I want to find out if management has concluded on the appointment."),
        ["asks-decision"],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        "I was wondering whether the panel had come to a view on the role.",
        ["asks-decision"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        ("If a conclusion has been reached on the export role, I would welcome hearing it."),
        ["asks-decision"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "note",
        "Did the panel land on someone for the role?",
        ["asks-decision"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "By when may I expect to know the result?",
        ["asks-decision"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        "Who got the nod in the end?",
        ["asks-decision"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        "Is the job mine?",
        ["asks-decision"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "raw",
        "Hej Rebecca. Decision made? Tell me. Ines\n\nInes",
        ["asks-decision"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        ("I would like to know if there is already a resolution about the position."),
        ["asks-decision"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "raw",
        "Dear Sir,\n\nMay I know the present status of my application?\n\nInes",
        ["asks-decision"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        "I'd love to know if you've picked your person for Germany.",
        ["asks-decision"],
    ),
    (
        "northgate",
        "Victor Lindgren",
        "note",
        "I remain curious how the deliberations over the role went.",
        ["asks-decision"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        "Have the directors signed off on an appointment yet?",
        ["asks-decision"],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        "Could you tell me whether the role has been offered elsewhere?",
        ["asks-decision"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        "Has a final choice of candidate been taken?",
        ["asks-decision"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "note",
        "Do you think I'm in with a chance?",
        ["asks-decision"],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        (
            "You said you expect to decide by the end of the month, which suits me "
            "well. The tender notes are attached."
        ),
        [],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        (
            "Thank you so much for the offer! Could you confirm the start date you "
            "have in mind, and whether I should bring my passport on day one?"
        ),
        [],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "note",
        ("Could you tell me who will be on the panel for next week's round, so I can prepare?"),
        [],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "note",
        ("Has the board decided on the new CRM yet? I'd be curious which one you chose."),
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "Whatever you decide, I've enjoyed meeting the team.",
        [],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        "Is the offer of a site visit to the Felixstowe yard still open?",
        [],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "note",
        "Who got the nod for the Buxton delivery contract in the end?",
        [],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "note",
        (
            "I'd be grateful to know where things stand with the retail pitch deck,"
            " so I can send the right version."
        ),
        [],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        ("Take all the time you need; I'm happy to send references if they'd help."),
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "Did the bank go ahead with closing the Hexham branch?",
        [],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "thanks",
        (
            "Thank you for Monday. Councils and hospital trusts coming back to sign"
            " again each year is exactly the kind of business I like to grow."
        ),
        [],
    ),
    (
        "northgate",
        "Victor Lindgren",
        "thanks",
        (
            "Thank you for the interview. Selling through distributors in Denmark "
            "and Finland is something I have done for five years."
        ),
        [],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "thanks",
        (
            "Thank you for Tuesday. Bidding for rooftop panel contracts with "
            "councils and warehouses is where I'd want to start."
        ),
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "thanks",
        (
            "Thank you for your time. Loans to farmers for machinery and land are "
            "an area I know from my last bank."
        ),
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "thanks",
        (
            "Thank you for meeting me. With the bank shutting more high-street "
            "sites, keeping in touch with customers by phone matters more."
        ),
        [],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "thanks",
        (
            "Thank you for the interview. Village stores around Bakewell and Buxton"
            " still ringing in their orders each week is a route I'd like to build."
        ),
        [],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "thanks",
        (
            "Thank you for your time. Buyers in Germany placing larger orders each "
            "season is where I'd focus."
        ),
        [],
    ),
    (
        "solent",
        "Harriet Osei",
        "thanks",
        (
            "Thank you for meeting me. Claims on goods lost or damaged at sea are "
            "what I handled for three years."
        ),
        [],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "thanks",
        (
            "Thank you for the interview. Our talk renewed my enthusiasm for the "
            "sector and for Northgate."
        ),
        ["missing-recap"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "thanks",
        (
            "Thank you for the interview. I'm keen to keep my career on the rails "
            "and I believe Kestrel Bay is the place for it."
        ),
        ["missing-recap"],
    ),
    (
        "northgate",
        "Victor Lindgren",
        "thanks",
        ("Thank you for our meeting. I'm ready to channel my energy into the sales engineer role."),
        ["missing-recap"],
    ),
    (
        "solent",
        "Harriet Osei",
        "thanks",
        (
            "Thank you for the interview. It was great to hear about Solent "
            "Marine's growth plans and its culture."
        ),
        ["missing-recap"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "thanks",
        (
            "Thank you for the interview. I'm a self-starter who loves the road and"
            " would be proud to represent Fernhill."
        ),
        ["missing-recap"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "thanks",
        (
            "Thank you for meeting me. I'd close any gaps in my knowledge quickly "
            "and I farm out nothing I can do myself."
        ),
        ["missing-recap"],
    ),
    (
        "solent",
        "Harriet Osei",
        "thanks",
        (
            "Thank you for your time. I'd claim no special talent, just hard work "
            "and a good phone manner."
        ),
        ["missing-recap"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "note",
        ("Few sales leaders I've met come anywhere near you. The renewals summary is attached."),
        ["flattery"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "You're a credit to the profession, Martin.",
        ["flattery"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        "Is there a sharper mind in British freight than yours?",
        ["flattery"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        "Your office is more elegant than a five-star hotel.",
        ["flattery"],
    ),
    (
        "northgate",
        "Victor Lindgren",
        "note",
        "Such a humble and brilliant personality you are, sir.",
        ["flattery"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "I've never met anyone as impressive as you in banking.",
        ["flattery"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        "Your reputation precedes you, and it's so well deserved!",
        ["flattery"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        "You're a true visionary of Turkish textiles.",
        ["flattery"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "note",
        "You are simply the GOAT of B2B sales. 🐐",
        ["flattery"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "note",
        "Can anyone match your grasp of rural lending? I doubt it.",
        ["flattery"],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "note",
        ("Not many directors would have given me that much time - you are one in a million."),
        ["flattery"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "note",
        ("Thank you for a clear and useful conversation. The renewals note is attached."),
        [],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        "It was one of the most practical interviews I've had this year.",
        [],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        (
            "As you said, the Bursa mill is the largest in the region, so capacity "
            "is rarely the problem."
        ),
        [],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        "Thank you for walking me round the depot; it was kind of you.",
        [],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "note",
        "Is there a better time to call you next week?",
        [],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        ("My old manager was a legend of the cargo market, and he taught me most of what I know."),
        [],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        "Apologies for clogging up your inbox with another email.",
        ["needy"],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "note",
        "Forgive me for intruding on your busy day with yet another note.",
        ["needy"],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        ("It's been three weeks of silence and I'm starting to take it personally."),
        ["needy"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "note",
        "I've emailed twice now without a reply.",
        ["needy"],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        "Still here! Still keen! Still hoping!",
        ["needy"],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "note",
        "I can't sleep for worrying about it.",
        ["needy"],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        "I would do absolutely anything for this role.",
        ["needy"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "note",
        ("I'm sure you're swamped, but it would be kind to let candidates know something."),
        ["needy"],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        "Pls pls reply 🙏",
        ["needy"],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "note",
        "I'm sorry for writing so often.",
        ["needy"],
    ),
    (
        "solent",
        "Harriet Osei",
        "note",
        "I keep refreshing my inbox hoping for your name.",
        ["needy"],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        "Apologies - I attached the wrong file earlier; here is the right one.",
        [],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "note",
        ("I know you're busy, so I'll keep this short: the retail pitch outline is attached."),
        [],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "note",
        ("The Peak District shops really need a second delivery day, as you told me."),
        [],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "note",
        "Please take your time with it.",
        [],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "note",
        "Don't hesitate to call me if anything in the tracker is unclear.",
        [],
    ),
]


def _letter(to: str, form: str, body: str) -> tuple[str, str]:
    first = to.split()[0]
    if form == "thanks":
        return "thank_you", f"Dear {first},\n\n{body}{SIGNED}"
    if form == "note":
        return "check_in", f"Hi {first},\n\n{body}\n\nInes"
    return "check_in", body


@pytest.mark.parametrize(
    ("opportunity", "to", "form", "body", "expected"),
    LETTERS,
    ids=[str(i) for i in range(len(LETTERS))],
)
def test_each_letter_gets_exactly_its_rules(deps, opportunity, to, form, body, expected):
    kind, text = _letter(to, form, body)
    assert _rules(deps, opportunity, to, kind, text) == expected


def _to_martin(body: str) -> str:
    return f"Dear Martin,\n\nThank you for the interview. {body}{SIGNED}"


def test_a_topic_word_only_inside_an_idiom_of_another_sense_recaps_nothing(deps):
    letter = _to_martin("I'd be glad to lend a hand wherever the team needs it.")
    assert _rules(deps, "otterbrook", "Martin Kowalski", "thank_you", letter) == ["missing-recap"]


def test_the_same_word_said_outside_the_idiom_still_recaps(deps):
    letter = _to_martin("I'd lend a hand with lending to the dairy farms from day one.")
    assert _rules(deps, "otterbrook", "Martin Kowalski", "thank_you", letter) == []


def test_a_phrase_in_other_words_recaps_unless_it_is_the_writers_own_record(deps):
    ours = "Dear Aisha,\n\nThank you for the interview. {}" + SIGNED
    theirs = ours.format("Clients on a monthly fee are the agency's backbone, as you said.")
    mine = ours.format("My monthly fee as a freelancer taught me the value of every client.")
    assert _rules(deps, "morgan", "Aisha Rahman", "thank_you", theirs) == []
    assert _rules(deps, "morgan", "Aisha Rahman", "thank_you", mine) == ["missing-recap"]


def test_a_word_of_two_synonym_groups_stands_for_both(deps):
    # "train" is of coaching ("train new reps") and of rail; to the contact of rail freight it
    # names the rail, and "containers" the freight
    letter = (
        "Dear Tomasz,\n\nThank you for the interview. Moving containers by train from the "
        "Suffolk port is a service I'd love to sell." + SIGNED
    )
    rules = _rules(deps, "kestrel", "Tomasz Wierzbicki", "thank_you", letter)
    assert rules == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("You're a legend.", ["flattery"]),
        ("You're a legend for sending the tender pack through so quickly.", []),
        ("Is there anything about solar tenders you don't know?", ["flattery"]),
        ("Is there anything about my notice period you don't know yet?", []),
    ],
)
def test_praise_as_a_noun_or_a_question_but_not_thanks_or_a_real_question(deps, body, expected):
    letter = f"Hi Graham,\n\n{body}\n\nInes"
    assert _rules(deps, "larkspur", "Graham Fenwick", "check_in", letter) == expected


@pytest.mark.parametrize(
    ("opportunity", "to", "form", "body", "expected"),
    [
        # a fourth round, run before the last change (these failed; see the report)
        (
            "northgate",
            "Rebecca Holt",
            "note",
            "I'd appreciate a heads-up on whether I've been unsuccessful.",
            ["asks-decision"],
        ),
        ("dagli", "Gülşen Yıldız", "note", "Is my candidacy still alive?", ["asks-decision"]),
        (
            "dagli",
            "Gülşen Yıldız",
            "note",
            "I've met many export directors, but you are on another level.",
            ["flattery"],
        ),
        ("larkspur", "Graham Fenwick", "note", "I'm at my wits' end waiting for news.", ["needy"]),
        (
            "fernhill",
            "Oksana Petrenko",
            "note",
            "I'm at my wits' end with the old route "
            "software, so the new plan can't come soon enough.",
            [],
        ),
        (
            "larkspur",
            "Graham Fenwick",
            "thanks",
            "Thank you for the interview. Firms that drift "
            "away to cheaper suppliers after year one are where I'd focus.",
            [],
        ),
    ],
)
def test_a_fourth_round_of_the_same_classes(deps, opportunity, to, form, body, expected):
    kind, text = _letter(to, form, body)
    assert _rules(deps, opportunity, to, kind, text) == expected
