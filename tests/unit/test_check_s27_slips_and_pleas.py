"""wrong-name: the recipient's given name, one of a settled spelling, mistyped by one slip that
leaves its sound ("Dear Rohen," to Rohan, "Hi Declen," to Declan, "Dear Hariet," to Harriet) is
not their name (001), and it stays found in a letter that also flatters or pleads, as does a
colleague thanked by name in a letter to another: the learned second reader no longer withdraws
wrong-name. A name spelt from another script with other vowels, the name spelt otherwise with one
sound ("Viktor" for Victor, "Mohammed" for Mohamed) and a short form stay clean.
needy: a plea to undo the decision ("Is there really nothing that can be done?"), an offer to
join for less ("ready to join at a lower level"), the news said to hit hard, the family not to be
faced (000, 003); the same words about a delivery or a depot stay clean.
asks-decision: the jury come back, which way the reader is leaning (003); the jury on a product
trial and which way customers lean stay clean.
(Found by session 27's dev set letters113 and the held-out letters112h and letters114h, measured
before this round's change.)

Near misses found by session 27's dev set letters115 and the held-out letters116h, measured
before this round's change: a casual word of address is no name ("Dude, you're …"); thanks for a
call that told the decision does not ask for it, however the thanks is phrased ("grateful with
you for the call to tell me the decision"); "whether anyone has been through that" asks about an
experience, not whether the candidate got through; a quick yes or no asked for is the decision
asked for, and needy only when the writer would settle for it ("a simple yes or no would be
enough", "even a quick no") (000, 001, 003)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import rules_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _letter(salutation: str, body: str) -> str:
    return f"{salutation}\n\n{body}\n\nBest regards,\nInes"


@pytest.mark.parametrize(
    ("opportunity", "to", "salutation"),
    [
        ("s22a-sahyadri", "Rohan Kulkarni", "Dear Rohen,"),
        ("corrib", "Declan Moran", "Hi Declen,"),
        ("solent", "Harriet Osei", "Dear Hariet,"),
        ("larkspur", "Graham Fenwick", "Hello Grahem,"),
    ],
)
def test_the_recipients_name_mistyped_is_a_wrong_name(deps, opportunity, to, salutation):
    text = _letter(salutation, "Thank you for the call on Tuesday.")
    assert rules_in(deps, opportunity, to, text, "check_in") == ["wrong-name"]


@pytest.mark.parametrize(
    ("opportunity", "to", "salutation"),
    [
        ("s22a-sahyadri", "Rohan Kulkarni", "Dear Rohan,"),
        ("northgate", "Victor Lindgren", "Dear Viktor,"),
        ("fayoum", "Mohamed Abdel-Rahman", "Dear Mohammed,"),
        ("morgan", "Will Hart", "Hi Will,"),
        ("solent", "Harriet Osei", "Dear Ms Osei,"),
    ],
)
def test_the_recipients_name_in_its_own_spellings_stays_clean(deps, opportunity, to, salutation):
    text = _letter(salutation, "Thank you for the call on Tuesday.")
    assert rules_in(deps, opportunity, to, text, "check_in") == []


def test_a_mistyped_name_stays_found_in_a_letter_that_flatters(deps):
    text = _letter(
        "Dear Rohen,",
        "Thank you for the call on Tuesday. You are a true visionary; in all my years in sales I "
        "have never met a leader with such a grasp of the business.",
    )
    assert rules_in(deps, "s22a-sahyadri", "Rohan Kulkarni", text, "check_in") == [
        "flattery",
        "wrong-name",
    ]


def test_a_colleague_thanked_by_name_stays_found_in_a_letter_that_pleads(deps):
    text = _letter(
        "Dear Priscilla,",
        "Thank you for letting me know. This news has hit me very hard. Is there really nothing "
        "that can be done?\n\nThank you also, Graham, for explaining the team to me.",
    )
    assert rules_in(deps, "larkspur", "Priscilla Wong", text, "stay_in_touch") == [
        "needy",
        "wrong-name",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for letting me know. Is there really nothing that can be done?",
        "Thank you for letting me know. Is there nothing you can do for me?",
        "Thank you for letting me know. I am ready to join at a lower level, anything at all.",
        "Thank you for letting me know. I would be willing to start on a lower salary.",
        "Thank you for letting me know. I will be honest, this news has hit me very hard.",
        "Thank you for letting me know. I had told my family, and I do not know how to face them.",
    ],
)
def test_pleading_after_the_decision_is_needy(deps, body):
    text = _letter("Dear Rebecca,", body)
    assert rules_in(deps, "northgate", "Rebecca Holt", text, "stay_in_touch") == ["needy"]


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for letting me know. Is there nothing more that can be done about the delivery "
        "schedule? We could ship from the Leeds depot instead.",
        "Thank you for letting me know. The storm hit the depot very hard last winter.",
        "Thank you for letting me know. I am happy to start on a lower-tier plan for the pilot.",
    ],
)
def test_the_same_words_about_the_work_stay_clean(deps, body):
    text = _letter("Dear Rebecca,", body)
    assert rules_in(deps, "northgate", "Rebecca Holt", text, "stay_in_touch") == []


@pytest.mark.parametrize(
    "body",
    [
        "Has the jury come back yet on the account manager role?",
        "Has the jury come back yet?",
        "I'd love to know which way you're leaning.",
        "It would help to know which way the panel is leaning.",
    ],
)
def test_the_jury_and_the_leaning_ask_for_the_decision(deps, body):
    text = _letter("Dear Rebecca,", f"Thank you again for Tuesday. {body}")
    assert rules_in(deps, "northgate", "Rebecca Holt", text, "check_in") == ["asks-decision"]


@pytest.mark.parametrize(
    "body",
    [
        "Has the jury come back on the new fertiliser trial yet?",
        "I'd love to know which way the growers are leaning on the app.",
    ],
)
def test_the_jury_on_the_work_stays_clean(deps, body):
    text = _letter("Dear Rebecca,", f"Thank you again for Tuesday. {body}")
    assert rules_in(deps, "northgate", "Rebecca Holt", text, "check_in") == []


@pytest.mark.parametrize(
    ("body", "kind", "expected"),
    [
        ("Dude, thanks again for Tuesday and the tour of the depot.", "check_in", []),
        ("Thanks for Tuesday, bro. The depot tour was useful.", "check_in", []),
        (
            "I am very grateful with you for the call to tell me the decision, and for the time "
            "you gave me in August.",
            "stay_in_touch",
            [],
        ),
        (
            "Thank you for calling to tell me the outcome. I learned a lot from the process.",
            "stay_in_touch",
            [],
        ),
        (
            "I'd love to know whether anyone on the team has been through a relocation like that.",
            "check_in",
            [],
        ),
        (
            "I'd love to know whether I made it through the first round.",
            "check_in",
            ["asks-decision"],
        ),
        (
            "Could you tell me the decision when it is made?",
            "check_in",
            ["asks-decision"],
        ),
        (
            "A quick yes or no before the weekend would help me plan.",
            "check_in",
            ["asks-decision"],
        ),
        (
            "I know you're busy, but a simple yes or no would be enough.",
            "check_in",
            ["needy"],
        ),
    ],
)
def test_near_misses_read_as_they_are(deps, body, kind, expected):
    text = _letter("Dear Rebecca,", body)
    assert rules_in(deps, "northgate", "Rebecca Holt", text, kind) == expected
