"""wrong-company: another company's first word alone names it only in a frame of a company, as
a word shared with a company's name is otherwise a place, a person or a thing; but a name that
is no word of English, no place's and no person's ("Hanbyeol", "Nordlicht") has no other sense,
and names its company after a preposition of dealings with an organisation ("the freight
business at Hanbyeol", "working with Nordlicht") or in capitals ("Second interview –
NORDLICHT"). Where the writer studied or lived, and "from", stay a place's (DESIGN: the company
of another opportunity)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
DIRECTORY = Directory.build(
    [
        ("hanbit", "Hanbit Logistics Co., Ltd.", ["Kim Min-jun"]),
        ("hanbyeol", "Hanbyeol Pharmaceutical Co., Ltd.", ["Lee Sang-hoon"]),
        ("nordlicht", "Nordlicht Medizintechnik SE", ["Kai-Uwe Jessen"]),
        ("brandt", "Brandt Logistik GmbH", ["Jana Petersen"]),
        ("mazur", "Mazur Okna Sp. z o.o.", ["Piotr Nowak"]),
    ]
)


def _companies(
    body: str, to: str = "Jana Petersen", company: str = "Brandt Logistik GmbH"
) -> list[str]:
    opportunity = "hanbit" if company.startswith("Hanbit") else "brandt"
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company=company,
        opportunity=opportunity,
        people=(to,),
        candidate_name="Katrin Oberländer",
        directory=DIRECTORY,
    )
    text = f"Dear {to.split()[0]},\n\n{body}\n\nKatrin"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-company"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I am excited about growing the freight business at Hanbyeol.", ["Hanbyeol"]),
        ("My first month at Hanbyeol would go on listening to customers.", ["Hanbyeol"]),
        ("I'd love to keep working with Nordlicht on the Nordic accounts.", ["Nordlicht"]),
        ("Subject: Re: Second interview – NORDLICHT", ["NORDLICHT"]),
        ("a role for Nordlicht would suit me well, honestly", ["Nordlicht"]),
    ],
)
def test_a_coined_name_after_a_preposition_of_dealings_or_in_capitals_is_the_company(
    body, expected
):
    assert _companies(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "I studied business at Hanbyeol before moving to Hamburg.",
        "One of my old clients, a bakery chain from Nordlicht, asked me the same.",
        "Anna Mazur, who ran the same patch for a wholesaler, checked my plan.",
        "I grew up with the Nordlicht stories my grandmother told.",
        "The route plan is ready and attached.",
    ],
)
def test_where_one_studied_from_where_and_a_persons_name_stay_clean(body):
    assert _companies(body) == []


def test_the_readers_own_company_is_never_another():
    assert (
        _companies(
            "The freight business at Hanbit is where I want to grow.",
            "Kim Min-jun",
            "Hanbit Logistics Co., Ltd.",
        )
        == []
    )
