"""wrong-name and wrong-company on the classes session 20 read (tests/data/letters_voices, v20n-…,
say them in letters): names written family name first (Vietnamese, Korean), whose first word
tells no sex and whose middle name may ("Thị", "Văn"), called by their syllables whole and with
no word beside them ("Thu Hằng" to Thu Hà, "Phú" to Phúc); a Romanian title in lowercase; Arabic
given names, read for the sex a title must agree with, and written joined ("Abdelrahman"), spelt
otherwise ("Mohammed", "Yasmeen") or shortened ("Mo"); a name after a word of kin in the text
("Thank you, anh Phúc, for…"); a call script's speaker labels ("Me:"); another firm that shares
the own firm's first word ("Sao Vàng" to Sao Mai), called without the country its branch trades
in ("Sao Vàng Paints" of Sao Vàng Paints Vietnam) or, in a file name, without its last word
("SaoMai"), and a firm's name that is no word, place or person ("HANBIT's"), which the learned
reader does not withdraw. Each letter gets exactly the findings listed (the words they point
at), read by the rules alone (the learned reader left out) and by the check as shipped."""

from __future__ import annotations

import pytest

from .voices import found_in

ATTACHED = "\n\nThe comparison is attached.\n\nInes"

LETTERS = [
    # family name first: the given name after a title is right, whatever the first word is
    ("saomai", "Trần Văn Phúc", "Dear Mr. Phúc," + ATTACHED, []),
    ("saomai", "Trần Văn Phúc", "Dear Mr Tran," + ATTACHED, []),
    ("saomai", "Nguyễn Thị Thu Hà", "Dear Ms. Hà," + ATTACHED, []),
    ("saomai", "Nguyễn Thị Thu Hà", "Dear Ms Nguyen," + ATTACHED, []),
    ("hanbit", "Park Ji-hoon", "Dear Mr Park," + ATTACHED, []),
    # …and a title of the other sex than the middle name says is wrong
    (
        "saomai",
        "Nguyễn Thị Thu Hà",
        "Dear Mr Nguyen," + ATTACHED,
        [("wrong-name", "Mr Nguyen")],
    ),
    ("saomai", "Trần Văn Phúc", "Dear Ms Tran," + ATTACHED, [("wrong-name", "Ms Tran")]),
    # …whose syllables are called whole, with no word beside them that is not theirs
    (
        "saomai",
        "Nguyễn Thị Thu Hà",
        "Dear Ms. Thu Hằng," + ATTACHED,
        [("wrong-name", "Ms. Thu Hằng")],
    ),
    ("saomai", "Trần Văn Phúc", "Dear Mr Phú," + ATTACHED, [("wrong-name", "Mr Phú")]),
    (
        "hanbit",
        "Park Ji-hoon",
        "Dear Mr. Park Ji-ho," + ATTACHED,
        [("wrong-name", "Mr. Park Ji-ho")],
    ),
    ("saomai", "Nguyễn Thị Thu Hà", "Dear Ms Nguyen Thu Ha," + ATTACHED, []),
    ("saomai", "Trần Văn Phúc", "Dear Anh Phúc," + ATTACHED, []),
    ("hanbit", "Park Ji-hoon", "Dear Ji-hoon Park," + ATTACHED, []),
    # a Romanian title in lowercase of the other sex than the given name
    (
        "carpati",
        "Ștefan Ionescu",
        "Stimată doamnă Ionescu," + ATTACHED,
        [("wrong-name", "Ionescu")],
    ),
    (
        "carpati",
        "Ioana Țurcanu",
        "Stimate domnule Țurcanu," + ATTACHED,
        [("wrong-name", "Țurcanu")],
    ),
    ("carpati", "Ștefan Ionescu", "Stimate domnule Ionescu," + ATTACHED, []),
    # Arabic given names tell the sex a title must agree with
    (
        "fayoum",
        "Yasmine El-Masry",
        "Dear Mr El-Masry," + ATTACHED,
        [("wrong-name", "Mr El-Masry")],
    ),
    ("fayoum", "Nour El-Din Farouk", "Dear Mr Farouk," + ATTACHED, []),
    (
        "fayoum",
        "Mohamed Abdel-Rahman",
        "Dear Ms. Abdel-Rahman," + ATTACHED,
        [("wrong-name", "Ms. Abdel-Rahman")],
    ),
    # a name of hyphened parts written joined; a listed name spelt otherwise; a short form
    ("fayoum", "Mohamed Abdel-Rahman", "Dear Mr Abdelrahman," + ATTACHED, []),
    ("hanbit", "Park Ji-hoon", "Dear Jihoon," + ATTACHED, []),
    ("fayoum", "Yasmine El-Masry", "Dear Ms Elmasry," + ATTACHED, []),
    ("fayoum", "Mohamed Abdel-Rahman", "Dear Mohammed," + ATTACHED, []),
    ("fayoum", "Yasmine El-Masry", "Hello Yasmeen," + ATTACHED, []),
    ("fayoum", "Yasmine El-Masry", "Hi Yasmin," + ATTACHED, []),
    ("fayoum", "Mohamed Abdel-Rahman", "Hi Mo," + ATTACHED, []),
    ("fayoum", "Mohamed Abdel-Rahman", "Dear Mahmoud," + ATTACHED, [("wrong-name", "Mahmoud")]),
    (
        "fayoum",
        "Mohamed Abdel-Rahman",
        "Dear Mr Abdel-Aziz," + ATTACHED,
        [("wrong-name", "Mr Abdel-Aziz")],
    ),
    # a name after a word of kin in the text is spoken to; spoken of, it is not
    (
        "saomai",
        "Nguyễn Thị Thu Hà",
        "Dear Ms Hà,\n\nThank you, anh Phúc, for showing me the line. The notes are attached.",
        [("wrong-name", "Phúc")],
    ),
    (
        "saomai",
        "Trần Văn Phúc",
        "Dear Mr Phúc,\n\nPlease thank chị Hà for the plant tour. The notes are attached.",
        [],
    ),
    # a speaker's label in a call script is no one addressed
    (
        "saomai",
        "Trần Văn Phúc",
        "Me: Good morning, Mr. Phúc, it's Ines Carvalho.\nMe: I am calling about the notes I "
        "sent on Monday.\nPhúc: ...\nMe: Thank you, sir.",
        [],
    ),
    # another firm sharing the own firm's first word; the own firm by its first words
    (
        "saomai",
        "Nguyễn Thị Thu Hà",
        "Dear Ms Hà,\n\nI'd be proud to bring my project experience to Sao Vàng.",
        [("wrong-company", "Sao Vàng")],
    ),
    (
        "saovang",
        "Đặng Thị Lan",
        "Dear Ms Lan,\n\nMy notes are in the folder I shared with the Sao Mai team.",
        [("wrong-company", "Sao Mai")],
    ),
    ("saovang", "Đặng Thị Lan", "Dear Ms Lan,\n\nThe Sao Vàng hotel range would suit resorts.", []),
    # a firm without the country its branch trades in, in any frame and in capitals
    (
        "saomai",
        "Nguyễn Thị Thu Hà",
        "Dear Ms Hà,\n\nP.S. Your blue is close to the new range from Sao Vàng Paints.",
        [("wrong-company", "Sao Vàng Paints")],
    ),
    (
        "hanbit",
        "Park Ji-hoon",
        "SUBJECT: SAO VANG PAINTS - follow-up\n\nDear Mr Park,\n\nThe summary is attached.",
        [("wrong-company", "SAO VANG PAINTS")],
    ),
    ("hanbit", "Park Ji-hoon", "Dear Mr Park,\n\nI sold paints in Vietnam for two years.", []),
    # a file name without the firm's last word
    (
        "hanbit",
        "Park Ji-hoon",
        "Dear Mr Park,\n\nThe summary is attached (Carvalho_SaoMai_casings.pdf).",
        [("wrong-company", "SaoMai")],
    ),
    # a firm's name that has no other sense, kept whoever reads it
    (
        "carpati",
        "Ștefan Ionescu",
        "Dear Mr Ionescu,\n\nMy notes from HANBIT's plant tour are attached.",
        [("wrong-company", "HANBIT")],
    ),
    (
        "carpati",
        "Ștefan Ionescu",
        "Dear Mr Ionescu,\n\nI first tried that discount with Hanbit's distributors in Busan.",
        [("wrong-company", "Hanbit")],
    ),
    (
        "carpati",
        "Ștefan Ionescu",
        "Dear Mr Ionescu,\n\nI first tried that discount with a distributor in Busan.",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), LETTERS)
def test_names_abroad(voices, voices_reading, opportunity, to, text, expected):
    assert (
        found_in(voices, opportunity, to, text, kind="call" if "Me:" in text else "check_in")
        == expected
    )


def test_a_file_name_may_leave_out_a_firms_last_words():
    from followup.domain.letters.context import compact_forms

    assert compact_forms("Phú Thịnh Logistics JSC") == ("phuthinhlogistics", "phu", "phuthinh")
    assert compact_forms("Sao Vàng Paints Vietnam Co., Ltd") == (
        "saovangpaintsvietnam",
        "sao",
        "saovangpaints",
        "saovang",
    )
    assert compact_forms("Cervecería Sierra Alta") == ("cerveceriasierraalta", "sierraalta")
