"""Classes of language session 29's fresh sets (a South African and a Malaysian candidate) and
probes showed the check missing, each beside the clean near miss that shares its words (001, 003).

wrong-name: a title before the given names of a name written family name first where a title goes
with the family name ("Dear Ms Ling," to Jasmine Tan Wei Ling, whose family name is Tan, her
English given name written before it as in Malaysia and Singapore), but not of a Vietnamese name
("Dear Mr Khoa," to Tran Minh Khoa is right); the father's name of a patronymic name, with a title
or without ("Dear Encik Rahman," to Mohd Faizal bin Abdul Rahman, "Dear Mr Ramasamy," to
Thinagaran s/o Ramasamy); a title of the other sex where a word of the name says the sex ("Dear
Sir," to Harpreet Kaur) or a Persian man's given name does ("Respected Ma'am," to Farhad Mistry).
Their own: the Polish pet forms "Aga" for Agnieszka and "Tomek" for Tomasz; "Mr D’Souza" with a
typographic apostrophe to Anthony D'Souza.
flattery: the reader's children praised by a pronoun after them ("the photo of your twins on your
desk; they are absolutely gorgeous").
wrong-company: another company as a capitalised word of a hashtag ("#LifeAtTandem").
asks-decision: "Have I made the shortlist?", "whether I've made the shortlist"; whether to hand in
one's notice ("Can I start planning my notice period yet?").
new-topic: the reader's baby asked after with "the" ("How is the new baby settling in?"); named
races and teams of sport ("the Comrades", "the Cape Epic", "Bafana Bafana"); a change of subject
announced ("On a personal note, my family is holding…") though the notes promise "a short note" and
meet clients "in person" (words that tie nothing to the interview)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import contact, dossier_deps, rules_in, signed

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
                        contact(
                            "Jasmine Tan Wei Ling",
                            [
                                "the Penang port accounts",
                                {
                                    "name": "port fees",
                                    "said": "she meets key clients in person",
                                    "promised": "a short note on port fees",
                                },
                            ],
                            True,
                        ),
                        contact("Tan Mei Hua", ["the Penang port accounts"]),
                        contact("Mohd Faizal bin Abdul Rahman", ["the Penang port accounts"]),
                        contact("Thinagaran s/o Ramasamy", ["the Penang port accounts"]),
                        contact("Tran Minh Khoa", ["the Penang port accounts"]),
                        contact("Agnieszka Wiśniewska", ["the Penang port accounts"]),
                        contact("Tomasz Nowicki", ["the Penang port accounts"]),
                        contact("Mohammed bin Rashid Al Suwaidi", ["the Penang port accounts"]),
                        contact("Harpreet Kaur", ["the Penang port accounts"]),
                        contact("Farhad Mistry", ["the Penang port accounts"]),
                        contact("Anthony D'Souza", ["the Penang port accounts"]),
                    ],
                }
            ],
        },
        {
            "id": "s29t-tandem",
            "company": "Tandem",
            "role": "Account Executive",
            "policy": "persistent",
            "interviews": [
                {
                    "id": "s29t-tandem-1",
                    "date": "2027-10-06",
                    "round": 1,
                    "contacts": [contact("Bec Hartley", ["QR payments for hawkers"], True)],
                }
            ],
        },
    ],
}
OPPORTUNITY = "s29t-kenari"
SIGNATURE = "Best regards,\nMelati Lim\n012-555 0142"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return dossier_deps(DOSSIER)


def _letter(salutation: str, body: str) -> str:
    return signed(salutation, body, SIGNATURE)


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
        # a typographic apostrophe is the plain one
        ("Anthony D'Souza", "Dear Mr D’Souza,", []),
        ("Anthony D'Souza", "Dear Mr D’Silva,", ["wrong-name"]),
        # Kaur says a woman whatever Harpreet says; Farhad is a man's name
        ("Harpreet Kaur", "Dear Sir,", ["wrong-name"]),
        ("Harpreet Kaur", "Dear Mr Kaur,", ["wrong-name"]),
        ("Harpreet Kaur", "Respected Ma'am,", []),
        ("Farhad Mistry", "Respected Ma'am,", ["wrong-name"]),
        ("Farhad Mistry", "Respected Sir,", []),
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
        # the reader's children praised by a pronoun after them: flattery, not a new topic
        (
            "I noticed the photo of your twins on your desk; they are absolutely gorgeous.",
            ["flattery"],
        ),
        ("I saw the photo of your kids. They are adorable!", ["flattery"]),
        ("I met your sales team after the interview; they are lovely people.", []),
        # a change of subject announced, though the notes promise "a short note"
        (
            "On a personal note, my family is holding a lantern night on the 25th.",
            ["new-topic"],
        ),
        # another company's name as a capitalised word of a hashtag
        ("#opentowork #LifeAtTandem", ["wrong-company"]),
        ("#LifeAtKenari", []),
        ("Annual contracts work best in tandem with quarterly reviews.", []),
    ],
)
def test_asks_and_asides(deps, body, expected):
    text = _letter("Dear Ms Tan,", f"Thank you for the Penang port accounts call. {body}")
    assert rules_in(deps, OPPORTUNITY, "Jasmine Tan Wei Ling", text, "check_in") == expected


def test_a_hashtag_is_no_misspelling(deps):
    text = _letter(
        "Dear Ms Tan,", "Thank you for the Penang port accounts call. #opentowork #salesjobs"
    )
    _, findings = check_letter(deps, text, OPPORTUNITY, "Jasmine Tan Wei Ling", "check_in")
    assert [(f.rule, text[f.start : f.end]) for f in findings] == []
    # the same words outside a hashtag are still words the dictionary does not hold
    text = _letter("Dear Ms Tan,", "Thank you for the Penang port accounts call. I am opentowork.")
    _, findings = check_letter(deps, text, OPPORTUNITY, "Jasmine Tan Wei Ling", "check_in")
    assert [(f.rule, text[f.start : f.end]) for f in findings] == [("spelling", "opentowork")]
