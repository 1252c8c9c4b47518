"""flattery restated (003): the reader's office named by its company or city rather than
"your" ("The Karoo Solar office must be the most beautiful workplace in the Western Cape", "the
Visayas HQ is easily the finest building in all of Cebu"); family of two kinds proud to have
such a wife and mother ("your husband and kids must be so proud…"); "you've been nothing short
of a godsend to the solar industry". Near misses stay clean: a harbour office that is simply
among the most beautiful buildings of a town, a warehouse the biggest in a region, an office
the most modern facility, the writer's own employer's head office."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Pieter van der Merwe",
        company="Karoo Solar (Pty) Ltd",
        people=("Pieter van der Merwe",),
        candidate_name="Thandiwe Mokoena",
    )
    text = f"Pieter,\n\nThe Bloemfontein pilot is live.\n\n{body}\n\nThandiwe"
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "flattery"]


@pytest.mark.parametrize(
    "body",
    [
        "P.S. The Karoo Solar office must be the most beautiful workplace in the Western Cape.",
        "The Cape Town showroom has to be the most elegant space in the city.",
        "The Stellenbosch headquarters is surely one of the finest buildings in South Africa.",
        "Your husband and kids must be so proud to have such an amazing wife and mom.",
        "Your wife and children must be very proud to call you such a generous father.",
        "You've been nothing short of a godsend to the solar industry in this country.",
    ],
)
def test_offices_by_name_kin_and_godsends_fawn(body):
    assert _found(body) == ["flattery"], body


@pytest.mark.parametrize(
    "body",
    [
        "The harbour office is one of the most beautiful buildings in Tromsø.",
        "The Davao warehouse is the biggest cold store in Mindanao.",
        "The Cebu office is the most modern facility in the Visayas.",
        "The head office of my current employer must be the most beautiful building in Sandton.",
        "The dealers' families must be proud of the new plant in Welkom.",
        "The new inverter has been a godsend for farms during load-shedding.",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
