"""needy: settling for anything ("even a junior position would do", "I'm not picky"), and the
news told as hard on the writer ("this news is really hard for me", "the decision hit me
hard"), are pleading (002); sleeplessness whose cause is the writer's body or home ("the pain
keeps me awake") is no word about the application. asks-decision: the timing asked alone ("a
hint about the timing?") and "are we talking days or weeks?" ask when the decision comes (002).
Near misses stay clean: a junior role weighed with a reason, a project that was hard, the
timing of a named meeting, days or weeks for a delivery."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str, kind: str = "secondary") -> list[tuple[str, str]]:
    ctx = LetterContext(
        kind=kind,
        recipient="Elif Nur Aydın",
        company="Pusula Teknoloji",
        people=("Elif Nur Aydın",),
        candidate_name="Emre Çelik",
    )
    text = f"Dear Elif Nur Hanım,\n\n{body}\n\nBest regards,\nEmre Çelik\n+90 532 418 27 63"
    return [
        (f.rule, text[f.start : f.end])
        for f in CHECKER.check(text, ctx)
        if f.rule in ("needy", "asks-decision")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Even a junior position would do.", [("needy", "Even a junior position would do")]),
        ("Honestly, any role would do at this point.", [("needy", "any role would do")]),
        ("I'd settle for a part-time contract.", [("needy", "I'd settle for")]),
        (
            "Even an internship would be fine by me.",
            [("needy", "Even an internship would be fine")],
        ),
        ("Any position is fine with me, really.", [("needy", "Any position is fine with me")]),
        ("I'm not picky about the team.", [("needy", "I'm not picky")]),
        ("This news is really hard for me.", [("needy", "news is really hard for me")]),
        ("The decision hit me hard.", [("needy", "decision hit me hard")]),
        ("The waiting keeps me up at night.", [("needy", "keeps me up at night")]),
        (
            "Could you give me a hint about the timing?",
            [("asks-decision", "Could you give me a hint about the timing?")],
        ),
        (
            "Is it a matter of days or weeks?",
            [("asks-decision", "Is it a matter of days or weeks?")],
        ),
    ],
)
def test_settling_hard_news_and_the_timing_asked(body, expected):
    found = _found(body, "stay_in_touch" if "news" in body or "decision" in body else "secondary")
    assert [rule for rule, _ in found] == [rule for rule, _ in expected]
    for (_, words), (_, want) in zip(found, expected, strict=True):
        assert want in words or words in want


@pytest.mark.parametrize(
    "body",
    [
        "A junior role would suit me too, since I want to learn the basics of the product.",
        "I am open to a junior role as well, as we discussed.",
        "The project was hard for me at first, but I learned quickly.",
        "My back surgery went well, though the pain kept me awake for a week.",
        "Could you give me a hint about the timing of the second interview, so I can book it?",
        "Are we talking days or weeks for the pilot delivery?",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == []
