"""new-topic: a named side's result asked after ("Did Colo-Colo win on Sunday?", "Did Leinster
hold on in the end?", "Did Chile beat Peru?", "Did Saint George make the final?") is sport, a
matter that was not part of the interview (003): before this, only the result told ("Leinster
won.") or watched ("did you see the Leinster match") was read (letters100, l100-023). A
company's or a buyer's win at work ("Did Kerry Group win the Rotterdam tender?", "Did Dunnes
Stores qualify you as a supplier?", "Did the new dealer beat last year's order?") and the
writer's own hopes ("Did I make the cut?", the decision asked, not sport) are no sport."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, body: str) -> set[str]:
    text = f"Hi Jukka,\n\n{body}\n\nInes"
    _, found = check_letter(deps, text, "s23b-kuopio", "Jukka Heikkinen", "check_in")
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    "body",
    [
        "Did Colo-Colo win on Sunday? Two dealers in Galway have asked for the price list.",
        "Did Leinster hold on in the end? Two dealers in Galway have asked for the price list.",
        "Did Chile beat Peru last night? Two dealers in Galway have asked for the price list.",
        "Two dealers in Galway have asked for the price list. Did Saint George make the final?",
    ],
)
def test_a_named_sides_result_asked_after_is_a_new_topic(deps, body):
    assert _rules(deps, body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "Did Kerry Group win the Rotterdam tender in the end? I heard they bid for it too.",
        "Did Dunnes Stores qualify you as a supplier last week? The price list is attached.",
        "Did the new dealer in Cork beat last year's order? The price list is attached.",
    ],
)
def test_a_win_at_work_is_no_new_topic(deps, body):
    assert _rules(deps, body) == set()


def test_the_writers_own_cut_is_the_decision_asked_not_sport(deps):
    assert _rules(deps, "Did I make the cut? The price list is attached.") == {"asks-decision"}
