"""The words of private life WordNet knows (`checks/pastimes.txt`, built by
bench/build_pastimes.py from Princeton WordNet 3.0): dishes, games, pets, feasts, illnesses,
kin, faith, weather, cars ("durian", "handball", "dachshund"), each with its domain. The
new-topic rule reads them beside its own lexicon; the file (some 5,000 lines) is read when a
letter is first checked for new topics, once."""

from __future__ import annotations

import os

# a path as a string: pathlib is 2 ms of the check's start-up
PASTIMES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "checks", "pastimes.txt")


class Pastimes:
    """The words and their domains, read once when first asked for."""

    def __init__(self, path: str | os.PathLike[str] = PASTIMES) -> None:
        self._path = path
        self._words: dict[str, str] | None = None

    def words(self) -> dict[str, str]:
        """word -> domain ("durian" -> "food and drink"); empty where the file is missing."""
        if self._words is None:
            try:
                with open(self._path, encoding="utf-8") as file:
                    text = file.read()
            except OSError:
                text = ""
            self._words = {
                word: domain
                for domain, _, words in (line.partition("\t") for line in text.splitlines())
                for word in words.split()
            }
        return self._words
