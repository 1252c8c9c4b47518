"""wrong-name: a salutation by a title of respect alone ("Dear Sir,", "Respected Madam,",
"Prezada Senhora,") calls the reader by a sex; where the recipient's name tells the other one,
the letter is addressed to someone else (article 001). A title for both ("Dear Sir or
Madam", "Dear Sir/Madam"), the reader's own, or one to a name that tells no sex is no finding.
A short form of a name met for this opportunity, set off after a postscript ("P.S. Tunde,
thanks…" in a letter to Ngozi), speaks to that person, as the full name does."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
PEOPLE = ("Maria José Figueiredo", "Guilherme Tavares", "Babatunde Fashola", "Ngozi Eze-Nwosu")


def _wrong_names(to: str, text: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Campinas Logística",
        people=(*PEOPLE, "Oluwaseun Adeyemi", "Kim Taylor"),
        candidate_name="Ines Carvalho",
    )
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


def _letter(salutation: str) -> str:
    return f"{salutation}\n\nThe Manaus cold-chain figures are attached.\n\nInes"


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Maria José Figueiredo", "Dear Sir,"),
        ("Maria José Figueiredo", "Respected Sir"),
        ("Guilherme Tavares", "Dear Madam,"),
        ("Guilherme Tavares", "Prezada Senhora,"),
        ("Babatunde Fashola", "Dear Ma'am,"),
    ],
)
def test_a_title_alone_of_the_other_sex_is_a_wrong_name(to, salutation):
    assert _wrong_names(to, _letter(salutation))


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Maria José Figueiredo", "Dear Madam,"),
        ("Guilherme Tavares", "Dear Sir,"),
        ("Guilherme Tavares", "Dear Sir or Madam,"),
        ("Maria José Figueiredo", "Dear Sir/Madam,"),
        ("Kim Taylor", "Dear Sir,"),
        ("Kim Taylor", "Dear Madam,"),
    ],
)
def test_the_readers_own_title_or_both_or_a_name_of_no_sex_is_no_finding(to, salutation):
    assert _wrong_names(to, _letter(salutation)) == []


def test_a_short_form_of_someone_met_after_a_postscript_is_spoken_to():
    text = "Dear Ngozi,\n\nThe signed contract is attached.\n\nInes\n\nP.S. Tunde, thanks again!"
    assert _wrong_names("Ngozi Eze-Nwosu", text) == ["Tunde"]
    own = "Dear Mr Fashola,\n\nThe depot plan is attached.\n\nInes\n\nP.S. Tunde, hope you won!"
    assert _wrong_names("Babatunde Fashola", own) == []
