"""Weighing spellings of a line by what the recogniser saw along it (CTC)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from followup.adapters.cards.frames import Frames

CHARACTERS = ["blank", "a", "b", "@", "g", "A"]


def brute_force(probs: np.ndarray, text: str) -> float:
    """The probability of `text` by summing every path of characters that collapses to it."""
    total = 0.0
    for path in itertools.product(range(len(CHARACTERS)), repeat=probs.shape[0]):
        collapsed = [k for i, k in enumerate(path) if k and (i == 0 or k != path[i - 1])]
        if "".join(CHARACTERS[k] for k in collapsed) == text:
            total += math.prod(probs[t, k] for t, k in enumerate(path))
    return total


def random_frames(seed: int, steps: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    probs = rng.random((steps, len(CHARACTERS)))
    probs[:, 5] = 0.0  # no capital: a capital and its small letter are one character here
    return probs / probs.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("text", ["a", "ab", "aa", "a@b", "bgb"])
def test_the_likelihood_is_the_sum_over_every_path_that_spells_the_text(seed, text):
    probs = random_frames(seed, 5)
    [got] = Frames(probs, CHARACTERS).log_likelihoods([text])
    assert got == pytest.approx(math.log(brute_force(probs, text)), abs=1e-4)


def test_texts_of_different_lengths_are_weighed_together_as_each_alone():
    probs = random_frames(7, 6)
    frames = Frames(probs, CHARACTERS)
    texts = ["a", "a@b", "ab", "gagb"]
    together = frames.log_likelihoods(texts)
    alone = [frames.log_likelihoods([t])[0] for t in texts]
    assert together == pytest.approx(alone, abs=1e-9)


def test_a_capital_and_its_small_letter_count_as_one():
    probs = np.array([[0.1, 0.3, 0.0, 0.0, 0.0, 0.6], [0.9, 0.1, 0.0, 0.0, 0.0, 0.0]])
    frames = Frames(probs, CHARACTERS)
    [small, capital] = frames.log_likelihoods(["a", "A"])
    assert small == pytest.approx(capital)
    assert math.exp(small) == pytest.approx(0.9 * 0.9 + 0.1 * 0.1 + 0.9 * 0.1, abs=1e-6)


def test_an_at_sign_read_as_a_g_is_still_the_likelier_when_the_g_was_a_near_thing():
    # a, then a sign that is `g` at 0.55 and `@` at 0.45 over two steps, then b.
    blankish = [0.9, 0.05, 0.05, 0.0, 0.0, 0.0]
    probs = np.array(
        [
            [0.05, 0.9, 0.05, 0.0, 0.0, 0.0],
            blankish,
            [0.0, 0.0, 0.0, 0.45, 0.55, 0.0],
            [0.0, 0.0, 0.0, 0.45, 0.55, 0.0],
            blankish,
            [0.05, 0.05, 0.9, 0.0, 0.0, 0.0],
        ]
    )
    [greedy, right, wrong] = Frames(probs, CHARACTERS).log_likelihoods(["agb", "a@b", "abb"])
    assert greedy > right > wrong + 5
    assert greedy - right == pytest.approx(math.log(0.55**2 / 0.45**2), abs=0.2)


# --- the email weighed on its line ---------------------------------------------------------------


def frames_of_a_misreading(
    printed: str, misread: dict[int, str], right: float = 0.4, extra: str = ""
):
    """What a recogniser might see along `printed`: each character sure (0.95), but at the
    places of `misread` another character a little likelier (1 - `right`) than the printed one.
    The text it would return, and the frames (of `extra` characters too, never seen)."""
    characters = ["blank", *sorted(set(printed) | set(misread.values()) | set(extra))]
    column = {c: k for k, c in enumerate(characters)}
    steps = []
    for at, char in enumerate(printed):
        step = np.zeros(len(characters))
        if at in misread:
            step[column[char]], step[column[misread[at]]] = right, 1 - right
        else:
            step[column[char]], step[0] = 0.95, 0.05
        between = np.zeros(len(characters))
        between[0], between[column[char]] = 0.97, 0.03
        steps += [step, between]
    read = "".join(misread.get(at, c) for at, c in enumerate(printed))
    return read, Frames(np.array(steps), characters)


def card_with_email_line(read: str, frames: Frames | None):
    from dataclasses import replace

    from followup.adapters.cards.fields import find_fields, lines_from_text

    texts = ["Lena Vogt", "Head of Data", "Kestrel Analytics GmbH", "+49 30 1234567", read]
    lines = lines_from_text([*texts, "www.kestrel-analytics.de"])
    lines[4] = replace(lines[4], frames=(lambda: frames) if frames else None)
    return find_fields(lines, "DE")


@pytest.mark.parametrize(
    "misread",
    [
        {9: "u", 17: "@", 28: "h"},  # lena.vogtukestrel@analytics.he: the @ found a word late
        {9: "u", 17: "@", 28: "h", 1: "s", 5: "w"},  # and the name's letters misread too
        {9: "u", 17: "@", 28: "h", 1: "s", 5: "w", 6: "s", 7: "x"},
    ],
)
def test_the_address_the_card_confirms_wins_where_the_recogniser_saw_it_nearly_as_surely(
    misread,
):
    printed = "lena.vogt@kestrel-analytics.de"
    read, frames = frames_of_a_misreading(printed, misread)
    assert card_with_email_line(read, frames).email == printed


def test_without_frames_a_garbled_address_stays_as_read():
    read, _ = frames_of_a_misreading("lena.vogt@kestrel-analytics.de", {9: "u", 17: "@", 28: "h"})
    assert card_with_email_line(read, None).email == "lena.vogtukestrel@analytics.he"


def test_a_misreading_the_recogniser_was_sure_of_does_not_undo_what_the_name_put_right():
    # `lenn` for lena, the recogniser sure of its n: the name still says lena.
    read, frames = frames_of_a_misreading("lena.vogt@kestrel-analytics.de", {3: "n"}, right=0.02)
    assert read == "lenn.vogt@kestrel-analytics.de"
    assert card_with_email_line(read, frames).email == "lena.vogt@kestrel-analytics.de"


def test_an_address_read_and_confirmed_stays_where_another_is_only_a_little_likelier():
    # Read lena_vogt (also hers); the recogniser saw a dot there at 0.55, the underscore at 0.45.
    read = "lena_vogt@kestrel-analytics.de"
    _, frames = frames_of_a_misreading("lena.vogt@kestrel-analytics.de", {4: "_"}, right=0.55)
    assert card_with_email_line(read, frames).email == read


@pytest.mark.parametrize(
    "misread",
    [
        {4: "z", 9: "b", 10: "x", 27: "c"},  # lenazvogtbxestrel-analyticscde
        {
            1: "s",
            2: "m",
            4: "z",
            9: "b",
            10: "x",
            17: "u",
            27: "o",
        },  # lsmazvogtbxestreluanalyticsode
    ],
)
def test_an_email_read_past_any_address_grammar_is_the_one_the_recogniser_saw_nearly_as_surely(
    misread,
):
    printed = "lena.vogt@kestrel-analytics.de"
    read, frames = frames_of_a_misreading(printed, misread)
    assert card_with_email_line(read, None).email is None  # no @, no dot: no address read
    card = card_with_email_line(read, frames)
    assert card.email == printed
    assert card.confidence["email"] == 0.49  # found, but unsure (0.5, times 0.99 as any)


def test_a_line_that_holds_no_address_gives_no_email_whatever_the_card_allows():
    # A tagline, read right: no address the name and website spell is anywhere near as likely.
    tagline = "numbers you can trust every day"
    _, frames = frames_of_a_misreading(tagline, {})
    assert card_with_email_line(tagline, frames).email is None


def card_with_faint_email_line(read: str, frames: Frames | None, score: float):
    """A card whose phone number and website were lost (no ending anywhere on it) and whose
    email line was read at `score`: only the candidate's country (NL) says where it may be."""
    from dataclasses import replace

    from followup.adapters.cards.fields import find_fields, lines_from_text

    lines = lines_from_text(["Sjoerd van Dijk", "Head of Data", "Blue Harbor Logistics B.V.", read])
    lines[3] = replace(lines[3], score=score, frames=(lambda: frames) if frames else None)
    return find_fields(lines, "NL")


def test_an_email_line_read_too_faintly_to_keep_is_still_weighed_for_the_address():
    printed = "sjoerd.vandijk@blueharborlogistics.nl"
    read, frames = frames_of_a_misreading(printed, {4: "c", 8: "o", 14: "a", 35: "h"})
    card = card_with_faint_email_line(read, frames, score=0.4)
    assert card.email == printed
    assert card.confidence["email"] == 0.49
    # The faint line is no name, title or company, and without frames it gives nothing.
    card = card_with_faint_email_line(read, None, score=0.4)
    assert card.email is None
    assert (card.name, card.title, card.company) == (
        "Sjoerd van Dijk",
        "Head of Data",
        "Blue Harbor Logistics B.V.",
    )


def test_an_address_seen_less_surely_is_taken_where_no_other_comes_near_it():
    # Ten letters misread, each with the printed one at 0.04: about 1.2 nats a character less
    # likely than the line as read, but no address spelt otherwise is anywhere near.
    printed = "lena.vogt@kestrel-analytics.de"
    misread = {1: "s", 2: "m", 4: "z", 9: "b", 10: "x", 12: "c", 17: "u", 20: "j", 24: "o", 27: "o"}
    read, frames = frames_of_a_misreading(printed, misread, right=0.04)
    gap = 10 * math.log(0.96 / 0.04) / len(printed)
    assert 0.9 < gap < 1.4
    assert card_with_email_line(read, frames).email == printed
    # Four letters more misread as surely: too far off to be taken, however alone it is.
    more = {**misread, 14: "z", 15: "q", 19: "v", 22: "w"}
    read, frames = frames_of_a_misreading(printed, more, right=0.04)
    assert 14 * math.log(0.96 / 0.04) / len(printed) > 1.4
    assert card_with_email_line(read, frames).email is None


def frames_of_a_loss(printed: str, lost: set[int], kept: float = 0.3) -> tuple[str, Frames]:
    """What a recogniser might see along `printed` where the characters at `lost` are faint
    (seen at `kept`, blank the rest): the text it would return without them, and the frames."""
    characters = ["blank", *sorted(set(printed))]
    column = {c: k for k, c in enumerate(characters)}
    steps = []
    for at, char in enumerate(printed):
        step = np.zeros(len(characters))
        sure = kept if at in lost else 0.95
        step[column[char]], step[0] = sure, 1 - sure
        between = np.zeros(len(characters))
        between[0], between[column[char]] = 0.97, 0.03
        steps += [step, between]
    read = "".join(c for at, c in enumerate(printed) if at not in lost)
    return read, Frames(np.array(steps), characters)


def test_a_label_run_into_the_address_and_the_dot_after_its_initial_are_lost_faintly_seen():
    # `Email l.vogt@…` read `Emaillvogt@…`: the label is printed there, the dot a near thing.
    read, frames = frames_of_a_loss("Email l.vogt@kestrel-analytics.de", {5, 7}, kept=0.4)
    assert read == "Emaillvogt@kestrel-analytics.de"
    assert card_with_email_line(read, frames).email == "l.vogt@kestrel-analytics.de"


def test_no_dot_is_put_after_an_initial_where_the_recogniser_saw_none():
    read, frames = frames_of_a_loss("Email lvogt@kestrel-analytics.de", {5}, kept=0.2)
    assert read == "Emaillvogt@kestrel-analytics.de"
    assert card_with_email_line(read, frames).email == "lvogt@kestrel-analytics.de"


@pytest.mark.parametrize("kept, email", [(0.4, "lena_vogt"), (0.05, "lenavogt")])
def test_an_address_read_and_confirmed_gains_a_separator_only_where_the_recogniser_nearly_saw_it(
    kept, email
):
    # lenavogt and lena_vogt are both hers: the frames say whether an underscore was printed.
    read, frames = frames_of_a_loss("lena_vogt@kestrel-analytics.de", {4}, kept=kept)
    assert read == "lenavogt@kestrel-analytics.de"
    assert card_with_email_line(read, frames).email == f"{email}@kestrel-analytics.de"


@pytest.mark.parametrize(
    "printed, misread",
    [
        ("lena_vogt@kestrel-analytics.de", {4: " "}),  # the underscore read as a space
        ("lena-vogt@kestrel-analytics.de", {4: " "}),  # the hyphen too
    ],
)
def test_an_address_confirmed_with_another_separator_is_the_one_the_recogniser_saw(
    printed, misread
):
    # lena.vogt, lena_vogt and lena-vogt are all hers: the recogniser saw which was printed.
    read, frames = frames_of_a_misreading(printed, misread, right=0.4)
    assert card_with_email_line(read, None).email != printed
    assert card_with_email_line(read, frames).email == printed


def test_an_address_confirmed_keeps_its_separator_where_the_recogniser_saw_it():
    read, frames = frames_of_a_misreading("lena_vogt@kestrel-analytics.de", {})
    assert card_with_email_line(read, frames).email == read
    read, frames = frames_of_a_misreading("lena.vogt@kestrel-analytics.de", {})
    assert card_with_email_line(read, frames).email == read


def test_an_address_confirmed_loses_no_separator_however_likely_the_frames_find_it_without():
    # The dot of lena.vogt read as a space, the frames finding nothing there likelier than a dot
    # (a gap): small print loses separators, it does not make them up.
    printed = "lena.vogt@kestrel-analytics.de"
    read, frames = frames_of_a_misreading(printed, {4: " "})
    frames.probs[8, :] = 0.0  # the step of the dot: space 0.48, nothing 0.42, the dot 0.10
    frames.probs[8, [0, frames._index[" "], frames._index["."]]] = (0.42, 0.48, 0.10)
    without, dotted = frames.log_likelihoods(["lenavogt@kestrel-analytics.de", printed])
    assert without > dotted + 1.0
    assert card_with_email_line(read, frames).email == printed


@pytest.mark.parametrize("kept, email", [(0.3, "l.vogt"), (0.15, "l.vogt"), (0.05, "lvogt")])
def test_a_reading_that_dropped_characters_keeps_the_dot_after_the_initial_it_saw_faintly(
    kept, email
):
    # `lvogtkestrel-analyticsde`: the `@` and the domain's dot dropped, faintly seen (0.3).
    # Print too small for the recogniser's steps loses a dot beside an initial as easily: seen
    # faintly, even less than without it (0.15: 1.7 nats), it was printed; seen hardly at all
    # (0.05: 2.9 nats), it was not.
    printed = "l.vogt@kestrel-analytics.de"
    characters = ["blank", *sorted(set(printed))]
    steps = []
    for at, char in enumerate(printed):
        sure = {1: kept, 6: 0.3, 24: 0.3}.get(at, 0.95)
        step = np.zeros(len(characters))
        step[characters.index(char)], step[0] = sure, 1 - sure
        between = np.zeros(len(characters))
        between[0], between[characters.index(char)] = 0.97, 0.03
        steps += [step, between]
    card = card_with_email_line("lvogtkestrel-analyticsde", Frames(np.array(steps), characters))
    assert card.email == f"{email}@kestrel-analytics.de"


# --- the first word of a line no address was read on ---------------------------------------------


def card_with_unread_email(read: str, frames: Frames):
    """Alistair Whitfield's card, whose email line `read` holds no address (its `@` and its
    dots read as letters and spaces)."""
    from dataclasses import replace

    from followup.adapters.cards.fields import find_fields, lines_from_text

    texts = [
        "Castellan Ingeniería Ltd",
        "Alistair Whitfield",
        "Vice President of Sales",
        "T +44 121 289 5658",
        read,
        "www.castellan.co.uk",
    ]
    lines = lines_from_text(texts)
    lines[4] = replace(lines[4], frames=lambda: frames)
    return find_fields(lines, "GB")


@pytest.mark.parametrize(
    "misread",
    [
        # adostair whateieldlcastetlan.ca uk
        {1: "d", 2: "o", 8: " ", 11: "a", 13: "e", 18: "l", 24: "t", 30: "a", 31: " "},
        # adottair whatfleldlcasteltan.ca uk
        {1: "d", 2: "o", 3: "t", 8: " ", 11: "a", 14: "l", 18: "l", 25: "t", 30: "a", 31: " "},
    ],
)
def test_a_first_word_like_no_label_is_the_addresses_first_name_not_a_label_left_out(misread):
    read, frames = frames_of_a_misreading("alistair.whitfield@castellan.co.uk", misread)
    card = card_with_unread_email(read, frames)
    assert card.email == "alistair.whitfield@castellan.co.uk"
    assert card.confidence["email"] == 0.49


@pytest.mark.parametrize(
    ("printed", "misread"),
    [
        # Emanl whiafieldlcasteltan.coa k: a label misread, the surname alone after it.
        ("Email whitfield@castellan.co.uk", {3: "n", 9: "a", 15: "l", 22: "t", 28: "a", 29: " "}),
        # Emnil whiafieldlcasteltan.coa k
        ("Emnil whitfield@castellan.co.uk", {9: "a", 15: "l", 22: "t", 28: "a", 29: " "}),
        # Mai1: whiafieldlcasteltan.coa k
        ("Mail: whitfield@castellan.co.uk", {3: "1", 9: "a", 15: "l", 22: "t", 28: "a", 29: " "}),
    ],
)
def test_a_first_word_a_few_look_alikes_off_a_label_is_still_left_out_as_one(printed, misread):
    read, frames = frames_of_a_misreading(printed, misread)
    assert card_with_unread_email(read, frames).email == "whitfield@castellan.co.uk"


@pytest.mark.parametrize(
    ("word", "label"),
    [
        *(("E", True), ("e:", True), ("E-mait:", True), ("Emnall", True), ("Fmail", True)),
        *(("Courrlel", True), ("Mel", True), ("Mai1", True)),
        *(("adotair", False), ("whateldl", False), ("Alistair", False), ("Ines", False)),
        ("Emma", False),
    ],
)
def test_a_word_may_be_an_email_label_misread_by_its_look_alike_letters(word, label):
    from followup.adapters.cards.weighing import may_be_label

    assert may_be_label(word) is label


@pytest.mark.parametrize(
    "gap", [(0.4, 0.57, 0.02, 0.01), (0.1, 0.88, 0.01, 0.01), (0.7, 0.28, 0.015, 0.005)]
)
def test_a_space_read_between_the_words_of_a_local_part_the_frames_see_no_mark_in_is_an_underscore(
    gap,
):
    # The underscore lost under the line, a letter's width of paper read as a space: the frames
    # see a gap (nothing, or a space), a dot as faintly as an underscore or a little more.
    printed = "lena_vogt@kestrel-analytics.de"
    read, frames = frames_of_a_misreading(printed, {4: " "}, extra=".")
    frames.probs[8, :] = 0.0
    frames.probs[8, [0, frames._index[" "], frames._index["."], frames._index["_"]]] = gap
    assert read == "lena vogt@kestrel-analytics.de"
    assert card_with_email_line(read, frames).email == printed


def test_a_space_read_where_the_frames_saw_a_dot_faintly_stays_a_dot():
    printed = "lena.vogt@kestrel-analytics.de"
    read, frames = frames_of_a_misreading(printed, {4: " "}, extra="_")
    frames.probs[8, :] = 0.0
    frames.probs[8, [0, frames._index[" "], frames._index["."], frames._index["_"]]] = (
        0.35,
        0.449,
        0.2,
        0.001,
    )
    assert card_with_email_line(read, frames).email == printed


@pytest.mark.parametrize(
    ("read", "underscored"),
    [
        # The gap where the underscore was, the letters beside it read right or one misread.
        ("Faznaß: malgorzate szymanskadjorápl", ["malgorzata_szymanska@fjord.pl"]),
        ("F. matthi gampetli@ironbridge.ch", ["matthi_gamperli@ironbridge.ch"]),
        # Near misses: the only space is the label's, or the gap is elsewhere in the address.
        ("E-mail: malgorzataszymanska@fjord.pl", []),
        ("malgorzatasz ymanska@fjord.pl", []),
    ],
)
def test_an_underscore_is_weighed_only_where_a_gap_was_read_in_its_place(read, underscored):
    from followup.adapters.cards.weighing import _underscored

    texts = [
        "malgorzata.szymanska@fjord.pl",
        "malgorzata_szymanska@fjord.pl",
        "matthi.gamperli@ironbridge.ch",
        "matthi_gamperli@ironbridge.ch",
    ]
    winner = "matthi.gamperli@ironbridge.ch" if "matthi" in read else texts[0]
    assert _underscored(winner, texts, read) == underscored
