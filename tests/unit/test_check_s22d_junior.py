"""wrong-name: in the Philippines a man named after his father, who writes "Jr." after his
name, is called "Jun", "Junjun" or "Junior" (Wikipedia, Filipino name: nicknames): "Hi Jun," to
Ferdinand Aquino Jr. is the recipient. Before this it was read as another name. The same
words to someone without the suffix stay another name where the user's data holds a Jr."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
PEOPLE = ["Ferdinand Aquino Jr.", "Maria Corazon Villanueva", "Ramon Dizon Jr", "Paolo Reyes"]
DIRECTORY = Directory.build([("pasig", "Pasig Mutual", PEOPLE)])


def _wrong_names(to: str, salutation: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Pasig Mutual",
        opportunity="pasig",
        people=tuple(PEOPLE),
        candidate_name="Andile Khumalo",
        directory=DIRECTORY,
    )
    text = f"{salutation}\n\nI saw that two more rural banks signed this month.\n\nAndile"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Ferdinand Aquino Jr.", "Hi Jun,"),
        ("Ferdinand Aquino Jr.", "Hello Junjun!"),
        ("Ferdinand Aquino Jr.", "Hi Sir Jun,"),
        ("Ramon Dizon Jr", "Hi Jun,"),
        ("Ramon Dizon Jr", "Good morning Junior,"),
        ("Ferdinand Aquino Jr.", "Hi Ferdie,"),
    ],
)
def test_a_junior_called_jun_is_the_recipient(to, salutation):
    assert _wrong_names(to, salutation) == []


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Paolo Reyes", "Hi Jun,"),
        ("Maria Corazon Villanueva", "Hello Junjun!"),
        ("Ferdinand Aquino Jr.", "Hi Cora,"),
        ("Ferdinand Aquino Jr.", "Hi Paolo,"),
    ],
)
def test_jun_to_someone_without_the_suffix_or_another_name_is_a_wrong_name(to, salutation):
    assert _wrong_names(to, salutation)
