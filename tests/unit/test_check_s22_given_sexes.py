"""wrong-name: a title of respect of one sex before the name of a person of the other is a
wrong title (article 001). The sex is read from given names the Census lists leave out:
Portuguese and Brazilian ones (Conceição, Luíza, Guilherme, Gonçalo), those of India (Arjun,
Meenakshi, Venkatesh, Lalitha) and French ones (Hervé, Solène); and a hyphened given name takes
its sex from its first part that tells one, where Jean opens men's names only (Jean-Baptiste,
Jean-Marie; Marie-Pierre is a woman's)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
PEOPLE = (
    "Conceição Almeida",
    "Luíza Prates",
    "Guilherme Tavares",
    "Gonçalo Sousa",
    "Arjun Malhotra",
    "Meenakshi Iyer",
    "Venkatesh Rao",
    "Lalitha Krishnan",
    "Hervé Lambert",
    "Solène Roux",
    "Jean-Baptiste Martin",
    "Jean-Marie Leclerc",
    "Marie-Pierre Gautier",
    "Jean Dupont",
)


def _wrong_names(to: str, salutation: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Campinas Logística",
        people=PEOPLE,
        candidate_name="Thiago Nogueira",
    )
    text = f"{salutation}\n\nThe comparison you asked for is attached.\n\nThiago"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Conceição Almeida", "Dear Mr Almeida,"),
        ("Luíza Prates", "Dear Sr. Prates,"),
        ("Guilherme Tavares", "Dear Ms Tavares,"),
        ("Gonçalo Sousa", "Dear Mrs. Sousa,"),
        ("Arjun Malhotra", "Dear Ms Malhotra,"),
        ("Meenakshi Iyer", "Dear Mr. Iyer,"),
        ("Venkatesh Rao", "Dear Madam Rao,"),
        ("Lalitha Krishnan", "Dear Mr Krishnan,"),
        ("Hervé Lambert", "Dear Mrs Lambert,"),
        ("Solène Roux", "Dear Monsieur Roux,"),
        ("Jean-Baptiste Martin", "Dear Ms Martin,"),
        ("Jean-Marie Leclerc", "Dear Mrs. Leclerc,"),
        ("Marie-Pierre Gautier", "Dear Mr Gautier,"),
    ],
)
def test_a_title_of_the_other_sex_than_the_given_name_is_a_wrong_title(to, salutation):
    assert _wrong_names(to, salutation)


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Conceição Almeida", "Dear Ms Almeida,"),
        ("Luíza Prates", "Dear Sra. Prates,"),
        ("Guilherme Tavares", "Dear Mr Tavares,"),
        ("Arjun Malhotra", "Dear Mr. Malhotra,"),
        ("Meenakshi Iyer", "Dear Ms Iyer,"),
        ("Lalitha Krishnan", "Dear Dr Krishnan,"),
        ("Hervé Lambert", "Dear Monsieur Lambert,"),
        ("Jean-Baptiste Martin", "Dear Mr Martin,"),
        ("Jean-Marie Leclerc", "Dear Monsieur Leclerc,"),
        ("Marie-Pierre Gautier", "Dear Madame Gautier,"),
        # Jean alone is a man's name in French and a woman's in English: it tells nothing
        ("Jean Dupont", "Dear Ms Dupont,"),
        ("Jean Dupont", "Dear Mr Dupont,"),
    ],
)
def test_the_title_of_the_given_names_sex_or_of_none_is_no_finding(to, salutation):
    assert _wrong_names(to, salutation) == []


# Vietnamese speaks to a reader by a word of kin or rank that says their sex (chị, bà a
# woman's; anh, ông a man's) before the given name: the other sex's is a wrong title
VIETNAMESE = ("Lê Văn Hùng", "Phạm Thị Lan")


@pytest.mark.parametrize(
    ("to", "salutation", "wrong"),
    [
        ("Lê Văn Hùng", "Chào chị Hùng,", True),
        ("Lê Văn Hùng", "Kính gửi bà Hùng,", True),
        ("Phạm Thị Lan", "Chào anh Lan,", True),
        ("Phạm Thị Lan", "Kính gửi ông Lan,", True),
        ("Lê Văn Hùng", "Chào anh Hùng,", False),
        ("Lê Văn Hùng", "Kính gửi ông Hùng,", False),
        ("Phạm Thị Lan", "Chào chị Lan,", False),
        ("Phạm Thị Lan", "Kính gửi bà Lan,", False),
    ],
)
def test_a_vietnamese_word_of_kin_or_rank_says_the_sex_of_the_reader(to, salutation, wrong):
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Sông Hồng Trading",
        people=VIETNAMESE,
        candidate_name="Ines Carvalho",
    )
    text = f"{salutation}\n\nThe consolidation plan is attached.\n\nInes"
    found = [f for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]
    assert bool(found) == wrong
