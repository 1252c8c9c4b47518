"""The check's shortcuts read a letter as the plain way reads it: sentences found without a
look-behind, the sentences about private life looked for only where a word of the lexicon stands,
and the clauses that hold a word of a telling set worked out from each clause's words when a
pattern first asks; whatever the letter's characters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.adapters.check_rules import shipped_rules
from followup.domain.letters.letter import Letter
from followup.domain.letters.personal import Lexicon
from followup.domain.letters.rulebook import Rulebook
from followup.domain.letters.text import sentences

# -- sentences ------------------------------------------------------------------------------------
_LOOK_BEHIND = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")  # how sentences were first found


def _sentences_as_first_found(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _LOOK_BEHIND.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab .!?\"'”’)]\n\t\u2028", max_size=40))
def test_sentences_end_where_the_look_behind_ended_them(text):
    assert sentences(text) == _sentences_as_first_found(text)


def test_a_stop_after_a_stop_ends_one_sentence_and_a_closing_quote_is_left_between_two():
    text = 'Really?! Yes. "Fine." (Done.) Next\n\nLast.'
    assert [text[s:e] for s, e in sentences(text)] == [
        "Really?!",
        "Yes.",
        '"Fine.',
        "(Done.",
        "Next",
        "Last.",
    ]


# -- sentences about private life ----------------------------------------------------------------
DATA: dict[str, object] = {
    "threshold": 2,
    "lexicon": {
        "leisure time": ["weekend", "saturday", "last night"],
        "food and drink": ["dinner", "kimchi", "cooking"],
        "family and home": ["kitchen", "renovation"],
    },
    "support": ["leisure time"],
    "owners": ["my"],
    "work": ["client"],
}


class _EverySentence(Lexicon):
    """The lexicon reading every sentence's words, as it did before it looked its words up."""

    def _holding(self, text, spans, words):  # type: ignore[no-untyped-def]
        return None


def _hits(lexicon: Lexicon, text: str, spans: list[tuple[int, int]], words: bool) -> list[object]:
    known = set(re.findall(r"\w+", text.lower())) if words else None
    everything = set(text.lower().split()) | {"dinner", "kitchen", "night"}
    return list(lexicon.sentences(text, spans, everything, frozenset(), known))


_PIECES = st.sampled_from(
    [
        *("dinner", "Kitchen", "renovation", "last", "night", "my", "client", "weekend"),
        *("kimchi", "cooking", " ", ". ", "\n", "-", "é", "İ", "Σ", "x", "_", "Dinners"),
        "akitchen",
    ]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join), st.data())
def test_private_life_is_found_in_the_same_sentences_when_only_those_with_a_word_are_read(
    text, data
):
    everyone, looked_up = _EverySentence(DATA), Lexicon(DATA)
    for spans in (
        sentences(text),
        # any spans: cut inside words, overlapping, out of order
        data.draw(
            st.lists(
                st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
                max_size=4,
            ).map(lambda spans: [tuple(s) for s in spans])
        ),
    ):
        for words in (True, False):
            assert _hits(looked_up, text, spans, words) == _hits(everyone, text, spans, words)


def test_a_sentence_without_a_word_of_the_lexicon_is_not_read():
    lexicon = Lexicon(DATA)
    text = "The deck is attached. We had dinner in the new kitchen. Talk soon."
    spans = sentences(text)
    assert lexicon._holding(text, spans, None) == {spans[1]}
    # cut inside a word, a span reads a word of its own: it is read
    assert lexicon._holding(text, [(0, 3), (30, 33)], None) == {(30, 33)}
    assert lexicon._holding(text, [(0, 3), (31, 36)], None) == {(31, 36)}


def test_a_word_that_only_finds_a_phrase_is_read_only_where_the_text_holds_the_phrase_words():
    lexicon = Lexicon(DATA)  # "night" finds "last night", and is no entry by itself
    text = "The night shift starts at six. The deck is attached."
    assert lexicon._holding(text, sentences(text), None) == set()
    text = "The night shift starts at six. We spoke last week."
    spans = sentences(text)
    assert lexicon._holding(text, spans, None) == {spans[0]}  # "last" stands in the text


# -- clauses that hold a word of a telling set ----------------------------------------------------
_RULES = Rulebook(shipped_rules())
_WORDS = sorted(_RULES.triggers.words)[:400:7]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_WORDS, "the", "you", ". ", ", ", "\n\n", "\n", "é", "! "]), max_size=40
    ).map(" ".join)
)
def test_the_clauses_holding_a_telling_set_are_those_whose_words_meet_it(text):
    letter = Letter(text)
    present = letter.present(_RULES.triggers)
    words = [set(re.findall(r"\w+", text[s:e].lower())) for s, e in letter.clauses]
    for number, telling in enumerate(_RULES.triggers.sets):
        expected = sum(1 << i for i, held in enumerate(words) if telling & held)
        assert (number in present) == bool(expected)
        if letter.aligned:
            assert letter._set_mask(number) == expected, (text, sorted(telling))
