"""wrong-company, wrong-name and missing-recap on the classes session 16 read (tests/data/
letters_voices, v16b-…, say them in letters): another company's first word, a place's name too,
where the writer says what they would do there; another opportunity's given name as the last
word of a place's name; a recap in other words (a size band of customers, the length of the
sales cycle); template markers where the recap was to be. Each letter gets exactly the findings
listed: rule and words."""

from __future__ import annotations

from functools import partial

import pytest

from followup.services.dependencies import Dependencies

from .voices import found_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


_found = partial(found_in, whole=frozenset({"missing-recap"}))

SIGNED = "\n\nBest regards,\nInes Carvalho\nines.carvalho@mail.example"

LETTERS = [
    # another company's first word, a place's name too, where the writer would do well
    (
        "otterbrook",
        "Martin Kowalski",
        "Dear Martin,\n\nI took two farm portfolios. I would add value at Kisumu from day one.",
        "check_in",
        [("wrong-company", "Kisumu")],
    ),
    (
        "mazur",
        "Paweł Zieliński",
        "Dear Paweł,\n\nTwo Cork dealers took samples. I'd be a real asset to Tromsø, I think.",
        "check_in",
        [("wrong-company", "Tromsø")],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "Dear Graham,\n\nMy course is done. My experience would make a difference for Uppsala.",
        "check_in",
        [("wrong-company", "Uppsala")],
    ),
    # …and the same words used of the place: its county, its port, a difference no writer makes
    (
        "northgate",
        "Rebecca Holt",
        "Hello Rebecca,\n\nI made a difference for small buyers in Kisumu county last year.",
        "check_in",
        [],
    ),
    (
        "fellgate",
        "Ruairi Dempsey",
        "Ruairi,\n\nThe new cold room made a big difference at Salalah, where trucks waited.",
        "check_in",
        [],
    ),
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "Hi Marguerite,\n\nMy old sales team made a difference at Naivasha primary school.",
        "check_in",
        [],
    ),
    # another opportunity's given name ending a place's name is no person…
    (
        "northgate",
        "Rebecca Holt",
        "Hello Rebecca,\n\nI sold renewals in San Francisco, the toughest market I know.",
        "check_in",
        [],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "Dear Tomasz,\n\nA clinic group from San Diego, who ship through Felixstowe, signed.",
        "check_in",
        [],
    ),
    # …while the name spoken of stays someone of another opportunity
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "Dear Tomasz,\n\nVolumes are up. Tell Diego the Monday trunk is full now!",
        "check_in",
        [("wrong-name", "Diego")],
    ),
    (
        "naivasha",
        "Wanjiru Kamau",
        "Dear Wanjiru,\n\nRates fell again. Please greet Khalid for me.",
        "check_in",
        [("wrong-name", "Khalid")],
    ),
    # a recap in other words: a size band of customers, the length of the sales cycle
    (
        "quillon",
        "Chiamaka Eze",
        "Dear Chiamaka,\n\nThank you for Thursday. Your best customers: clinic chains with 40 "
        "to 300 staff." + SIGNED,
        "thank_you",
        [],
    ),
    (
        "quillon",
        "Chiamaka Eze",
        "Dear Chiamaka,\n\nThank you for Thursday. You said contracts drag on for months before "
        "anyone signs." + SIGNED,
        "thank_you",
        [],
    ),
    # …not the writer's own team by size, nor a start date
    (
        "quillon",
        "Chiamaka Eze",
        "Dear Chiamaka,\n\nThank you for Thursday. At my last firm I led a team of 8 to 12 "
        "staff." + SIGNED,
        "thank_you",
        [("missing-recap", "")],
    ),
    (
        "quillon",
        "Chiamaka Eze",
        "Dear Chiamaka,\n\nThank you for Thursday. I can start in 2 to 3 weeks." + SIGNED,
        "thank_you",
        [("missing-recap", "")],
    ),
    # template markers where the recap was to be: the topic's place alone recaps nothing…
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "Dear Tomasz,\n\nMany thanks for our talk about {{topic}}. I look forward to seeing "
        "Felixstowe again." + SIGNED,
        "thank_you",
        [("missing-recap", ""), ("placeholder", "{{topic}}")],
    ),
    # …while a marker beside a topic named is only a marker
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "Dear Tomasz,\n\nMany thanks for our talk about {{topic_1}} and the rail freight out of "
        "Felixstowe." + SIGNED,
        "thank_you",
        [("placeholder", "{{topic_1}}")],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "kind", "expected"), LETTERS)
def test_each_letter_gets_exactly_its_findings(
    deps: Dependencies,
    opportunity: str,
    to: str,
    text: str,
    kind: str,
    expected: list[tuple[str, str]],
) -> None:
    assert _found(deps, opportunity, to, text, kind) == expected
