"""flattery (003) in the classes letters99 showed: the reader's operation praised as the best run
by its idiom ("you run the tightest ship in the Pilbara"), the reader's nature praised and the
mark it left on the writer's heart ("your kind personality and sharp mind have left a deep
impression on my heart", "your big heart"); restated, "nobody runs a smoother team than you",
"your noble character". Near misses stay clean: a tight ship that is not the
best, a depot others run, the reader's kind note or sharp question, an impression left on a
buyer, the team's spirit at the fair, a plant's line, a football range's character."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Imran Qureshi",
        company="Sialkot Sportswear Pvt Ltd",
        people=("Imran Qureshi", "Ayesha Malik"),
        candidate_name="Aditi Rahman",
    )
    text = f"Dear Mr Qureshi,\n\n{body}\n\nAditi"
    return sorted({f.rule for f in CHECKER.check(text, ctx) if f.rule == "flattery"})


@pytest.mark.parametrize(
    "body",
    [
        "You run the tightest ship in Sialkot, no contest.",
        "You clearly run the most efficient operation I have seen.",
        "Your kind personality and sharp mind have left a deep impression on my heart.",
        "Meeting you made a lasting impression on my soul.",
        "Your generous heart shows in everything you do.",
        "Your humble nature is rare in this industry.",
        "Nobody in Punjab runs a smoother export team than you.",
        "Your noble character is an example for all of us in the trade.",
    ],
)
def test_the_best_run_ship_and_the_readers_nature_are_flattery(body):
    assert _found(body) == ["flattery"], body


@pytest.mark.parametrize(
    "body",
    [
        "The new stitching line will need a tight ship to meet the July orders.",
        "The Lahore depot runs the tightest schedule of the three, by your figures.",
        "Thank you for your kind note and your sharp question about compliance audits.",
        "The samples left a strong impression on the Hamburg buyer.",
        "The team's spirit at the Frankfurt fair was good to see.",
        "Nobody runs a smoother line than the Lahore plant, by your own figures.",
        "The character of the new football range suits the German clubs.",
    ],
)
def test_schedules_notes_and_buyers_stay_clean(body):
    assert _found(body) == [], body
