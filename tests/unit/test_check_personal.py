"""Sentences about private life, found by what they are about: the lexicon, its frames, its
pleasantries, the words of work and the interview's own words."""

from __future__ import annotations

from followup.domain.letters.personal import Lexicon
from followup.domain.letters.text import sentences, stem

DATA: dict[str, object] = {
    "threshold": 2,
    "lexicon": {
        "leisure time": ["weekend", "saturday", "last night"],
        "food and drink": ["dinner", "kimchi", "cooking"],
        "family and home": ["kitchen", "renovation", "family"],
        "culture": ["band"],
    },
    "support": ["leisure time"],
    "owners": ["my", "our"],
    "frames": [r"\bhave\s+you\s+(?:ever\s+)?been\b"],
    "pleasantries": [r"\b(?:have|had)\s+a\s+(?:\w+\s+)?weekend\b"],
    "work": ["client", "tender"],
}


def _found(text: str, context: frozenset[str] = frozenset(), data: dict[str, object] = DATA):
    lexicon = Lexicon(data)
    words = set(text.lower().replace(".", " ").replace("?", " ").split())
    return [
        (text[h.start : h.end], h.entries, h.domains)
        for h in lexicon.sentences(text, sentences(text), words, context)
    ]


def test_two_entries_of_private_life_in_one_sentence_make_it_a_new_topic():
    text = "The deck is attached. We are knee-deep in a kitchen renovation."
    assert _found(text) == [
        (
            "We are knee-deep in a kitchen renovation.",
            ("kitchen", "renovation"),
            ("family and home",),
        )
    ]


def test_one_entry_alone_is_not_a_topic():
    assert _found("I can come in on Saturday morning.") == []


def test_words_that_say_when_are_never_the_subject_alone():
    assert _found("Thank you for seeing me on a Saturday, part of your weekend.") == []
    assert _found("We had dinner out on Saturday.") == [
        (
            "We had dinner out on Saturday.",
            ("dinner", "saturday"),
            ("food and drink", "leisure time"),
        )
    ]


def test_an_entry_of_several_words_is_found_by_its_longest_word():
    assert _found("Our kitchen flooded last night.") == [
        (
            "Our kitchen flooded last night.",
            ("kitchen", "last night"),
            ("family and home", "leisure time"),
        )
    ]


def test_a_frame_counts_as_an_entry_but_never_alone():
    assert _found("I went to Lisbon at the weekend. Have you ever been?") == []
    assert _found("Have you ever been cooking in Seoul?") == [
        ("Have you ever been cooking in Seoul?", ("cooking",), ("food and drink",))
    ]


def test_an_entry_the_writer_owns_counts_twice():
    assert _found("My band plays on Friday.") == [
        ("My band plays on Friday.", ("band",), ("culture",))
    ]
    assert _found("The band plays on Friday.") == []


def test_a_pleasantry_says_nothing():
    assert _found("I hope you had a lovely weekend with the family.") == []


def test_a_word_of_work_or_of_the_interview_ties_the_sentence_to_the_job():
    assert _found("I met the client for dinner on Saturday.") == []
    assert _found("The kimchi cooking demo went well.", frozenset({"demo"})) == []
    assert _found("The kimchi cooking demo went well.") == [
        ("The kimchi cooking demo went well.", ("kimchi", "cooking"), ("food and drink",))
    ]


def test_a_sentence_praising_the_family_goes_beyond_it_only_by_another_domain_not_praised():
    lexicon = Lexicon({**DATA, "flattered": ["family and home"]})
    (hit,) = lexicon.sentences(
        "Your family and the band were wonderful.",
        [(0, 40)],
        {"family", "band"},
        frozenset(),
    )
    assert lexicon.beyond_praise(hit, frozenset({"photos"})) is True  # the band: culture
    assert lexicon.beyond_praise(hit, frozenset({"band"})) is False  # the band is what is praised
    (family,) = lexicon.sentences(
        "Your family kitchen is lovely.", [(0, 30)], {"family", "kitchen"}, frozenset()
    )
    assert lexicon.beyond_praise(family, frozenset()) is False  # the family's home alone


PURSUITS: dict[str, object] = {
    **DATA,
    "lexicon": {
        **dict(DATA["lexicon"]),  # type: ignore[call-overload]
        "sport and fitness": ["race", "training", "nets", "football", "match", "climbing partner"],
    },
    "pursuits": {
        "running": {"names": ["marathon"], "words": ["race", "training"]},
        "cricket": {"names": ["cricket"], "words": ["nets", "training", "match"]},
        "football": {"names": ["football"], "words": ["match", "training"]},
    },
}


def test_the_notes_pursuit_in_other_words_of_it_is_no_new_topic():
    lexicon = Lexicon(PURSUITS)
    noted = lexicon.pursued("he is running the Patagonian marathon in September")
    assert noted == frozenset({"running"})
    assert lexicon.kindred(["training", "for", "a", "race"], noted)
    text = "Any tips on training for the race on Saturday?"
    words = set(text.lower().replace("?", " ").split())
    assert list(lexicon.sentences(text, sentences(text), words, frozenset(), noted=noted)) == []
    assert _found(text, data=PURSUITS) != []


def test_another_pursuit_or_a_word_of_a_pursuit_with_other_senses_is_not_the_notes_own():
    lexicon = Lexicon(PURSUITS)
    assert not lexicon.kindred(["the", "football", "match"], lexicon.pursued("county cricket"))
    assert lexicon.pursued("118% attainment three years running; sales training") == frozenset()


def test_the_words_of_an_entry_of_private_life_are_not_words_of_work():
    work = {**PURSUITS, "work": ["partner"]}
    text = "If you want a climbing partner, I am out every Saturday."
    assert [e for _, e, _ in _found(text, data=work)] == [("climbing partner", "saturday")]


def test_an_entry_of_private_life_that_the_notes_hold_still_ties_the_sentence_to_them():
    text = "Good luck to your son in the cricket trials on Saturday."
    data = {**PURSUITS, "lexicon": {**dict(PURSUITS["lexicon"]), "sport": ["cricket", "trials"]}}  # type: ignore[call-overload]
    assert _found(text, data=data) != []
    assert _found(text, context=frozenset({"cricket"}), data=data) == []


# -- the words of private life a word list brings (checks/pastimes.txt, from WordNet) ---------

EXTRA = {"durian": "food and drink", "mangoes": "food and drink", "whippets": "pets and animals"}
WITH_FRAMES: dict[str, object] = {
    **DATA,
    "frames": [
        r"\bhave\s+you\s+(?:ever\s+)?(?:been|tried)\b",
        r"\bif\s+you\s+(?:like|fancy)\s+(?:them|it)\b",
    ],
    "harvests": ["season"],
}


def _found_with(text: str, extra=EXTRA, context: frozenset[str] = frozenset()):
    lexicon = Lexicon(WITH_FRAMES, extra)
    words = {w.strip(".,?!") for w in text.lower().split()}
    return [
        (text[h.start : h.end], h.entries, h.domains)
        for h in lexicon.sentences(text, sentences(text), words, context)
    ]


def test_a_word_of_the_word_list_is_an_entry_of_its_domain():
    text = "Our durian tree gave fruit this year."
    assert _found_with(text) == [(text, ("durian",), ("food and drink",))]
    assert _found_with(text, extra={}) == []


def test_a_word_of_the_word_list_counts_only_as_written_in_lowercase():
    # "Mangoes" of a name or a title is not the fruit; the rule's own entries read any case
    assert _found_with("Our Durian tree gave fruit this year.") == []


def test_one_entry_is_a_topic_where_a_sentence_of_the_same_line_beside_it_adds_a_frame():
    text = "The durian here is wonderful. Have you tried it yet?"
    assert _found_with(text) == [
        ("The durian here is wonderful.", ("durian",), ("food and drink",))
    ]
    # another line (a P.S., a bullet) is another passage: the entry stays alone
    assert _found_with("The durian here is wonderful.\nHave you tried it yet?") == []


def test_a_sentence_beside_tied_to_the_work_or_the_interview_adds_nothing():
    assert _found_with("The durian here is wonderful. Have you tried the client portal?") == []
    text = "The durian here is wonderful. Have you tried the loyalty app?"
    assert _found_with(text, context=frozenset({stem("loyalty")})) == []


def test_the_season_of_a_crop_is_a_trade_s_not_a_sport_s():
    assert _found_with("Good timing for the durian season.") == []
    lexicon = Lexicon({**WITH_FRAMES, "harvests": []}, EXTRA)
    text = "Good timing for the durian season."
    hits = list(lexicon.sentences(text, sentences(text), {"durian", "season"}, frozenset()))
    assert hits == []  # ("season" is no entry of this data: the durian stays alone)


def test_the_shipped_word_list_holds_words_of_each_domain_and_no_word_of_work():
    from followup.adapters.pastimes import Pastimes

    words = Pastimes().words()
    assert words["durian"] == "food and drink"
    assert words["mangoes"] == "food and drink"
    assert words["handball"] == "sport and fitness"
    assert words["whippets"] == "pets and animals"
    assert words["shingles"] == "health"
    for work in ("course", "client", "tender", "team", "forecast", "playing", "congestion"):
        assert work not in words
    # not verbs, adjectives or names: "back", "cook", "game", "thor"
    for other in ("back", "cook", "game", "thor"):
        assert other not in words


def test_the_word_list_is_read_once_and_a_missing_file_reads_as_none(tmp_path):
    from followup.adapters.pastimes import Pastimes

    path = tmp_path / "pastimes.txt"
    path.write_text("food and drink\tdurian mangoes\nhealth\tshingles\n", encoding="utf-8")
    list_ = Pastimes(path)
    assert list_.words() == {
        "durian": "food and drink",
        "mangoes": "food and drink",
        "shingles": "health",
    }
    path.unlink()
    assert list_.words()["durian"] == "food and drink"  # kept from the first read
    assert Pastimes(tmp_path / "none.txt").words() == {}
