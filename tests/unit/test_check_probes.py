"""The check skips a pattern when the letter lacks a string every match needs, and runs it only
around the words every match needs. That must never change a result: wherever a pattern matches
(within a clause), its probe lets it run and its windows or first words find the match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.adapters.check_rules import build_checker
from followup.domain.letters.check import _Letter, _matches
from followup.domain.letters.letter import Letter
from followup.domain.letters.rulebook import NO_PROBE, active, required_literals

from ..system import shared_or_none

CHECKER = build_checker(None, spelling=False)
CORPORA = [
    folder
    for folder in (
        shared_or_none("corpus/letters"),  # used when ../shared is beside the clone
        Path(__file__).parents[1] / "data" / "letters_extra",
        Path(__file__).parents[1] / "data" / "letters_dev",
        Path(__file__).parents[1] / "data" / "letters_heldout",
    )
    if folder is not None
]
TEXTS = [
    case["text"] for folder in CORPORA for case in json.loads((folder / "cases.json").read_text())
]
PAIRS = [
    (rule.id, pattern, probe)
    for rule in CHECKER.rules.rules.values()
    for patterns, probes in (
        (rule.patterns, rule.pattern_triggers),
        (rule.questions, rule.question_triggers),
        (rule.requests, rule.request_triggers),
    )
    for pattern, probe in zip(patterns, probes, strict=True)
]


def _runs(pattern, probe, text):
    letter = _Letter(text)
    return bool(active((pattern,), (probe,), letter.lowered, letter.word_set))


@pytest.mark.parametrize(
    ("rule", "pattern", "probe"), PAIRS, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(PAIRS)]
)
def test_a_pattern_that_matches_a_corpus_letter_is_never_skipped(rule, pattern, probe):
    for text in TEXTS:
        for m in pattern.finditer(text):
            # the letter itself, and the matching words alone in other surroundings
            for sample in (text, m.group(0), f"Well, {m.group(0)}!", m.group(0).upper()):
                if pattern.search(sample):
                    assert _runs(pattern, probe, sample), (rule, pattern.pattern, sample)


# Phrases written to match each rule, in shapes the corpus does not have.
MATCHING = [
    "You're SO amazing.",
    "you are simply the best",
    "Your corner office is truly gorgeous.",
    "your adorable kids",
    "the lovely photos of your family",
    "the smartest manager I've ever met",
    "What a beautiful family",
    "I really need this job",
    "I'm begging you",
    "devastated",
    "my savings are almost gone",
    "I still haven't heard back",
    "still waiting",
    "Have you decided yet?",
    "When will you decide?",
    "Did I get the job?",
    "Please let me know the outcome",
    "let me know if I got the job",
    "my daughter's recital",
    "donations for the coat drive",
    "the Super Bowl",
    "fantasy league",
    "(Company Name)",
    "[Name]",
    "{{ role }}",
    "<title>",
    "TBD",
    "Dear XX,",
    "Thank you",
]


@pytest.mark.parametrize("phrase", MATCHING)
def test_phrases_that_match_a_pattern_are_never_skipped(phrase):
    matched = False
    for rule, pattern, probe in PAIRS:
        if pattern.search(phrase):
            matched = True
            assert _runs(pattern, probe, phrase), (rule, pattern.pattern, phrase)
    assert matched, phrase


@pytest.mark.slow  # seven seconds: `make test` runs it, `make unit` does not
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PAIRS), st.data())
def test_generated_matches_are_never_skipped(pair, data):
    rule, pattern, probe = pair
    sample = data.draw(
        st.from_regex(pattern.compiled, fullmatch=False).filter(lambda s: len(s) < 400)
    )
    if pattern.search(sample):
        assert _runs(pattern, probe, sample), (rule, pattern.pattern, sample)


def test_a_pattern_it_cannot_read_always_runs():
    assert required_literals(re.compile(r"(a|)b?")) == NO_PROBE


@pytest.mark.parametrize(
    ("rule", "pattern", "probe"), PAIRS, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(PAIRS)]
)
def test_a_match_inside_a_clause_is_found_where_the_check_looks_for_it(rule, pattern, probe):
    triggers = CHECKER.rules.triggers
    (entry,) = triggers.entries([probe]).always or [
        e for entries in triggers.entries([probe]).by_set.values() for e in entries
    ]
    for text in TEXTS:
        letter = Letter(text)
        letter.present(triggers)
        clauses = letter.clauses
        found = {m.span() for m in _matches(letter, pattern, entry)}
        for m in pattern.finditer(text):
            inside = any(s <= m.start() and m.end() <= e for s, e in clauses)
            if inside and m.start() < m.end():
                assert m.span() in found, (rule, pattern.pattern[:80], text[m.start() : m.end()])


@pytest.mark.parametrize(
    ("rule", "pattern", "probe"), PAIRS, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(PAIRS)]
)
def test_the_looser_lowercase_search_finds_exactly_what_the_pattern_finds(rule, pattern, probe):
    """find_in reads the lowercase letter with a looser pattern and confirms each place: it must
    find what finditer finds, in the letters and in the phrases written for each rule, whatever
    their case."""
    for text in [*TEXTS, *MATCHING, *(t.upper() for t in MATCHING)]:
        lowered = text.lower()
        if len(lowered) != len(text):
            continue
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in pattern.find_in(text, lowered, 0, len(text))] == expected


def test_a_letter_whose_lowercase_is_longer_keeps_its_last_words():
    """'İ' lowercases to two characters: the words are still read clause by clause."""
    letter = _Letter("don't\x85hold\x85my\x85İ\x85against\x85me")
    assert {"against", "me"} <= letter.word_set
