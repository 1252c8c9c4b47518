"""new-topic for a team followed as a fan (its result as a noun or a verb, the reader at the
ground, a fixture watched together) and for hearsay about the reader's own organisation; and
asks-decision about a role named by a title of several words. Each beside the clean near misses
that share its words (an account won or lost, a stadium as a customer's site, a reorganisation the
reader announced, a decision about a supplier). Written in the voices set's dossier
(tests/data/letters_voices) in session 10, beside that set's v2600-v2629; each letter is checked
for exactly the expected rule ids (spelling aside)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import rules_in, voices_deps

SIGNED = "\n\nInes Carvalho\n+44 7700 900761"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


# (opportunity, recipient, the letter's middle, expected rule ids), each a thank-you that names
# a topic of the interview and ends with the candidate's name and phone
LETTERS = [
    # a named team's result, as a noun
    (
        "naivasha",
        "Wanjiru Kamau",
        "Thank you for the talk on airfreight rates. Were you watching Harambee Stars' "
        "famous victory over Nigeria? The second half was something else.",
        ["new-topic"],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "Thanks for explaining salmon exports to Asia. Rosenborg's 4-0 drubbing of Molde "
        "must have pleased you!",
        ["new-topic"],
    ),
    # the same, as a verb
    (
        "arequipa",
        "Lucía Quispe",
        "Thank you for the talk on site visits. Melgar won again yesterday, you must be happy.",
        ["new-topic"],
    ),
    # the reader at the ground; a fixture watched together
    (
        "kinabalu",
        "Aminah Yusof",
        "Thank you for explaining port congestion. Were you in the stands for Sabah on Saturday?",
        ["new-topic"],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "Thank you for the talk on bean grading. Shall we watch the big derby together?",
        ["new-topic"],
    ),
    # hearsay about the reader's own organisation
    (
        "miraflores",
        "Diego Salazar",
        "Thank you for the talk on mid-market banks. A contact tells me your Lima team is "
        "being merged into the Bogotá unit; any truth in it?",
        ["new-topic"],
    ),
    (
        "uppsala",
        "Johan Lindqvist",
        "Thank you for the session on hospital laboratories. I hear there are layoffs coming "
        "to your division after the audit. True?",
        ["new-topic"],
    ),
    # clean: an account won or lost, a stadium as a customer's site, news the reader gave
    (
        "makati",
        "Maricel Santos",
        "Thank you for the session on merchant onboarding. Congratulations on the Jollibee win "
        "last Friday; QR payments at that scale are impressive.",
        [],
    ),
    (
        "salalah",
        "Khalid Al-Harthy",
        "Thank you for discussing reefer capacity. I stocked the cold rooms of a cricket stadium "
        "for three seasons, so tenders for ministries with event peaks are familiar to me.",
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "Thank you for explaining lending to farms. You told me your team is being reorganised "
        "by county; I would enjoy taking on the northern one.",
        [],
    ),
    (
        "kisumu",
        "Otieno Odhiambo",
        "Thank you for showing me the irrigation kits. I hear your team is hiring two more "
        "agronomists for smallholder credit, which sounds like a growing field.",
        [],
    ),
    # the decision about a role named by a title of several words, and near misses
    (
        "arequipa",
        "Lucía Quispe",
        "Thank you for the talk on spare parts stock. Do you know whether Mr Rojas has made up "
        "his mind about the Senior Key Account Manager position?",
        ["asks-decision"],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "Thank you for the talk on palm oil shipments. Has the board reached a decision on the "
        "Regional Freight Sales Executive vacancy?",
        ["asks-decision"],
    ),
    (
        "naivasha",
        "Wanjiru Kamau",
        "Thank you for the talk on the cold chain to Amsterdam. When you have made up your mind "
        "about the packhouse contractor for the Naivasha site, I can cost the crates.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("opportunity", "to", "body", "expected"),
    LETTERS,
    ids=[str(i) for i in range(len(LETTERS))],
)
def test_each_letter_gets_exactly_its_rules(deps, opportunity, to, body, expected):
    first = to.split()[0]
    text = f"Dear {first},\n\n{body}{SIGNED}"
    assert rules_in(deps, opportunity, to, text, "thank_you") == expected
