"""flattery as praise in a noun and as a contest won (003): the reader or their leadership,
guidance or work as a blessing, a gift, a credit or an inspiration to a whole industry, team
or people ("your leadership is truly a blessing to the whole cold chain industry"); the
reader's family proud to have such a remarkable mother or boss; the reader's talk as having
outshone, eclipsed or outclassed every other speaker. Near misses stay clean: a port or the
rain as a blessing to farmers, an introduction that helped, experience that suits a project,
the writer's own product outclassing every other brand, a storm eclipsing other news, dealers
proud of a product."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Maricel Santos",
        company="Visayas Cold Storage Inc.",
        people=("Maricel Santos",),
        candidate_name="Thandiwe Mokoena",
    )
    text = f"Dear Ma'am Maricel,\n\n{body}\n\nBest regards,\nThandiwe Mokoena"
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "flattery"]


@pytest.mark.parametrize(
    "body",
    [
        "Your leadership is truly a blessing to the whole cold chain industry.",
        "You are truly a blessing to this industry.",
        "Your guidance has been a real gift to the whole dealer network.",
        "Your work is a credit to the profession.",
        "Your vision remains a godsend for everyone in the Visayas trade.",
        "Your children must be so proud to have such a remarkable mother.",
        "Your daughter must be so proud to have such a wonderful dad.",
        "Your team must be so proud to have such an inspiring leader.",
        "Your talk in Trondheim outshone every other speaker there by a mile.",
        "You outclassed every other panellist in Durban.",
        "Your presentation at the expo eclipsed all the others.",
    ],
)
def test_praise_as_a_noun_and_contests_won_fawn(body):
    assert _found(body) == ["flattery"], body


@pytest.mark.parametrize(
    "body",
    [
        "The new port is a blessing to the whole industry.",
        "The rain was a blessing for the farmers in the Free State.",
        "Your introduction to Lerato was a great help to me.",
        "Your experience with seafood exporters is a gift for the Davao expansion.",
        "Our inverter outclassed every other brand in the field test.",
        "The storm eclipsed every other news story this week.",
        "The dealers must be proud to have such a strong product.",
        "Congratulations on the Davao opening; the new chambers look well built.",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
