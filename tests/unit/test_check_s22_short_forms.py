"""wrong-name: a letter may call its recipient by the usual short form of their given name in
their language (Polish Gosia for Małgorzata, Kuba for Jakub; Brazilian Bia for Beatriz, Gui for
Guilherme; Indian Venkat for Venkataraman, Meena for Meenakshi; Yoruba Seun for Oluwaseun); the
short form of another person's name is someone else (article 001)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
PEOPLE = (
    "Małgorzata Zielińska-Nowak",
    "Krzysztof Wójcik",
    "Jakub Lewandowski",
    "Beatriz Carvalho",
    "Guilherme Tavares",
    "Venkataraman Subramanian",
    "Meenakshi Iyer",
    "Oluwaseun Adeyemi",
    "Wojciech Kowal",
)


def _wrong_names(to: str, salutation: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Wisła Software",
        people=PEOPLE,
        candidate_name="Adaeze Okonkwo-Bello",
    )
    text = f"{salutation}\n\nThree resellers have signed up for the pilot.\n\nAdaeze"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Małgorzata Zielińska-Nowak", "Hi Gosia,"),
        ("Jakub Lewandowski", "Cześć Kuba,"),
        ("Wojciech Kowal", "Hi Wojtek!"),
        ("Beatriz Carvalho", "Oi Bia,"),
        ("Guilherme Tavares", "Hi Gui,"),
        ("Venkataraman Subramanian", "Hello Venkat,"),
        ("Meenakshi Iyer", "Hi Meena,"),
        ("Oluwaseun Adeyemi", "Hi Seun,"),
    ],
)
def test_the_recipients_own_short_form_is_no_finding(to, salutation):
    assert _wrong_names(to, salutation) == []


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Krzysztof Wójcik", "Hi Gosia,"),
        ("Krzysztof Wójcik", "Cześć Kuba,"),
        ("Beatriz Carvalho", "Hi Gui,"),
        ("Guilherme Tavares", "Oi Bia,"),
        ("Venkataraman Subramanian", "Hi Meena,"),
        ("Meenakshi Iyer", "Hello Venkat,"),
        ("Jakub Lewandowski", "Hi Wojtek!"),
    ],
)
def test_another_persons_short_form_is_a_wrong_name(to, salutation):
    assert _wrong_names(to, salutation)
