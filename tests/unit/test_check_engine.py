"""The check's engine changes how fast findings come, never which: a check kept in the cache folder
(its patterns compiled from kept code) finds what a check built from the rules finds, and the
first letters a check reads (its plain path) are read as the later ones (its faster path), on
every labelled letter of the repository and on letters of realistic length made from them."""

from __future__ import annotations

import io
import json
import pickle
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.adapters.check_rules import build_checker, shipped_rules
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.regex_cache import KeptCode, pickler, restore
from followup.domain.letters.letter import Letter
from followup.domain.letters.rulebook import Rulebook
from followup.domain.letters.text import sentences
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import letter_context

from ..fakes import FakeStore
from ..system import shared_or_none

DATA = Path(__file__).parents[1] / "data"
SETS = [
    folder
    for folder in (shared_or_none("corpus/letters"), DATA / "letters_extra", DATA / "letters_dev")
    if folder is not None
]


def labelled(folder: Path) -> list[tuple[str, object]]:
    """(text, context) of each letter of a labelled set (cases.json with its context.json)."""
    deps = Dependencies(FakeStore(), calendar_for, PolicyBook(None))
    import_dossier(deps, parse_dossier(json.loads((folder / "context.json").read_text())))
    with deps.store.unit_of_work(readonly=True) as uow:
        return [
            (case["text"], letter_context(uow, case["opportunity"], case["to"], case["kind"])[0])
            for case in json.loads((folder / "cases.json").read_text())
        ]


def _letters():
    """(text, context) of every labelled letter, then of letters of 150 to 400 words made of
    them: a letter's salutation and body, with paragraphs of other letters' bodies."""
    found = [letter for folder in SETS for letter in labelled(folder)]
    rng = random.Random(5)
    bodies = [p for text, _ in found for p in text.split("\n\n")[1:-1] if len(p.split()) > 8]
    long = []
    for text, ctx in rng.sample(found, 120):
        paragraphs = text.split("\n\n")
        target = rng.randint(150, 400)
        while sum(len(p.split()) for p in paragraphs) < target:
            paragraphs.insert(1, rng.choice(bodies))
        long.append(("\n\n".join(paragraphs), ctx))
    return found + long


LETTERS = _letters()


@pytest.fixture(scope="module")
def kept(tmp_path_factory) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    build_checker(None, cache=cache)  # reads the rules, keeps them
    return cache


def test_a_check_kept_in_the_cache_finds_what_a_check_built_from_the_rules_finds(kept):
    built = build_checker(None)
    again = build_checker(None, cache=kept)
    assert isinstance(again.rules.patterns()[0].maker, KeptCode)  # read back, not built
    for text, ctx in LETTERS:
        assert again.check(text, ctx) == built.check(text, ctx), text


def test_the_first_letters_a_check_reads_are_read_as_the_later_ones(kept):
    """A check's first letters search each pattern in the letter as written; later ones search
    a looser form in the letter in lowercase and confirm each place with the pattern."""
    many = build_checker(None, cache=kept)
    for text, ctx in LETTERS[:20]:
        many.check(text, ctx)
    for text, ctx in LETTERS:
        alone = build_checker(None, cache=kept)
        assert alone.check(text, ctx) == many.check(text, ctx), text


def test_every_pattern_compiled_from_kept_code_is_the_one_re_compile_makes(kept):
    checker = build_checker(None, cache=kept)
    rulebook = checker.rules
    patterns = rulebook.patterns()
    assert len(patterns) > 200
    for pattern in patterns:
        assert pattern.compiled == re.compile(pattern.pattern, pattern.flags)
        assert pattern.fast == re.compile(pattern.fast.pattern, pattern.fast.flags)
    # the patterns the rules' code makes from their data, kept too (see LetterChecker.prepare)
    checker.prepare()
    made = rulebook._made
    assert len(made) > 30
    kept_table = rulebook.patterns()[0].maker.table  # type: ignore[attr-defined]
    assert set(made) <= set(kept_table)
    for (source, flags), compiled in made.items():
        assert compiled == re.compile(source, flags)
    # the addressing's patterns too, kept as their text and compiled from their code when read
    addressing = rulebook.addressing.patterns()
    assert len(addressing) > 40
    assert set(addressing) <= set(kept_table)
    assert len(kept_table) == len(
        {(p.pattern, p.flags) for p in patterns} | set(made) | set(addressing)
    )
    lazy = vars(rulebook.addressing)["_lazy"]
    assert len(lazy) > 30
    for name, (source, flags) in lazy.items():
        assert name not in vars(rulebook.addressing)
        assert getattr(rulebook.addressing, name) == re.compile(source, flags)
        assert name in vars(rulebook.addressing)  # compiled once, then an attribute
    for i in range(len(rulebook.addressing._credit)):
        frame = rulebook.addressing._frame(i)
        assert frame == re.compile(frame.pattern, frame.flags)


def test_code_the_engine_refuses_is_compiled_from_the_pattern_instead():
    saved = (re.IGNORECASE | re.UNICODE, b"\xff\xff\xff\xff", 0, {}, ())
    assert restore(r"\bhello\b", re.IGNORECASE, saved) == re.compile(r"\bhello\b", re.I)
    assert KeptCode({})(r"(?P<who>\w+)", 0).groupindex == {"who": 1}


def test_a_pickled_rulebook_compiles_nothing_until_a_pattern_is_used():
    rulebook = Rulebook(shipped_rules())
    rulebook.compile_with(KeptCode.recording())
    rulebook.compile_all()
    out = io.BytesIO()
    pickler(out).dump(rulebook)
    again = pickle.loads(out.getvalue())
    assert all(p._compiled is None and p._fast is None for p in again.patterns())
    assert [p.pattern for p in again.patterns()] == [p.pattern for p in rulebook.patterns()]
    first = again.patterns()[0]
    assert first.compiled == re.compile(first.pattern, first.flags)


_SOME_TEXT = st.text(alphabet="ab É'’- .!?\"”)]\n\t1_", max_size=40)


# The clauses as the first version of the check split them (a look-behind at every place).
_CLAUSE_END_BEFORE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n[ \t]*\n\s*")


@settings(max_examples=400, deadline=None)
@given(_SOME_TEXT)
def test_a_letter_is_split_into_the_clauses_it_always_was(text):
    spans, start = [], 0
    for m in _CLAUSE_END_BEFORE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    assert Letter(text).clauses == spans


# The sentences as the check split them before its pattern opened with a class of characters.
_SENTENCE_END_BEFORE = re.compile(r"[.!?]([\"'”’)\]]*\s+)|\n+")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab É'’- .!?\"”)]\n\t\r\x0b\x85\u2028", max_size=40))
def test_a_letter_is_split_into_the_sentences_it_always_was(text):
    spans, start = [], 0
    for m in _SENTENCE_END_BEFORE.finditer(text):
        end = m.start(1) if m.group(1) is not None else m.start()
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    assert sentences(text) == [(s, e) for s, e in spans if text[s:e].strip()]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_words_of_an_ascii_letter_are_what_the_word_pattern_reads(text):
    letter = Letter(text)
    assert letter._clause_words == [
        re.findall(r"\w+", letter.lowered[s:e]) for s, e in letter.clauses
    ]


@settings(max_examples=400, deadline=None)
@given(_SOME_TEXT, st.text(alphabet="abÉé1", min_size=1, max_size=3))
def test_a_string_of_letters_is_in_the_words_of_a_letter_when_it_is_in_the_letter(text, string):
    letter = Letter(text)
    assert (string.lower() in letter.word_text) == (string.lower() in letter.lowered)
