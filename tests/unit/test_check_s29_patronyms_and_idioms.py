"""Classes of language session 29's fresh sets (a South African and a Malaysian candidate) and
probes showed the check missing, each beside the clean near miss that shares its words (001, 003).

wrong-name: a title before the given names of a name written family name first where a title goes
with the family name ("Dear Ms Ling," to Jasmine Tan Wei Ling, whose family name is Tan, her
English given name written before it as in Malaysia and Singapore), but not of a Vietnamese name
("Dear Mr Khoa," to Tran Minh Khoa is right); the father's name of a patronymic name, with a title
or without ("Dear Encik Rahman," to Mohd Faizal bin Abdul Rahman, "Dear Mr Ramasamy," to
Thinagaran s/o Ramasamy). Their own: the Polish pet forms "Aga" for Agnieszka and "Tomek" for
Tomasz.
asks-decision: "Have I made the shortlist?", "whether I've made the shortlist"; whether to hand in
one's notice ("Can I start planning my notice period yet?").
new-topic: the reader's baby asked after with "the" ("How is the new baby settling in?"); named
races and teams of sport ("the Comrades", "the Cape Epic", "Bafana Bafana")."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import dossier_deps, rules_in


def _contact(name: str, topics: list[str], decides: bool = False) -> dict[str, object]:
    return {
        "name": name,
        "title": "Sales Lead",
        "minutes": 30,
        "decision_maker": decides,
        "topics": topics,
    }


DOSSIER = {
    "candidate": {
        "name": "Melati Lim",
        "email": "melati.lim@mail.example",
        "phone": "+60 12-555 0142",
        "timezone": "Asia/Kuala_Lumpur",
        "country": "MY",
    },
    "opportunities": [
        {
            "id": "s29t-kenari",
            "company": "Kenari Payments",
            "role": "Account Executive",
            "policy": "persistent",
            "interviews": [
                {
                    "id": "s29t-kenari-1",
                    "date": "2027-10-05",
                    "round": 1,
                    "contacts": [
                        _contact("Jasmine Tan Wei Ling", ["the Penang port accounts"], True),
                        _contact("Tan Mei Hua", ["the Penang port accounts"]),
                        _contact("Mohd Faizal bin Abdul Rahman", ["the Penang port accounts"]),
                        _contact("Thinagaran s/o Ramasamy", ["the Penang port accounts"]),
                        _contact("Tran Minh Khoa", ["the Penang port accounts"]),
                        _contact("Agnieszka Wiśniewska", ["the Penang port accounts"]),
                        _contact("Tomasz Nowicki", ["the Penang port accounts"]),
                        _contact("Mohammed bin Rashid Al Suwaidi", ["the Penang port accounts"]),
                    ],
                }
            ],
        }
    ],
}
OPPORTUNITY = "s29t-kenari"
SIGNATURE = "Best regards,\nMelati Lim\n012-555 0142"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return dossier_deps(DOSSIER)


def _letter(salutation: str, body: str) -> str:
    return f"{salutation}\n\n{body}\n\n{SIGNATURE}"


@pytest.mark.parametrize(
    ("to", "salutation", "expected"),
    [
        ("Jasmine Tan Wei Ling", "Dear Ms Ling,", ["wrong-name"]),
        ("Jasmine Tan Wei Ling", "Dear Ms Wei Ling,", ["wrong-name"]),
        ("Jasmine Tan Wei Ling", "Dear Ms Tan,", []),
        ("Jasmine Tan Wei Ling", "Dear Wei Ling,", []),
        ("Jasmine Tan Wei Ling", "Dear Jasmine,", []),
        ("Tan Mei Hua", "Dear Ms Hua,", ["wrong-name"]),
        ("Tan Mei Hua", "Dear Ms Tan,", []),
        ("Tan Mei Hua", "Dear Mei Hua,", []),
        ("Tran Minh Khoa", "Dear Mr Khoa,", []),
        ("Tran Minh Khoa", "Dear Mr Tran,", []),
        ("Mohd Faizal bin Abdul Rahman", "Dear Encik Rahman,", ["wrong-name"]),
        ("Mohd Faizal bin Abdul Rahman", "Dear Mr Abdul Rahman,", ["wrong-name"]),
        ("Mohd Faizal bin Abdul Rahman", "Dear Rahman,", ["wrong-name"]),
        ("Mohd Faizal bin Abdul Rahman", "Dear Encik Faizal,", []),
        ("Mohd Faizal bin Abdul Rahman", "Dear Encik Mohd Faizal,", []),
        ("Mohd Faizal bin Abdul Rahman", "Dear Faizal,", []),
        ("Thinagaran s/o Ramasamy", "Dear Mr Ramasamy,", ["wrong-name"]),
        ("Mohammed bin Rashid Al Suwaidi", "Dear Mr Al Suwaidi,", []),
        ("Mohammed bin Rashid Al Suwaidi", "Dear Mr Rashid,", ["wrong-name"]),
        ("Thinagaran s/o Ramasamy", "Dear Mr Thinagaran,", []),
        ("Agnieszka Wiśniewska", "Hi Aga,", []),
        ("Agnieszka Wiśniewska", "Dear Agnieska,", ["wrong-name"]),
        ("Tomasz Nowicki", "Cześć Tomek,", []),
    ],
)
def test_the_recipients_names_read_as_they_are(deps, to, salutation, expected):
    text = _letter(salutation, "Thank you for the call on Tuesday about the Penang port accounts.")
    assert rules_in(deps, OPPORTUNITY, to, text, "check_in") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Any word on whether I've made the shortlist?", ["asks-decision"]),
        ("Have I made the shortlist?", ["asks-decision"]),
        ("I made the shortlist for the regional award at my last job.", []),
        ("Any word on whether the port tender went ahead?", []),
        ("Can I start planning my notice period yet?", ["asks-decision"]),
        ("Should I hand in my notice at Bluecrane yet?", ["asks-decision"]),
        ("I can hand in my notice within a week of any offer, so timing is easy.", []),
        ("My notice period at Bluecrane is one month.", []),
        ("How is the new baby settling in?", ["new-topic"]),
        ("How is the new CRM settling in?", []),
        ("Good luck at the Comrades next month!", ["new-topic"]),
        ("All the best for the Cape Epic!", ["new-topic"]),
        ("Did you catch Bafana Bafana on Saturday?", ["new-topic"]),
        ("Good luck with the port tender next month!", []),
        ("Our comrades in the Penang branch did the same.", []),
    ],
)
def test_asks_and_asides(deps, body, expected):
    text = _letter("Dear Ms Tan,", f"Thank you for the Penang port accounts call. {body}")
    assert rules_in(deps, OPPORTUNITY, "Jasmine Tan Wei Ling", text, "check_in") == expected
