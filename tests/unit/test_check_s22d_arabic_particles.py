"""wrong-name: the particles of Arabic family names ("Al" of Al Suwaidi, "bin" of bin Rashid,
"El" of El Amrani) tell no one from anyone, as "de" and "van" do: once the user's data held
a Fatima Al Mansoori, "Hello Sir Al!" and "Respected Al Sir," to Alfonso Navarro (a Filipino
and an Indian way to call him by the first letters of his name) were read as her name."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
DIRECTORY = Directory.build(
    [
        ("dalisay", "Dalisay Appliances", ["Alfonso Navarro", "Paolo Reyes"]),
        ("falcon", "Falcon Bay Trading", ["Mohammed bin Rashid Al Suwaidi", "Fatima Al Mansoori"]),
        ("atlas", "Atlas Foods", ["Youssef El Amrani"]),
    ]
)


def _wrong_names(to: str, salutation: str, opportunity: str) -> list[str]:
    people = tuple(n for names in DIRECTORY.people.values() for n, o in names if o == opportunity)
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Dalisay Appliances",
        opportunity=opportunity,
        people=people,
        candidate_name="Ines Carvalho",
        directory=DIRECTORY,
    )
    text = f"{salutation}\n\nThe training calendar is attached.\n\nInes"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    "salutation", ["Hello Sir Al!", "Respected Al Sir,", "Hello Al,", "Good morning Sir Al,"]
)
def test_the_recipient_called_al_is_not_someone_whose_family_name_opens_with_al(salutation):
    assert _wrong_names("Alfonso Navarro", salutation, "dalisay") == []


@pytest.mark.parametrize(
    ("to", "salutation", "opportunity"),
    [
        ("Paolo Reyes", "Hello Sir Al!", "dalisay"),
        ("Alfonso Navarro", "Dear Ms Al Mansoori,", "dalisay"),
        ("Fatima Al Mansoori", "Dear Mr Al Suwaidi,", "falcon"),
        ("Mohammed bin Rashid Al Suwaidi", "Dear Ms Al Mansoori,", "falcon"),
        ("Alfonso Navarro", "Dear Mr El Amrani,", "dalisay"),
    ],
)
def test_the_words_after_the_particle_still_name_another(to, salutation, opportunity):
    assert _wrong_names(to, salutation, opportunity)


@pytest.mark.parametrize(
    "salutation", ["Dear Mr Al Suwaidi,", "Dear Sheikh Mohammed,", "Dear Mr bin Rashid,"]
)
def test_the_recipients_own_family_name_with_its_particle_is_theirs(salutation):
    assert _wrong_names("Mohammed bin Rashid Al Suwaidi", salutation, "falcon") == []
