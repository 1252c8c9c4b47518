"""The place names the wrong-company rule looks a company's first words up in
(adapters/gazetteer.py; checks/places.txt, built by bench/build_places.py from GeoNames and
ISO 3166-2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.adapters.gazetteer import PLACES, Gazetteer
from followup.domain.letters.context import fold_accents


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # towns and cities of every continent, in any case, with or without their accents
        ("Kisumu", True),
        ("AREQUIPA", True),
        ("Tromsø", True),
        ("Tromso", True),
        ("Medellín", True),
        ("Medellin", True),
        # a name of two words, however they are joined
        ("Kota Kinabalu", True),
        ("kota-kinabalu", True),
        ("kota_kinabalu", True),
        # a district known by another name of a large place, a region, a US state and county
        ("Makati", True),
        ("Oromia", True),
        ("Nebraska", True),
        ("Sangamon", True),
        # a small place's other spelling
        ("Fernhill", True),
        # made-up names of companies, and a strait (no populated place)
        ("Otterbrook", False),
        ("Contoso", False),
        ("Solent", False),
        # three letters are too short to be looked up
        ("Ely", False),
    ],
)
def test_a_place_name_is_known_folded_as_the_check_folds_it(shipped, words, expected):
    assert shipped.knows(words) is expected


def test_the_names_are_read_once_and_only_when_first_asked(tmp_path: Path):
    path = tmp_path / "places.txt"
    path.write_bytes(b"kisumu\nkota kinabalu\ntromso\n")
    gazetteer = Gazetteer(path)
    assert gazetteer._names is None  # building the check opens nothing
    assert gazetteer.knows("Kota  Kinabalu") is True
    assert gazetteer.knows("Tromsø") is True
    assert gazetteer.knows("Kisu") is False  # a whole name, not the start of one
    assert gazetteer.knows("umu") is False


def test_the_shipped_names_are_folded_sorted_and_whole_lines():
    lines = Path(PLACES).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    names = lines[:-1]
    assert names == sorted(set(names))
    # folded as fold_accents folds a company's words (letters it leaves, such as æ and ß, stay)
    assert all(n == fold_accents(n.lower()) and len(n) >= 4 for n in names)
    assert 400_000 < len(names) < 700_000


def test_halving_finds_every_line_and_nothing_between_them():
    from followup.adapters.sorted_lines import holds_line

    names = sorted(["aden", "bergen", "cusco", "kota kinabalu", "kotka", "tromso", "zaria"])
    blob = ("\n".join(names) + "\n").encode()
    assert all(holds_line(blob, n.encode()) for n in names)
    between = ["aaaa", "adena", "berge", "kota", "kota kinabalux", "kotkb", "zarib", "zzzz"]
    assert not any(holds_line(blob, n.encode()) for n in between)


def test_an_empty_file_of_names_knows_no_place(tmp_path: Path):
    path = tmp_path / "places.txt"
    path.write_bytes(b"")  # nothing to map: read instead
    assert Gazetteer(path).knows("Kisumu") is False
