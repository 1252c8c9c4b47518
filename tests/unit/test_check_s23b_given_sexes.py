"""wrong-name: a title of one sex before the name of someone whose given name is of the other is
a letter meant for someone else (article 001). Given names of Ethiopia (Tigist, Dawit), Finland
(Jukka, Aino), Greece (Giorgos), Bangladesh (Rafiqul, and the "Md." that opens a Muslim man's
name there) and the Arab world (Khadija, Youssef) were not in the Census lists: before this,
"Respected Madam," to Md. Rafiqul Islam, "Dear Mr Alemu" to Tigist Alemu and "Dear Ms
Heikkinen" to Jukka Heikkinen passed (letters100, l100-014). The right title, a title before an
Ethiopian given name ("Dear Ms Tigist", as Ethiopians address each other) and a spelling of the
recipient's own name in another transliteration ("Khaled" to Khalid) stay clean."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
PEOPLE = [
    "Md. Rafiqul Islam",
    "Tigist Alemu",
    "Dawit Bekele",
    "Jukka Heikkinen",
    "Aino Laaksonen",
    "Giorgos Karras",
    "Khadija Benali",
    "Khalid Al-Harthy",
]
DIRECTORY = Directory.build([("mixed", "Mixed Trading", PEOPLE)])


def _wrong_names(to: str, salutation: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Mixed Trading",
        opportunity="mixed",
        people=tuple(PEOPLE),
        candidate_name="Aoife Ní Bhriain",
        directory=DIRECTORY,
    )
    text = f"{salutation}\n\nThe sample bags are on their way.\n\nAoife"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Md. Rafiqul Islam", "Respected Madam,"),
        ("Md. Rafiqul Islam", "Dear Ms Islam,"),
        ("Tigist Alemu", "Dear Mr Alemu,"),
        ("Jukka Heikkinen", "Dear Ms Heikkinen,"),
        ("Aino Laaksonen", "Dear Mr Laaksonen,"),
        ("Giorgos Karras", "Dear Mrs Karras,"),
        ("Khadija Benali", "Dear Sir,"),
    ],
)
def test_a_title_of_the_other_sex_is_for_someone_else(to, salutation):
    assert _wrong_names(to, salutation)


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Md. Rafiqul Islam", "Respected Sir,"),
        ("Tigist Alemu", "Dear Ms Tigist,"),
        ("Dawit Bekele", "Dear Mr Dawit,"),
        ("Jukka Heikkinen", "Dear Mr Heikkinen,"),
        ("Khadija Benali", "Dear Madam,"),
        ("Khalid Al-Harthy", "Dear Khaled,"),
    ],
)
def test_the_right_title_and_the_recipients_own_names_stay_clean(to, salutation):
    assert _wrong_names(to, salutation) == []
