"""wrong-name: Japanese names, written in either order ("Nakamura Takeshi", "Yuko Fujita"), are
known by one of the commonest Japanese family names (rules.json, wrong-name.japanese_family);
the other word is the given name, whose sex its list or its ending says ("-ko" a woman's,
"-shi", "-suke", "-ta" a man's), so that a title of the other sex is a wrong title. Long
vowels are the same name however they are spelt: "Ryouta" and "Ryota" are Ryōta (001)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.addressing import romaji
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
PEOPLE = (
    "Nakamura Takeshi",
    "Nakamura Emiko",
    "Ryōta Saitō",
    "Yuko Fujita",
    "Ishikawa Kenji",
    "Mori Hikaru",
    "Ōno Akihiko",
    "Sayaka Kimura",
)


def _wrong_names(to: str, salutation: str, body: str = "The comparison is attached.") -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Kawasemi Trading",
        people=PEOPLE,
        candidate_name="Aoki Yuto",
    )
    text = f"{salutation}\n\n{body}\n\nYuto"
    found = CHECKER.check(text, ctx)
    return [text[f.start : f.end] for f in found if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Nakamura Takeshi", "Dear Mr. Nakamura,"),
        ("Nakamura Takeshi", "Dear Nakamura-san,"),
        ("Nakamura Emiko", "Dear Ms. Nakamura,"),
        ("Ishikawa Kenji", "Dear Mr Ishikawa,"),
        ("Yuko Fujita", "Dear Ms. Fujita,"),
        ("Ryōta Saitō", "Dear Mr. Saito,"),
        ("Ryōta Saitō", "Dear Ryouta-san,"),
        ("Ryōta Saitō", "Dear Ryota,"),
        ("Ryōta Saitō", "Dear Saitoh-san,"),
        ("Ōno Akihiko", "Dear Mr. Ohno,"),
        ("Ōno Akihiko", "Dear Mr. Oono,"),
        ("Sayaka Kimura", "Dear Ms Kimura,"),
        # a name borne by women and men alike says nothing of the title
        ("Mori Hikaru", "Dear Ms. Mori,"),
        ("Mori Hikaru", "Dear Mr. Mori,"),
        ("Nakamura Takeshi", "Dear Mr. Takeshi Nakamura,"),
        ("Nakamura Takeshi", "Dear Nakamura Takeshi-sama,"),
    ],
)
def test_the_readers_own_name_and_title_in_any_order_and_spelling(to, salutation):
    assert _wrong_names(to, salutation) == []


@pytest.mark.parametrize(
    ("to", "salutation", "expected"),
    [
        ("Nakamura Takeshi", "Dear Ms. Nakamura,", ["Ms. Nakamura"]),
        ("Nakamura Emiko", "Dear Mr. Nakamura,", ["Mr. Nakamura"]),
        ("Ishikawa Kenji", "Dear Mrs. Ishikawa,", ["Mrs. Ishikawa"]),
        ("Ryōta Saitō", "Dear Ms. Saito,", ["Ms. Saito"]),
        ("Ōno Akihiko", "Dear Ms. Ohno,", ["Ms. Ohno"]),
        ("Yuko Fujita", "Dear Mr. Fujita,", ["Mr. Fujita"]),
        ("Sayaka Kimura", "Dear Mr. Kimura,", ["Mr. Kimura"]),
        ("Nakamura Takeshi", "Dear Emiko-san,", ["Emiko-san"]),
        ("Ryōta Saitō", "Dear Ryohei,", ["Ryohei"]),
        # a given name a letter away from theirs is another person's ("Takashi", "Hiroki")
        ("Nakamura Takeshi", "Dear Takashi-san,", ["Takashi-san"]),
        ("Nakamura Takeshi", "Dear Mr. Takashi Nakamura,", ["Mr. Takashi Nakamura"]),
        ("Yuko Fujita", "Dear Yuka,", ["Yuka"]),
    ],
)
def test_a_title_of_the_other_sex_or_another_given_name_is_wrong(to, salutation, expected):
    assert _wrong_names(to, salutation) == expected


@pytest.mark.parametrize(
    ("word", "spoken"),
    [
        ("Ryōta", "ryota"),
        ("Ryouta", "ryota"),
        ("Ohno", "ono"),
        ("Oono", "ono"),
        ("Yuusuke", "yusuke"),
        ("Saitoh", "saito"),
        ("Kohei", "kohei"),  # "oh" before a vowel is two syllables, not a long vowel
        ("Ohashi", "ohashi"),
    ],
)
def test_long_vowels_are_compared_unspelt(word, spoken):
    assert romaji(word) == spoken


@pytest.mark.parametrize(
    ("person", "sex"),
    [
        ("Nakamura Takeshi", "male"),
        ("Takeshi Nakamura", "male"),
        ("Tanaka Hiroko", "female"),
        ("Hiroko Tanaka", "female"),
        ("Watanabe Akihiko", "male"),  # "-hiko", though "-ko" is a woman's
        ("Yamada Yutaka", "male"),  # "-taka", though "-ka" is a woman's
        ("Suzuki Haruka", "female"),
        ("Kato Shunsuke", "male"),
        ("Inoue Kanae", "female"),
        ("Goto Kouhei", "male"),
        ("Sasaki Yuki", ""),
        ("Takahashi Makoto", "male"),
        ("Kaneko Hinata", ""),
    ],
)
def test_the_sex_a_japanese_given_name_says(person, sex):
    assert CHECKER._addressing.sex_of(person) == sex
