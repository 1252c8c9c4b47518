"""new-topic: pastimes of our candidates' cultures the lexicon lacked (kabaddi, capoeira, carrom,
bhangra, kizomba) are private life (003: a follow-up letter sticks to the interview); and a
reader's noted choir is theirs to be asked about in its own words ("the Easter singing", "the
concert"), as a noted sport is by its matches and seasons."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, opportunity: str, to: str, body: str) -> set[str]:
    first = to.split()[0]
    text = f"Dear {first},\n\n{body}\n\nInes"
    _, found = check_letter(deps, text, opportunity, to, "check_in")
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    "body",
    [
        "The forms are signed. I've taken up capoeira at weekends.",
        "The forms are signed. I play kabaddi with friends on Sundays.",
        "The forms are signed. We play carrom every Friday night at my cousin's.",
        "The forms are signed. I've started bhangra classes, which are great fun.",
        "The forms are signed. I have been going to kizomba nights in Lisbon with friends.",
        "The forms are signed. I've been learning to play the kora in the evenings.",
    ],
)
def test_pastimes_of_other_cultures_are_new_topics(deps, body):
    assert _rules(deps, "s22b-pontal", "Luíza Prates", body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "I hope the Easter singing went well. The loan app screens are attached.",
        "How was the concert on Sunday? The Kano SME notes are attached.",
        "I hope the choir's rehearsals are going well. The loan app screens are attached.",
    ],
)
def test_the_readers_noted_choir_in_its_own_words_is_no_new_topic(deps, body):
    assert _rules(deps, "s22b-harmattan", "Folasade Ogunleye", body) == set()
