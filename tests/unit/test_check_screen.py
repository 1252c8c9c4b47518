"""A run of many letters asks a screen (the literal strings every match holds, found in one pass,
then each remaining pattern's looser form, asked of RE2) which of the check's patterns can match a
letter at all, and runs only those: the findings are exactly the plain check's, on every labelled
letter of the repository, on the bench's letters of realistic length, and with rules the user
added; every match of any pattern holds a string of each of its clauses, and its looser form
matches it, whatever the letter's characters."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
import sys
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from followup.adapters.check_rules import build_checker, shipped_rules
from followup.adapters.pattern_screen import LEARN, AtomScreen, make_screen
from followup.domain.letters.atoms import needs_of, screen_text
from followup.domain.letters.letter import Letter
from followup.domain.letters.loosen import FOLDING, as_bytes, loosened
from followup.domain.letters.rulebook import LazyPattern, Rulebook

from .test_check_engine import LETTERS, SETS, labelled

DATA = Path(__file__).parents[1] / "data"
BENCH = Path(__file__).parents[2] / "bench" / "check_bench.py"


def _other_sets() -> list[tuple[str, object]]:
    """The letters of every labelled set in tests/data that LETTERS does not hold already."""
    return [
        letter
        for folder in sorted(DATA.glob("letters_*"))
        if folder not in SETS and (folder / "cases.json").is_file()
        for letter in labelled(folder)
    ]


def _bench_letters(n: int) -> list[tuple[str, object]]:
    """The letters bench/check_bench.py measures (150 to 400 words), made as it makes them."""
    spec = importlib.util.spec_from_file_location("check_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_bench", module)
    spec.loader.exec_module(module)
    return module.make_letters(n, seed=7)  # type: ignore[no-any-return]


def _same_findings(letters: list[tuple[str, object]], user_folder: Path | None = None) -> int:
    screened = build_checker(user_folder)
    plain = build_checker(user_folder, screen=False)
    for text, ctx in letters:
        assert screened.check(text, ctx) == plain.check(text, ctx), text  # type: ignore[arg-type]
    assert isinstance(screened.rules._screen, AtomScreen)  # the screen was asked, not skipped
    assert plain.rules._screen is None
    return len(letters)


def test_the_screened_check_finds_exactly_what_the_plain_check_finds_on_every_labelled_letter():
    assert _same_findings(LETTERS + _other_sets()) > 900


def test_the_screened_check_finds_exactly_what_the_plain_check_finds_on_the_bench_letters():
    assert _same_findings(_bench_letters(400)) == 400


# Rules a user might add: look-arounds, a back-reference, a conditional group, atomic groups,
# possessive and long repeats, inline flags, characters outside ASCII, a case-sensitive rule.
_ADDED = {
    "needy": {
        "patterns": [
            r"(?<!not )\bbeg(?:ging)?\b(?= you)",
            r"\b(\w+) \1\b",
            r"(?i:PLEASE)(?-i: Consider)",
            r"(?>desperate|hopeless)ly",
            r"\bwait(?:ing)?\w*+ (?:and ){0,3}(?:for|on)\b",
            r"(?:very ){2,40}(?:keen|eager)",
            r"(\()?call me(?(1)\))",
            r"\bſo sorry\b|\bİ beg\b",
            r"\bcafé\b",
            r"^\s*P\.?S\.?\b",
        ]
    },
    "new-topic": {"patterns": [r"[^\W\d_]{4,}ball\b", r"\bK[a-z]+ (?=weekend)"]},
}
_TRICKY = [
    "Dear Dana,\n\nI beg you to call me back. Please Consider it; I am desperately keen.",
    "Dear Dana,\n\nI am not begging you. very very very eager. (call me) Waiting for news.",
    "Dear Dana,\n\nThe the café was ſo sorry. İ beg you. \u212aelvin weekend, football, netball.",
    "Dear Dana,\n\nThanks!\nPS I am waitingly  for you.\n\nP.S. Dana Dana",
]


def test_rules_the_user_added_are_screened_without_changing_a_finding(tmp_path):
    (tmp_path / "rules.json").write_text(json.dumps(_ADDED))
    letters = [(t, ctx) for t in _TRICKY for _, ctx in LETTERS[:3]]
    assert _same_findings(letters * 4 + LETTERS[:200], tmp_path) > 200


def test_a_pass_of_the_screen_that_fails_leaves_the_letter_to_the_plain_check():
    rulebook = Rulebook(shipped_rules())

    class Failing:
        def __init__(self) -> None:
            self.refused: set[int] = set()

        def matching(self, text: str, data: bytes | None = None) -> None:
            return None

    rulebook.screening = lambda needs, forms: Failing()
    assert rulebook.hits(Letter("I beg you, please.")) is None


def test_patterns_nothing_is_known_of_and_forms_the_engine_refuses_stay_candidates():
    needs = [(frozenset({"beg"}),), (), (), (frozenset({"please"}),), (frozenset({"zzz"}),)]
    forms = [b"(?i)beg", b"(?:(?:a{1,30}){1,30}){1,30}", None, b"zzz", b"zzz"]
    screen = make_screen(needs, forms)
    assert screen is not None and screen.refused == set()
    text = "I beg you, please"
    # 0: its string and its form; 1: a form RE2 refuses; 2: no form; 3: its string, not its
    # form; 4: not its string
    assert sorted(_told(screen, text)) == [0, 1, 2]
    assert sorted(_told(screen, "Nothing")) == [1, 2]
    rulebook = Rulebook(shipped_rules())
    refused = forms[1]
    rulebook.screening = lambda given, looser: make_screen(
        [() if i == 5 else need for i, need in enumerate(given)],
        [refused if i == 5 else form for i, form in enumerate(looser)],
    )
    letter = Letter("Nothing to see.")
    hits = rulebook.hits(letter)
    assert hits is not None and 5 in hits
    assert [i for i in hits if rulebook._screen.confirms(i, letter.data)] == [5]


def _told(screen: AtomScreen, text: str) -> list[int]:
    """What the screen's two passes leave of the patterns."""
    data = as_bytes(text)
    return [i for i in screen.matching(screen_text(text)) if screen.confirms(i, data)]


def test_the_four_characters_folded_are_all_those_outside_ascii_that_match_an_ascii_one():
    every_ascii = re.compile("[\x00-\x7f]", re.IGNORECASE)
    literals = re.compile("|".join(re.escape(chr(c)) for c in range(128)), re.IGNORECASE)
    found = {
        chr(c)
        for c in range(128, sys.maxunicode + 1)
        if every_ascii.fullmatch(chr(c)) or literals.fullmatch(chr(c))
    }
    assert found == set(FOLDING)
    assert all(re.fullmatch(ascii, char, re.IGNORECASE) for char, ascii in FOLDING.items())


def test_a_letter_reads_as_one_byte_a_character():
    text = "Renée’s \u212aelvin, ſo İı ok"
    data = as_bytes(text)
    assert len(data) == len(text)
    assert data[:3] == b"Ren" and data[3] == 0xE9 and data[5] >= 0x80
    assert data[8:14] == b"Kelvin" and data[16:17] == b"s" and data[19:21] == b"Ii"


def test_every_shipped_pattern_has_a_looser_form():
    rulebook = Rulebook(shipped_rules())
    patterns = rulebook.screened()
    assert len(patterns) > 400
    assert all(loosened(p.pattern, p.flags) is not None for p in patterns)


# -- the looser form matches wherever the pattern does ------------------------------------------
_CHARS = "abkKsSiI é\u212a\u017f\u0130\u0131\u00a0\n'’_1"
_ATOMS = [
    *"abkKsSiIé.'-1",
    "\u212a",
    "\u017f",
    "\u0130",
    r"\w",
    r"\W",
    r"\s",
    r"\S",
    r"\d",
    r"\D",
    "[a-c]",
    "[^a]",
    "[kK]",
    "[é-ſ]",
    r"[\w']",
    r"[^\W\d]",
    r"\b",
    r"\B",
    "^",
    "$",
    r"\Z",
]


def _pattern(atoms: list[str] = _ATOMS) -> st.SearchStrategy[str]:
    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=2, max_size=4).map("".join),
            st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            st.tuples(
                inner, st.sampled_from(["*", "+", "?", "{0,2}", "{2,40}", "*+", "*?", "{1,3}+"])
            ).map(lambda p: f"(?:{p[0]}){p[1]}"),
            inner.map(lambda p: f"(?>{p})"),
            inner.map(lambda p: f"(?={p})"),
            inner.map(lambda p: f"(?!{p})"),
            st.sampled_from("ab ").map(lambda c: f"(?<={c})"),
            st.sampled_from("ab ").map(lambda c: f"(?<!{c})"),
            inner.map(lambda p: f"({p})\\1"),
            inner.map(lambda p: f"(?i:{p})"),
            inner.map(lambda p: f"(?-i:{p})"),
            inner.map(lambda p: f"(a)?{p}(?(1)b|c)"),
        )

    taking = st.sampled_from([a for a in atoms if a not in (r"\b", r"\B", "^", "$", r"\Z")])
    whole = st.recursive(st.sampled_from(atoms), grow, max_leaves=8)
    # most with a character at one end, so that most have a looser form to test
    return st.one_of(
        st.tuples(taking, whole).map("".join), st.tuples(whole, taking).map("".join), whole
    )


_FLAGS = st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.ASCII, re.DOTALL])


def _compiled_and_form(pattern: str, flags: int) -> tuple[re.Pattern[str], str | None]:
    """The pattern compiled (a drawn pattern Python refuses is not an example) and its looser
    form, None where it has none (the pattern is then tried on every letter, as ever)."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error:
        assume(False)
        raise
    return compiled, loosened(pattern, flags)


@settings(max_examples=800, deadline=None)
@given(
    _pattern(),
    _FLAGS,
    st.lists(st.text(alphabet=_CHARS, max_size=10), min_size=6, max_size=6),
)
def test_the_looser_form_matches_every_match_of_the_pattern_in_any_part_of_a_text(
    pattern, flags, texts
):
    compiled, form = _compiled_and_form(pattern, flags)
    if form is None:
        return
    for text in texts:
        for start in range(len(text) + 1):
            for stop in range(start, len(text) + 1):
                for m in compiled.finditer(text, start, stop):
                    assert m.end() > m.start()  # a form exists only for patterns that take text
                    assert re.fullmatch(form, as_bytes(m.group(0))), (pattern, text, m)


@settings(max_examples=500, deadline=None)
@given(
    _pattern(),
    _FLAGS,
    st.lists(st.text(alphabet=_CHARS, max_size=12), min_size=4, max_size=4),
)
def test_a_pattern_tried_only_where_its_looser_form_starts_finds_what_finditer_finds(
    pattern, flags, texts
):
    _, form = _compiled_and_form(pattern, flags)
    if form is None:
        return
    looser = re.compile(form)
    lazy = LazyPattern(pattern, flags)
    for text in texts:
        data = as_bytes(text)

        def first(pos: int, end: int, data: bytes = data) -> int:
            found = looser.search(data, pos, end)
            return found.start() if found else -1

        for start in range(len(text) + 1):
            for stop in range(start, len(text) + 1):
                assert [m.span() for m in lazy.find_from(text, first, start, stop)] == [
                    m.span() for m in lazy.finditer(text, start, stop)
                ], (pattern, text, start, stop)


def test_the_screen_tells_exactly_the_patterns_whose_strings_and_looser_form_a_letter_holds():
    """The automaton and RE2 (Latin-1) agree with plain Python: substrings, and the forms read
    by Python's engine on bytes."""
    rulebook = Rulebook(shipped_rules())
    patterns = rulebook.screened()
    needs = [needs_of(p.pattern, p.flags) for p in patterns]
    forms = [loosened(p.pattern, p.flags) for p in patterns]
    screen = make_screen(needs, forms)
    assert screen is not None and not screen.refused
    assert sum(1 for n in needs if n) > 0.9 * len(needs)  # nearly every pattern is indexed
    for text, _ in LETTERS[:12] + _bench_letters(12):
        data, spaced = as_bytes(text), screen_text(text)
        told = sorted(_told(screen, text))
        assert told == [
            i
            for i, (need, form) in enumerate(zip(needs, forms, strict=True))
            if all(any(a in spaced for a in clause) for clause in need)
            and (form is None or re.search(form, data))
        ], text


def test_the_common_patterns_go_into_one_set_that_drops_those_whose_form_matches_nowhere():
    # 0: a string in every letter; 1: nothing known; 2: a form RE2 refuses; 3: no form;
    # 4: a rare string
    needs = [(frozenset({"call"}),), (), (), (), (frozenset({"zzz"}),)]
    forms = [b"(?i)call him", b"(?i)please", b"(?:(?:a{1,30}){1,30}){1,30}", None, b"zzz"]
    screen = make_screen(needs, forms)
    assert screen is not None
    learning = [f"Could you call me, {i}?" for i in range(LEARN)]
    for text in learning:  # what the screen learns from: each letter as it comes
        assert sorted(screen.matching(screen_text(text), as_bytes(text))) == [0, 1, 2, 3]
    assert screen._common is not None
    assert [sorted(members) for _, _, members in screen._common] == [[0, 1]]  # (not 2: refused)
    for text, left, strings in [
        ("Could you call me?", [2, 3], [0, 1, 2, 3]),
        ("Do CALL him, please.", [0, 1, 2, 3], [0, 1, 2, 3]),
        ("Please do, zzz.", [1, 2, 3, 4], [1, 2, 3, 4]),
        ("zzz, call", [2, 3, 4], [0, 1, 2, 3, 4]),  # (4: its form is left to `confirms`)
    ]:
        assert sorted(screen.matching(screen_text(text), as_bytes(text))) == left, text
        assert sorted(screen.matching(screen_text(text))) == strings, text
    # a letter whose search the set cannot finish tells nothing: every pattern stays
    screen._common = [(_Failed(), *screen._common[0][1:])]
    assert sorted(screen.matching("call", b"call")) == [0, 1, 2, 3]


class _Failed:
    """An RE2 set whose automaton ran out of memory: it answers nothing."""

    def Match(self, data: bytes) -> list[int]:  # (RE2's name)
        return []


def test_a_screen_with_nothing_known_of_a_pattern_asks_its_form_alone():
    screen = make_screen([(), ()], [b"zzz", None])
    assert screen is not None
    for text in ("", "a", "Dear Dana,"):
        assert screen.matching(screen_text(text)) == [0, 1]
        assert _told(screen, text) == [1]


def test_a_screen_text_is_the_letter_in_lowercase_each_run_of_white_space_one_space():
    assert screen_text("Dear  DANA,\n\n\tThanks\u00a0again ") == "dear dana, thanks again "
    assert screen_text("\nHi") == " hi"
    assert screen_text("\u212aelvin ſo İı") == "kelvin so ii"


# -- every match holds a string of each clause ---------------------------------------------------
_SPACED = [*_ATOMS, " ", "\n", "[ \t]", r"\s+", " *", "’", "xyz", "[.]", r"\$\{"]


@settings(max_examples=800, deadline=None)
@given(
    _pattern(_SPACED),
    st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.ASCII, re.DOTALL]),
    st.lists(st.text(alphabet=_CHARS + " \t\u2028xyz.${", max_size=12), min_size=6, max_size=6),
)
def test_every_match_of_a_pattern_holds_a_string_of_each_of_its_clauses(pattern, flags, texts):
    try:
        compiled = re.compile(pattern, flags)
    except re.error:
        assume(False)
        return
    needs = needs_of(pattern, flags)
    for text in texts:
        for start in range(len(text) + 1):
            for stop in range(start, len(text) + 1):
                for m in compiled.finditer(text, start, stop):
                    spaced = screen_text(m.group(0))
                    whole = screen_text(text)
                    for clause in needs:
                        assert any(a in spaced for a in clause), (pattern, text, m, clause)
                        assert any(a in whole for a in clause), (pattern, text, m, clause)


def test_making_the_screen_compiles_no_pattern_each_is_compiled_when_a_letter_first_needs_it():
    rulebook = Rulebook(shipped_rules())
    rulebook.screening = make_screen
    assert rulebook.hits(Letter("Dear Ada, thank you for your time.")) is not None
    assert all(p._compiled is None and p._fast is None for p in rulebook.patterns())
    assert rulebook._screen._compiled == {}  # no RE2 form either, until a letter asks one


def test_the_screens_strings_are_worked_out_once_and_a_later_run_reads_them_from_the_cache(
    tmp_path, monkeypatch
):
    letters = LETTERS[:40]
    first = build_checker(None, cache=tmp_path)
    found = [first.check(text, ctx) for text, ctx in letters]  # type: ignore[arg-type]
    assert isinstance(first.rules._screen, AtomScreen)
    [kept] = tmp_path.glob("screen-*.pickle")
    assert kept.name.removeprefix("screen-") == next(tmp_path.glob("rules-*.pickle")).name[6:]

    def never() -> object:
        raise AssertionError("worked out again")

    monkeypatch.setattr(Rulebook, "screen_inputs", lambda self: never())
    second = build_checker(None, cache=tmp_path)
    assert [second.check(text, ctx) for text, ctx in letters] == found  # type: ignore[arg-type]
    assert isinstance(second.rules._screen, AtomScreen)


def test_a_kept_file_of_the_screens_strings_that_cannot_be_read_is_worked_out_again(tmp_path):
    build_checker(None, cache=tmp_path).check(*LETTERS[0])  # type: ignore[arg-type]
    key = next(tmp_path.glob("rules-*.pickle")).name.removeprefix("rules-")
    (tmp_path / f"screen-{key}").write_bytes(b"not a pickle")
    checker = build_checker(None, cache=tmp_path)
    plain = build_checker(None, screen=False)
    for text, ctx in LETTERS[:40]:
        assert checker.check(text, ctx) == plain.check(text, ctx)  # type: ignore[arg-type]
    assert isinstance(checker.rules._screen, AtomScreen)
    needs, forms = checker.rules.screen_inputs()
    assert pickle.loads((tmp_path / f"screen-{key}").read_bytes()) == (needs, forms)
