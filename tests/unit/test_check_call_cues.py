"""placeholder in a call script: the writer's own cues in square brackets ("[If no answer: …]",
"[She answers]", "[Call: Hany Soliman]", a speaker's tag) are no template's marker; a bracket to
fill in is one in a call script as anywhere (articles 003, 004)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _placeholders(text: str, kind: str = "call") -> list[str]:
    ctx = LetterContext(
        kind=kind,
        recipient="Trần Minh Tuấn",
        company="Mekong Software Solutions JSC",
        candidate_name="Hania Okafor",
        candidate_phone="+234 803 555 0142",
    )
    found = CHECKER.check(text, ctx)
    return [text[f.start : f.end] for f in found if f.rule == "placeholder"]


CUES = [
    "[If voicemail] Hello Tuấn, it is Hania, please call me back on +234 803 555 0142.",
    "[If he is busy: offer to call back on Thursday morning.]",
    "[If no answer, leave a short message and send the pricing sheet by email.]",
    "[When he picks up] Good morning Tuấn, this is Hania Okafor.",
    "[Otherwise] I will send the summary this afternoon.",
    "[Yes] Great, I will send it today.\n[No] No problem, I will keep it short.",
    "[Pause] Would Thursday suit you for the pilot review?",
    "[Wait for his answer, then confirm the date.]",
    "[He answers] Thank you, that helps.",
    "[Call: Trần Minh Tuấn, Sales Director]",
    "[Call script, Monday 10:00]",
    "[Opening] Good morning, it is Hania from Lagos.",
    "[Voicemail version] Hello Tuấn, Hania Okafor here.",
    "[Me]: Good morning Tuấn.\n[Tuấn]: Good morning.\n[Me]: Thank you for Tuesday.",
    "[Hania]: Thank you for taking my call.",
    "[Close] Thank you again, and have a good week.",
    "[Introduce myself and say why I am calling]",
    "[Ask about the pilot timeline for the District 1 banks]",
    "[Thank him for Tuesday] Thank you again for Tuesday.",
    "[Step 2 - the subscription figures]",
]


@pytest.mark.parametrize("line", CUES)
def test_a_cue_for_the_call_is_the_writers_own(line):
    text = f"Good morning Tuấn, it is Hania Okafor.\n{line}\nThank you for your time."
    assert _placeholders(text) == []


MARKERS = [
    ("[Name]", "Good morning [Name], it is Hania Okafor."),
    ("[Call: Name]", "[Call: Name]\nGood morning, it is Hania Okafor."),
    ("[Call to Recipient Name]", "[Call to Recipient Name]\nGood morning, it is Hania."),
    ("[Her name]", "Good morning [Her name], it is Hania Okafor."),
    ("[insert topic]", "I wanted to follow up on [insert topic] from Tuesday."),
    ("[If yes: insert the date]", "Would a pilot suit you? [If yes: insert the date]"),
    ("[Company]", "I enjoyed learning about [Company] on Tuesday."),
    ("[Your phone number]", "You can reach me on [Your phone number]."),
    ("[TBD]", "The pilot could start on [TBD]."),
    ("[the date]", "Could we meet on [the date] to go over it?"),
    ("[To: Hiring Manager Name]", "[To: Hiring Manager Name]\nGood morning, it is Hania."),
]


@pytest.mark.parametrize(("marker", "line"), MARKERS)
def test_a_bracket_to_fill_in_is_a_marker_in_a_call_script_too(marker, line):
    assert _placeholders(f"{line}\nThank you for your time.") == [marker]


@pytest.mark.parametrize(
    "line", ["[If voicemail] Please call me back.", "[Yes] I can start in May.", "[Me]: Hello."]
)
def test_the_same_cue_left_in_a_letter_is_a_marker(line):
    text = f"Dear Tuấn,\n\nThank you for Tuesday.\n{line}\n\nBest,\nHania Okafor"
    assert _placeholders(text, kind="thank_you") == [line[: line.index("]") + 1]]
