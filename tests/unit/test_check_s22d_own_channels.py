"""new-topic: the writer's own blog, podcast, newsletter or channel is private life where it
carries the writer's private matters ("my blog about Lisbon cafés"), but it is work where what
was written there is a matter of the interview notes ("thoughts on broker commissions on my
blog"): before this, "my blog" alone made the sentence a new topic (003)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, body: str) -> set[str]:
    text = f"Dear Rafael,\n\n{body}\n\nInes"
    _, found = check_letter(deps, text, "s22b-pontal", "Rafael Cunha Menezes", "check_in")
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    "body",
    [
        "I wrote up some thoughts on broker commissions on my blog: https://example.org/ines/c",
        "My podcast this week was about claims turnaround times, with two brokers as guests.",
        "I posted a short video on broker commissions to my YouTube channel.",
        "The latest issue of my newsletter looks at how long claims take to be paid.",
    ],
)
def test_the_writers_channel_on_a_matter_of_the_notes_is_no_new_topic(deps, body):
    assert _rules(deps, body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "The forms are signed. I've started my blog about the best cafés in Lisbon.",
        "The forms are signed. Do listen to my podcast on craft beer if you have time.",
        "The forms are signed. My YouTube channel about fishing just passed a thousand views.",
    ],
)
def test_the_writers_channel_on_private_matters_is_a_new_topic(deps, body):
    assert _rules(deps, body) == {"new-topic"}
