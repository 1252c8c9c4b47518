"""missing-recap: a topic's words in the other English or in their full or short form recap it
("hydraulic lifts" for "hydraulic elevators", "condominium towers" for "condo towers",
"service agreements" for "maintenance contracts", "modernising" for "modernization"): before
this, a thank-you that said "the older hydraulic lifts in the buildings you look after" to the
director who spoke of modernizing hydraulic elevators was read as recapping nothing (v23b-020).
A lift offered to the station, an upgrade of one's French and an agreement on salary recap
neither topic (001, 003)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, body: str) -> set[str]:
    text = f"Dear Marie-Ève,\n\nThank you for your time yesterday. {body}\n\nInes\n+44 7700 900761"
    _, found = check_letter(deps, text, "s23b-laurentides", "Marie-Ève Gagnon", "thank_you")
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    "body",
    [
        "I keep coming back to what you said about the older hydraulic lifts in your buildings.",
        "Your point about upgrading old hydraulic lifts stayed with me.",
        "I enjoyed our talk about service agreements with condominium towers.",
        "I would enjoy retrofitting old units in condominium towers across Laval.",
    ],
)
def test_a_topic_in_its_other_words_is_recapped(deps, body):
    assert _rules(deps, body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "I can give you a lift to the station next time.",
        "I would be keen to upgrade my French.",
        "We were in full agreement on the salary.",
    ],
)
def test_a_lift_an_upgrade_or_an_agreement_alone_recaps_nothing(deps, body):
    assert _rules(deps, body) == {"missing-recap"}
