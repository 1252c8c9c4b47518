"""wrong-name: a name written family name first (Korean, Chinese, Vietnamese) is known by its
first word, a family name of those languages, listed by how common it is (rules.json,
wrong-name.family_first): "Dear Mr. Song" to Song Ji-hoon calls him by his family name, as
"Dear Mr. Kim" to Kim Min-jun does; an honorific spelt as a name's last syllable ("-ji" of
Eun-ji) is the name's own (001)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
PEOPLE = ("Song Ji-hoon", "Bae Eun-ji", "Wong Ka-ming", "Mai Văn Hùng", "Seo Min-ji", "Oh Se-young")


def _wrong_names(to: str, salutation: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Hanbyeol Pharmaceutical",
        people=PEOPLE,
        candidate_name="Jeon Ha-eun",
    )
    text = f"{salutation}\n\nThe comparison is attached.\n\nHa-eun"
    found = CHECKER.check(text, ctx)
    return [text[f.start : f.end] for f in found if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Song Ji-hoon", "Dear Mr. Song,"),
        ("Song Ji-hoon", "Dear Ji-hoon,"),
        ("Bae Eun-ji", "Dear Ms. Bae,"),
        ("Bae Eun-ji", "Hi Eun-ji,"),
        ("Wong Ka-ming", "Dear Mr Wong,"),
        ("Mai Văn Hùng", "Dear Mr. Hùng,"),
        ("Seo Min-ji", "Dear Ms. Seo,"),
        ("Oh Se-young", "Dear Mr. Oh,"),
        ("Seo Min-ji", "Hi Min-ji,"),
    ],
)
def test_a_family_name_first_and_its_given_name_are_the_readers_own(to, salutation):
    assert _wrong_names(to, salutation) == []


@pytest.mark.parametrize(
    ("to", "salutation", "expected"),
    [
        ("Song Ji-hoon", "Dear Mr. Bae,", ["Mr. Bae"]),
        ("Bae Eun-ji", "Dear Ka-ming,", ["Ka-ming"]),
        ("Bae Eun-ji", "Dear Min-ji,", ["Min-ji"]),
    ],
)
def test_another_persons_family_or_given_name_is_still_wrong(to, salutation, expected):
    assert _wrong_names(to, salutation) == expected


@pytest.mark.parametrize(
    ("person", "family_first"),
    [
        ("Song Ji-hoon", True),
        ("Bae Eun-ji", True),
        ("Wong Ka-ming", True),
        ("Mai Văn Hùng", True),
        ("Van Morrison", False),
        ("Dana Reyes", False),
    ],
)
def test_which_names_are_written_family_name_first(person, family_first):
    assert CHECKER._addressing.family_first_name(person) is family_first
