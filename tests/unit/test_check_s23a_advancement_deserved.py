"""flattery (003) by the reader's deserved advancement: the reader praised as fit for the top of
their company, a promotion wished on them as their due ("they should hand you the keys to the
whole company", "the board should make you CEO", "someone needs to promote you", "you're CEO
material", "it's only a matter of time before you're running the whole company", "you belong in
the boardroom", "I'd put you in charge of the whole business"), and in other words: the top job
foretold ("you will soon be the MD of this company", "the future CEO"), "you would be running the
whole company by now", "would be mad not to make you chairwoman", "wasted as a sales director".
Near misses stay clean: keys to a warehouse, a product promoted, a promotion congratulated or
reported as news, a plan that should put the reader's team in charge of a region, the writer
running the Halifax office, a post the reader will hold from May, buyers who would be mad not to
try a range, samples wasted."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Geneviève Tremblay",
        company="Laurentide Lumber Inc.",
        people=("Geneviève Tremblay", "Marc-André Gagnon"),
        candidate_name="Farhan Siddiqui",
    )
    text = f"Geneviève,\n\n{body}\n\nFarhan"
    return sorted({f.rule for f in CHECKER.check(text, ctx) if f.rule == "flattery"})


@pytest.mark.parametrize(
    "body",
    [
        "P.S. Frankly, they should hand you the keys to the whole company.",
        "Honestly, the owners ought to give you the keys to the business.",
        "The board should make you CEO tomorrow.",
        "They really need to name you managing director.",
        "Someone needs to promote you, and fast.",
        "If I were the owners I'd put you in charge of the whole business.",
        "You deserve the top job, and everyone at the mill knows it.",
        "You're CEO material if ever I saw it.",
        "It's only a matter of time before you're running the whole company.",
        "You'll be running the place in a year, mark my words.",
        "You belong in the boardroom.",
        "If there were any justice, you would be running the whole company by now.",
        "Sure one day you will become the big boss of the whole company.",
        "By God's grace you will soon be the MD of this company.",
        "The owners would be mad not to make you chairwoman one day.",
        "You're the future CEO of that company, I'd bet on it.",
        "Honestly, you're wasted as a sales director.",
    ],
)
def test_the_reader_praised_as_due_for_the_top_is_flattery(body):
    assert _found(body) == ["flattery"], body


@pytest.mark.parametrize(
    "body",
    [
        "They should hand you the keys to the new warehouse on Monday.",
        "I hope they promote the new decking range at the Toronto show.",
        "Congratulations on your promotion to regional director.",
        "I read that the board has made you chief executive: congratulations.",
        "The plan should put your team in charge of the whole Ontario territory.",
        "I'll be running the Halifax office from March, so the dealers are mine now.",
        "They should promote you on the dealer portal as a preferred supplier.",
        "I read that the board has named you managing director: congratulations, well deserved.",
        "You'll be the MD of the new Quebec subsidiary from May, Marc-André tells me.",
        "The buyers would be mad not to try the argan range at that price.",
        "The samples are wasted on a buyer who only wants the cheapest pallets.",
    ],
)
def test_keys_products_and_promotions_reported_stay_clean(body):
    assert _found(body) == [], body
