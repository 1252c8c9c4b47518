"""Session 17 (engineer F), by class, on the voices set's letters v17f-001…080 (tests/data/
letters_voices): the decision asked for by the time of what the candidate awaits (feedback, the
shortlist, the next round's invitations, hearing back) and by who advances; another company's
decision reported as news, which asks nothing; a superlative about the time with the reader as a
lesson, and the reader above their field ("logistics doesn't deserve you"); the reader's private
life seen on their social media, kept from the learned reader's review; "desperate" said of
others, which is no plea. Each letter gets exactly the findings listed (rule and words; none for
the clean near misses), read by the rules alone (the learned reader left out) and as shipped."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import Found, assert_found_exactly, assert_round_listed, round_letters

LETTERS = round_letters("v17f-")

FOUND: Found = {
    "v17f-001": [
        (
            "asks-decision",
            (
                "Kindly advise by when the results of the first interviews are likely to be "
                "communicated to candidates."
            ),
        ),
    ],
    "v17f-002": [
        (
            "asks-decision",
            "May I check when the shortlist for the panel stage will be out?",
        ),
    ],
    "v17f-003": [
        (
            "asks-decision",
            "I'd love to know whether you have settled on who goes forward to the final stage.",
        ),
    ],
    "v17f-004": [
        (
            "asks-decision",
            "Any idea roughly when the feedback from the first interviews might come through?",
        ),
    ],
    "v17f-005": [
        (
            "asks-decision",
            "Will I be hearing about the outcome by the end of the month, Insha'Allah?",
        ),
    ],
    "v17f-006": [
        (
            "asks-decision",
            "Have you got a sense yet of which candidates will progress to the panel interview?",
        ),
    ],
    "v17f-007": [
        (
            "asks-decision",
            (
                "Is there a rough date for when people will be told if they've made it through to "
                "the next stage?"
            ),
        ),
    ],
    "v17f-008": [],
    "v17f-009": [],
    "v17f-010": [],
    "v17f-011": [],
    "v17f-012": [],
    "v17f-013": [],
    "v17f-014": [],
    "v17f-015": [],
    "v17f-016": [
        (
            "wrong-company",
            "Solent Marine Insurance",
        ),
    ],
    "v17f-017": [],
    "v17f-018": [
        (
            "asks-decision",
            (
                "The Mombasa firm has turned me down, so please let me know whether you have "
                "chosen someone for the export role."
            ),
        ),
    ],
    "v17f-019": [
        (
            "flattery",
            "you were the best",
        ),
    ],
    "v17f-020": [
        (
            "flattery",
            "our chat was the greatest sales tutorial of my whole career",
        ),
    ],
    "v17f-021": [
        (
            "flattery",
            "doesn't deserve someone of your calibre",
        ),
    ],
    "v17f-022": [
        (
            "flattery",
            "does not deserve you",
        ),
    ],
    "v17f-023": [
        (
            "flattery",
            "finest crash course in field sales anyone has ever given",
        ),
    ],
    "v17f-024": [],
    "v17f-025": [],
    "v17f-026": [],
    "v17f-027": [],
    "v17f-028": [],
    "v17f-029": [
        (
            "new-topic",
            (
                "I saw on Facebook that you have just come back from Zanzibar, the beach photos "
                "looked amazing!"
            ),
        ),
    ],
    "v17f-030": [
        (
            "new-topic",
            (
                "Congratulations on the wedding, by the way; the pictures you shared on Instagram "
                "were lovely."
            ),
        ),
    ],
    "v17f-031": [
        (
            "new-topic",
            (
                "- Open: ask how the loft conversion is coming along (he put the photos up on "
                "Facebook)"
            ),
        ),
    ],
    "v17f-032": [
        (
            "new-topic",
            (
                "I noticed on your Instagram that you picked up a new Volvo last weekend, "
                "congratulations!"
            ),
        ),
    ],
    "v17f-033": [
        (
            "new-topic",
            "Unrelated, but could you recommend a decent plumber near Leeds?",
        ),
    ],
    "v17f-034": [
        (
            "new-topic",
            "Small favour to ask: do you know a good international school near Makati for my son?",
        ),
    ],
    "v17f-035": [
        (
            "new-topic",
            "I need a new shirt for a cousin's wedding.",
        ),
    ],
    "v17f-036": [],
    "v17f-037": [],
    "v17f-038": [],
    "v17f-039": [],
    "v17f-040": [],
    "v17f-041": [],
    "v17f-042": [
        (
            "new-topic",
            (
                "My children are desperate to try the new oat bars, so I tested them at home; the "
                "cold-chain note is attached."
            ),
        ),
    ],
    "v17f-043": [],
    "v17f-044": [
        (
            "needy",
            "check my inbox every",
        ),
        (
            "needy",
            "desperate",
        ),
    ],
    "v17f-045": [
        (
            "needy",
            "desperate",
        ),
    ],
    "v17f-046": [],
    "v17f-047": [
        (
            "asks-decision",
            "Would you be able to share a rough timeline for feedback?",
        ),
    ],
    "v17f-048": [
        (
            "asks-decision",
            " when candidates can expect to hear back from you.",
        ),
    ],
    "v17f-049": [
        (
            "asks-decision",
            "Has anyone been put through to the next round yet?",
        ),
    ],
    "v17f-050": [
        (
            "asks-decision",
            "When can I expect feedback?",
        ),
    ],
    "v17f-051": [
        (
            "asks-decision",
            "By when will the first round be concluded?",
        ),
    ],
    "v17f-052": [
        (
            "asks-decision",
            " when the feedback will be ready.",
        ),
    ],
    "v17f-053": [
        (
            "asks-decision",
            "Do you have any visibility yet on who will be invited back?",
        ),
    ],
    "v17f-054": [
        (
            "asks-decision",
            "Any update on timings for the feedback?",
        ),
    ],
    "v17f-055": [
        (
            "asks-decision",
            "Would it be possible to find out when the second-round invitations are going out?",
        ),
    ],
    "v17f-056": [],
    "v17f-057": [],
    "v17f-058": [],
    "v17f-059": [],
    "v17f-060": [],
    "v17f-061": [],
    "v17f-062": [
        (
            "flattery",
            "best masterclass in broker sales I have ever had",
        ),
    ],
    "v17f-063": [
        (
            "flattery",
            "doesn't deserve you",
        ),
    ],
    "v17f-064": [
        (
            "flattery",
            "does not deserve a leader like you",
        ),
    ],
    "v17f-065": [],
    "v17f-066": [],
    "v17f-067": [
        (
            "new-topic",
            (
                "- Warm-up: ask how the garden decking is coming on (he put pictures of the new "
                "deck on Facebook)."
            ),
        ),
    ],
    "v17f-068": [
        (
            "new-topic",
            (
                "- Ice-breaker: ask about his trip to Diani (he shared beach photos on Instagram "
                "last week)."
            ),
        ),
    ],
    "v17f-069": [
        (
            "new-topic",
            (
                "- Small talk: congratulate her on the wedding (the photos were all over her "
                "Facebook)."
            ),
        ),
    ],
    "v17f-070": [
        (
            "new-topic",
            "- Chat first: ask if he's enjoying the new Volvo (he posted it on Instagram).",
        ),
    ],
    "v17f-071": [
        (
            "new-topic",
            (
                "I also saw on Instagram that your kitchen extension is finally finished; it looks "
                "gorgeous!"
            ),
        ),
    ],
    "v17f-072": [
        (
            "flattery",
            "your holiday pictures on Facebook looked wonderful",
        ),
        (
            "new-topic",
            "I hope you enjoyed Zanzibar; your holiday pictures on Facebook looked wonderful.",
        ),
    ],
    "v17f-073": [],
    "v17f-074": [],
    "v17f-075": [],
    "v17f-076": [],
    "v17f-077": [],
    "v17f-078": [],
    "v17f-079": [],
    "v17f-080": [
        (
            "asks-decision",
            "Kindly let me know if you have gone with someone else too.",
        ),
    ],
}


def test_every_letter_of_the_round_is_listed() -> None:
    assert_round_listed(LETTERS, FOUND, 80)


@pytest.mark.parametrize("name", sorted(FOUND))
def test_each_class_is_found_exactly_and_its_near_misses_stay_clean(
    voices: Dependencies, voices_reading: str, name: str
) -> None:
    assert_found_exactly(voices, LETTERS[name], FOUND[name])
